package dialog

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// MemOptions tune a MemStore; zero fields take the defaults.
type MemOptions struct {
	Retention     time.Duration // every conversation expires after its last write (30 days)
	DedupeTTL     time.Duration // a claimed message id is remembered (48 hours)
	TranscriptCap int           // transcript entries kept, newest (200)
	// Clock tells the store the time, for expiry; the wall clock by default.
	Clock Clock
}

// MemStore is a Store held in memory, with the semantics of the Redis
// store: compare-and-set updates re-applied on conflict, inbound dedupe,
// the staff queue urgent first then oldest, check-in timers claimed once,
// expiry after the retention, and FORGET erasing every trace of a family.
// It is for tests and for running without Redis; nothing survives a
// restart. It is safe for concurrent use.
type MemStore struct {
	secret []byte
	opts   MemOptions

	mu       sync.Mutex
	rev      int64 // bumped on every write, so a forgotten-and-recreated conversation never passes as unchanged
	convs    map[string]*memConv
	seen     map[string]map[string]time.Time // conv id -> message id -> expiry
	forgot   map[string]time.Time            // channel + message id -> expiry, of FORGET messages
	queue    map[string]QueueItem
	checkins map[string]time.Time
	outbox   []Outbound
	sent     map[string]bool // outbound ids ever queued, so a retried commit never doubles a reply
	unmet    []UnmetNeed
	outcomes []Outcome
}

type memConv struct {
	conv    Conversation
	tx      []Entry
	rev     int64
	expires time.Time
}

var (
	_ Store           = (*MemStore)(nil)
	_ InboundReleaser = (*MemStore)(nil)
)

// NewMemStore returns an empty MemStore; secret keys the conversation ids.
func NewMemStore(secret []byte, opts MemOptions) *MemStore {
	if opts.Retention <= 0 {
		opts.Retention = DefaultRetention
	}
	if opts.DedupeTTL <= 0 {
		opts.DedupeTTL = 48 * time.Hour
	}
	if opts.TranscriptCap <= 0 {
		opts.TranscriptCap = 200
	}
	if opts.Clock == nil {
		opts.Clock = ClockFunc(time.Now)
	}
	return &MemStore{
		secret: append([]byte(nil), secret...), opts: opts,
		convs: map[string]*memConv{}, seen: map[string]map[string]time.Time{}, forgot: map[string]time.Time{},
		queue: map[string]QueueItem{}, checkins: map[string]time.Time{}, sent: map[string]bool{},
	}
}

// ID returns the conversation id of k.
func (s *MemStore) ID(k Key) string { return ConversationID(s.secret, k) }

// ClaimInbound reports whether messageID is new for k's conversation; an
// empty id is always new.
func (s *MemStore) ClaimInbound(_ context.Context, k Key, messageID string) (bool, error) {
	if messageID == "" {
		return true, nil
	}
	id := s.ID(k)
	now := s.opts.Clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if exp, ok := s.forgot[string(k.Channel)+"\x00"+messageID]; ok && now.Before(exp) {
		return false, nil
	}
	m := s.seen[id]
	if m == nil {
		m = map[string]time.Time{}
		s.seen[id] = m
	}
	if exp, ok := m[messageID]; ok && now.Before(exp) {
		return false, nil
	}
	m[messageID] = now.Add(s.opts.DedupeTTL)
	return true, nil
}

// MarkForgotten remembers that messageID made its family FORGET, apart from
// the family's own records.
func (s *MemStore) MarkForgotten(_ context.Context, k Key, messageID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgot[string(k.Channel)+"\x00"+messageID] = s.opts.Clock.Now().Add(s.opts.DedupeTTL)
	return nil
}

// ReleaseInbound forgets a claimed message id, so a provider's retry of a
// message that failed to commit is handled.
func (s *MemStore) ReleaseInbound(_ context.Context, k Key, messageID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.seen[s.ID(k)], messageID)
	return nil
}

// Update applies fn to k's conversation under compare-and-set.
func (s *MemStore) Update(ctx context.Context, k Key, fn UpdateFunc) (Conversation, error) {
	return s.update(ctx, s.ID(k), &k, fn)
}

// UpdateByID applies fn to a kept conversation, or returns an error
// wrapping ErrNotFound.
func (s *MemStore) UpdateByID(ctx context.Context, id string, fn UpdateFunc) (Conversation, error) {
	return s.update(ctx, id, nil, fn)
}

// maxMemRetries bounds re-applies on conflict.
const maxMemRetries = 1000

// update reads without the lock, runs fn outside it (fn may search, assign
// and even read this store), then commits only if nothing was written since.
func (s *MemStore) update(ctx context.Context, id string, k *Key, fn UpdateFunc) (Conversation, error) {
	for range maxMemRetries {
		if err := ctx.Err(); err != nil {
			return Conversation{}, err
		}
		s.mu.Lock()
		cur, rev, ok := s.read(id)
		s.mu.Unlock()
		if !ok {
			if k == nil {
				return Conversation{}, fmt.Errorf("memstore: update: %w", ErrNotFound)
			}
			cur = Conversation{ID: id, Channel: k.Channel, Address: k.Address}
		}
		next, commit, err := fn(cur)
		if err != nil {
			return Conversation{}, fmt.Errorf("memstore: update: %w", err)
		}
		switch {
		case next.Version != cur.Version:
			return Conversation{}, errors.New("memstore: update: the update func changed the version")
		case next.ID != cur.ID || next.Channel != cur.Channel || next.Address != cur.Address:
			return Conversation{}, errors.New("memstore: update: the update func changed the conversation's id, channel or address")
		}
		next.Version = cur.Version + 1
		s.mu.Lock()
		if _, nowRev, _ := s.read(id); nowRev != rev {
			s.mu.Unlock()
			continue // another update won: re-read and re-apply
		}
		s.commit(id, next, commit)
		s.mu.Unlock()
		return next, nil
	}
	return Conversation{}, fmt.Errorf("memstore: update: too many conflicting writes: %w", ErrUnavailable)
}

// read returns a live conversation and its revision (0 when none); the
// caller holds the lock.
func (s *MemStore) read(id string) (Conversation, int64, bool) {
	mc, ok := s.convs[id]
	if !ok {
		return Conversation{}, 0, false
	}
	if !s.opts.Clock.Now().Before(mc.expires) {
		s.erase(id)
		return Conversation{}, 0, false
	}
	c := mc.conv
	c.Flags = slices.Clone(c.Flags)
	c.Offered = slices.Clone(c.Offered)
	c.Asks = slices.Clone(c.Asks)
	c.Triage.Terms = slices.Clone(c.Triage.Terms)
	c.Triage.Ages = slices.Clone(c.Triage.Ages)
	if c.Handoff != nil {
		h := *c.Handoff
		c.Handoff = &h
	}
	return c, mc.rev, true
}

// commit writes one update's result; the caller holds the lock.
func (s *MemStore) commit(id string, next Conversation, c Commit) {
	s.rev++
	now := s.opts.Clock.Now()
	for i, o := range c.Outbound {
		if o.ID == "" {
			o.ID = fmt.Sprintf("%s:%d:%d", id, next.Version, i)
		}
		if s.sent[o.ID] {
			continue
		}
		o.ConvID = cmp.Or(o.ConvID, id)
		o.Channel = cmp.Or(o.Channel, next.Channel)
		o.Address = cmp.Or(o.Address, next.Address)
		s.sent[o.ID] = true
		s.outbox = append(s.outbox, o)
	}
	s.unmet = append(s.unmet, c.Unmet...)
	s.outcomes = append(s.outcomes, c.Outcomes...)
	if c.Forget {
		s.erase(id)
		return
	}
	mc := s.convs[id]
	if mc == nil {
		mc = &memConv{}
		s.convs[id] = mc
	}
	if h := next.Handoff; h != nil {
		hh := *h
		next.Handoff = &hh
	}
	mc.conv, mc.rev, mc.expires = next, s.rev, now.Add(s.opts.Retention)
	mc.tx = append(mc.tx, c.Transcript...)
	if over := len(mc.tx) - s.opts.TranscriptCap; over > 0 {
		mc.tx = slices.Clone(mc.tx[over:])
	}
	if c.Dequeue && c.Enqueue == nil {
		delete(s.queue, id)
	}
	if q := c.Enqueue; q != nil {
		item := *q
		item.ConvID = id
		if item.Since.IsZero() {
			item.Since = next.Updated
		}
		s.queue[id] = item
	}
	if !c.CheckinAt.IsZero() {
		s.checkins[id] = c.CheckinAt
	}
}

// erase deletes every key of a conversation; the caller holds the lock.
func (s *MemStore) erase(id string) {
	delete(s.convs, id)
	delete(s.seen, id)
	delete(s.queue, id)
	delete(s.checkins, id)
}

// Load returns a conversation, or an error wrapping ErrNotFound.
func (s *MemStore) Load(_ context.Context, id string) (Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, _, ok := s.read(id)
	if !ok {
		return Conversation{}, fmt.Errorf("memstore: load: %w", ErrNotFound)
	}
	return c, nil
}

// Transcript returns a conversation's transcript, oldest first, or an error
// wrapping ErrNotFound.
func (s *MemStore) Transcript(_ context.Context, id string) ([]Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, _, ok := s.read(id); !ok {
		return nil, fmt.Errorf("memstore: transcript: %w", ErrNotFound)
	}
	return slices.Clone(s.convs[id].tx), nil
}

// Queue lists the staff queue: urgent first, then longest waiting.
func (s *MemStore) Queue(context.Context) ([]QueueItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]QueueItem, 0, len(s.queue))
	for id, q := range s.queue {
		if _, _, ok := s.read(id); ok {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, func(a, b QueueItem) int {
		if a.Urgent != b.Urgent {
			if a.Urgent {
				return -1
			}
			return 1
		}
		return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.ConvID, b.ConvID))
	})
	return out, nil
}

// DueCheckins claims up to max check-ins due by now, oldest first; each is
// returned once.
func (s *MemStore) DueCheckins(_ context.Context, now time.Time, limit int) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var due []string
	for id, at := range s.checkins {
		if !at.After(now) {
			due = append(due, id)
		}
	}
	slices.SortFunc(due, func(a, b string) int {
		return cmp.Or(s.checkins[a].Compare(s.checkins[b]), cmp.Compare(a, b))
	})
	if len(due) > limit {
		due = due[:max(0, limit)]
	}
	for _, id := range due {
		delete(s.checkins, id)
	}
	return due, nil
}

// Unmet returns the recorded unmet needs, oldest first.
func (s *MemStore) Unmet(context.Context) ([]UnmetNeed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.unmet), nil
}

// Outcomes returns the recorded check-in outcomes, oldest first.
func (s *MemStore) Outcomes(context.Context) ([]Outcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.outcomes), nil
}

// Forget erases every key of the family of k.
func (s *MemStore) Forget(_ context.Context, k Key) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.erase(s.ID(k))
	s.rev++
	return nil
}

// Outbox returns the replies waiting to be sent, in order.
func (s *MemStore) Outbox() []Outbound {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.outbox)
}

// TakeOutbox returns the replies waiting to be sent and empties the outbox,
// as a sender would.
func (s *MemStore) TakeOutbox() []Outbound {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.outbox
	s.outbox = nil
	return out
}

// Holds reports whether the store keeps anything of conversation id: the
// conversation, its transcript, a dedupe entry, a queue item or a timer.
func (s *MemStore) Holds(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, a := s.convs[id]
	_, b := s.seen[id]
	_, c := s.queue[id]
	_, d := s.checkins[id]
	return a || b || c || d
}
