package dialog

import (
	"strings"
	"time"
)

// The answers to the outcome check-in (Outcome.Answer).
const (
	outcomeHelped = "helped"
	outcomeNotYet = "not-yet"
	outcomeTalk   = "talk"
)

// checkin sends the outcome check-in when it is due. A timer that has moved
// on (rescheduled, or cleared by a new conversation), a family who stopped
// messages, and a family with a practitioner get nothing.
func (t *turn) checkin() error {
	c := &t.c
	if c.CheckinDue.IsZero() || t.now.Before(c.CheckinDue) || c.Signposted.IsZero() {
		return nil
	}
	c.CheckinDue = time.Time{}
	if c.OptedOut || (c.State != StateOffered && c.State != StateClosed) {
		why := "state " + string(c.State)
		if c.OptedOut {
			why = "stopped"
		}
		t.note("check-in not sent: " + why)
		return nil
	}
	c.Asked = askCheckin
	return t.say("checkin", t.data(), options(t.m.checkOpts)...)
}

// checkinAnswer reads an answer to the check-in. done is false when the
// message is not an answer, and the message is handled as any other.
func (t *turn) checkinAnswer(text string, in intent) (done bool, err error) {
	c := &t.c
	c.Asked = ""
	answer := ""
	n, ok := choice(text)
	switch w := normalise(text); {
	case ok && n == 1, yesWords[w]:
		answer = outcomeHelped
	case ok && n == 2, notYetWords[w]:
		answer = outcomeNotYet
	case ok && n == 3, in == intentPerson:
		answer = outcomeTalk
	default:
		return false, nil
	}
	t.commit.Outcomes = append(t.commit.Outcomes, Outcome{Date: t.day(), Answer: answer, Terms: c.Triage.Terms, Ward: c.Triage.Ward})
	switch answer {
	case outcomeHelped:
		c.State = StateClosed
		return true, t.say("checkin-yes", t.data())
	case outcomeNotYet:
		c.State = StateTriage
		if len(c.Offered) > 0 {
			c.State = StateOffered
		}
		d := t.data()
		d.More = c.Shown < len(c.Offered)
		return true, t.say("checkin-not-yet", d)
	}
	return true, t.handoff(reasonCheckin, nil)
}

// yesWords and notYetWords are the worded answers to the check-in.
var (
	yesWords    = wordSet("yes", "yeah", "yep", "yes thanks", "yes thank you", "yes it did", "it did", "yes i did", "i did", "y", "yes ta", "yes please", "definitely", "it helped")
	notYetWords = wordSet("no", "not yet", "nope", "no not yet", "not really", "no i didnt", "i didnt", "n", "nah", "not yet thanks")
)

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[strings.TrimSpace(w)] = true
	}
	return m
}

// checkinDays is how many whole days from now until at.
func checkinDays(now, at time.Time) int {
	return max(1, int((at.Sub(now)+12*time.Hour)/(24*time.Hour)))
}
