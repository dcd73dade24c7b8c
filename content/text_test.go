package content

import (
	"encoding/json"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		label, in, want string
		changed         bool
	}{
		{"plain", "Stay and play for under-5s.", "Stay and play for under-5s.", false},
		{"plain ampersand", "Mum & baby group", "Mum & baby group", false},
		{"less-than", "ages <5 only", "ages <5 only", false},
		{"entities", "Tom &amp; Jerry&#39;s club", "Tom & Jerry's club", true},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One. Two.", true},
		{"attributes and breaks", `<a href="https://x.example.org">Book</a> now<br/>or call`, "Book now or call", true},
		{"script dropped", "Hello<script>alert('x')</script> world", "Hello world", true},
		{"style dropped", "<style>p{color:red}</style>Text", "Text", true},
		{"comment", "A<!-- hidden -->B", "A B", true},
		{"unclosed tag kept", "A <b unclosed", "A <b unclosed", false},
		{"nbsp", "Free&nbsp;parking", "Free parking", true},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			got, changed := cleanText(tc.in)
			if got != tc.want || changed != tc.changed {
				t.Errorf("cleanText(%q) = %q, %v; want %q, %v", tc.in, got, changed, tc.want, tc.changed)
			}
		})
	}
}

func TestAgeJSON(t *testing.T) {
	tests := []struct {
		in    string
		set   bool
		years int
		text  bool
		bad   bool
		err   bool
	}{
		{`5`, true, 5, false, false, false},
		{`2.9`, true, 2, false, false, false},
		{`null`, false, 0, false, false, false},
		{`"7"`, true, 7, true, false, false},
		{`" 7 "`, true, 7, true, false, false},
		{`"18 months"`, true, 1, true, false, false},
		{`"6 mths"`, true, 0, true, false, false},
		{`"16 years"`, true, 16, true, false, false},
		{`"16yrs"`, true, 16, true, false, false},
		{`""`, false, 0, true, false, false},
		{`"teens"`, false, 0, true, true, false},
		{`-3`, false, 0, false, true, false},
		{`9999`, true, maxAgeYears, false, false, false},
		{`true`, false, 0, false, false, true},
		{`{"v":1}`, false, 0, false, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var a age
			err := json.Unmarshal([]byte(tc.in), &a)
			if (err != nil) != tc.err {
				t.Fatalf("err %v", err)
			}
			if err != nil {
				return
			}
			if a.set != tc.set || (a.set && a.years() != tc.years) || a.text != tc.text || (a.bad != "") != tc.bad {
				t.Errorf("age %+v years %d", a, a.years())
			}
		})
	}
}
