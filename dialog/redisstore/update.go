package redisstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
)

// Backoff between attempts of a conflicted update: a random wait up to
// backoffBase<<attempt, capped at backoffMax.
const (
	backoffBase = 100 * time.Microsecond
	backoffMax  = 10 * time.Millisecond
)

// Update applies fn to the conversation of k (a new one, with ID, Channel and
// Address set and zero times, when none is kept) under WATCH on its key, and
// commits the result and its Commit in one MULTI/EXEC. When another update
// wins the race, it re-reads and calls fn again, up to Options.MaxRetries
// times. fn's own error is returned wrapped, with nothing written.
func (s *Store) Update(ctx context.Context, k dialog.Key, fn dialog.UpdateFunc) (dialog.Conversation, error) {
	return s.update(ctx, s.ID(k), &k, "", fn)
}

// UpdateClaiming is Update for an inbound message: the claim on its id and
// the update are one transaction, so a message is either handled and
// claimed, or neither (a crash or an outage between the two can no longer
// leave it claimed but unhandled, its retry dropped). A message already
// claimed, or the one that made its family FORGET, gives
// dialog.ErrDuplicate and nothing is written.
func (s *Store) UpdateClaiming(ctx context.Context, k dialog.Key, messageID string, fn dialog.UpdateFunc) (dialog.Conversation, error) {
	return s.update(ctx, s.ID(k), &k, messageID, fn)
}

var _ dialog.ClaimingUpdater = (*Store)(nil)

// UpdateByID is Update for a conversation known by its id; a conversation
// that is not kept gives an error wrapping dialog.ErrNotFound, and fn is not
// called.
func (s *Store) UpdateByID(ctx context.Context, id string, fn dialog.UpdateFunc) (dialog.Conversation, error) {
	return s.update(ctx, id, nil, "", fn)
}

// final marks an error inside a WATCH callback that must not be retried nor
// taken for a Redis failure.
type final struct{ err error }

func (f *final) Error() string { return f.err.Error() }

func (s *Store) update(ctx context.Context, id string, k *dialog.Key, messageID string, fn dialog.UpdateFunc) (dialog.Conversation, error) {
	ck := s.convKey(id)
	watch := []string{ck}
	var seenKey, forgotKey string
	if messageID != "" && k != nil {
		seenKey, forgotKey = s.seenKey(id, messageID), s.forgotKey(*k, messageID)
		watch = append(watch, seenKey, forgotKey)
	}
	var out dialog.Conversation
	attempt := func(tx *redis.Tx) error {
		if seenKey != "" {
			n, err := tx.Exists(ctx, seenKey, forgotKey).Result()
			if err != nil {
				return err
			}
			if n > 0 {
				return &final{dialog.ErrDuplicate}
			}
		}
		cur, err := s.read(ctx, tx, id, k)
		if err != nil {
			return err
		}
		next, commit, err := fn(cur)
		if err != nil {
			return &final{err}
		}
		if err := checkIdentity(cur, next); err != nil {
			return &final{err}
		}
		next.Version = cur.Version + 1
		var seen []string
		if commit.Forget {
			if seen, err = s.scanSeen(ctx, tx, id); err != nil {
				return err
			}
		}
		cmds, err := s.commitCmds(ctx, id, next, commit, seen)
		if err != nil {
			return &final{err}
		}
		if seenKey != "" {
			// The claim commits with the update. After FORGET it goes in
			// the key that names no family, so a replay is still a replay.
			claim := seenKey
			if commit.Forget {
				claim = forgotKey
			}
			cmds = append(cmds, redis.NewStatusCmd(ctx, "set", claim, "1", "px", s.opts.DedupeTTL.Milliseconds()))
		}
		if _, err := tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			for _, c := range cmds {
				_ = p.Process(ctx, c)
			}
			return nil
		}); err != nil {
			return err
		}
		out = next
		return nil
	}

	for n := 0; ; n++ {
		err := s.rdb.Watch(ctx, attempt, watch...)
		if err == nil {
			return out, nil
		}
		if f := (*final)(nil); errors.As(err, &f) {
			return dialog.Conversation{}, fmt.Errorf("redisstore: update: %w", f.err)
		}
		if !errors.Is(err, redis.TxFailedErr) {
			return dialog.Conversation{}, unavailable("update", err)
		}
		if s.opts.OnConflict != nil {
			s.opts.OnConflict()
		}
		if n >= s.opts.MaxRetries {
			return dialog.Conversation{}, fmt.Errorf("redisstore: update: gave up after %d conflicting writes: %w: %w",
				n+1, dialog.ErrUnavailable, err)
		}
		if err := sleep(ctx, backoff(n)); err != nil {
			return dialog.Conversation{}, unavailable("update", err)
		}
	}
}

// read returns the stored conversation, or a new one for k when none is kept
// and k is known.
func (s *Store) read(ctx context.Context, tx *redis.Tx, id string, k *dialog.Key) (dialog.Conversation, error) {
	raw, err := tx.Get(ctx, s.convKey(id)).Bytes()
	switch {
	case errors.Is(err, redis.Nil) && k == nil:
		return dialog.Conversation{}, &final{dialog.ErrNotFound}
	case errors.Is(err, redis.Nil):
		return dialog.Conversation{ID: id, Channel: k.Channel, Address: k.Address}, nil
	case err != nil:
		return dialog.Conversation{}, err
	}
	c, err := decodeConversation("update", raw)
	if err != nil {
		return dialog.Conversation{}, &final{err}
	}
	return c, nil
}

// checkIdentity refuses a next state that changed what the keys and the
// compare-and-set rest on.
func checkIdentity(cur, next dialog.Conversation) error {
	switch {
	case next.Version != cur.Version:
		return fmt.Errorf("update func changed the version (%d to %d); the store sets it", cur.Version, next.Version)
	case next.ID != cur.ID || next.Channel != cur.Channel || next.Address != cur.Address:
		return errors.New("update func changed the conversation's id, channel or address")
	}
	return nil
}

// commitCmds builds the commands of one update's transaction. With
// Commit.Forget the replies and records are still written, then every key of
// the family is deleted.
func (s *Store) commitCmds(ctx context.Context, id string, next dialog.Conversation, c dialog.Commit, seen []string) ([]redis.Cmder, error) {
	ttl := s.opts.Retention
	var cmds []redis.Cmder
	add := func(args ...any) { cmds = append(cmds, redis.NewCmd(ctx, args...)) }

	for i, o := range c.Outbound {
		if o.ID == "" {
			o.ID = id + ":" + strconv.FormatInt(next.Version, 10) + ":" + strconv.Itoa(i)
		}
		if o.ConvID == "" {
			o.ConvID = id
		}
		if o.Channel == "" {
			o.Channel = next.Channel
		}
		if o.Address == "" {
			o.Address = next.Address
		}
		m, err := json.Marshal(o)
		if err != nil {
			return nil, fmt.Errorf("encode outbound: %w", err)
		}
		add("xadd", s.OutboxKey(), "maxlen", "~", s.opts.OutboxCap, "*", "m", m, "id", o.ID)
	}
	if err := pushRecords(add, s.unmetKey(), s.opts.RecordCap, c.Unmet); err != nil {
		return nil, err
	}
	if err := pushRecords(add, s.outcomesKey(), s.opts.RecordCap, c.Outcomes); err != nil {
		return nil, err
	}

	if c.Forget {
		add(append(append([]any{"del"}, toAny(s.familyKeys(id))...), toAny(seen)...)...)
		add("zrem", s.queueKey(), id)
		add("hdel", s.queueInfoKey(), id)
		add("zrem", s.checkinsKey(), id)
	} else {
		conv, err := json.Marshal(next)
		if err != nil {
			return nil, fmt.Errorf("encode conversation: %w", err)
		}
		add("set", s.convKey(id), conv, "px", ttl.Milliseconds())
		if len(c.Transcript) > 0 {
			lines := make([]any, 0, len(c.Transcript))
			for _, e := range c.Transcript {
				b, err := json.Marshal(e)
				if err != nil {
					return nil, fmt.Errorf("encode transcript entry: %w", err)
				}
				lines = append(lines, b)
			}
			add(append([]any{"rpush", s.txKey(id)}, lines...)...)
			add("ltrim", s.txKey(id), -s.opts.TranscriptCap, -1)
		}
		add("pexpire", s.txKey(id), ttl.Milliseconds())

		if c.Dequeue && c.Enqueue == nil {
			add("zrem", s.queueKey(), id)
			add("hdel", s.queueInfoKey(), id)
		}
		if q := c.Enqueue; q != nil {
			item := *q
			item.ConvID = id
			if item.Since.IsZero() {
				item.Since = next.Updated
			}
			b, err := json.Marshal(item)
			if err != nil {
				return nil, fmt.Errorf("encode queue item: %w", err)
			}
			add("zadd", s.queueKey(), queueScore(item), id)
			add("hset", s.queueInfoKey(), id, b)
		}
		if !c.CheckinAt.IsZero() {
			add("zadd", s.checkinsKey(), c.CheckinAt.Unix(), id)
		}
	}
	for _, k := range s.globalKeys() {
		add("pexpire", k, ttl.Milliseconds())
	}
	return cmds, nil
}

// pushRecords appends JSON records to a list trimmed to capacity.
func pushRecords[T any](add func(...any), key string, capacity int, records []T) error {
	if len(records) == 0 {
		return nil
	}
	args := []any{"rpush", key}
	for _, r := range records {
		b, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("encode record: %w", err)
		}
		args = append(args, b)
	}
	add(args...)
	add("ltrim", key, -capacity, -1)
	return nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func backoff(attempt int) time.Duration {
	d := backoffMax
	if attempt < 16 {
		d = min(backoffBase<<attempt, backoffMax)
	}
	return rand.N(d) + 1
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
