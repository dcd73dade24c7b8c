// Package triage reads what a family has already said in a message (who the
// help is for, the child's age, the need, the area, how urgent) and holds the
// answer a search of the local offer gives to it.
package triage

import "github.com/northbrook/hubbot/content"

// Who is the person the help is for, or the person writing.
type Who string

// The people a message can be about or from.
const (
	WhoUnknown      Who = ""
	WhoParent       Who = "parent"       // the parent or carer themself
	WhoChild        Who = "child"        // a child of the family
	WhoPartner      Who = "partner"      // the parent's partner or ex
	WhoYoungPerson  Who = "young-person" // a young person writing about themself
	WhoCarer        Who = "carer"        // a kinship or foster carer
	WhoProfessional Who = "professional"
)

// Triage is what one or more messages told us about a family's need. The
// zero value knows nothing. Fields are only set from what the family said.
type Triage struct {
	For     Who `json:"for,omitempty"`     // who the help is for
	Speaker Who `json:"speaker,omitempty"` // who is writing

	// Age in whole years of the person the help is for; valid when AgeKnown.
	Age      int  `json:"age,omitempty"`
	AgeKnown bool `json:"age_known,omitempty"`
	// AgeMonths is the age in months when the family gave it that finely.
	AgeMonths int `json:"age_months,omitempty"`
	// Ages lists every child's age the family gave ("kids are 4 and 9").
	Ages     []int `json:"ages,omitempty"`
	Pregnant bool  `json:"pregnant,omitempty"`

	// Terms are taxonomy terms of the offer the need maps to, strongest first.
	Terms []string `json:"terms,omitempty"`
	// Words are the need in the family's own words, cleaned, for the search.
	Words string `json:"words,omitempty"`

	Ward     string `json:"ward,omitempty"`     // a ward of the offer
	Postcode string `json:"postcode,omitempty"` // outward code, e.g. "NB3"

	Urgent bool `json:"urgent,omitempty"` // the family said it cannot wait
	// Language the family wrote in, when it is not English ("" = English or unknown).
	Language string `json:"language,omitempty"`
}

// HasNeed reports whether the family has said what is going on.
func (t Triage) HasNeed() bool { return len(t.Terms) > 0 || t.Words != "" }

// HasArea reports whether the family has said where they live.
func (t Triage) HasArea() bool { return t.Ward != "" }

// HasAge reports whether we know the age, or that it is a pregnancy.
func (t Triage) HasAge() bool { return t.AgeKnown || t.Pregnant }

// Match is one service found for a triage, with its score.
type Match struct {
	Service content.Service `json:"service"`
	Score   float64         `json:"score"`
}

// Result is the answer to a triage: the services that fit, best first, or
// NoFit when nothing in the offer fits well enough and a person should pick
// the family up.
type Result struct {
	Matches []Match `json:"matches"`
	NoFit   bool    `json:"no_fit"`
	Reason  string  `json:"reason,omitempty"` // why NoFit, for the unmet-need record
}

// IDs lists the matched service ids in rank order.
func (r Result) IDs() []string {
	ids := make([]string, len(r.Matches))
	for i, m := range r.Matches {
		ids[i] = m.Service.ID
	}
	return ids
}
