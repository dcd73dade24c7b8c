package dialog_test

import (
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// TestConcernAsksOnceAndQueues: a worry short of risk gets one gentle
// check question, and the family is queued for a practitioner the same
// day, not urgently; a second worry is not asked about again.
func TestConcernAsksOnceAndQueues(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, commit := h.step(h.conv(), "my partner checks my phone all the time", now)
	got := texts(commit)
	if len(got) < 2 || !strings.Contains(got[0], "safe right now") || !strings.Contains(got[0], "999") {
		t.Fatalf("replies %q", got)
	}
	if c.Handoff == nil || c.Handoff.Reason != "concern" || c.Handoff.Urgent || commit.Enqueue == nil || commit.Enqueue.Urgent {
		t.Fatalf("handoff %+v enqueue %+v", c.Handoff, commit.Enqueue)
	}
	if !hasFlag(c, "concern:domestic-abuse") || c.Asked != "safe" {
		t.Fatalf("flags %q asked %q", c.Flags, c.Asked)
	}
	c, commit = h.step(c, "yes we are ok for now", now.Add(time.Minute))
	c, commit = h.step(c, "he checks my phone every night too", now.Add(2*time.Minute))
	for _, r := range texts(commit) {
		if strings.Contains(r, "safe right now") {
			t.Fatalf("asked again: %q", texts(commit))
		}
	}
	if c.Asked == "safe" {
		t.Fatal("the check question is still waiting")
	}
}

// TestConcernNotSafeIsRisk: "no" to the check question is read as risk.
func TestConcernNotSafeIsRisk(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.step(h.conv(), "my partner checks my phone all the time", now)
	c, commit := h.step(c, "no", now.Add(time.Minute))
	if commit.Enqueue == nil || !commit.Enqueue.Urgent || !c.Handoff.Urgent {
		t.Fatalf("not safe: enqueue %+v handoff %+v", commit.Enqueue, c.Handoff)
	}
	contains(t, texts(commit), "999")
	if !hasFlag(c, "risk:domestic-abuse") {
		t.Errorf("flags %q", c.Flags)
	}
}

// TestConcernWithPractitioner: a practitioner on the case sees the flag;
// the bot says nothing.
func TestConcernWithPractitioner(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c := h.inState("human", now)
	c, commit := h.step(c, "he checks my phone and reads my messages", now)
	if len(commit.Outbound) != 0 || c.State != dialog.StateHuman || !hasFlag(c, "concern:domestic-abuse") {
		t.Fatalf("replies %q state %q flags %q", texts(commit), c.State, c.Flags)
	}
}

// TestStoryOverSeveralTexts: the detector reads a message with the
// family's earlier ones, so a story told over two texts is risk; earlier
// messages from hours ago are not read with a new one.
func TestStoryOverSeveralTexts(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.step(h.conv(), "mums new boyfriend moved in with us in the summer", now)
	c, commit := h.step(c, "and he comes in my room at night", now.Add(3*time.Minute))
	if commit.Enqueue == nil || !commit.Enqueue.Urgent || !hasFlag(c, "risk:sexual-abuse") {
		t.Fatalf("story over two texts: enqueue %+v flags %q", commit.Enqueue, c.Flags)
	}
	contains(t, texts(commit), "0800 1111")

	c, _ = h.step(h.conv(), "mums new boyfriend moved in with us in the summer", now)
	c, commit = h.step(c, "and he comes in my room to say goodnight", now.Add(5*time.Hour))
	if hasFlag(c, "risk:sexual-abuse") {
		t.Fatalf("messages hours apart were read together: %q", texts(commit))
	}
	if len(c.Recent) > 3 {
		t.Errorf("kept %d recent messages", len(c.Recent))
	}
}
