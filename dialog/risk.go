package dialog

// Risk is a safeguarding assessment of a family's message read with their
// last few messages. Its fields match safety.Assessment one for one, so an
// assessment converts with dialog.Risk(a).
type Risk struct {
	Risk     bool   // the message shows a sign of risk: safety reply and urgent handoff
	Category string // e.g. "self-harm", "domestic-abuse", "neglect"
	Urgent   bool   // someone may be in danger now
	// Lines are the keys of the emergency lines that fit: "999", "111",
	// "samaritans", "childline", "domestic-abuse", "shout".
	Lines  []string
	Reason string // what was recognised, for staff; never sent to the family
	// Concern is a worry short of risk: one gentle check question and a
	// practitioner the same day. Never set with Risk.
	Concern bool
	// Score is the learned model's probability of harm, for staff.
	Score float64
	// Language is the message's language (ISO 639-1), or "".
	Language string
}

// Detector assesses every inbound message, in every state, with the
// family's earlier messages (oldest first) so a story told over several
// texts is read as one. It must not call the network.
type Detector interface {
	Assess(text string, earlier []string) Risk
}

// DetectorFunc adapts a function to a Detector, e.g.
//
//	r, _ := safety.NewReader(nil)
//	dialog.DetectorFunc(func(s string, earlier []string) dialog.Risk { return dialog.Risk(r.Assess(s, earlier)) })
type DetectorFunc func(text string, earlier []string) Risk

// Assess calls f.
func (f DetectorFunc) Assess(text string, earlier []string) Risk { return f(text, earlier) }
