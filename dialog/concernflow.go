package dialog

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// askSafe is the gentle check question a concern asks ("Are you and the
// children safe right now?").
const askSafe = "safe"

// reasonConcern hands a family to a practitioner for the same day.
const reasonConcern = "concern"

// recentWindow is how far back a family's earlier messages are read with a
// new one: a story is told over minutes, not weeks.
const recentWindow = 2 * time.Hour

// maxRecent is how many earlier messages are kept for reading together.
const maxRecent = 3

// maxRecentBytes bounds the recent messages kept, so the conversation
// stays small; the newest words are kept first.
const maxRecentBytes = 320

// earlier returns the family's recent messages, oldest first, and keeps
// text as the newest. They are forgotten after recentWindow of quiet.
func (t *turn) earlier(text string) []string {
	c := &t.c
	var out []string
	if !c.RecentAt.IsZero() && t.now.Sub(c.RecentAt) <= recentWindow {
		out = c.Recent
	}
	kept := append(slices.Clone(out), tail(text, maxRecentBytes))
	if len(kept) > maxRecent {
		kept = kept[len(kept)-maxRecent:]
	}
	size := 0
	for i := len(kept) - 1; i >= 0; i-- {
		size += len(kept[i])
		if size > maxRecentBytes {
			kept = kept[i+1:]
			break
		}
	}
	c.Recent, c.RecentAt = kept, t.now
	return out
}

// tail is the last n bytes of s, cut at a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for i := range s {
		if utf8.RuneStart(s[i]) {
			return s[i:]
		}
	}
	return ""
}

// concern answers a worry short of risk: the conversation is flagged and
// queued for a practitioner the same day (not urgent), and the family is
// asked once, gently, whether they are safe now; an answer that they are
// not is read as risk. A family who said what they need also gets
// services. With a practitioner already on it, the flag and a note are
// enough: the practitioner sees them.
func (t *turn) concern(r Risk, text string) (done bool, err error) {
	c := &t.c
	flag := "concern"
	if r.Category != "" {
		flag += ":" + r.Category
	}
	asked := t.hasFlagPrefix("concern")
	t.addFlag(flag)
	t.note("safety: " + flag + orEmpty(": ", r.Reason) + orEmpty(", language ", r.Language))
	if c.State == StateHuman || asked {
		return false, nil // already asked: the rest of the message is read as usual
	}
	bot := c.State == StateNew || c.State == StateTriage || c.State == StateOffered || c.State == StateClosed
	if c.State == StateNew || c.State == StateClosed {
		t.afresh()
	}
	t.learn(text)
	if err := t.say("safe-check", t.data()); err != nil {
		return true, err
	}
	if c.State != StateHandoff {
		a, err := t.assign(false)
		if err != nil {
			return true, err
		}
		t.handTo(a, reasonConcern, false)
		if err := t.tell(a, reasonConcern, false); err != nil {
			return true, err
		}
	}
	c.Asked = askSafe
	if !bot || !statedNeed(c.Triage) {
		return true, nil
	}
	res, err := t.m.sp.Search(t.ctx, c.Triage)
	if err != nil || res.NoFit || len(res.Matches) == 0 {
		return true, err
	}
	err = t.offer(res, true)
	c.Asked = askSafe
	return true, err
}

// safeAnswer reads the answer to the check question. An answer that the
// family is not safe is risk; any other answer clears the question and the
// message is handled as usual.
func (t *turn) safeAnswer(text string) (done bool, err error) {
	c := &t.c
	c.Asked = ""
	if !notSafeWords[normalise(text)] {
		return false, nil
	}
	cat := ""
	for _, f := range c.Flags {
		if rest, ok := strings.CutPrefix(f, "concern:"); ok {
			cat = rest
		}
	}
	return true, t.risk(Risk{Risk: true, Category: cat, Reason: "not safe, answering the check question"}, text)
}

// notSafeWords are answers to "are you safe right now?" that say no.
var notSafeWords = wordSet("no", "nope", "nah", "n", "not really", "no im not", "im not", "not safe", "no not safe",
	"im scared", "scared", "no we arent", "we arent", "were not", "no were not", "not sure", "dont know", "idk", "help")

// hasFlagPrefix reports whether the conversation carries a flag starting
// with p.
func (t *turn) hasFlagPrefix(p string) bool {
	for _, f := range t.c.Flags {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}
