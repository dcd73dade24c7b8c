package gsm7

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzRender checks what every rendered reply must hold: no panic, valid
// UTF-8, GSM-7 text only in the GSM-7 alphabet, UCS-2 only when a letter
// needs it, no emoji or controls, segments as counted, at most MaxSegments
// unless more was asked for, and rendering twice changes nothing. The seed
// corpus in testdata/fuzz/FuzzRender runs with every go test.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"", "Hi 👋 “quoted” – dash… done", "مرحبا 😊", "€€€[]{}", "a\r\nb\tc\x00", "\xff\xfe",
		"e\u0301\ufe0f\u0301", "می\u200cخواهم 👨‍👩‍👧", "Łukasz Yıldız ﬁ Ｈ",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, moreOK bool) {
		out, enc, segs := Render(text, moreOK)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out %q", out)
		}
		if e, n := Segments(out); e != enc || n != segs {
			t.Fatalf("Render said %s %d, Segments(out) %s %d; out %q", enc, segs, e, n, out)
		}
		if !moreOK && segs > MaxSegments {
			t.Fatalf("%d segments without more; out %q", segs, out)
		}
		needed := false
		for _, r := range out {
			if _, need := toGSM(r); need {
				needed = true
			}
			if r != '\n' && unicode.In(r, unicode.Cc, unicode.So, unicode.Cs, unicode.Co) {
				t.Fatalf("out carries %U; out %q", r, out)
			}
		}
		switch {
		case enc == GSM7 && !IsGSM(out):
			t.Fatalf("GSM-7 out outside the alphabet: %q", out)
		case enc == UCS2 && !needed:
			t.Fatalf("UCS-2 out that no letter needs: %q", out)
		}
		again, enc2, segs2 := Render(out, moreOK)
		if again != out || enc2 != enc || segs2 != segs {
			t.Fatalf("not stable: %q %s %d rendered again is %q %s %d", out, enc, segs, again, enc2, segs2)
		}
	})
}
