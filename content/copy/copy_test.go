package copy_test

import (
	"strings"
	"testing"

	"github.com/northbrook/hubbot/content/copy"
)

// maxReply is two SMS segments of GSM-7.
const maxReply = 306

func sample(c *copy.Copy, t *testing.T) copy.Data {
	t.Helper()
	need, err := c.Lines("need-options", nil)
	if err != nil {
		t.Fatal(err)
	}
	long := copy.Service{
		Name: "Preparing for Birth and Beyond antenatal course (Castleton)", When: "Tuesday evenings",
		Where: "Castleton", Place: "Northbrook Family Hub (Castleton), Civic Centre, 1 Civic Way, Northbrook NB3 4QT",
		Access: "self-referral", Cost: "Free", Phone: "01632 960101",
		URL: "https://northbrook.example.org/family-hub/services/nb-antenatal-castleton",
	}
	return copy.Data{
		Hub: "Northbrook Family Hub", Phone: "01632 960000", SMS: true,
		RetentionDays: 30, CheckinDays: 14,
		Options: need,
		Services: []copy.Service{
			{Name: "Chatterbox talking group for 2 and 3 year olds", When: "Tuesday mornings", Where: "Abbeyfield"},
			{Name: "Early Talk drop-in", When: "Monday afternoons", Where: "Castleton"},
			{Name: "Children's speech and language therapy", When: "Clinic appointments", Where: "Castleton"},
		},
		More: true, Service: long,
		Lines: []string{
			"Call 999 if anyone is in danger right now.",
			"Northbrook Emergency Duty Team: 01632 960999",
		},
		Number: "116 123",
		Person: copy.Person{Name: "Priya", Role: "Family Support Practitioner"},
		Day:    "today", Time: "5pm", Reason: "no-fit", Urgent: true,
		OutOfHours: copy.Line{Name: "Northbrook Emergency Duty Team", Number: "01632 960999"},
	}
}

// TestEveryMessage renders every message: it must render, be plain ASCII,
// and (details aside) fit two SMS segments.
func TestEveryMessage(t *testing.T) {
	c, err := copy.New()
	if err != nil {
		t.Fatal(err)
	}
	d := sample(c, t)
	for _, name := range c.Names() {
		for _, sms := range []bool{true, false} {
			d.SMS = sms
			got, err := c.Render(name, d)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			for i, r := range got {
				if r > 126 || (r < 32 && r != '\n') {
					t.Errorf("%s: non-ASCII %q at %d in %q", name, r, i, got)
					break
				}
			}
			if name != "details" && len(got) > maxReply {
				t.Errorf("%s: %d characters, want <= %d:\n%s", name, len(got), maxReply, got)
			}
			if strings.Contains(got, "<no value>") {
				t.Errorf("%s: missing value: %q", name, got)
			}
		}
	}
}

// TestMessagesExist checks every message the dialog sends is defined.
func TestMessagesExist(t *testing.T) {
	c, err := copy.New()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range c.Names() {
		have[n] = true
	}
	for _, n := range []string{
		"welcome", "ask-need", "need-options", "ask-age", "age-options", "ask-area", "area-other",
		"offer", "offer-buttons", "details", "no-more", "not-understood", "safety",
		"line-999", "line-111", "line-samaritans", "line-childline", "line-domestic-abuse", "line-shout", "line-out-of-hours",
		"handoff", "handoff-busy", "handoff-ooh", "handed-back", "goodbye", "start-again", "forget",
		"stop", "start", "help", "checkin", "checkin-options", "checkin-yes", "checkin-not-yet", "media",
	} {
		if !have[n] {
			t.Errorf("message %q is not defined", n)
		}
	}
}

func TestRenderShapes(t *testing.T) {
	c, err := copy.New()
	if err != nil {
		t.Fatal(err)
	}
	d := sample(c, t)
	tests := []struct {
		label, name string
		edit        func(*copy.Data)
		want        []string
		not         []string
	}{
		{"handoff names who and when", "handoff", func(d *copy.Data) { d.Reason, d.Urgent = "asked", false },
			[]string{"Priya, our Family Support Practitioner, will text you back today before 5pm."}, nil},
		{"web says message", "handoff", func(d *copy.Data) { d.Reason, d.Urgent, d.SMS = "asked", false, false },
			[]string{"will message you back today before 5pm"}, nil},
		{"no-fit lead", "handoff", func(d *copy.Data) { d.Urgent = false },
			[]string{"I couldn't find a good match"}, nil},
		{"ooh urgent lists lines", "handoff-ooh", func(d *copy.Data) { d.Day, d.Time = "on Monday", "8:30am" },
			[]string{"We open again on Monday at 8:30am", "Priya, our Family Support Practitioner, will pick this up then.", "Call 999"}, nil},
		{"ooh not urgent has no lines", "handoff-ooh", func(d *copy.Data) { d.Urgent = false },
			nil, []string{"999"}},
		{"ooh unnamed", "handoff-ooh", func(d *copy.Data) { d.Person = copy.Person{} },
			[]string{"someone from our team will pick this up"}, nil},
		{"offer footer", "offer", nil,
			[]string{"1 Chatterbox", "3 Children's", "Reply 1, 2 or 3 for details, MORE for other options, PERSON to talk to someone"}, nil},
		{"offer of one", "offer", func(d *copy.Data) { d.Services, d.More = d.Services[:1], false },
			[]string{"Reply 1 for details, PERSON"}, []string{"MORE"}},
		{"welcome privacy", "welcome", nil, []string{"30 days", "FORGET"}, nil},
		{"help on web has no STOP", "help", func(d *copy.Data) { d.SMS = false }, []string{"Northbrook Family Hub", "PERSON", "01632 960000"}, []string{"STOP"}},
		{"checkin", "checkin", nil, []string{"Did you get the help you needed? 1 yes, 2 not yet, 3 I'd like to talk to someone"}, nil},
		{"referral access", "details", func(d *copy.Data) { d.Service.Access = "referral" }, []string{"needs to ask for this for you"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			dd := d
			if tc.edit != nil {
				tc.edit(&dd)
			}
			got, err := c.Render(tc.name, dd)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("do not want %q in:\n%s", w, got)
				}
			}
		})
	}
}

func TestUnknownMessage(t *testing.T) {
	c, err := copy.New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Render("no-such-message", copy.Data{}); err == nil {
		t.Fatal("want an error for an unknown message")
	}
}
