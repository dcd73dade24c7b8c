package triage

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// prefilter holds literal strings at least one of which must appear in a
// text for a pattern to match: a cheap test that skips most patterns for
// most messages. An empty prefilter cannot rule anything out.
type prefilter []string

// mayMatch reports whether the text could match.
func (p prefilter) mayMatch(text string) bool {
	if len(p) == 0 {
		return true
	}
	for _, lit := range p {
		if strings.Contains(text, lit) {
			return true
		}
	}
	return false
}

// newPrefilter reads the literals a pattern needs from its syntax tree.
func newPrefilter(re *regexp.Regexp) prefilter {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	lits, ok := required(t.Simplify())
	if !ok {
		return nil
	}
	return lits
}

// required returns literals one of which every match contains, and false
// when no such set can be read (a match may be any text).
func required(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil, false
		}
		return required(re.Sub[0])
	case syntax.OpConcat:
		// Any one part's literals will do: take the part whose shortest
		// literal is longest, as it rules out most.
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			lits, ok := required(sub)
			if !ok {
				continue
			}
			if l := shortest(lits); l > bestLen {
				best, bestLen = lits, l
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			lits, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, lits...)
		}
		return all, true
	case syntax.OpCharClass:
		// A small class of single characters ("s?" simplified, "[ae]").
		var lits []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 10 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				lits = append(lits, string(r))
			}
		}
		return lits, len(lits) > 0 && len(lits) <= 10
	}
	return nil, false
}

func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}
