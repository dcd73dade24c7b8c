package dialog

// EventKind says what happened to a conversation.
type EventKind string

// The events a conversation steps on. Family events come from a channel;
// staff events from the inbox, by conversation id; timers from the engine.
const (
	// EventMessage is a text message from the family.
	EventMessage EventKind = "message"
	// EventButton is a tap on a button the bot offered (Text is its value).
	EventButton EventKind = "button"
	// EventMedia is a photo, voice note or file, which the bot cannot read
	// (Text holds any caption).
	EventMedia EventKind = "media"
	// EventOptedOut is a provider saying the family has stopped messages
	// (Twilio 21610, Telegram "bot was blocked by the user").
	EventOptedOut EventKind = "opted-out"
	// EventCheckin is the outcome check-in timer firing.
	EventCheckin EventKind = "checkin"

	// EventStaffReply is a practitioner's message to the family (Text).
	EventStaffReply EventKind = "staff-reply"
	// EventStaffClaim is a practitioner taking the conversation.
	EventStaffClaim EventKind = "staff-claim"
	// EventStaffReassign is a lead (PractitionerID) giving the conversation
	// to another practitioner (Text: their id).
	EventStaffReassign EventKind = "staff-reassign"
	// EventStaffHandBack is a practitioner handing the family back to the bot.
	EventStaffHandBack EventKind = "staff-hand-back"
	// EventStaffClose is a practitioner closing the conversation (Outcome).
	EventStaffClose EventKind = "staff-close"
	// EventStaffNote is an internal note (Text), never sent to the family.
	EventStaffNote EventKind = "staff-note"
	// EventStaffFlag adds a flag (Text), e.g. "risk:neglect", which puts the
	// conversation at the top of the queue when it starts with "risk".
	EventStaffFlag EventKind = "staff-flag"
)

// IsStaff reports whether the event comes from a practitioner.
func (k EventKind) IsStaff() bool {
	switch k {
	case EventStaffReply, EventStaffClaim, EventStaffReassign, EventStaffHandBack, EventStaffClose, EventStaffNote, EventStaffFlag:
		return true
	}
	return false
}

// Event is one thing that happens to a conversation: the input of
// Machine.Step.
type Event struct {
	Kind      EventKind
	Text      string // the family's message, a button's value, a staff reply, note or flag
	MessageID string // the provider's message id, for the transcript and dedupe
	// PractitionerID is who acted, for staff events.
	PractitionerID string
	// Outcome is why a practitioner closed the conversation, e.g. "helped".
	Outcome string
}
