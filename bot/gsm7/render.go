package gsm7

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MoreHint ends a reply cut short to fit two segments. The dialog is to
// answer a family's "MORE" by sending the reply again with Outbound.MoreOK
// set, so that it goes out whole.
const MoreHint = "(more: reply MORE)"

// Render prepares text for SMS. It makes typography plain GSM-7 (straight
// quotes, hyphens, "..." for an ellipsis, spaces for no-break spaces),
// drops emoji and other characters a phone may not show, and answers in
// GSM-7 unless the text carries letters of a script GSM-7 lacks (Arabic,
// Bengali, Chinese...), which keep it in UCS-2. Unless moreOK, a reply
// longer than MaxSegments is cut at a line or word boundary and ends with
// MoreHint. It returns the text to send, its encoding and its segments.
func Render(text string, moreOK bool) (out string, enc Encoding, segments int) {
	out = convert(text)
	enc, segments = Segments(out)
	if moreOK || segments <= MaxSegments {
		return out, enc, segments
	}
	// Cutting may drop the only letters that needed UCS-2, so the cut text
	// is converted again and counted as it will go out.
	out = shorten(out)
	enc, segments = Segments(out)
	return out, enc, segments
}

// convert maps text to GSM-7 when every letter in it has a GSM-7 form, and
// otherwise keeps its letters for UCS-2; either way it drops emoji and
// tidies the spacing left behind.
func convert(text string) string {
	text = strings.ToValidUTF8(text, "")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = norm.NFC.String(text)

	ucs2 := false
	for _, r := range text {
		if _, need := toGSM(r); need {
			ucs2 = true
			break
		}
	}
	b := make([]byte, 0, len(text))
	var prev rune
	dropped := false // a character was dropped since the last word
	for _, r := range text {
		var s string
		if ucs2 {
			s = toUCS2(r, prev)
		} else {
			s, _ = toGSM(r)
		}
		switch {
		case s == "":
			dropped = true
			continue
		case dropped && strings.ContainsAny(s[:1], ".,!?;:"):
			// "baby 👶!" reads "baby!", not "baby !"
			for len(b) > 0 && b[len(b)-1] == ' ' {
				b = b[:len(b)-1]
			}
		}
		if s != " " {
			dropped = false
		}
		b = append(b, s...)
		prev, _ = utf8.DecodeLastRuneInString(s)
	}
	return tidy(norm.NFC.String(string(b)))
}

// tidy trims the spaces each line starts and ends with, folds runs of
// spaces into one and runs of blank lines into one, and trims the text.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' }), " ")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Trim(strings.Join(out, "\n"), "\n")
}

// shorten cuts text, as convert left it, so that with MoreHint it fits
// MaxSegments. A cut that leaves out every letter needing UCS-2 is measured
// in GSM-7, as it will go out.
func shorten(text string) string {
	runes := []rune(text)
	reserve := len("... " + MoreHint) // ASCII: as many septets as UTF-16 units
	gsmBudget, ucsBudget := MaxSegments*gsmMulti-reserve, MaxSegments*ucsMulti-reserve
	k, gsmUsed, ucsUsed, ucs2 := 0, 0, 0, false
	for ; k < len(runes); k++ {
		r := runes[k]
		s, need := toGSM(r)
		for _, p := range s {
			gsmUsed += Septets(p)
		}
		ucsUsed += units(r, UCS2)
		ucs2 = ucs2 || need
		if ucs2 && ucsUsed > ucsBudget || !ucs2 && gsmUsed > gsmBudget {
			break
		}
	}
	for {
		out := convert(cut(runes, k))
		if _, n := Segments(out); k == 0 || n <= MaxSegments {
			return out
		}
		k-- // a character held over to the next segment cost a unit
	}
}

// cut keeps about the first k characters of runes and adds MoreHint. It
// cuts at the last line break, else the last sentence end, else the last
// space, taking the first of these that keeps at least half, and otherwise
// within a word.
func cut(runes []rune, k int) string {
	if k >= len(runes) {
		return string(runes)
	}
	half := k / 2
	if at := boundary(runes, k, func(i int) bool { return runes[i] == '\n' }); at >= half && at > 0 {
		if s := trimEnd(string(runes[:at])); s != "" {
			return s + "\n" + MoreHint
		}
	}
	if at := boundary(runes, k, func(i int) bool {
		return runes[i] == ' ' && i > 0 && strings.ContainsRune(".!?", runes[i-1])
	}); at >= half && at > 0 {
		return string(runes[:at]) + " " + MoreHint
	}
	end := boundary(runes, k, func(i int) bool { return runes[i] == ' ' })
	if end < half || end <= 0 {
		end = k
		for end > 0 && unicode.Is(unicode.M, runes[end]) {
			end-- // keep a letter and its marks together
		}
	}
	s := trimEnd(string(runes[:end]))
	switch {
	case s == "":
		return MoreHint
	case strings.ContainsAny(s[len(s)-1:], ".!?"):
		return s + " " + MoreHint
	}
	return s + "... " + MoreHint
}

// boundary is the last index i <= k where at(i) holds, or -1.
func boundary(runes []rune, k int, at func(i int) bool) int {
	for i := k; i >= 0; i-- {
		if at(i) {
			return i
		}
	}
	return -1
}

// trimEnd drops the spaces and the dangling punctuation a cut leaves.
func trimEnd(s string) string {
	return strings.TrimRight(s, " \n,;:-(/&")
}
