package dialog

import (
	"fmt"
	"strings"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/content/copy"
)

// Why a family is handed to a person (Handoff.Reason).
const (
	reasonRisk     = "risk"
	reasonAsked    = "asked"
	reasonNoFit    = "no-fit"
	reasonReferral = "referral"
	// reasonReferralTop is reasonReferral for the best of the services just
	// offered; the family is told "the first one".
	reasonReferralTop = "referral-top"
	reasonStuck       = "stuck"
	reasonCheckin     = "checkin"
	reasonStaff       = "staff" // a practitioner took it up unasked
)

// assign asks the Assigner who will pick the family up, preferring whoever
// already has them.
func (t *turn) assign(risk bool) (Assignment, error) {
	c := t.c
	req := AssignRequest{ConvID: c.ID, Channel: c.Channel, Terms: c.Triage.Terms, Language: c.Triage.Language, Risk: risk, Now: t.now}
	if c.Handoff != nil {
		req.Prefer = c.Handoff.PractitionerID
	}
	a, err := t.m.assigner.Assign(t.ctx, req)
	if err != nil {
		return Assignment{}, fmt.Errorf("dialog: assign: %w", err)
	}
	return a, nil
}

// handoff passes the family to a person: it assigns a practitioner, puts
// the conversation on the staff queue with a summary, and tells the family
// who and when. A family already waiting is told again (out of hours, at
// most once a day). risk, when set, makes it urgent and asks for
// safeguarding skills; its emergency lines were just sent.
func (t *turn) handoff(reason string, risk *Risk) error {
	a, err := t.assign(risk != nil)
	if err != nil {
		return err
	}
	t.handTo(a, reason, risk != nil)
	return t.tell(a, reason, risk != nil)
}

// handTo records the handoff and queues the conversation for staff.
func (t *turn) handTo(a Assignment, reason string, urgent bool) {
	c := &t.c
	pid := ""
	if a.Practitioner != nil {
		pid = a.Practitioner.ID
	}
	if reason == reasonReferralTop {
		reason = reasonReferral
	}
	h := Handoff{PractitionerID: pid, Reason: reason, Urgent: urgent, At: t.now}
	if old := c.Handoff; old != nil {
		h.At = old.At
		h.Urgent = urgent || old.Urgent
		if !urgent || old.Urgent {
			h.Reason = old.Reason
		}
	}
	c.Handoff = &h
	c.State = StateHandoff
	c.Asked = ""
	c.Stuck = 0
	c.Handoff.Summary = t.summary()
	t.commit.Enqueue = &QueueItem{ConvID: c.ID, Urgent: h.Urgent, Since: h.At, PractitionerID: pid}
	t.commit.Dequeue = false
	t.note("handed to " + orNone(pid) + " (" + h.Reason + ")")
}

// tell says who will pick the family up and when. Out of hours it says so
// at most once a day; urgent families get the emergency lines (or, with
// risk, are pointed at the ones just sent).
func (t *turn) tell(a Assignment, reason string, risk bool) error {
	c := &t.c
	d := t.data()
	d.Reason = reason
	d.Urgent = risk || c.Triage.Urgent
	if a.Practitioner != nil {
		d.Person = person(*a.Practitioner)
	}
	loc := t.m.opts.Location
	switch {
	case a.Working && a.Practitioner != nil:
		d.Day, d.Time = dayPhrase(a.By, t.now, loc), clockPhrase(a.By, loc)
		return t.say("handoff", d)
	case a.Working:
		d.Day, d.Time = dayPhrase(a.By, t.now, loc), clockPhrase(a.By, loc)
		return t.say("handoff-busy", d)
	}
	if c.OutOfHoursSent == t.day() {
		return nil
	}
	c.OutOfHoursSent = t.day()
	opens := a.Opens
	if opens.IsZero() {
		opens = a.By
	}
	d.Day, d.Time = dayPhrase(opens, t.now, loc), clockPhrase(opens, loc)
	d.LinesGiven = risk
	if d.Urgent && !risk {
		d.Lines = t.lines([]string{line999})
		if ooh, err := t.outOfHoursLine(); err == nil && ooh != "" {
			d.Lines = append(d.Lines, ooh)
		}
	}
	return t.say("handoff-ooh", d)
}

// maxSummaryWords bounds the family's words in a summary; the practitioner
// has the transcript for the rest.
const maxSummaryWords = 120

// person is a practitioner as the family is told of them.
func person(p content.Practitioner) copy.Person {
	name := p.DisplayName
	if name == "" {
		name, _, _ = strings.Cut(p.Name, " ")
	}
	return copy.Person{Name: name, Role: p.Role}
}

// summary is what the practitioner reads first: who it is for, age, need,
// ward, what was offered, flags and why they have it.
func (t *turn) summary() string {
	c := t.c
	tr := c.Triage
	var parts []string
	who := string(tr.For)
	if who == "" {
		who = "unknown"
	}
	switch {
	case tr.Pregnant && !tr.AgeKnown:
		who += ", pregnancy"
	case tr.AgeKnown && len(tr.Ages) > 1 && tr.Age != adultAge:
		who += fmt.Sprintf(", ages %s", joinInts(tr.Ages))
	case tr.AgeKnown:
		who += fmt.Sprintf(", age %d", tr.Age)
	}
	if tr.Speaker != "" && tr.Speaker != tr.For {
		who += ", written by " + string(tr.Speaker)
	}
	parts = append(parts, "for: "+who)
	need := strings.Join(tr.Terms, ", ")
	if w := clip(strings.Join(dedupe(strings.Fields(tr.Words)), " "), maxSummaryWords); w != "" {
		need = strings.TrimSpace(need + ` ("` + w + `")`)
	}
	parts = append(parts, "need: "+orNone(need))
	parts = append(parts, "ward: "+orNone(tr.Ward))
	offered := strings.Join(c.Offered[:min(pageSize, len(c.Offered))], ", ")
	if more := len(c.Offered) - pageSize; more > 0 {
		offered += fmt.Sprintf(" (+%d more)", more)
	}
	parts = append(parts, "offered: "+orNone(offered))
	parts = append(parts, "flags: "+orNone(strings.Join(c.Flags, ", ")))
	if c.Handoff != nil {
		parts = append(parts, "why: "+c.Handoff.Reason)
	}
	if tr.Urgent {
		parts = append(parts, "family says urgent")
	}
	return strings.Join(parts, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

// dedupe keeps the first of each word.
func dedupe(ws []string) []string {
	seen := map[string]bool{}
	out := ws[:0:0]
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
