package textclass

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// homoglyphs maps Cyrillic and Greek letters that look like Latin ones to
// those Latin letters. They are folded only in text that is mostly Latin,
// where they are a disguise, not another language.
var homoglyphs = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd',
	'ӏ': 'l', 'ɡ': 'g', 'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v',
	'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w',
}

// latinFolds are Latin letters with no decomposition, as families type
// them without the stroke (zasiłek, zasilek).
var latinFolds = map[rune]rune{'ł': 'l', 'ø': 'o', 'đ': 'd', 'ı': 'i', 'ħ': 'h'}

// Normalise puts text into the form features are read from: compatibility
// forms folded (full-width and styled letters become plain), lower case,
// invisible format characters dropped, accents taken off Latin letters
// (families often type without them), look-alike letters inside Latin words
// (in mostly Latin text) folded, other scripts' digits made ASCII, and runs of one letter cut to
// two ("sooooo" reads as "soo").
func Normalise(text string) string {
	text = norm.NFKC.String(text)
	decomposed := norm.NFD.String(text)
	var b strings.Builder
	b.Grow(len(decomposed))
	var prevBase rune
	for _, r := range decomposed {
		switch {
		case r == '\uFE0F' || r == '\uFE0E' || r == '\u200D':
			continue // emoji presentation selectors and joiners
		case unicode.Is(unicode.Mn, r):
			if isLatin(prevBase) || (r >= 0x064B && r <= 0x065F) || r == 0x0670 {
				continue // an accent on a Latin letter, or optional Arabic vowel and hamza marks (أ reads as ا)
			}
		case unicode.Is(unicode.Cf, r) || (unicode.IsControl(r) && !unicode.IsSpace(r)):
			continue // zero-width and bidi controls, used to split words
		case unicode.IsDigit(r):
			if d := digitValue(r); d >= 0 {
				r = rune('0' + d)
			}
			prevBase = r
		default:
			r = unicode.ToLower(r)
			if f, ok := latinFolds[r]; ok {
				r = f
			}
			prevBase = r
		}
		b.WriteRune(r)
	}
	return foldWords(norm.NFC.String(b.String()))
}

// foldWords folds look-alike letters when the text is mostly Latin, and
// cuts long runs of a repeated letter.
func foldWords(s string) string {
	rs := []rune(s)
	latin, other := 0, 0
	for _, r := range rs {
		switch {
		case !unicode.IsLetter(r):
		case r < 0x250:
			latin++
		case unicode.In(r, unicode.Cyrillic, unicode.Greek):
			if _, ok := homoglyphs[r]; !ok {
				other++ // a letter no Latin one looks like: really Cyrillic or Greek
			}
		}
	}
	if latin > other {
		for i, r := range rs {
			if f, ok := homoglyphs[r]; ok {
				rs[i] = f
			}
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	run := 0
	for i, r := range rs {
		if i > 0 && r == rs[i-1] && unicode.IsLetter(r) {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isLatin(r rune) bool { return r != 0 && unicode.Is(unicode.Latin, r) }

// digitValue is the value of a decimal digit of any script, or -1.
func digitValue(r rune) int {
	for _, zero := range []rune{'0', '٠', '۰', '০', '੦', '०', '０'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}

// isWordRune reports whether r belongs inside a word: letters, marks
// (the vowel signs of Bengali, Gurmukhi and Arabic) and digits.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// isSymbol reports whether r is an emoji or other symbol that carries
// meaning on its own (🪦 💊 🔪 😂).
func isSymbol(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) && r > 0x2000
}
