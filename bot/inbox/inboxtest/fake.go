// Package inboxtest holds an in-memory Conversations for the inbox's tests
// (and for anyone wiring the inbox without the dialog engine): it keeps
// conversations, transcripts and the queue in maps, applies the staff
// actions the way the engine does, and records every reply sent "through
// the family's channel" so a test can assert it.
package inboxtest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/dialog"
)

// Sent is one reply the fake delivered to a family.
type Sent struct {
	ConvID         string
	Channel        dialog.Channel
	Address        string
	PractitionerID string
	Text           string
}

// Fake is an in-memory inbox.Conversations. It is safe for concurrent use.
type Fake struct {
	mu       sync.Mutex
	now      func() time.Time
	convs    map[string]dialog.Conversation
	tx       map[string][]dialog.Entry
	queue    map[string]dialog.QueueItem
	sent     []Sent
	unmet    []dialog.UnmetNeed
	outcomes []dialog.Outcome
	// Err, when set, is returned by every call: to test error pages.
	err error
}

var _ inbox.Conversations = (*Fake)(nil)

// New returns an empty Fake telling the time with now (time.Now if nil).
func New(now func() time.Time) *Fake {
	if now == nil {
		now = time.Now
	}
	return &Fake{now: now, convs: map[string]dialog.Conversation{}, tx: map[string][]dialog.Entry{}, queue: map[string]dialog.QueueItem{}}
}

// FailWith makes every later call return err (nil clears it).
func (f *Fake) FailWith(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err = err
}

// Escalate adds a conversation handed over to staff, with its transcript,
// and puts it on the queue (urgent when its handoff is).
func (f *Fake) Escalate(c dialog.Conversation, transcript ...dialog.Entry) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if c.Handoff == nil {
		c.Handoff = &dialog.Handoff{Reason: "asked", At: f.now()}
	}
	if c.Handoff.At.IsZero() {
		c.Handoff.At = f.now()
	}
	if c.State == dialog.StateNew {
		c.State = dialog.StateHandoff
		if c.Handoff.PractitionerID != "" {
			c.State = dialog.StateHuman
		}
	}
	c.Version++
	c.Updated = f.now()
	f.convs[c.ID] = c
	f.tx[c.ID] = append(f.tx[c.ID], transcript...)
	f.queue[c.ID] = dialog.QueueItem{ConvID: c.ID, Urgent: c.Handoff.Urgent, Since: c.Handoff.At, PractitionerID: c.Handoff.PractitionerID}
}

// FamilySays adds a family message to a conversation's transcript.
func (f *Fake) FamilySays(id, text string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tx[id] = append(f.tx[id], dialog.Entry{At: f.now(), From: dialog.FromFamily, Text: text})
	c := f.convs[id]
	c.Version++
	c.Updated = f.now()
	f.convs[id] = c
}

// AddRecords adds unmet needs and outcomes for the reports.
func (f *Fake) AddRecords(unmet []dialog.UnmetNeed, outcomes []dialog.Outcome) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.unmet = append(f.unmet, unmet...)
	f.outcomes = append(f.outcomes, outcomes...)
}

// Sent returns the replies delivered so far.
func (f *Fake) Sent() []Sent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.sent)
}

// Conversation returns a conversation as the fake holds it.
func (f *Fake) Conversation(id string) (dialog.Conversation, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.convs[id]
	return c, ok
}

// Entries returns a conversation's transcript as the fake holds it.
func (f *Fake) Entries(id string) []dialog.Entry {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.tx[id])
}

// Queued reports whether the conversation is on the queue.
func (f *Fake) Queued(id string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.queue[id]
	return ok
}

// Queue lists the queue: urgent first, then longest waiting.
func (f *Fake) Queue(ctx context.Context) ([]dialog.QueueItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	out := make([]dialog.QueueItem, 0, len(f.queue))
	for _, it := range f.queue {
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b dialog.QueueItem) int {
		if a.Urgent != b.Urgent {
			if a.Urgent {
				return -1
			}
			return 1
		}
		if c := a.Since.Compare(b.Since); c != 0 {
			return c
		}
		return strings.Compare(a.ConvID, b.ConvID)
	})
	return out, nil
}

// Load returns a conversation, or an error wrapping dialog.ErrNotFound.
func (f *Fake) Load(ctx context.Context, id string) (dialog.Conversation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.load(id)
}

func (f *Fake) load(id string) (dialog.Conversation, error) {
	if f.err != nil {
		return dialog.Conversation{}, f.err
	}
	c, ok := f.convs[id]
	if !ok {
		return dialog.Conversation{}, fmt.Errorf("fake: load %s: %w", id, dialog.ErrNotFound)
	}
	c.Flags = slices.Clone(c.Flags)
	if c.Handoff != nil {
		h := *c.Handoff
		c.Handoff = &h
	}
	return c, nil
}

// Transcript returns a conversation's transcript.
func (f *Fake) Transcript(ctx context.Context, id string) ([]dialog.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.load(id); err != nil {
		return nil, err
	}
	return slices.Clone(f.tx[id]), nil
}

// update applies fn to a conversation under the lock.
func (f *Fake) update(id string, fn func(c *dialog.Conversation) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, err := f.load(id)
	if err != nil {
		return err
	}
	if err := fn(&c); err != nil {
		return err
	}
	c.Version++
	c.Updated = f.now()
	f.convs[id] = c
	return nil
}

func (f *Fake) note(id, pid, text string) {
	f.tx[id] = append(f.tx[id], dialog.Entry{At: f.now(), From: dialog.Note, Text: text, Author: pid})
}

func (f *Fake) claim(c *dialog.Conversation, pid string) {
	if c.Handoff == nil {
		c.Handoff = &dialog.Handoff{Reason: "staff", At: f.now()}
	}
	c.Handoff.PractitionerID = pid
	c.State = dialog.StateHuman
	f.queue[c.ID] = dialog.QueueItem{ConvID: c.ID, Urgent: c.Handoff.Urgent, Since: c.Handoff.At, PractitionerID: pid}
}

// Reply records a reply as sent to the family (taking the conversation).
// A family who opted out gets ECONFLICT, as the engine's ErrOptedOut would.
func (f *Fake) Reply(ctx context.Context, id, pid, text string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		if c.OptedOut {
			return inbox.Errorf(inbox.ECONFLICT, "The family has stopped messages (STOP).")
		}
		if c.Handoff == nil || c.Handoff.PractitionerID != pid {
			f.claim(c, pid)
		}
		f.tx[id] = append(f.tx[id], dialog.Entry{At: f.now(), From: dialog.FromPractitioner, Text: text, Author: pid})
		f.sent = append(f.sent, Sent{ConvID: id, Channel: c.Channel, Address: c.Address, PractitionerID: pid, Text: text})
		return nil
	})
}

// Note adds an internal note.
func (f *Fake) Note(ctx context.Context, id, pid, text string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		f.note(id, pid, text)
		return nil
	})
}

// Claim gives the conversation to pid.
func (f *Fake) Claim(ctx context.Context, id, pid string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		f.claim(c, pid)
		f.note(id, "", "taken by "+pid)
		return nil
	})
}

// Reassign gives the conversation to toID.
func (f *Fake) Reassign(ctx context.Context, id, byID, toID string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		f.claim(c, toID)
		f.note(id, "", "reassigned to "+toID+" by "+byID)
		return nil
	})
}

// HandBack returns the family to the bot.
func (f *Fake) HandBack(ctx context.Context, id, pid string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		c.Handoff = nil
		c.State = dialog.StateTriage
		delete(f.queue, id)
		f.note(id, "", "handed back to the bot by "+pid)
		return nil
	})
}

// Close ends the conversation with an outcome.
func (f *Fake) Close(ctx context.Context, id, pid, outcome string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		c.Handoff = nil
		c.State = dialog.StateClosed
		c.Flags = append(c.Flags, "outcome:"+outcome)
		delete(f.queue, id)
		f.note(id, "", "closed by "+pid+": "+outcome)
		return nil
	})
}

// FlagRisk adds a risk flag and makes the conversation urgent.
func (f *Fake) FlagRisk(ctx context.Context, id, pid, flag string) error {
	return f.update(id, func(c *dialog.Conversation) error {
		if !slices.Contains(c.Flags, flag) {
			c.Flags = append(c.Flags, flag)
		}
		if c.Handoff == nil {
			c.Handoff = &dialog.Handoff{Reason: "risk", At: f.now()}
			c.State = dialog.StateHandoff
		}
		c.Handoff.Urgent = true
		f.queue[id] = dialog.QueueItem{ConvID: id, Urgent: true, Since: c.Handoff.At, PractitionerID: c.Handoff.PractitionerID}
		f.note(id, "", "flagged "+flag+" by "+pid)
		return nil
	})
}

// Unmet returns the unmet needs added.
func (f *Fake) Unmet(ctx context.Context) ([]dialog.UnmetNeed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	return slices.Clone(f.unmet), nil
}

// Outcomes returns the outcomes added.
func (f *Fake) Outcomes(ctx context.Context) ([]dialog.Outcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	return slices.Clone(f.outcomes), nil
}
