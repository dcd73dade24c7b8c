package gsm7

import "unicode/utf8"

// Encoding is the SMS data coding a text needs.
type Encoding string

// The two encodings a reply can go out in.
const (
	GSM7 Encoding = "GSM-7" // 160 septets alone, 153 a segment when split
	UCS2 Encoding = "UCS-2" // 70 UTF-16 units alone, 67 a segment when split
)

// Segment sizes: a message that fits one segment gets all of it; a longer
// one loses room in each segment to the concatenation header.
const (
	gsmSingle = 160
	gsmMulti  = 153
	ucsSingle = 70
	ucsMulti  = 67
)

// MaxSegments is how many segments a reply may use unless the family asked
// for more detail.
const MaxSegments = 2

// Segments reports the encoding text needs as it stands (GSM-7 when every
// character is in the GSM-7 alphabet, otherwise UCS-2) and how many
// segments it takes; an empty text takes none.
func Segments(text string) (Encoding, int) {
	if IsGSM(text) {
		return GSM7, count(text, GSM7)
	}
	return UCS2, count(text, UCS2)
}

// units is what one character costs in enc: septets in GSM-7, UTF-16 code
// units in UCS-2.
func units(r rune, enc Encoding) int {
	if enc == GSM7 {
		return Septets(r)
	}
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2 // a surrogate pair
	}
	return 1
}

// count is the number of segments text takes in enc. A character is never
// split across two segments (an escape and its code, or a surrogate pair,
// travel together), so a long text is filled segment by segment.
func count(text string, enc Encoding) int {
	single, multi := gsmSingle, gsmMulti
	if enc == UCS2 {
		single, multi = ucsSingle, ucsMulti
	}
	total := 0
	for _, r := range text {
		total += units(r, enc)
	}
	switch {
	case total == 0:
		return 0
	case total <= single:
		return 1
	}
	segs, used := 1, 0
	for _, r := range text {
		u := units(r, enc)
		if used+u > multi {
			segs++
			used = 0
		}
		used += u
	}
	return segs
}
