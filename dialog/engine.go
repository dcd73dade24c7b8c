package dialog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// InboundReleaser is a Store that can forget a claimed inbound message id.
// The Engine releases the claim when a message fails to commit, so the
// provider's retry is handled rather than dropped as a replay. Stores
// without it lose such a message to the dedupe.
type InboundReleaser interface {
	ReleaseInbound(ctx context.Context, k Key, messageID string) error
}

// ForgetMarker is a Store that remembers the message that made a family
// FORGET, in a key that names no family, so a replay of that message is
// still recognised after every key of the family is gone.
type ForgetMarker interface {
	MarkForgotten(ctx context.Context, k Key, messageID string) error
}

// Inbound is a family's message as a channel hands it over.
type Inbound struct {
	Channel   Channel
	Address   string // phone number, chat id or web session: never logged
	MessageID string // the provider's id, for dedupe
	Text      string // never logged
	// Kind is EventMessage (the default), EventButton, EventMedia or
	// EventOptedOut.
	Kind EventKind
}

// Engine runs the dialog against a store: it dedupes inbound messages,
// steps the machine under the store's compare-and-set, drives the outcome
// check-ins and applies staff actions. Replies go to the store's outbox, for
// a sender to deliver. Logs carry the conversation id, never an address,
// phone number, chat id or message text.
type Engine struct {
	Store   Store
	Machine *Machine
	Clock   Clock
	Log     *slog.Logger
	// Observe, when set, hears each committed step on a family's message,
	// with the conversation before and after (for metrics).
	Observe func(before, after Conversation)
	// Replayed, when set, hears each replayed webhook dropped by the dedupe.
	Replayed func(ch Channel)
}

func (e *Engine) now() time.Time {
	if e.Clock == nil {
		return time.Now()
	}
	return e.Clock.Now()
}

func (e *Engine) log() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}

// Handle takes one inbound message: a message id already seen (a replayed
// webhook) is dropped with no reply; otherwise the conversation steps and
// its replies are committed to the outbox with it. An error means nothing
// was committed and the provider should retry.
func (e *Engine) Handle(ctx context.Context, in Inbound) error {
	k := Key{Channel: in.Channel, Address: in.Address}
	kind := in.Kind
	if kind == "" {
		kind = EventMessage
	}
	ev := Event{Kind: kind, Text: in.Text, MessageID: in.MessageID}
	var before State
	var prev Conversation
	step := func(c Conversation) (Conversation, Commit, error) {
		before, prev = c.State, c
		return e.Machine.Step(ctx, c, ev, e.now())
	}
	var c Conversation
	var err error
	if cu, ok := e.Store.(ClaimingUpdater); ok && in.MessageID != "" {
		// Claim and update in one commit: handled and claimed, or neither.
		c, err = cu.UpdateClaiming(ctx, k, in.MessageID, step)
		if errors.Is(err, ErrDuplicate) {
			e.replayed(ctx, in)
			return nil
		}
	} else {
		first, cerr := e.Store.ClaimInbound(ctx, k, in.MessageID)
		if cerr != nil {
			return fmt.Errorf("dialog: handle: %w", cerr)
		}
		if !first {
			e.replayed(ctx, in)
			return nil
		}
		c, err = e.Store.Update(ctx, k, step)
		if err != nil {
			if r, ok := e.Store.(InboundReleaser); ok && in.MessageID != "" {
				if rerr := r.ReleaseInbound(ctx, k, in.MessageID); rerr != nil {
					err = errors.Join(err, rerr)
				}
			}
		} else if m, ok := e.Store.(ForgetMarker); ok && c.State == StateNew && in.MessageID != "" {
			// FORGET erased the family's keys, the claim on this very
			// message among them: mark it, so a replay of the FORGET
			// webhook is still a replay and does not confirm twice.
			if merr := m.MarkForgotten(ctx, k, in.MessageID); merr != nil {
				e.log().WarnContext(ctx, "could not mark a forgotten message id", "conv", c.ID, "err", merr)
			}
		}
	}
	if err != nil {
		e.log().ErrorContext(ctx, "inbound message not committed", "channel", in.Channel, "kind", kind, "err", err)
		return fmt.Errorf("dialog: handle: %w", err)
	}
	e.logStep(ctx, "inbound", c, before, kind)
	if e.Observe != nil {
		e.Observe(prev, c)
	}
	return nil
}

// replayed counts and logs a replayed webhook dropped with no reply.
func (e *Engine) replayed(ctx context.Context, in Inbound) {
	if e.Replayed != nil {
		e.Replayed(in.Channel)
	}
	e.log().DebugContext(ctx, "replayed inbound message dropped", "channel", in.Channel)
}

// logStep logs a committed step by conversation id.
func (e *Engine) logStep(ctx context.Context, what string, c Conversation, before State, kind EventKind) {
	attrs := []any{"conv", c.ID, "v", c.Version, "kind", kind, "from", stateName(before), "to", stateName(c.State)}
	if c.Handoff != nil {
		attrs = append(attrs, "practitioner", c.Handoff.PractitionerID, "urgent", c.Handoff.Urgent)
	}
	e.log().InfoContext(ctx, what, attrs...)
}

func stateName(s State) string {
	if s == StateNew {
		return "new"
	}
	return string(s)
}

// checkinBatch is how many due check-ins one Checkins call claims.
const checkinBatch = 500

// Checkins sends the outcome check-ins that are due and reports how many
// conversations it stepped. Conversations forgotten or expired since are
// skipped; the machine skips families who stopped messages or are with a
// practitioner.
func (e *Engine) Checkins(ctx context.Context) (int, error) {
	now := e.now()
	ids, err := e.Store.DueCheckins(ctx, now, checkinBatch)
	if err != nil {
		return 0, fmt.Errorf("dialog: checkins: %w", err)
	}
	n := 0
	var errs []error
	for _, id := range ids {
		var before State
		c, err := e.Store.UpdateByID(ctx, id, func(c Conversation) (Conversation, Commit, error) {
			before = c.State
			return e.Machine.Step(ctx, c, Event{Kind: EventCheckin}, now)
		})
		switch {
		case errors.Is(err, ErrNotFound):
			continue
		case err != nil:
			e.log().ErrorContext(ctx, "check-in failed", "conv", id, "err", err)
			errs = append(errs, err)
			continue
		}
		n++
		e.logStep(ctx, "checkin", c, before, EventCheckin)
	}
	if len(errs) > 0 {
		return n, fmt.Errorf("dialog: checkins: %w", errors.Join(errs...))
	}
	return n, nil
}

// Staff applies a practitioner's action to conversation id. It returns an
// error wrapping ErrNotFound for a conversation no longer kept, ErrOptedOut
// for a reply to a family who stopped messages, and ErrBadStaffEvent for an
// event missing what it needs.
func (e *Engine) Staff(ctx context.Context, id string, ev Event) (Conversation, error) {
	if !ev.Kind.IsStaff() {
		return Conversation{}, fmt.Errorf("%w: %q is not a staff event", ErrBadStaffEvent, ev.Kind)
	}
	var before State
	c, err := e.Store.UpdateByID(ctx, id, func(c Conversation) (Conversation, Commit, error) {
		before = c.State
		return e.Machine.Step(ctx, c, ev, e.now())
	})
	if err != nil {
		return Conversation{}, fmt.Errorf("dialog: staff %s: %w", ev.Kind, err)
	}
	e.logStep(ctx, "staff", c, before, ev.Kind)
	return c, nil
}

// Reply sends a practitioner's message to the family (taking the
// conversation if someone else had it).
func (e *Engine) Reply(ctx context.Context, id, practitionerID, text string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffReply, PractitionerID: practitionerID, Text: text})
}

// Claim gives the conversation to a practitioner; the bot goes quiet.
func (e *Engine) Claim(ctx context.Context, id, practitionerID string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffClaim, PractitionerID: practitionerID})
}

// Reassign gives the conversation to practitioner toID, at the request of
// byID (a lead).
func (e *Engine) Reassign(ctx context.Context, id, byID, toID string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffReassign, PractitionerID: byID, Text: toID})
}

// HandBack returns the family to the bot and takes them off the queue.
func (e *Engine) HandBack(ctx context.Context, id, practitionerID string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffHandBack, PractitionerID: practitionerID})
}

// Close ends the conversation with an outcome (kept as a flag
// "outcome:<outcome>") and takes it off the queue.
func (e *Engine) Close(ctx context.Context, id, practitionerID, outcome string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffClose, PractitionerID: practitionerID, Outcome: outcome})
}

// AddNote adds an internal note to the transcript.
func (e *Engine) AddNote(ctx context.Context, id, practitionerID, text string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffNote, PractitionerID: practitionerID, Text: text})
}

// Flag adds a flag; a "risk..." flag makes the conversation urgent.
func (e *Engine) Flag(ctx context.Context, id, practitionerID, flag string) (Conversation, error) {
	return e.Staff(ctx, id, Event{Kind: EventStaffFlag, PractitionerID: practitionerID, Text: flag})
}
