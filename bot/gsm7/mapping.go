package gsm7

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Characters with a meaning of their own in scripts that need UCS-2.
const (
	zwnj = '\u200c' // zero width non-joiner (Persian, Indic scripts)
	zwj  = '\u200d' // zero width joiner (Indic scripts; also glues emoji)
	lrm  = '\u200e' // left-to-right mark
	rlm  = '\u200f' // right-to-left mark
	alm  = '\u061c' // Arabic letter mark
)

// typography maps punctuation and spacing that phones show fine but that
// would force UCS-2 onto its plain GSM-7 equivalent. It applies in both
// encodings, so a reply reads the same whichever it goes out in.
func typography(r rune) (string, bool) {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc', '\u00b4', '`', '\u2039', '\u203a':
		return "'", true
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return `"`, true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2043', '\u2022', '\u2023', '\u25e6', '\u2219':
		return "-", true
	case '\u2026':
		return "...", true
	case '\t', '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
		'\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u1680':
		return " ", true
	case '\u2028', '\u2029', '\u0085', '\v', '\f':
		return "\n", true
	case '\u2192':
		return "->", true
	case '\u2190':
		return "<-", true
	case '\u21d2':
		return "=>", true
	case '\u00d7':
		return "x", true
	case '\u00f7', '\u2044', '\u2215':
		return "/", true
	case '\u2264':
		return "<=", true
	case '\u2265':
		return ">=", true
	case '\u2260':
		return "!=", true
	case '\u2122':
		return "TM", true
	case '\u00a9':
		return "(c)", true
	case '\u00ae':
		return "(R)", true
	}
	return "", false
}

// latin spells Latin letters that have no decomposition with the nearest
// GSM-7 letters, so a name such as "Łukasz" or "Yıldız" stays in GSM-7.
func latin(r rune) (string, bool) {
	switch r {
	case 'ı':
		return "i", true
	case 'ł':
		return "l", true
	case 'Ł':
		return "L", true
	case 'đ', 'ð':
		return "d", true
	case 'Đ', 'Ð':
		return "D", true
	case 'ħ':
		return "h", true
	case 'Ħ':
		return "H", true
	case 'ŧ':
		return "t", true
	case 'Ŧ':
		return "T", true
	case 'œ':
		return "oe", true
	case 'Œ':
		return "OE", true
	case 'þ':
		return "th", true
	case 'Þ':
		return "Th", true
	case 'ŋ':
		return "n", true
	case 'Ŋ':
		return "N", true
	case 'ə':
		return "e", true
	case 'Ə':
		return "E", true
	case 'ĸ':
		return "k", true
	}
	return "", false
}

// junk reports characters no reply should carry in either encoding: emoji
// and other pictographs, their modifiers and joiners' companions (variation
// selectors, keycaps, skin tones, tags), control characters, private-use
// and unassigned code points.
func junk(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef: // variation selectors
		return true
	case r >= 0xe0000 && r <= 0xe007f: // tags (flag sequences)
		return true
	case unicode.In(r, unicode.Cc, unicode.So, unicode.Sk, unicode.Cs, unicode.Co, unicode.Me):
		return true
	}
	return !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C)
}

// decompose folds a character to GSM-7 through its compatibility
// decomposition without accents: "ê" to "e", "ﬁ" to "fi", "Ａ" to "A".
func decompose(r rune) (string, bool) {
	d := norm.NFKD.String(string(r))
	if d == string(r) {
		return "", false
	}
	var b strings.Builder
	for _, p := range d {
		switch {
		case unicode.Is(unicode.Mn, p):
			continue
		case Septets(p) > 0:
			b.WriteRune(p)
		default:
			s, ok := typography(p)
			if !ok {
				if s, ok = latin(p); !ok {
					return "", false
				}
			}
			b.WriteString(s)
		}
	}
	return b.String(), true
}

// toGSM maps one character for a GSM-7 reply. needUCS2 is true for a
// letter or digit of a script GSM-7 lacks: the reply must keep it and go
// out in UCS-2. Anything else without a GSM-7 form is dropped.
func toGSM(r rune) (s string, needUCS2 bool) {
	if Septets(r) > 0 {
		return string(r), false
	}
	if s, ok := typography(r); ok {
		return s, false
	}
	if junk(r) {
		return "", false
	}
	if s, ok := latin(r); ok {
		return s, false
	}
	if s, ok := decompose(r); ok {
		return s, false
	}
	return "", unicode.In(r, unicode.L, unicode.N)
}

// toUCS2 maps one character for a UCS-2 reply: typography is made plain
// and emoji dropped as for GSM-7, but the script's own letters, marks and
// direction marks stay. prev is the last character written.
func toUCS2(r, prev rune) string {
	if Septets(r) > 0 {
		return string(r)
	}
	if s, ok := typography(r); ok {
		return s
	}
	switch r {
	case zwnj, zwj:
		if unicode.In(prev, unicode.L, unicode.M) {
			return string(r)
		}
		return ""
	case lrm, rlm, alm:
		return string(r)
	}
	if junk(r) || unicode.Is(unicode.Cf, r) {
		return ""
	}
	return string(r)
}
