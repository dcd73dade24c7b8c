package dialog_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// offeredText is a first message that gets services straight away.
const offeredText = "any toddler groups in castleton? my 3yo never gets to mix with other kids"

// inState returns a conversation brought to a state by the messages a
// family would send, at the given time.
func (h *harness) inState(st string, now time.Time) dialog.Conversation {
	h.t.Helper()
	c := h.conv()
	earlier := now.Add(-30 * time.Minute)
	switch st {
	case "new":
	case "triage":
		c, _ = h.steps(c, earlier, "hi")
	case "offered":
		c, _ = h.steps(c, earlier, offeredText)
	case "handoff":
		c, _ = h.steps(c, earlier, offeredText, "can i talk to someone")
	case "human":
		c, _ = h.steps(c, earlier, offeredText, "can i talk to someone")
		c, _ = h.event(c, dialog.Event{Kind: dialog.EventStaffClaim, PractitionerID: "prac-priya-sharma"}, earlier.Add(5*time.Minute))
	case "closed":
		c, _ = h.steps(c, earlier, offeredText, "thanks, bye")
	default:
		h.t.Fatalf("no state %q", st)
	}
	want := map[string]dialog.State{"new": dialog.StateNew, "triage": dialog.StateTriage, "offered": dialog.StateOffered,
		"handoff": dialog.StateHandoff, "human": dialog.StateHuman, "closed": dialog.StateClosed}[st]
	if c.State != want {
		h.t.Fatalf("setting up %s: state is %q", st, c.State)
	}
	return c
}

// TestStatesAgainstGlobalIntents steps every state with every global intent
// and checks the state, the replies (golden files) and the commit.
func TestStatesAgainstGlobalIntents(t *testing.T) {
	now := newHarness(t).tuesdayMorning()
	intents := []struct {
		name, text string
	}{
		{"risk", "i cant do this anymore i just want to end it all"},
		{"person", "Can I speak to someone?"},
		{"restart", "start again"},
		{"thanks", "thanks, bye"},
		{"forget", "FORGET"},
		{"stop", "STOP"},
		{"start", "START"},
		{"help", "HELP"},
	}
	// want: the state after each intent, by state then intent.
	want := map[string]map[string]dialog.State{
		"new":     {"risk": dialog.StateHandoff, "person": dialog.StateHandoff, "restart": dialog.StateTriage, "thanks": dialog.StateTriage},
		"triage":  {"risk": dialog.StateHandoff, "person": dialog.StateHandoff, "restart": dialog.StateTriage, "thanks": dialog.StateClosed},
		"offered": {"risk": dialog.StateHandoff, "person": dialog.StateHandoff, "restart": dialog.StateTriage, "thanks": dialog.StateClosed},
		"handoff": {"risk": dialog.StateHandoff, "person": dialog.StateHandoff, "restart": dialog.StateTriage, "thanks": dialog.StateHandoff},
		"human":   {"risk": dialog.StateHuman, "person": dialog.StateHuman, "restart": dialog.StateHuman, "thanks": dialog.StateHuman},
		"closed":  {"risk": dialog.StateHandoff, "person": dialog.StateHandoff, "restart": dialog.StateTriage, "thanks": dialog.StateClosed},
	}
	for _, st := range []string{"new", "triage", "offered", "handoff", "human", "closed"} {
		for _, in := range intents {
			t.Run(st+"/"+in.name, func(t *testing.T) {
				h := newHarness(t)
				c := h.inState(st, now)
				before := c
				next, commit := h.step(c, in.text, now)
				got := texts(commit)
				golden(t, "intent-"+st+"-"+in.name, joinReplies(commit))

				// Every inbound line is in the transcript, first.
				if len(commit.Transcript) == 0 || commit.Transcript[0].From != dialog.FromFamily || commit.Transcript[0].Text != in.text {
					t.Errorf("transcript does not start with the family's message: %+v", commit.Transcript)
				}
				// Every reply is in the transcript too, with its outbound id.
				ids := map[string]bool{}
				for _, e := range commit.Transcript {
					ids[e.ID] = true
				}
				for i, o := range commit.Outbound {
					if want := fmt.Sprintf(":%d:%d", c.Version+1, i); !strings.HasPrefix(o.ID, c.ID+":") || !strings.HasSuffix(o.ID, want) {
						t.Errorf("outbound id %q, want %q", o.ID, want)
					}
					if !ids[o.ID] {
						t.Errorf("reply %s not in the transcript", o.ID)
					}
				}

				switch in.name {
				case "risk":
					if commit.Enqueue == nil || !commit.Enqueue.Urgent {
						t.Fatalf("risk: want an urgent enqueue, got %+v", commit.Enqueue)
					}
					contains(t, got, "116 123")
					contains(t, got, "999")
					if !hasFlag(next, "risk:suicide") {
						t.Errorf("risk: flags %v", next.Flags)
					}
					if st != "human" {
						contains(t, got, "as soon as they can")
						if next.Handoff == nil || next.Handoff.Reason != "risk" && before.Handoff == nil {
							t.Errorf("risk: handoff %+v", next.Handoff)
						}
						// Safeguarding first: Rachel and Marcus have the skill and
						// work Tuesday mornings.
						if pid := next.Handoff.PractitionerID; pid != "prac-rachel-fenwick" && pid != "prac-marcus-reid" && pid != "prac-hannah-clarke" {
							t.Errorf("risk went to %q, want a safeguarding practitioner", pid)
						}
					} else if len(got) != 1 {
						t.Errorf("human risk: want only the safety reply, got %q", got)
					}
				case "forget":
					if !commit.Forget {
						t.Error("forget: Commit.Forget not set")
					}
					if len(got) != 1 || !strings.Contains(got[0], "deleted") {
						t.Errorf("forget: replies %q", got)
					}
				case "stop":
					if !next.OptedOut || len(got) != 1 || !strings.Contains(got[0], "START") {
						t.Errorf("stop: opted out %v, replies %q", next.OptedOut, got)
					}
					if next.State != before.State {
						t.Errorf("stop: state %q -> %q", before.State, next.State)
					}
				case "help":
					if len(got) != 1 || !strings.Contains(got[0], "Northbrook Family Hub") || !strings.Contains(got[0], "PERSON") {
						t.Errorf("help: replies %q", got)
					}
					if next.State != before.State {
						t.Errorf("help: state %q -> %q", before.State, next.State)
					}
				case "start":
					// START when not stopped is "start again".
					if w := want[st]["restart"]; next.State != w {
						t.Errorf("start: state %q, want %q", next.State, w)
					}
				default:
					if w := want[st][in.name]; next.State != w {
						t.Errorf("state %q, want %q", next.State, w)
					}
				}
				if st == "human" && in.name != "risk" && in.name != "forget" && in.name != "stop" && in.name != "help" && len(got) > 0 {
					t.Errorf("human mode: the bot must stay quiet, sent %q", got)
				}
				if st == "handoff" && in.name == "restart" && next.Handoff == nil {
					t.Error("restart while waiting must keep the family in the queue")
				}
			})
		}
	}
}

func hasFlag(c dialog.Conversation, f string) bool {
	for _, x := range c.Flags {
		if x == f {
			return true
		}
	}
	return false
}
