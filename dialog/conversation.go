// Package dialog is hubbot's conversation: a state machine that triages what
// a family needs, signposts local services, keeps families safe and hands
// them to a named practitioner. It defines the interfaces it needs (Store,
// Searcher, Assigner, Clock) and leaves their implementations to others.
package dialog

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"

	"github.com/northbrook/hubbot/dialog/triage"
)

// Channel is how a family reaches the hub.
type Channel string

// The channels hubbot speaks on.
const (
	ChannelSMS      Channel = "sms"
	ChannelTelegram Channel = "telegram"
	ChannelWeb      Channel = "web"
)

// Key names one conversation: a family's address on a channel (a phone
// number, a Telegram chat id, a web session id).
type Key struct {
	Channel Channel
	Address string
}

// ConversationID is the stable, non-reversible id of a conversation: an HMAC
// of channel and address under the deployment's secret. It is what keys,
// logs and the staff inbox use instead of the address.
func ConversationID(secret []byte, k Key) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(k.Channel))
	m.Write([]byte{0})
	m.Write([]byte(k.Address))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// State is where a conversation stands.
type State string

// The states of a conversation.
const (
	StateNew     State = ""        // nothing said yet, or after FORGET
	StateTriage  State = "triage"  // finding out what the family needs
	StateOffered State = "offered" // services offered; the family may pick one
	StateHandoff State = "handoff" // waiting for a named practitioner
	StateHuman   State = "human"   // a practitioner owns it; the bot relays, safety stays on
	StateClosed  State = "closed"  // finished; the next message starts afresh
)

// Conversation is everything hubbot keeps about one family's conversation
// between messages. It is small: the transcript is kept apart.
type Conversation struct {
	ID      string  `json:"id"`
	Channel Channel `json:"ch"`
	Address string  `json:"addr"` // needed to reply; never logged
	Version int64   `json:"v"`
	State   State   `json:"st,omitempty"`

	Triage triage.Triage `json:"tri"`
	Asked  string        `json:"asked,omitempty"` // the question waiting for an answer: "age", "need", "area"
	// Asks lists the questions already asked since the triage began, so
	// none is asked twice.
	Asks []string `json:"qs,omitempty"`
	// Stuck counts turns that added nothing to the triage.
	Stuck   int      `json:"stuck,omitempty"`
	Offered []string `json:"off,omitempty"` // service ids offered, best first
	Shown   int      `json:"shown,omitempty"`

	Handoff *Handoff `json:"ho,omitempty"`
	Flags   []string `json:"flags,omitempty"` // e.g. "risk:domestic-abuse", "concern:neglect"
	// Recent are the family's last few messages (their newest words, a few
	// hundred bytes at most), read with a new one so a story told over
	// several texts is read as one; RecentAt is when the last came.
	Recent   []string  `json:"rc,omitempty"`
	RecentAt time.Time `json:"rt,omitempty"`

	OptedOut   bool      `json:"out,omitempty"` // SMS STOP
	Started    time.Time `json:"t0"`
	Updated    time.Time `json:"t1"`
	Messages   int       `json:"n,omitempty"`
	Signposted time.Time `json:"sp,omitempty"`
	CheckinDue time.Time `json:"ci,omitempty"`
	// OutOfHoursSent is the day (YYYY-MM-DD, Europe/London) an out-of-hours
	// reply was last sent, so it goes at most once a day.
	OutOfHoursSent string `json:"ooh,omitempty"`
}

// Handoff says who a family was passed to, why, and how urgently.
type Handoff struct {
	PractitionerID string    `json:"pid,omitempty"` // "" while unassigned
	Reason         string    `json:"why"`           // "risk", "asked", "no-fit", "referral", "stuck", "checkin"
	Urgent         bool      `json:"urgent,omitempty"`
	At             time.Time `json:"at"`
	Summary        string    `json:"sum,omitempty"`
}

// Clock tells the time; tests use a fixed one.
type Clock interface{ Now() time.Time }

// ClockFunc adapts a function to a Clock.
type ClockFunc func() time.Time

// Now returns the function's time.
func (f ClockFunc) Now() time.Time { return f() }

// clone copies a conversation deeply enough that changing the copy never
// changes the original: a step must leave its input as it was, because a
// store may hand the same conversation to a retried step.
func (c Conversation) clone() Conversation {
	if c.Handoff != nil {
		h := *c.Handoff
		c.Handoff = &h
	}
	c.Offered = slices.Clone(c.Offered)
	c.Flags = slices.Clone(c.Flags)
	c.Asks = slices.Clone(c.Asks)
	c.Recent = slices.Clone(c.Recent)
	c.Triage.Terms = slices.Clone(c.Triage.Terms)
	c.Triage.Ages = slices.Clone(c.Triage.Ages)
	return c
}
