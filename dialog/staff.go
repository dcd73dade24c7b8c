package dialog

import (
	"errors"
	"fmt"
	"strings"
)

// ErrOptedOut is returned for a staff reply to a family who has stopped
// messages (SMS STOP): nothing can be sent until they text START.
var ErrOptedOut = errors.New("dialog: the family has stopped messages")

// ErrBadStaffEvent is returned for a staff event missing what it needs (a
// practitioner id, a reply's text).
var ErrBadStaffEvent = errors.New("dialog: bad staff event")

// staff steps on a practitioner's action.
func (t *turn) staff() error {
	c := &t.c
	ev := t.ev
	pid := ev.PractitionerID
	if pid == "" {
		return fmt.Errorf("%w: no practitioner id", ErrBadStaffEvent)
	}
	text := strings.TrimSpace(ev.Text)
	switch ev.Kind {
	case EventStaffClaim:
		if heldByOther(*c, pid) {
			return ErrHeld
		}
		t.claim(pid)
	case EventStaffReply:
		if text == "" {
			return fmt.Errorf("%w: empty reply", ErrBadStaffEvent)
		}
		if c.OptedOut {
			return ErrOptedOut
		}
		if heldByOther(*c, pid) {
			return ErrHeld
		}
		if c.State != StateHuman || c.Handoff == nil || c.Handoff.PractitionerID != pid {
			t.claim(pid)
		}
		t.sayText(text, true)
	case EventStaffReassign:
		if text == "" {
			return fmt.Errorf("%w: no practitioner to reassign to", ErrBadStaffEvent)
		}
		h := c.Handoff
		if h == nil {
			h = &Handoff{Reason: reasonStaff, At: t.now}
			c.Handoff = h
		}
		h.PractitionerID = text
		if c.State != StateHuman {
			c.State = StateHandoff
		}
		c.Asked = ""
		h.Summary = t.summary()
		t.commit.Enqueue = &QueueItem{ConvID: c.ID, Urgent: h.Urgent, Since: h.At, PractitionerID: text}
		t.note("given to " + text + " by " + pid)
	case EventStaffHandBack:
		c.Handoff = nil
		c.Asked, c.Asks, c.Stuck = "", nil, 0
		c.State = StateTriage
		if len(c.Offered) > 0 {
			c.State = StateOffered
		}
		t.commit.Dequeue = true
		t.note("handed back to the bot by " + pid)
		return t.say("handed-back", t.data())
	case EventStaffClose:
		c.State = StateClosed
		c.Handoff = nil
		c.Asked = ""
		t.commit.Dequeue = true
		outcome := strings.TrimSpace(ev.Outcome)
		if outcome != "" {
			t.addFlag("outcome:" + outcome)
		}
		t.note("closed by " + pid + orEmpty(": ", outcome))
	case EventStaffNote:
		if text == "" {
			return fmt.Errorf("%w: empty note", ErrBadStaffEvent)
		}
		t.note(text)
	case EventStaffFlag:
		if text == "" {
			return fmt.Errorf("%w: empty flag", ErrBadStaffEvent)
		}
		t.addFlag(text)
		t.note("flagged " + text + " by " + pid)
		if strings.HasPrefix(text, "risk") {
			h := c.Handoff
			if h == nil {
				h = &Handoff{Reason: reasonRisk, At: t.now}
				c.Handoff = h
				if c.State != StateHuman {
					c.State = StateHandoff
				}
			}
			h.Urgent = true
			h.Summary = t.summary()
			t.commit.Enqueue = &QueueItem{ConvID: c.ID, Urgent: true, Since: h.At, PractitionerID: h.PractitionerID}
		}
	}
	return nil
}

// claim gives the conversation to practitioner pid: the bot goes quiet.
func (t *turn) claim(pid string) {
	c := &t.c
	if c.Handoff == nil {
		c.Handoff = &Handoff{Reason: reasonStaff, At: t.now}
	}
	c.Handoff.PractitionerID = pid
	c.State = StateHuman
	c.Asked = ""
	c.Handoff.Summary = t.summary()
	t.commit.Enqueue = &QueueItem{ConvID: c.ID, Urgent: c.Handoff.Urgent, Since: c.Handoff.At, PractitionerID: pid}
	t.note("taken by " + pid)
}

// ErrHeld is returned when a practitioner claims or replies to a
// conversation another practitioner already holds: two must never both
// think a family is theirs. A lead moves it with a reassignment.
var ErrHeld = errors.New("another practitioner holds this conversation")

// heldByOther reports whether someone other than pid has claimed c.
func heldByOther(c Conversation, pid string) bool {
	return c.State == StateHuman && c.Handoff != nil && c.Handoff.PractitionerID != "" && c.Handoff.PractitionerID != pid
}
