package dialog

import (
	"strings"
	"unicode"

	"github.com/northbrook/hubbot/dialog/triage"
)

// maxUnmetWords bounds the need words kept in an unmet-need record.
const maxUnmetWords = 12

// noFit passes a family whose need the offer does not meet to a person,
// and records the need without personal data.
func (t *turn) noFit(res triage.Result) error {
	u := t.unmet("no-fit")
	t.commit.Unmet = append(t.commit.Unmet, u)
	if res.Reason != "" {
		t.note("no good fit: " + res.Reason)
	}
	return t.handoff(reasonNoFit, nil)
}

// unmet is the unmet-need record of the conversation: the need words (with
// numbers and anything that may be a name taken out), the taxonomy guess,
// the age band, the ward and the day. reason is "no-fit" or "family-said".
func (t *turn) unmet(reason string) UnmetNeed {
	tr := t.c.Triage
	return UnmetNeed{
		Date:    t.day(),
		Words:   scrubWords(tr.Words, t.ev.Text),
		Terms:   append([]string(nil), tr.Terms...),
		AgeBand: ageBand(tr),
		Ward:    tr.Ward,
		Reason:  reason,
	}
}

// scrubWords keeps the words of a need that cannot name anyone: no digits,
// no word the family capitalised (a name, as families write them; a need
// word at the start of a sentence is sometimes lost with them), no word
// after "called" or "named", nothing like an address, each word once.
func scrubWords(words, original string) string {
	drop := names(original)
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(words) {
		switch {
		case seen[w] || drop[w] || genericWords[w] || len(w) > 20:
			continue
		case strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0:
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxUnmetWords {
			break
		}
	}
	return strings.Join(out, " ")
}

// names finds the words of a message that may be someone's name, lower-cased.
func names(text string) map[string]bool {
	out := map[string]bool{}
	fields := strings.Fields(text)
	for i, f := range fields {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		lw := strings.ToLower(strings.ReplaceAll(w, "'", ""))
		if capitalised(w) {
			out[lw] = true
		}
		if i > 0 {
			prev := strings.ToLower(strings.Trim(fields[i-1], ".,!?"))
			if prev == "called" || prev == "named" || prev == "name's" || prev == "names" || prev == "is" && i > 1 && strings.ToLower(fields[i-2]) == "name" {
				out[lw] = true
			}
		}
	}
	return out
}

// ageBand is the age band of an unmet-need record.
func ageBand(tr triage.Triage) string {
	switch {
	case tr.Pregnant && !tr.AgeKnown:
		return "pregnancy"
	case !tr.AgeKnown:
		return ""
	case tr.Age <= 4:
		return "0-4"
	case tr.Age <= 10:
		return "5-10"
	case tr.Age <= 15:
		return "11-15"
	case tr.Age <= 19:
		return "16-19"
	case tr.Age <= 25:
		return "20-25"
	}
	return "adult"
}

// capitalised reports whether w is written like a name: a capital, then
// lower case ("Kayleigh", not "I", "NHS" or "ADHD").
func capitalised(w string) bool {
	r := []rune(w)
	if len(r) < 2 || !unicode.IsUpper(r[0]) {
		return false
	}
	for _, x := range r[1:] {
		if unicode.IsLower(x) {
			return true
		}
	}
	return false
}
