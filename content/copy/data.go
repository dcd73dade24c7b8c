package copy

// Data is what the message templates read. Each message uses a few of its
// fields (messages.tmpl says which); the rest are left zero.
type Data struct {
	Hub   string // the hub's name, e.g. "Northbrook Family Hub"
	Phone string // the hub's phone number
	// SMS is true when the family texts: STOP and START apply, and a
	// practitioner will "text" rather than "message" them back.
	SMS bool

	RetentionDays int // how long the chat is kept
	CheckinDays   int // when the outcome check-in goes, 0 for none

	Options  []string  // numbered choices, in order
	Services []Service // one page of the offer, numbered from 1
	More     bool      // more services can be shown after this page
	Service  Service   // the service the family picked

	Lines []string // emergency lines, each rendered by a line-* message
	// Number is the phone number a line-* message shows.
	Number string

	Person Person // who will pick the family up; Name "" when nobody can be named
	Day    string // "today", "tomorrow", "on Monday"
	Time   string // "5pm", "8:30am"
	// Reason is why a person takes over: "asked", "no-fit", "referral"
	// (the service picked), "referral-top" (the first service offered),
	// "stuck", "checkin" or "risk".
	Reason string
	Urgent bool // something sounded urgent: the family gets the emergency lines
	// LinesGiven says the emergency lines were in the message just sent.
	LinesGiven bool
	OutOfHours Line // the hub's out-of-hours safeguarding line
}

// Service is what a family reads about one service.
type Service struct {
	Name   string
	When   string // a few words: "Monday afternoons"
	Where  string // a few words: "Castleton", "online", "by phone"
	Place  string // the full address, for details
	Access string // "drop-in", "booking", "self-referral" or "referral"
	Cost   string
	Phone  string
	URL    string
}

// Person is a named practitioner as a family is told of them.
type Person struct {
	Name string // what the family calls them, e.g. "Priya"
	Role string // e.g. "Family Support Practitioner"
}

// Line is a phone line with a short name.
type Line struct {
	Name   string
	Number string
}
