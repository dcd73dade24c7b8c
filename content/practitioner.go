package content

// Practitioner is a named member of hub staff a family can be handed to.
type Practitioner struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	DisplayName string            `json:"display_name"` // what the family is told, e.g. "Priya"
	Role        string            `json:"role"`         // e.g. "Family Support Practitioner"
	Skills      []string          `json:"skills"`       // taxonomy terms
	Languages   []string          `json:"languages"`
	Hours       map[string]string `json:"hours"` // "mon" -> "09:00-17:00", Europe/London
	MaxOpen     int               `json:"max_open_conversations"`
	Channels    []string          `json:"channels"`
}

// HasSkill reports whether the practitioner carries the taxonomy term.
func (p Practitioner) HasSkill(term string) bool {
	for _, s := range p.Skills {
		if s == term {
			return true
		}
	}
	return false
}

// Line is a phone line the hub gives families, with what it is for.
type Line struct {
	Label  string `json:"label"`
	Number string `json:"number"`
}

// Hub is the Family Hub's own details: how to reach it and when it is open.
type Hub struct {
	Name         string            `json:"name"`
	Phone        string            `json:"phone"`
	Email        string            `json:"email"`
	URL          string            `json:"url"`
	OpeningHours map[string]string `json:"opening_hours"` // "mon" -> "08:30-17:00", Europe/London
	OutOfHours   Line              `json:"out_of_hours_safeguarding"`
	Emergency    []Line            `json:"emergency_lines"`
}

// Directory is the hub and its practitioners.
type Directory struct {
	Hub           Hub            `json:"hub"`
	Practitioners []Practitioner `json:"practitioners"`
}
