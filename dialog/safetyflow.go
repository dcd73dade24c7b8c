package dialog

import (
	"slices"
	"strings"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

// The keys of the emergency lines a Risk names.
const (
	line999        = "999"
	line111        = "111"
	lineSamaritans = "samaritans"
	lineChildline  = "childline"
	lineDA         = "domestic-abuse"
	lineShout      = "shout"
)

// nationalLines are the numbers used when the hub's directory lists none.
var nationalLines = map[string]string{
	line999: "999", line111: "111", lineSamaritans: "116 123", lineChildline: "0800 1111",
	lineDA: "0808 2000 247", lineShout: "85258",
}

// lineLabels are words of a hub line's label that say which line it is.
var lineLabels = map[string]string{
	lineSamaritans: "samaritans", lineChildline: "childline", lineDA: "domestic abuse", lineShout: "shout",
}

// maxLines bounds the lines in a safety reply, to keep it calm and short.
const maxLines = 3

// risk answers a sign of risk, in any state: a calm safety reply with the
// lines that fit, an urgent handoff to safeguarding-skilled staff, flagged
// and at the top of the queue. With a practitioner already on it, the
// conversation is only made urgent. A family who is not in immediate danger
// and said what they need also gets services: safety first, then services.
func (t *turn) risk(r Risk, text string) error {
	c := &t.c
	flag := "risk"
	if r.Category != "" {
		flag += ":" + r.Category
	}
	t.addFlag(flag)
	t.note("safety: " + flag + orEmpty(": ", r.Reason) + orEmpty(", language ", r.Language))

	if c.State == StateHuman && c.Handoff != nil {
		if err := t.safetyReply(r, true); err != nil {
			return err
		}
		c.Handoff.Urgent = true
		c.Handoff.Summary = t.summary()
		t.commit.Enqueue = &QueueItem{ConvID: c.ID, Urgent: true, Since: c.Handoff.At, PractitionerID: c.Handoff.PractitionerID}
		return nil
	}
	bot := c.State == StateNew || c.State == StateTriage || c.State == StateOffered || c.State == StateClosed
	if c.State == StateNew || c.State == StateClosed {
		t.afresh()
	}
	t.learn(text)
	a, err := t.assign(true)
	if err != nil {
		return err
	}
	if err := t.safetyReply(r, a.Working); err != nil {
		return err
	}
	t.handTo(a, reasonRisk, true)
	if err := t.tell(a, reasonRisk, true); err != nil {
		return err
	}
	if !bot || r.Urgent || !statedNeed(c.Triage) {
		return nil
	}
	res, err := t.m.sp.Search(t.ctx, c.Triage)
	if err != nil || res.NoFit || len(res.Matches) == 0 {
		return err
	}
	return t.offer(res, true)
}

// safetyReply sends the calm reply with the lines that fit the risk; out of
// hours, a risk to a child also gets the hub's out-of-hours line.
func (t *turn) safetyReply(r Risk, working bool) error {
	keys := r.Lines
	if len(keys) == 0 {
		keys = defaultLines(r.Category)
	}
	if t.c.Triage.For == triage.WhoYoungPerson && !slices.Contains(keys, lineChildline) {
		keys = append(keys, lineChildline)
	}
	// 999 always leads: whatever was said, someone may be in danger now.
	keys = dedupe(append([]string{line999}, keys...))
	if len(keys) > maxLines {
		keys = keys[:maxLines]
	}
	d := t.data()
	d.Lines = t.lines(keys)
	if !working && (slices.Contains(keys, lineChildline) || childCategory(r.Category)) {
		if l, err := t.outOfHoursLine(); err == nil && l != "" {
			d.Lines = append(d.Lines, l)
		}
	}
	return t.say("safety", d)
}

// lines renders emergency lines by key with the hub's numbers.
func (t *turn) lines(keys []string) []string {
	var out []string
	for _, k := range keys {
		d := t.data()
		d.Number = t.hubNumber(k)
		if d.Number == "" {
			continue
		}
		if s, err := t.m.copy.Render("line-"+k, d); err == nil {
			out = append(out, s)
		}
	}
	return out
}

// outOfHoursLine renders the hub's own out-of-hours safeguarding line.
func (t *turn) outOfHoursLine() (string, error) {
	l := t.m.dir.Hub.OutOfHours
	if l.Number == "" {
		return "", nil
	}
	d := t.data()
	name, _, _ := strings.Cut(l.Label, " (")
	d.OutOfHours.Name, d.OutOfHours.Number = name, l.Number
	return t.m.copy.Render("line-out-of-hours", d)
}

// hubNumber is the number of an emergency line as the hub lists it, or the
// national number.
func (t *turn) hubNumber(key string) string {
	for _, l := range t.m.dir.Hub.Emergency {
		if matchesLine(l, key) {
			return l.Number
		}
	}
	return nationalLines[key]
}

// matchesLine reports whether a hub line is the line named by key.
func matchesLine(l content.Line, key string) bool {
	if word, ok := lineLabels[key]; ok {
		return strings.Contains(strings.ToLower(l.Label), word)
	}
	return strings.TrimSpace(l.Number) == key
}

// defaultLines are the lines for a category when the detector named none.
func defaultLines(category string) []string {
	c := strings.ToLower(category)
	switch {
	case strings.Contains(c, "suicid") || strings.Contains(c, "self-harm") || strings.Contains(c, "self harm") || strings.Contains(c, "mental"):
		return []string{line999, lineSamaritans, lineShout}
	case strings.Contains(c, "domestic"):
		return []string{line999, lineDA}
	case childCategory(c):
		return []string{line999, lineChildline}
	case strings.Contains(c, "medical") || strings.Contains(c, "health") || strings.Contains(c, "overdose"):
		return []string{line999, line111}
	}
	return []string{line999, lineSamaritans}
}

// childCategory reports whether a risk category is about a child's safety.
func childCategory(category string) bool {
	c := strings.ToLower(category)
	for _, w := range []string{"child", "neglect", "abuse", "exploitation", "groom", "sexual", "missing"} {
		if strings.Contains(c, w) && !strings.Contains(c, "domestic") {
			return true
		}
	}
	return false
}

func orEmpty(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}
