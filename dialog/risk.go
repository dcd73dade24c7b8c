package dialog

// Risk is a safeguarding assessment of one message. Its fields match
// safety.Assessment one for one, so an assessment converts with
// dialog.Risk(a).
type Risk struct {
	Risk     bool   // the message shows a sign of risk
	Category string // e.g. "self-harm", "domestic-abuse", "neglect"
	Urgent   bool   // someone may be in danger now
	// Lines are the keys of the emergency lines that fit: "999", "111",
	// "samaritans", "childline", "domestic-abuse", "shout".
	Lines  []string
	Reason string // what was recognised, for staff; never sent to the family
}

// Detector assesses every inbound message for risk, in every state. It must
// not call the network.
type Detector interface {
	Assess(text string) Risk
}

// DetectorFunc adapts a function to a Detector, e.g.
//
//	d := safety.NewDetector()
//	dialog.DetectorFunc(func(s string) dialog.Risk { return dialog.Risk(d.Assess(s)) })
type DetectorFunc func(text string) Risk

// Assess calls f.
func (f DetectorFunc) Assess(text string) Risk { return f(text) }
