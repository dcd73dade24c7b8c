package content

import (
	"errors"
	"strings"
	"testing"
)

func TestReadDirectory(t *testing.T) {
	const hub = `"hub":{"name":"Hub","opening_hours":{"mon":"08:30-17:00"}}`
	tests := []struct {
		label   string
		json    string
		wantErr string // "" for valid
	}{
		{"valid", `{` + hub + `,"practitioners":[{"id":"p1","name":"Priya","hours":{"mon":"09:00-17:00","sat":"09:30-12:30"}}]}`, ""},
		{"no practitioners", `{` + hub + `,"practitioners":[]}`, ""},
		{"closing at midnight", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"fri":"18:00-24:00"}}]}`, ""},
		{"no id", `{` + hub + `,"practitioners":[{"name":"Priya"}]}`, "practitioner 1: no id"},
		{"blank id", `{` + hub + `,"practitioners":[{"id":" ","name":"Priya"}]}`, "practitioner 1: no id"},
		{"no name", `{` + hub + `,"practitioners":[{"id":"p1"}]}`, `practitioner "p1": no name`},
		{"duplicate id", `{` + hub + `,"practitioners":[{"id":"p1","name":"A"},{"id":"p1","name":"B"}]}`, "duplicate id"},
		{"hours without a dash", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"09:00"}}]}`, "want HH:MM-HH:MM"},
		{"hours in words", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"9am-5pm"}}]}`, "want HH:MM"},
		{"single-digit hour", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"9:00-17:00"}}]}`, "want HH:MM"},
		{"minute 60", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"09:60-17:00"}}]}`, "want HH:MM"},
		{"hour 25", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"09:00-25:00"}}]}`, "want HH:MM"},
		{"signed hour", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"+9:00-17:00"}}]}`, "want HH:MM"},
		{"closes before it opens", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"mon":"17:00-09:00"}}]}`, "opens at or after"},
		{"unknown day", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":{"monday":"09:00-17:00"}}]}`, `unknown day "monday"`},
		{"bad hub hours", `{"hub":{"opening_hours":{"mon":"all day"}},"practitioners":[]}`, "hub opening_hours mon"},
		{"not JSON", `practitioners: none`, "invalid"},
		{"hours not a map", `{` + hub + `,"practitioners":[{"id":"p1","name":"P","hours":["09:00-17:00"]}]}`, "invalid"},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			d, err := ReadDirectory(strings.NewReader(tc.json))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if d.Hub.Name != "Hub" {
					t.Errorf("hub %+v", d.Hub)
				}
				return
			}
			if !errors.Is(err, ErrBadDirectory) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("err %v, want ErrBadDirectory naming %q", err, tc.wantErr)
			}
		})
	}
}

func TestParseSpan(t *testing.T) {
	tests := []struct {
		span          string
		opens, closes int
		ok            bool
	}{
		{"09:00-17:00", 540, 1020, true},
		{" 08:30-16:30 ", 510, 990, true},
		{"00:00-24:00", 0, 1440, true},
		{"09:00 - 17:00", 540, 1020, true},
		{"17:00-17:00", 0, 0, false},
		{"", 0, 0, false},
		{"09:00-", 0, 0, false},
		{"0900-1700", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.span, func(t *testing.T) {
			o, c, err := ParseSpan(tc.span)
			if (err == nil) != tc.ok || o != tc.opens || c != tc.closes {
				t.Errorf("ParseSpan(%q) = %d, %d, %v", tc.span, o, c, err)
			}
		})
	}
}
