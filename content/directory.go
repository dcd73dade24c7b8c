package content

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrBadDirectory is returned when a directory file (the hub and its
// practitioners) is not JSON or fails validation.
var ErrBadDirectory = errors.New("invalid directory")

// weekdays are the keys hours and opening_hours may use.
var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// ReadDirectory reads the hub's details and its practitioners, shaped like
// ../shared/fixtures/practitioners.json, and validates them: every
// practitioner needs an id (unique) and a name, and every day of hours and
// of the hub's opening hours must be a weekday key ("mon".."sun") with a
// span "HH:MM-HH:MM" that opens before it closes. Errors wrap
// ErrBadDirectory and name the practitioner and field.
func ReadDirectory(r io.Reader) (Directory, error) {
	var d Directory
	if err := json.NewDecoder(r).Decode(&d); err != nil {
		return Directory{}, fmt.Errorf("content: read directory: %w: %w", ErrBadDirectory, err)
	}
	if err := d.validate(); err != nil {
		return Directory{}, fmt.Errorf("content: read directory: %w: %w", ErrBadDirectory, err)
	}
	return d, nil
}

// validate checks what ReadDirectory promises.
func (d Directory) validate() error {
	if err := checkHours("hub opening_hours", d.Hub.OpeningHours); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, p := range d.Practitioners {
		who := fmt.Sprintf("practitioner %d", i+1)
		if strings.TrimSpace(p.ID) == "" {
			return fmt.Errorf("%s: no id", who)
		}
		who = fmt.Sprintf("practitioner %q", p.ID)
		if seen[p.ID] {
			return fmt.Errorf("%s: duplicate id", who)
		}
		seen[p.ID] = true
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("%s: no name", who)
		}
		if err := checkHours(who+" hours", p.Hours); err != nil {
			return err
		}
	}
	return nil
}

// checkHours validates a day -> "HH:MM-HH:MM" map.
func checkHours(what string, hours map[string]string) error {
	for day, span := range hours {
		if !isWeekday(day) {
			return fmt.Errorf("%s: unknown day %q (want mon..sun)", what, day)
		}
		if _, _, err := ParseSpan(span); err != nil {
			return fmt.Errorf("%s %s: %w", what, day, err)
		}
	}
	return nil
}

// isWeekday reports whether day is one of "mon".."sun".
func isWeekday(day string) bool {
	for _, w := range weekdays {
		if day == w {
			return true
		}
	}
	return false
}

// ParseSpan reads a span of opening hours "HH:MM-HH:MM" (Europe/London
// wall-clock time) as minutes after midnight. The span must open before it
// closes.
func ParseSpan(span string) (opens, closes int, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(span), "-")
	if !ok {
		return 0, 0, fmt.Errorf("hours %q: want HH:MM-HH:MM", span)
	}
	if opens, err = parseClock(a); err != nil {
		return 0, 0, fmt.Errorf("hours %q: %w", span, err)
	}
	if closes, err = parseClock(b); err != nil {
		return 0, 0, fmt.Errorf("hours %q: %w", span, err)
	}
	if opens >= closes {
		return 0, 0, fmt.Errorf("hours %q: opens at or after it closes", span)
	}
	return opens, closes, nil
}

// parseClock reads "HH:MM" (00:00 to 24:00) as minutes after midnight.
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	if len(s) != 5 || s[2] != ':' || !isDigits(s[:2]) || !isDigits(s[3:]) {
		return 0, fmt.Errorf("time %q: want HH:MM", s)
	}
	h, _ := strconv.Atoi(s[:2])
	m, _ := strconv.Atoi(s[3:])
	if m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, fmt.Errorf("time %q: want HH:MM", s)
	}
	return h*60 + m, nil
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
