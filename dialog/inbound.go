package dialog

import "strings"

// mediaNote stands in the transcript for what the bot cannot read.
const mediaNote = "[a photo, voice note or file, not shown]"

// inbound steps on a family's message, button or media. Safety comes first
// in every state; then the global intents; then the state's own handling.
func (t *turn) inbound() error {
	c := &t.c
	text := strings.TrimSpace(t.ev.Text)
	if t.ev.Kind == EventMedia {
		t.record(strings.TrimSpace(mediaNote + " " + text))
	} else {
		t.record(text)
	}
	c.Messages++

	// Stopped (SMS STOP): nothing goes out until START. A sign of risk
	// still reaches staff, and FORGET still erases.
	if c.OptedOut {
		switch matchIntent(text, true) {
		case intentStart:
			c.OptedOut = false
			return t.say("start", t.data())
		case intentForget:
			return t.forget()
		}
		if r := t.m.detector.Assess(text, t.earlier(text)); r.Risk {
			return t.risk(r, text)
		}
		return nil
	}
	if text != "" {
		r := t.m.detector.Assess(text, t.earlier(text))
		if r.Risk {
			return t.risk(r, text)
		}
		if c.Asked == askSafe {
			if done, err := t.safeAnswer(text); done {
				return err
			}
		}
		if r.Concern {
			if done, err := t.concern(r, text); done {
				return err
			}
		}
	}
	if t.ev.Kind == EventMedia && text == "" {
		if c.State == StateHuman || c.State == StateHandoff {
			return nil // the practitioner sees the note
		}
		return t.say("media", t.data())
	}

	in := matchIntent(text, false)
	switch in {
	case intentStop:
		if c.Channel == ChannelSMS {
			err := t.say("stop", t.data())
			c.OptedOut = true
			return err
		}
		in = intentBye // elsewhere "stop" is a goodbye
	case intentHelp:
		return t.say("help", t.data())
	case intentForget:
		return t.forget()
	}
	if c.State == StateHuman {
		return nil // a practitioner has it: the bot stays quiet
	}
	if c.Asked == askCheckin {
		if done, err := t.checkinAnswer(text, in); done {
			return err
		}
	}
	switch in {
	case intentPerson:
		if c.State == StateNew || c.State == StateClosed {
			t.afresh()
			if err := t.welcome(); err != nil {
				return err
			}
		}
		t.learn(withoutPersonAsk(text))
		return t.handoff(reasonAsked, nil)
	case intentRestart:
		return t.restart()
	case intentBye:
		return t.bye(text)
	}
	switch c.State {
	case StateHandoff:
		return t.waiting(text, in)
	case StateOffered:
		return t.offered(text, in)
	case StateNew, StateClosed:
		return t.fresh(text)
	default:
		return t.triageTurn(text)
	}
}

// forget erases the family's conversation; the confirmation still goes.
func (t *turn) forget() error {
	t.commit.Forget = true
	err := t.say("forget", t.data())
	t.c = Conversation{ID: t.c.ID, Channel: t.c.Channel, Address: t.c.Address, Version: t.c.Version, Started: t.now}
	return err
}

// afresh clears what the last conversation learnt, keeping the family's
// opt-out, flags and the out-of-hours day.
func (t *turn) afresh() {
	c := &t.c
	*c = Conversation{
		ID: c.ID, Channel: c.Channel, Address: c.Address, Version: c.Version, State: StateTriage,
		Flags: c.Flags, Recent: c.Recent, RecentAt: c.RecentAt, OptedOut: c.OptedOut, Started: t.now, Messages: c.Messages,
		OutOfHoursSent: c.OutOfHoursSent, Handoff: nil,
	}
}

// welcome greets a family with the privacy line.
func (t *turn) welcome() error { return t.say("welcome", t.data()) }

// restart starts the triage again; a family waiting for a person stays in
// the queue.
func (t *turn) restart() error {
	c := &t.c
	if c.State == StateNew || c.State == StateClosed {
		return t.fresh("")
	}
	h := c.Handoff
	flags, ooh, msgs, optedOut, started := c.Flags, c.OutOfHoursSent, c.Messages, c.OptedOut, c.Started
	signposted, due := c.Signposted, c.CheckinDue
	*c = Conversation{ID: c.ID, Channel: c.Channel, Address: c.Address, Version: c.Version, State: StateTriage,
		Handoff: h, Flags: flags, OutOfHoursSent: ooh, Messages: msgs, OptedOut: optedOut, Started: started,
		Signposted: signposted, CheckinDue: due}
	c.Asked = askNeed
	c.Asks = []string{askNeed}
	d := t.data()
	d.Options = t.m.needOpts
	return t.say("start-again", d, options(t.m.needOpts)...)
}

// bye ends the conversation with thanks. Families waiting for a person stay
// waiting, and a closed conversation stays quiet.
func (t *turn) bye(text string) error {
	c := &t.c
	switch c.State {
	case StateHandoff, StateClosed:
		return nil
	case StateNew:
		return t.fresh(text)
	}
	c.State = StateClosed
	c.Asked = ""
	d := t.data()
	if !c.CheckinDue.IsZero() && c.CheckinDue.After(t.now) {
		d.CheckinDays = checkinDays(t.now, c.CheckinDue)
	}
	return t.say("goodbye", d)
}

// waiting handles a family's message while they wait for a practitioner:
// the bot stays quiet (the practitioner reads it), except that offered
// services can still be looked at and, out of hours, the family hears once
// a day when someone will pick it up.
func (t *turn) waiting(text string, in intent) error {
	c := &t.c
	if len(c.Offered) > 0 {
		if in == intentMore {
			return t.more()
		}
		if n, ok := choice(text); ok {
			return t.details(n)
		}
	}
	t.learn(text)
	if c.Handoff != nil {
		c.Handoff.Summary = t.summary()
	}
	if c.OutOfHoursSent == t.day() {
		return nil
	}
	urgent := c.Handoff != nil && c.Handoff.Urgent
	a, err := t.assign(urgent)
	if err != nil {
		return err
	}
	if a.Working {
		return nil
	}
	// Out of hours: the family hears who picks it up, and the queue agrees.
	reason := reasonAsked
	if c.Handoff != nil {
		reason = c.Handoff.Reason
	}
	t.handTo(a, reason, urgent)
	return t.tell(a, "", false)
}
