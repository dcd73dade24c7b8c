package dialog

import (
	"testing"
	"time"

	"github.com/northbrook/hubbot/dialog/triage"
)

func TestMatchIntent(t *testing.T) {
	tests := []struct {
		text     string
		optedOut bool
		want     intent
	}{
		{"STOP", false, intentStop},
		{"stop.", false, intentStop},
		{" Unsubscribe ", false, intentStop},
		{"stop all", false, intentStop},
		{"stop it hes driving me mad", false, intentNone},
		{"START", true, intentStart},
		{"yes", true, intentStart},
		{"yes", false, intentNone},
		{"start", false, intentRestart},
		{"unstop", false, intentStart},
		{"HELP", false, intentHelp},
		{"info", false, intentHelp},
		{"help me find a nursery", false, intentNone},
		{"FORGET", false, intentForget},
		{"forgt me", false, intentForget},
		{"please delete my data", false, intentForget},
		{"forget it", false, intentBye},
		{"person", false, intentPerson},
		{"pesron pls", false, intentPerson},
		{"Can I speak to someone?", false, intentPerson},
		{"i need someone to talk to", false, intentPerson},
		{"can a real human call me", false, intentPerson},
		{"talk to a practitioner", false, intentPerson},
		{"i want to talk to someone about my sons behaviour", false, intentPerson},
		{"my son wont talk to anyone at school and i dont know what to do about it anymore", false, intentNone},
		{"start again", false, intentRestart},
		{"Start over please", false, intentRestart},
		{"restart", false, intentRestart},
		{"restrat", false, intentRestart},
		{"thanks", false, intentBye},
		{"Thank you so much!!", false, intentBye},
		{"thnaks", false, intentBye},
		{"ok bye x", false, intentBye},
		{"done", false, intentBye},
		{"thats all thanks", false, intentBye},
		{"thanks, also what about his sleep", false, intentNone},
		{"more", false, intentMore},
		{"any more?", false, intentMore},
		{"other options please", false, intentMore},
		{"none of these", false, intentNoneFit},
		{"not really what i need", false, intentNoneFit},
		{"my 2 yr old isnt talking yet", false, intentNone},
		{"", false, intentNone},
	}
	for _, tc := range tests {
		if got := matchIntent(tc.text, tc.optedOut); got != tc.want {
			t.Errorf("matchIntent(%q, %v) = %d, want %d", tc.text, tc.optedOut, got, tc.want)
		}
	}
}

func TestChoice(t *testing.T) {
	tests := []struct {
		text string
		n    int
		ok   bool
	}{
		{"1", 1, true}, {"2.", 2, true}, {"no 3", 3, true}, {"number 2 please", 2, true},
		{"the second one", 2, true}, {"Option 1", 1, true}, {"three", 3, true}, {"#2", 2, true},
		{"details on 3", 3, true}, {"0", 0, false}, {"12", 0, false}, {"2 kids", 0, false},
		{"he is 2", 0, false},
	}
	for _, tc := range tests {
		n, ok := choice(tc.text)
		if n != tc.n || ok != tc.ok {
			t.Errorf("choice(%q) = %d, %v; want %d, %v", tc.text, n, ok, tc.n, tc.ok)
		}
	}
}

func TestScrubWords(t *testing.T) {
	tests := []struct{ words, original, want string }{
		{"cant find dentist taking on kids anywhere has toothache", "cant find an NHS dentist taking on kids anywhere, dd is 6 and has toothache", "dentist taking kids anywhere toothache"},
		{"my son jayden needs braces", "my son Jayden needs braces", "son braces"},
		{"hes called tyler and needs braces", "hes called tyler and needs braces", "hes called braces"},
		{"swimming swimming lessons b12", "swimming lessons", "swimming lessons"},
	}
	for _, tc := range tests {
		if got := scrubWords(tc.words, tc.original); got != tc.want {
			t.Errorf("scrubWords(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
}

func TestAgeBand(t *testing.T) {
	tests := []struct {
		t    triage.Triage
		want string
	}{
		{triage.Triage{Pregnant: true}, "pregnancy"},
		{triage.Triage{}, ""},
		{triage.Triage{AgeKnown: true, Age: 0}, "0-4"},
		{triage.Triage{AgeKnown: true, Age: 7}, "5-10"},
		{triage.Triage{AgeKnown: true, Age: 15}, "11-15"},
		{triage.Triage{AgeKnown: true, Age: 17}, "16-19"},
		{triage.Triage{AgeKnown: true, Age: 22}, "20-25"},
		{triage.Triage{AgeKnown: true, Age: 38}, "adult"},
	}
	for _, tc := range tests {
		if got := ageBand(tc.t); got != tc.want {
			t.Errorf("ageBand(%+v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

func TestPhrases(t *testing.T) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 27, 22, 0, 0, 0, loc) // a Friday, before the clocks go forward
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, loc) }
	tests := []struct {
		at         time.Time
		day, clock string
	}{
		{at(27, 23, 0), "today", "11pm"},
		{at(28, 9, 30), "tomorrow", "9:30am"},
		{at(30, 8, 30), "on Monday", "8:30am"}, // after the clocks change
		{at(31, 12, 0), "on Tuesday", "12pm"},
		{time.Date(2026, 4, 6, 17, 0, 0, 0, loc), "on Monday 6 April", "5pm"},
	}
	for _, tc := range tests {
		if d, c := dayPhrase(tc.at, now, loc), clockPhrase(tc.at, loc); d != tc.day || c != tc.clock {
			t.Errorf("%v: %q %q, want %q %q", tc.at, d, c, tc.day, tc.clock)
		}
	}
	if s := timeSpan("13:00", "16:30"); s != "1pm to 4:30pm" {
		t.Errorf("timeSpan %q", s)
	}
}
