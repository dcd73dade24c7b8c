package index

import (
	"regexp"
	"strings"

	"github.com/northbrook/hubbot/content"
)

// Audiences a service speaks to, read from how its description opens.
const (
	audienceParents     = "parents"      // courses and groups for parents and carers
	audienceYoungPeople = "young-people" // services young people can use themselves
)

var (
	reBoth       = regexp.MustCompile(`(?i)\b(?:parents|families) and young people\b|\byoung people and (?:their )?(?:parents|families)\b|\bparents, carers and young people\b`)
	reForParents = regexp.MustCompile(`(?i)\b(?:for|to|with|helps?|supports?)\s+(?:\w+\s+){0,3}(?:parents|couples|mums|dads|separated parents|separating parents|parent carers|families where|adults)\b|\b(?:mums and dads|parents and carers)\b`)
	reForYoung   = regexp.MustCompile(`(?i)\b(?:for|to|with|helps?|supports?)\s+(?:\w+\s+){0,3}(?:young people|teenagers|young adults|young carers|children and young people aged|\d+-\d+s|\d+ to \d+ year olds)\b|\byoung people (?:who|can|aged)\b`)
)

// audience says whom a service is for: parents, young people, or anyone.
// A young person writing is not offered a course for their parents.
func audience(s content.Service) string {
	first := s.Description
	if i := strings.Index(first, ". "); i > 0 {
		first = first[:i]
	}
	if reBoth.MatchString(first) {
		return ""
	}
	y := reForYoung.FindStringIndex(first)
	p := reForParents.FindStringIndex(first)
	switch {
	case y != nil && (p == nil || y[0] < p[0]):
		return audienceYoungPeople
	case p != nil || reForParents.MatchString(s.Name):
		return audienceParents
	}
	return ""
}
