package dialog_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// TestFirstMessageSignposts: a parent who says what, how old and where in
// the first message gets services in the first reply, with the welcome.
func TestFirstMessageSignposts(t *testing.T) {
	h := newHarness(t)
	c, commit := h.step(h.conv(), offeredText, h.tuesdayMorning())
	got := texts(commit)
	golden(t, "first-message", joinReplies(commit))
	if c.State != dialog.StateOffered || len(c.Offered) == 0 || c.Offered[0] != "nb-stay-play-castleton" {
		t.Fatalf("state %q offered %v", c.State, c.Offered)
	}
	if len(got) != 2 || !strings.Contains(got[0], "FORGET") || !strings.Contains(got[0], "30 days") {
		t.Fatalf("want the welcome with its privacy line, then the offer: %q", got)
	}
	if !strings.Contains(got[1], "Reply 1, 2 or 3 for details, MORE for other options, PERSON to talk to someone") {
		t.Errorf("offer footer: %q", got[1])
	}
	if want := h.tuesdayMorning().Add(14 * 24 * time.Hour); !commit.CheckinAt.Equal(want) || !c.CheckinDue.Equal(want) {
		t.Errorf("check-in at %v / %v, want %v", commit.CheckinAt, c.CheckinDue, want)
	}
	for _, o := range commit.Outbound {
		if len(o.Text) > 306 {
			t.Errorf("reply longer than 2 SMS: %d", len(o.Text))
		}
	}
	if opts := commit.Outbound[1].Options; len(opts) != 5 || opts[3].Value != "more" || opts[4].Value != "person" {
		t.Errorf("offer buttons: %+v", opts)
	}

	// The best fit needs a professional's referral: a person is asked to
	// help, and the family can still read the others while they wait.
	c, commit = h.step(h.conv(), "due in 3 weeks and weve got no cot or pram", h.tuesdayMorning())
	golden(t, "first-message-referral", joinReplies(commit))
	if c.State != dialog.StateHandoff || c.Handoff.Reason != "referral" || len(c.Offered) == 0 {
		t.Fatalf("state %q handoff %+v", c.State, c.Handoff)
	}
	contains(t, texts(commit), "The first one needs a worker to refer you")
	_, commit = h.step(c, "2", h.tuesdayMorning().Add(time.Minute))
	contains(t, texts(commit), "When:")
}

// TestFirstMessageRealIndex: over the real index too, the parent who wrote
// "my 2 yr old isnt talking yet, castleton" gets speech and language
// services in the first reply.
func TestFirstMessageRealIndex(t *testing.T) {
	h := newRealHarness(t)
	c, commit := h.step(h.conv(), "my 2 yr old isnt talking yet, castleton", h.tuesdayMorning())
	if len(c.Offered) == 0 || len(c.Asks) != 0 {
		t.Fatalf("no services in the first reply: state %q asked %v", c.State, c.Asks)
	}
	speech := 0
	for _, id := range c.Offered[:3] {
		s, _ := h.shared.offer.Service(id)
		if s.HasTerm("speech-language") {
			speech++
		}
	}
	if speech == 0 {
		t.Errorf("no speech and language service in %v", c.Offered[:3])
	}
	contains(t, texts(commit), "These could help")
}

// ageless is a need with no age and no area.
const ageless = "are there any groups where my daughter can play with other kids"

// TestAsksOnlyWhatIsMissing: need first, then age, then area, one at a
// time, and only when it changes the answer.
func TestAsksOnlyWhatIsMissing(t *testing.T) {
	tests := []struct {
		label   string
		msgs    []string
		asks    []string // the questions asked, in order
		final   dialog.State
		offered string // a service that must be among the first offered
	}{
		{"everything said", []string{offeredText}, nil, dialog.StateOffered, "nb-stay-play-castleton"},
		{"borough-wide needs no area", []string{"how do i apply for free school dinners, ds is in year 3"}, nil, dialog.StateOffered, "nb-free-school-meals"},
		{"help for the parent needs no age", []string{"no food in the house till friday, universal credit got sanctioned", "brookside"}, []string{"area"}, dialog.StateOffered, ""},
		{"need by number", []string{"hi", "4"}, []string{"need"}, dialog.StateOffered, ""},
		{"greeting then need in words", []string{"hello", "my 14yo dd barely speaks to me anymore, slams doors, out all hours", "castleton"}, []string{"need", "area"}, dialog.StateOffered, "nb-living-with-teenagers"},
		{"age then area", []string{ageless, "3", "3"}, []string{"age", "area"}, dialog.StateOffered, "nb-stay-play-castleton"},
		{"age in words", []string{ageless, "shes 3", "castleton"}, []string{"age", "area"}, dialog.StateOffered, "nb-stay-play-castleton"},
		{"area by postcode", []string{"any toddler groups on a saturday? my 3yo never gets to mix with other kids", "NB6 1FH"}, []string{"area"}, dialog.StateOffered, "nb-stay-play-fernhill"},
		{"area unknown is asked once", []string{"any toddler groups on a saturday? my 3yo never gets to mix with other kids", "near the big tesco"}, []string{"area"}, dialog.StateOffered, ""},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			h := newHarness(t)
			c, _ := h.steps(h.conv(), h.tuesdayMorning(), tc.msgs...)
			if !reflect.DeepEqual(c.Asks, tc.asks) && !(len(c.Asks) == 0 && len(tc.asks) == 0) {
				t.Errorf("asked %v, want %v", c.Asks, tc.asks)
			}
			if c.State != tc.final {
				t.Errorf("state %q, want %q", c.State, tc.final)
			}
			if tc.offered != "" && !slices.Contains(c.Offered[:min(3, len(c.Offered))], tc.offered) {
				t.Errorf("offered %v, want %s in the first three", c.Offered, tc.offered)
			}
		})
	}
}

// TestQuestionsGolden pins the copy of the three questions.
func TestQuestionsGolden(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	_, commit := h.step(h.conv(), "hi", now)
	golden(t, "ask-need", joinReplies(commit))
	c, commit := h.step(h.conv(), ageless, now)
	golden(t, "ask-age", joinReplies(commit))
	_, commit = h.step(c, "2", now.Add(time.Minute))
	golden(t, "ask-area", joinReplies(commit))
}

// TestDetailsAndMore: numbers give details, MORE the next page, then "no more".
func TestDetailsAndMore(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.step(h.conv(), offeredText, now)
	c, commit := h.step(c, "1", now.Add(time.Minute))
	golden(t, "details", joinReplies(commit))
	if len(commit.Outbound) != 1 || !commit.Outbound[0].MoreOK {
		t.Fatalf("details: %+v", commit.Outbound)
	}
	for _, w := range []string{"Stay and play (Castleton)", "When:", "Where:", "How to go: Just turn up", "Phone: 01632"} {
		contains(t, texts(commit), w)
	}
	first := c.Offered[:3]
	c, commit = h.step(c, "more please", now.Add(2*time.Minute))
	golden(t, "more", joinReplies(commit))
	if c.Shown != 6 || c.State != dialog.StateOffered {
		t.Fatalf("after MORE shown %d state %q", c.Shown, c.State)
	}
	// Numbers now mean the second page.
	_, commit = h.step(c, "no 1", now.Add(3*time.Minute))
	s, _ := h.shared.offer.Service(c.Offered[3])
	contains(t, texts(commit), s.Name)
	if slices.Contains(first, c.Offered[3]) {
		t.Fatal("second page repeats the first")
	}
	c, _ = h.step(c, "more", now.Add(4*time.Minute))
	c, commit = h.step(c, "more", now.Add(5*time.Minute))
	golden(t, "no-more", joinReplies(commit))
	contains(t, texts(commit), "That's all")
	// "the second one" still works on the last page.
	_, commit = h.step(c, "the second one", now.Add(6*time.Minute))
	contains(t, texts(commit), "When:")
}

// TestHandoffNamesWhoAndWhen: in hours the family is told who and by when.
func TestHandoffNamesWhoAndWhen(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.steps(h.conv(), now, "me and my partner argue all the time in front of the kids", "castleton")
	if c.State != dialog.StateOffered {
		t.Fatalf("state %q", c.State)
	}
	c, commit := h.step(c, "can i speak to a real person please", now.Add(5*time.Minute))
	golden(t, "handoff-in-hours", joinReplies(commit))
	contains(t, texts(commit), "Priya, our Family Support Practitioner, will text you back today before 5pm.")
	if c.State != dialog.StateHandoff || c.Handoff.PractitionerID != "prac-priya-sharma" || c.Handoff.Reason != "asked" {
		t.Fatalf("handoff %+v", c.Handoff)
	}
	if q := commit.Enqueue; q == nil || q.Urgent || q.PractitionerID != "prac-priya-sharma" {
		t.Fatalf("enqueue %+v", q)
	}
	for _, w := range []string{"for: child", "parental-conflict", "ward: Castleton", "offered: nb-", "why: asked"} {
		if !strings.Contains(c.Handoff.Summary, w) {
			t.Errorf("summary %q lacks %q", c.Handoff.Summary, w)
		}
	}
	// While waiting the bot stays quiet: the practitioner reads it.
	c, commit = h.step(c, "its mostly about money", now.Add(6*time.Minute))
	if len(commit.Outbound) != 0 || c.State != dialog.StateHandoff {
		t.Fatalf("waiting: sent %q", texts(commit))
	}
	// Web families are "messaged", not "texted".
	h.channel = dialog.ChannelWeb
	c, _ = h.steps(h.conv(), now, "me and my partner argue all the time in front of the kids", "castleton")
	_, commit = h.step(c, "person", now.Add(5*time.Minute))
	contains(t, texts(commit), "will message you back today before 5pm")
}

// TestOutOfHoursOncePerDay: out of hours the family hears when the hub opens
// and who will pick it up, at most once a day.
func TestOutOfHoursOncePerDay(t *testing.T) {
	h := newHarness(t)
	night := h.tuesdayNight()
	c, _ := h.steps(h.conv(), night, "me and my partner argue all the time in front of the kids", "castleton")
	c, commit := h.step(c, "i want to talk to someone", night.Add(5*time.Minute))
	golden(t, "handoff-out-of-hours", joinReplies(commit))
	contains(t, texts(commit), "We open again tomorrow at 8:30am")
	if c.OutOfHoursSent != "2026-03-10" || c.Handoff == nil || c.Handoff.PractitionerID == "" {
		t.Fatalf("ooh %q handoff %+v", c.OutOfHoursSent, c.Handoff)
	}
	c, commit = h.step(c, "hello?", night.Add(20*time.Minute))
	c, commit2 := h.step(c, "person", night.Add(30*time.Minute))
	if len(commit.Outbound)+len(commit2.Outbound) != 0 {
		t.Fatalf("second out-of-hours reply the same day: %q %q", texts(commit), texts(commit2))
	}
	// A new day, still before opening: once more.
	_, commit = h.step(c, "anyone there", h.at(2026, time.March, 11, 7, 0))
	contains(t, texts(commit), "We open again today at 8:30am")

	// Friday night: Saturday morning. Urgent families get the lines.
	h = newHarness(t)
	fri := h.at(2026, time.March, 13, 21, 0)
	c, _ = h.step(h.conv(), "landlord has kicked us out tonight and we have nowhere to stay tonight, 2 kids", fri)
	_, commit = h.step(c, "can someone call me", fri.Add(time.Minute))
	golden(t, "handoff-out-of-hours-urgent", joinReplies(commit))
	contains(t, texts(commit), "tomorrow at 9:30am")
	contains(t, texts(commit), "999")

	// Easter Monday is a bank holiday: from Sunday, Tuesday.
	h = newHarness(t)
	_, commit = h.step(h.conv(), "person", h.at(2026, time.April, 5, 12, 0))
	contains(t, texts(commit), "on Tuesday at 8:30am")
}

// TestStuck: the same question twice, or three turns without progress,
// pass the family to a person.
func TestStuck(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, commit := h.steps(h.conv(), now, "hi", "hmm")
	if c.State != dialog.StateHandoff || c.Handoff.Reason != "stuck" {
		t.Fatalf("need asked twice: state %q handoff %+v", c.State, c.Handoff)
	}
	golden(t, "stuck", joinReplies(commit))

	c, _ = h.step(h.conv(), offeredText, now)
	for i, msg := range []string{"what", "eh", "ok"} {
		var commit dialog.Commit
		c, commit = h.step(c, msg, now.Add(time.Duration(i+1)*time.Minute))
		if i < 2 {
			contains(t, texts(commit), "Sorry, I didn't understand")
		}
	}
	if c.State != dialog.StateHandoff || c.Handoff.Reason != "stuck" {
		t.Fatalf("three turns without progress: state %q", c.State)
	}
}

// TestNoFitRecordsUnmet: a need the offer cannot meet goes to a person and
// is recorded without personal data.
func TestNoFitRecordsUnmet(t *testing.T) {
	h := newHarness(t)
	c, commit := h.step(h.conv(), "cant find an NHS dentist taking on kids anywhere, dd is 6 and has toothache. Kayleigh is in so much pain", h.tuesdayMorning())
	golden(t, "no-fit", joinReplies(commit))
	if c.State != dialog.StateHandoff || c.Handoff.Reason != "no-fit" {
		t.Fatalf("state %q handoff %+v", c.State, c.Handoff)
	}
	if len(commit.Unmet) != 1 {
		t.Fatalf("unmet %+v", commit.Unmet)
	}
	u := commit.Unmet[0]
	if u.Reason != "no-fit" || u.AgeBand != "5-10" || u.Date != "2026-03-10" || !strings.Contains(u.Words, "dentist") {
		t.Errorf("unmet %+v", u)
	}
	if strings.ContainsAny(u.Words, "0123456789") || strings.Contains(u.Words, "kayleigh") {
		t.Errorf("unmet words keep personal data: %q", u.Words)
	}
	// "None of these" after an offer is recorded as the family said it.
	c, _ = h.step(h.conv(), offeredText, h.tuesdayMorning())
	c, commit = h.step(c, "none of these help", h.tuesdayMorning().Add(time.Minute))
	if len(commit.Unmet) != 1 || commit.Unmet[0].Reason != "family-said" || c.State != dialog.StateHandoff {
		t.Fatalf("none of these: unmet %+v state %q", commit.Unmet, c.State)
	}
}

// TestReferralHandoff: choosing a service only a professional can refer to
// brings in a practitioner.
func TestReferralHandoff(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.step(h.conv(), "my 2 yr old isnt talking yet, castleton", now)
	if c.State != dialog.StateOffered {
		t.Fatalf("state %q", c.State)
	}
	// Find a referral-only service on the first three pages.
	for page := 0; page < 3; page++ {
		for i, id := range c.Offered[page*3 : min(page*3+3, len(c.Offered))] {
			s, _ := h.shared.offer.Service(id)
			if !s.NeedsReferral() {
				continue
			}
			next, commit := h.step(c, string(rune('1'+i)), now.Add(time.Hour))
			if next.State != dialog.StateHandoff || next.Handoff.Reason != "referral" || len(commit.Outbound) != 2 {
				t.Fatalf("details of %s: state %q replies %q", id, next.State, texts(commit))
			}
			contains(t, texts(commit), "needs a worker to refer you")
			return
		}
		c, _ = h.step(c, "more", now.Add(time.Duration(page+1)*time.Minute))
	}
	t.Fatal("no referral-only service offered")
}

// TestRiskThenServices: a risk that is not immediate, with a need, gets the
// safety reply, a person, and then services.
func TestRiskThenServices(t *testing.T) {
	h := newHarness(t)
	c, commit := h.step(h.conv(), "worried my 14yo is being groomed by older lads, hes got cash and a second phone i never bought him", h.tuesdayMorning())
	golden(t, "risk-then-services", joinReplies(commit))
	got := texts(commit)
	if len(got) != 3 || !strings.Contains(got[0], "0800 1111") || !strings.Contains(got[2], "These could help") {
		t.Fatalf("replies %q", got)
	}
	if c.State != dialog.StateHandoff || !c.Handoff.Urgent || commit.Enqueue == nil || !commit.Enqueue.Urgent {
		t.Fatalf("state %q handoff %+v", c.State, c.Handoff)
	}
	p := c.Handoff.PractitionerID
	if p != "prac-marcus-reid" && p != "prac-rachel-fenwick" && p != "prac-hannah-clarke" {
		t.Errorf("risk went to %s", p)
	}
	// Waiting, the family can still read the services.
	_, commit = h.step(c, "1", h.tuesdayMorning().Add(time.Minute))
	contains(t, texts(commit), "When:")
}

// TestCheckin: the outcome check-in and its three answers.
func TestCheckin(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	base, _ := h.steps(h.conv(), now, offeredText, "thanks")
	due := base.CheckinDue
	if due.IsZero() {
		t.Fatal("no check-in scheduled")
	}
	// Too early (a stale timer): nothing.
	c, commit := h.event(base, dialog.Event{Kind: dialog.EventCheckin}, due.Add(-time.Hour))
	if len(commit.Outbound) != 0 || c.Asked != "" {
		t.Fatalf("early check-in sent %q", texts(commit))
	}
	c, commit = h.event(base, dialog.Event{Kind: dialog.EventCheckin}, due)
	golden(t, "checkin", joinReplies(commit))
	contains(t, texts(commit), "Did you get the help you needed? 1 yes, 2 not yet, 3 I'd like to talk to someone")
	asked := c
	tests := []struct {
		answer  string
		outcome string
		state   dialog.State
		reply   string
	}{
		{"1", "helped", dialog.StateClosed, "great to hear"},
		{"yes thanks", "helped", dialog.StateClosed, "great to hear"},
		{"2", "not-yet", dialog.StateOffered, "MORE"},
		{"not yet", "not-yet", dialog.StateOffered, "MORE"},
		{"3", "talk", dialog.StateHandoff, "Thanks for letting us know."},
	}
	for _, tc := range tests {
		t.Run(tc.answer, func(t *testing.T) {
			c, commit := h.step(asked, tc.answer, due.Add(time.Hour))
			if len(commit.Outcomes) != 1 || commit.Outcomes[0].Answer != tc.outcome {
				t.Fatalf("outcomes %+v", commit.Outcomes)
			}
			if c.State != tc.state {
				t.Errorf("state %q, want %q", c.State, tc.state)
			}
			contains(t, texts(commit), tc.reply)
		})
	}
	// Not an answer: the message is handled as any other (afresh).
	c, commit = h.step(asked, "my 8yo still wets the bed every night", due.Add(time.Hour))
	if len(commit.Outcomes) != 0 || c.State == dialog.StateClosed {
		t.Errorf("non-answer: outcomes %+v state %q", commit.Outcomes, c.State)
	}
	// Stopped families get no check-in.
	stopped, _ := h.step(base, "STOP", now.Add(time.Hour))
	_, commit = h.event(stopped, dialog.Event{Kind: dialog.EventCheckin}, due)
	if len(commit.Outbound) != 0 {
		t.Fatalf("check-in sent after STOP: %q", texts(commit))
	}
}

// TestStopStart: after STOP nothing goes out until START.
func TestStopStart(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.step(h.conv(), offeredText, now)
	c, commit := h.step(c, "Stop", now.Add(time.Minute))
	if !c.OptedOut || len(commit.Outbound) != 1 {
		t.Fatalf("stop: %v %q", c.OptedOut, texts(commit))
	}
	for i, msg := range []string{"1", "hello?", "person", "HELP"} {
		c, commit = h.step(c, msg, now.Add(time.Duration(2+i)*time.Minute))
		if len(commit.Outbound) != 0 {
			t.Fatalf("after STOP, %q got %q", msg, texts(commit))
		}
		if len(commit.Transcript) == 0 || commit.Transcript[0].Text != msg {
			t.Errorf("after STOP, %q not in the transcript", msg)
		}
	}
	// A risk still reaches staff, silently.
	c, commit = h.step(c, "i just want to end it all", now.Add(10*time.Minute))
	if len(commit.Outbound) != 0 || commit.Enqueue == nil || !commit.Enqueue.Urgent {
		t.Fatalf("risk after STOP: replies %q enqueue %+v", texts(commit), commit.Enqueue)
	}
	// Staff cannot text a stopped family.
	if _, _, err := h.m.Step(context.Background(), c, dialog.Event{Kind: dialog.EventStaffReply, PractitionerID: "prac-marcus-reid", Text: "Hi"}, now.Add(11*time.Minute)); !errors.Is(err, dialog.ErrOptedOut) {
		t.Fatalf("staff reply after STOP: %v", err)
	}
	c, commit = h.step(c, "START", now.Add(12*time.Minute))
	if c.OptedOut || len(commit.Outbound) != 1 || !strings.Contains(commit.Outbound[0].Text, "Welcome back") {
		t.Fatalf("start: %v %q", c.OptedOut, texts(commit))
	}
	// On Telegram "stop" is a goodbye, not an opt-out.
	h.channel = dialog.ChannelTelegram
	c, _ = h.step(h.conv(), offeredText, now)
	c, _ = h.step(c, "stop", now.Add(time.Minute))
	if c.OptedOut || c.State != dialog.StateClosed {
		t.Fatalf("telegram stop: opted out %v state %q", c.OptedOut, c.State)
	}
}

// TestHumanMode: with a practitioner on it the bot relays silently; safety
// stays on.
func TestHumanMode(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c := h.inState("human", now)
	for _, msg := range []string{"thanks for getting back to me", "1", "more", "what time is it on"} {
		var commit dialog.Commit
		c, commit = h.step(c, msg, now)
		if len(commit.Outbound) != 0 || c.State != dialog.StateHuman {
			t.Fatalf("human mode %q: sent %q, state %q", msg, texts(commit), c.State)
		}
		if commit.Transcript[0].From != dialog.FromFamily {
			t.Errorf("family line not recorded")
		}
	}
	// Media is noted for the practitioner, not answered.
	_, commit := h.event(c, dialog.Event{Kind: dialog.EventMedia}, now)
	if len(commit.Outbound) != 0 || !strings.Contains(commit.Transcript[0].Text, "photo") {
		t.Fatalf("media in human mode: %q %+v", texts(commit), commit.Transcript)
	}
}

// TestMedia: the bot says it can only read text.
func TestMedia(t *testing.T) {
	h := newHarness(t)
	_, commit := h.event(h.conv(), dialog.Event{Kind: dialog.EventMedia}, h.tuesdayMorning())
	contains(t, texts(commit), "I can only read text")
}

// TestStaffActions: claim, reply, note, flag, hand back and close.
func TestStaffActions(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c := h.inState("handoff", now)
	pid := "prac-rachel-fenwick"
	staff := func(c dialog.Conversation, kind dialog.EventKind, text string) (dialog.Conversation, dialog.Commit) {
		t.Helper()
		return h.event(c, dialog.Event{Kind: kind, PractitionerID: pid, Text: text, Outcome: text}, now)
	}
	c, commit := staff(c, dialog.EventStaffReply, "Hi, it's Rachel - how are you doing?")
	if c.State != dialog.StateHuman || c.Handoff.PractitionerID != pid {
		t.Fatalf("reply claims: %q %+v", c.State, c.Handoff)
	}
	if len(commit.Outbound) != 1 || commit.Outbound[0].Text != "Hi, it's Rachel - how are you doing?" {
		t.Fatalf("staff reply: %q", texts(commit))
	}
	if e := commit.Transcript[len(commit.Transcript)-1]; e.From != dialog.FromPractitioner || e.Author != pid {
		t.Errorf("staff line: %+v", e)
	}
	if q := commit.Enqueue; q == nil || q.PractitionerID != pid {
		t.Errorf("claim enqueue %+v", q)
	}
	c, commit = staff(c, dialog.EventStaffNote, "called mum, will follow up")
	if len(commit.Outbound) != 0 || commit.Transcript[0].From != dialog.Note {
		t.Fatalf("note: %+v", commit)
	}
	c, commit = staff(c, dialog.EventStaffFlag, "risk:neglect")
	if commit.Enqueue == nil || !commit.Enqueue.Urgent || !hasFlag(c, "risk:neglect") {
		t.Fatalf("flag: %+v", commit.Enqueue)
	}
	ra, commit := staff(c, dialog.EventStaffReassign, "prac-marcus-reid")
	if ra.State != dialog.StateHuman || ra.Handoff.PractitionerID != "prac-marcus-reid" || commit.Enqueue == nil || commit.Enqueue.PractitionerID != "prac-marcus-reid" || !commit.Enqueue.Urgent {
		t.Fatalf("reassign: %q %+v %+v", ra.State, ra.Handoff, commit.Enqueue)
	}
	hb, commit := staff(c, dialog.EventStaffHandBack, "")
	if hb.State != dialog.StateOffered || !commit.Dequeue || hb.Handoff != nil {
		t.Fatalf("hand back: %q %+v", hb.State, commit)
	}
	contains(t, texts(commit), "You're back with")
	cl, commit := staff(c, dialog.EventStaffClose, "helped")
	if cl.State != dialog.StateClosed || !commit.Dequeue || !hasFlag(cl, "outcome:helped") {
		t.Fatalf("close: %q %+v", cl.State, commit)
	}
	if _, _, err := h.m.Step(context.Background(), c, dialog.Event{Kind: dialog.EventStaffReply, Text: "x"}, now); !errors.Is(err, dialog.ErrBadStaffEvent) {
		t.Errorf("reply without practitioner: %v", err)
	}
	// Rachel holds it (the reassignment above returned a new conversation
	// and left this one as it was): another practitioner can neither
	// claim it nor reply.
	holder := c.Handoff.PractitionerID
	if c.State != dialog.StateHuman || holder != pid {
		t.Fatalf("not held by %s: %q %+v", pid, c.State, c.Handoff)
	}
	for _, kind := range []dialog.EventKind{dialog.EventStaffClaim, dialog.EventStaffReply} {
		if _, _, err := h.m.Step(context.Background(), c, dialog.Event{Kind: kind, PractitionerID: "prac-zofia-kowalczyk", Text: "hello"}, now); !errors.Is(err, dialog.ErrHeld) {
			t.Errorf("%s by another practitioner: %v, want ErrHeld", kind, err)
		}
	}
	// The holder can claim it again (a second tab) without error.
	if _, _, err := h.m.Step(context.Background(), c, dialog.Event{Kind: dialog.EventStaffClaim, PractitionerID: holder}, now); err != nil {
		t.Errorf("claim by the holder: %v", err)
	}
}

// TestStepIsDeterministic: a re-applied step gives the same conversation,
// commit and outbound ids, so a retried commit never doubles a reply.
func TestStepIsDeterministic(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c := h.conv()
	c.Version = 7
	a1, c1, err := h.m.Step(context.Background(), c, dialog.Event{Kind: dialog.EventMessage, Text: offeredText}, now)
	if err != nil {
		t.Fatal(err)
	}
	a2, c2, err := h.m.Step(context.Background(), c, dialog.Event{Kind: dialog.EventMessage, Text: offeredText}, now)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(c1, c2) {
		t.Fatal("two runs of one step differ")
	}
	start := strconv.FormatInt(a1.Started.UnixNano(), 36)
	if c1.Outbound[0].ID != "conv-1:"+start+":8:0" || c1.Outbound[1].ID != "conv-1:"+start+":8:1" || a1.Version != 7 {
		t.Fatalf("ids %s %s version %d", c1.Outbound[0].ID, c1.Outbound[1].ID, a1.Version)
	}
}

// TestConversationStaysSmall: however much a family writes, the kept
// conversation (transcript apart) stays well under the store's 2 KiB.
func TestConversationStaysSmall(t *testing.T) {
	h := newHarness(t)
	now := h.tuesdayMorning()
	c, _ := h.steps(h.conv(), now, "my 2 yr old isnt talking yet, castleton", "can i talk to someone")
	for i := range 20 {
		c, _ = h.step(c, "also hes not sleeping and were behind on rent and the school keep calling about his brother and im so tired of all of it", now.Add(time.Duration(i)*time.Minute))
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("conversation: %d bytes of JSON", len(b))
	if len(b) > 1536 {
		t.Fatalf("conversation is %d bytes of JSON:\n%s", len(b), b)
	}
}
