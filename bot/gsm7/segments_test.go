package gsm7

import (
	"strings"
	"testing"
)

func TestSeptets(t *testing.T) {
	if n := len([]rune(Basic)); n != 127 {
		t.Fatalf("Basic has %d characters, want 127 (128 less the escape)", n)
	}
	want := map[rune]int{}
	for _, r := range Basic {
		want[r] = 1
	}
	for _, r := range Extension {
		want[r] = 2
	}
	for r := rune(0); r <= 0x10ffff; r++ {
		if got := Septets(r); got != want[r] {
			t.Fatalf("Septets(%U %q) = %d, want %d", r, r, got, want[r])
		}
	}
}

func TestIsGSM(t *testing.T) {
	tests := []struct {
		label string
		in    string
		want  bool
	}{
		{"empty", "", true},
		{"ascii", "Hello, how can we help?", true},
		{"pound and accents in the alphabet", "£5 café Ä ñ ü à É", true},
		{"extension table", "^{}\\[~]|€", true},
		{"backtick", "`", false},
		{"curly quote", "it’s", false},
		{"c cedilla small", "ç", false},
		{"emoji", "hi 👋", false},
		{"arabic", "مرحبا", false},
		{"tab", "a\tb", false},
	}
	for _, tt := range tests {
		if got := IsGSM(tt.in); got != tt.want {
			t.Errorf("%s: IsGSM(%q) = %v, want %v", tt.label, tt.in, got, tt.want)
		}
	}
}

func TestSegments(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	euro := func(n int) string { return strings.Repeat("€", n) }
	arabic := func(n int) string { return strings.Repeat("م", n) }
	emoji := func(n int) string { return strings.Repeat("😀", n) }
	tests := []struct {
		label string
		in    string
		enc   Encoding
		segs  int
	}{
		{"empty", "", GSM7, 0},
		{"one character", "a", GSM7, 1},
		{"160 septets fit one", a(160), GSM7, 1},
		{"161 septets take two", a(161), GSM7, 2},
		{"306 septets fit two", a(306), GSM7, 2},
		{"307 septets take three", a(307), GSM7, 3},
		{"80 euro signs are 160 septets", euro(80), GSM7, 1},
		{"81 euro signs are 162 septets", euro(81), GSM7, 2},
		{"escape never split: 152+2x77 is 306 septets but three segments", a(152) + euro(77), GSM7, 3},
		{"newline is one septet", a(159) + "\n", GSM7, 1},
		{"one curly quote makes UCS-2", a(69) + "’", UCS2, 1},
		{"70 UCS-2 units fit one", arabic(70), UCS2, 1},
		{"71 UCS-2 units take two", arabic(71), UCS2, 2},
		{"134 units fit two", arabic(134), UCS2, 2},
		{"135 units take three", arabic(135), UCS2, 3},
		{"emoji are two units: 35 fit one", emoji(35), UCS2, 1},
		{"36 emoji take two", emoji(36), UCS2, 2},
		{"surrogate pair never split: 66+2x34 is 134 units but three segments", arabic(66) + emoji(34), UCS2, 3},
		{"invalid UTF-8 is UCS-2", "a\xffb", UCS2, 1},
	}
	for _, tt := range tests {
		enc, segs := Segments(tt.in)
		if enc != tt.enc || segs != tt.segs {
			t.Errorf("%s: Segments = %s %d, want %s %d", tt.label, enc, segs, tt.enc, tt.segs)
		}
	}
}
