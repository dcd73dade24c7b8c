package gsm7

import (
	"strings"
	"testing"
)

func TestRenderMapping(t *testing.T) {
	tests := []struct {
		label string
		in    string
		out   string
		enc   Encoding
		segs  int
	}{
		{"plain ascii unchanged", "Hi, I'm the Family Hub helper.", "Hi, I'm the Family Hub helper.", GSM7, 1},
		{"curly single quotes", "it‘s the hub’s", "it's the hub's", GSM7, 1},
		{"curly double quotes and guillemets", "“Stay and Play” «here»", `"Stay and Play" "here"`, GSM7, 1},
		{"en and em dashes", "Mon–Fri — 9am‒5pm", "Mon-Fri - 9am-5pm", GSM7, 1},
		{"ellipsis", "Searching…", "Searching...", GSM7, 1},
		{"no-break and thin spaces", "10\u00a0am\u2009to\u202f2pm", "10 am to 2pm", GSM7, 1},
		{"zero width space and soft hyphen dropped", "Child\u200bcare cen\u00adtre", "Childcare centre", GSM7, 1},
		{"bullets become hyphens", "• Stay and Play\n• Baby Group", "- Stay and Play\n- Baby Group", GSM7, 1},
		{"emoji dropped and spaces tidied", "Hello 👋 there 😊", "Hello there", GSM7, 1},
		{"no space left before punctuation", "Well done 🎉! Bring baby 👶…", "Well done! Bring baby...", GSM7, 1},
		{"emoji-only line dropped", "Welcome!\n🎉🎉\nHow can we help?", "Welcome!\n\nHow can we help?", GSM7, 1},
		{"keycap digits keep the digit", "1️⃣ Food\n2️⃣ Money", "1 Food\n2 Money", GSM7, 1},
		{"zwj family and skin tone dropped", "For 👨‍👩‍👧 and 👍🏽 you", "For and you", GSM7, 1},
		{"flags dropped", "UK 🇬🇧 only", "UK only", GSM7, 1},
		{"variation selector dropped", "☎️ 0300 123 4567", "0300 123 4567", GSM7, 1},
		{"gsm accents kept", "Café crème, Ñandu, Müller, Å", "Café crème, Ñandu, Müller, Å", GSM7, 1},
		{"other accents folded", "naïve façade Siân Dôn", "naive facade Sian Don", GSM7, 1},
		{"welsh circumflex folded", "Gŵyl Hŷn", "Gwyl Hyn", GSM7, 1},
		{"polish and turkish letters folded", "Łukasz Wąsik, Yıldız Şahin", "Lukasz Wasik, Yildiz Sahin", GSM7, 1},
		{"ligature and full width folded", "ﬁve Ｈｕｂ", "five Hub", GSM7, 1},
		{"decomposed accents composed", "cafe\u0301", "café", GSM7, 1},
		{"extension characters kept", "€5 [see] {x} ~ ^ | \\", "€5 [see] {x} ~ ^ | \\", GSM7, 1},
		{"backtick to apostrophe", "`quote`", "'quote'", GSM7, 1},
		{"arrows and maths spelled", "Age ≥ 5 → apply × 2", "Age >= 5 -> apply x 2", GSM7, 1},
		{"trademark symbols spelled", "Lego™ ©2024", "LegoTM (c)2024", GSM7, 1},
		{"crlf and cr become newlines", "a\r\nb\rc", "a\nb\nc", GSM7, 1},
		{"tab becomes space", "a\tb", "a b", GSM7, 1},
		{"controls dropped", "a\x00b\x07c", "abc", GSM7, 1},
		{"invalid utf-8 dropped", "ok\xff\xfe go", "ok go", GSM7, 1},
		{"replacement character dropped", "a\ufffdb", "ab", GSM7, 1},
		{"private use dropped", "a\ue000b", "ab", GSM7, 1},
		{"blank lines folded", "a\n\n\n\nb", "a\n\nb", GSM7, 1},
		{"outer space trimmed", "  \n hello \n  ", "hello", GSM7, 1},
		{"empty", "", "", GSM7, 0},
		{"only emoji", "👍🙂", "", GSM7, 0},
		{"greek capitals in the alphabet", "ΔΣΩ", "ΔΣΩ", GSM7, 1},
		{"arabic stays UCS-2", "مرحبا، كيف حالك؟", "مرحبا، كيف حالك؟", UCS2, 1},
		{"arabic with emoji and curly quotes", "مرحبا 😊 “أهلا”…", `مرحبا "أهلا"...`, UCS2, 1},
		{"persian zero width non-joiner kept", "می\u200cخواهم", "می\u200cخواهم", UCS2, 1},
		{"emoji joiner dropped in UCS-2", "سلام 👨‍👩‍👧", "سلام", UCS2, 1},
		{"right-to-left mark kept", "\u200fمرحبا", "\u200fمرحبا", UCS2, 1},
		{"accents kept when UCS-2 anyway", "Zoë: привет", "Zoë: привет", UCS2, 1},
		{"chinese", "你好，我们可以帮忙", "你好，我们可以帮忙", UCS2, 1},
		{"greek lower case", "Γεια σας", "Γεια σας", UCS2, 1},
		{"bengali", "আপনি কেমন আছেন", "আপনি কেমন আছেন", UCS2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			out, enc, segs := Render(tt.in, false)
			if out != tt.out || enc != tt.enc || segs != tt.segs {
				t.Errorf("Render(%q) = %q %s %d, want %q %s %d", tt.in, out, enc, segs, tt.out, tt.enc, tt.segs)
			}
		})
	}
}

func TestRenderLength(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	lines := func(n int) string { return strings.TrimSpace(strings.Repeat("A line of the reply.\n", n)) }
	tests := []struct {
		label   string
		in      string
		moreOK  bool
		enc     Encoding
		segs    int
		suffix  string // the cut text ends so
		maxLen  int    // at most this many characters (0: any)
		exactIn bool   // out equals in
	}{
		{"exactly two segments untouched", strings.Repeat("a", 306), false, GSM7, 2, "", 0, true},
		{"one septet over two segments is cut", strings.Repeat("a", 307), false, GSM7, 2, "... " + MoreHint, 306, false},
		{"long reply allowed when more asked", words(100), true, GSM7, 4, "", 0, true},
		{"cut at a word", words(100), false, GSM7, 2, "word... " + MoreHint, 306, false},
		{"cut at a line", lines(30), false, GSM7, 2, "A line of the reply.\n" + MoreHint, 306, false},
		{"sentence end gets no dots", strings.Repeat("Short one. ", 40), false, GSM7, 2, "one. " + MoreHint, 306, false},
		{"euro signs cost two", strings.Repeat("€", 200), false, GSM7, 2, "... " + MoreHint, 0, false},
		{"arabic cut in UCS-2", strings.TrimSpace(strings.Repeat("مرحبا ", 40)), false, UCS2, 2, "مرحبا... " + MoreHint, 134, false},
		{"arabic long allowed with more", strings.TrimSpace(strings.Repeat("مرحبا ", 40)), true, UCS2, 4, "", 0, true},
		{"cut dropping the only arabic goes back to GSM-7", words(60) + " مرحبا", false, GSM7, 2, "word... " + MoreHint, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			out, enc, segs := Render(tt.in, tt.moreOK)
			if enc != tt.enc || segs != tt.segs {
				t.Fatalf("Render = %s %d, want %s %d; out %q", enc, segs, tt.enc, tt.segs, out)
			}
			if tt.exactIn && out != tt.in {
				t.Errorf("out %q, want the input unchanged", out)
			}
			if !strings.HasSuffix(out, tt.suffix) {
				t.Errorf("out ends %q, want suffix %q", tail(out), tt.suffix)
			}
			if n := len([]rune(out)); tt.maxLen > 0 && n > tt.maxLen {
				t.Errorf("out has %d characters, want at most %d", n, tt.maxLen)
			}
			if e, n := Segments(out); e != enc || n != segs {
				t.Errorf("Segments(out) = %s %d, Render said %s %d", e, n, enc, segs)
			}
		})
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		label string
		in    string
		k     int
		want  string
	}{
		{"nothing to cut", "short", 10, "short"},
		{"at the line break", "first line\nsecond line\nthird", 20, "first line\n" + MoreHint},
		{"line break right at k", "first line\nsecond", 10, "first line\n" + MoreHint},
		{"line break too early: sentence", "a\nOne sentence. Two sentences here", 25, "a\nOne sentence. " + MoreHint},
		{"sentence too early: word", "Hi. some words to cut here", 22, "Hi. some words to cut... " + MoreHint},
		{"dangling comma dropped", "call us, or write to us", 9, "call us... " + MoreHint},
		{"dangling dash and bracket dropped", "see: (the hub) - there", 8, "see... " + MoreHint},
		{"no space: inside the word", "Supercalifragilistic", 10, "Supercalif... " + MoreHint},
		{"space too early: inside the word", "a Supercalifragilistic", 10, "a Supercal... " + MoreHint},
		{"mark kept with its letter", "ab\u0301cd", 2, "a... " + MoreHint},
		{"nothing left", "   xyz", 2, MoreHint},
	}
	for _, tt := range tests {
		if got := cut([]rune(tt.in), tt.k); got != tt.want {
			t.Errorf("%s: cut(%q, %d) = %q, want %q", tt.label, tt.in, tt.k, got, tt.want)
		}
	}
}

func tail(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		r = r[len(r)-40:]
	}
	return string(r)
}
