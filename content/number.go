package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// DefaultMaxAge is the MaxAge given to a service whose feed states no
// maximum age: the top of the Family Hub age range (0 to 19, up to 25 with
// SEND), so an age filter neither drops the service nor claims an adult limit
// the feed never gave. A missing minimum age becomes 0 for the same reason.
const DefaultMaxAge = 25

// maxAgeYears caps ages read from a feed, so a typo such as 9999 cannot
// overflow an int or look like a real limit.
const maxAgeYears = 130

// number is a JSON number that a messy feed may also send as text ("5",
// " 53.4 ") or as null. Text that is not a number leaves it unset and bad.
type number struct {
	set  bool    // a usable value was read
	v    float64 // the value, when set
	text bool    // the feed sent it as a string
	bad  string  // the text that could not be read, if any
}

// UnmarshalJSON reads a number, a numeric string or null. Any other JSON
// type (object, array, bool) is an error, so the record counts as malformed.
func (n *number) UnmarshalJSON(b []byte) error {
	*n = number{}
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		n.text = true
		s = strings.TrimSpace(s)
		if s == "" {
			return nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			n.bad = s
			return nil
		}
		n.set, n.v = true, v
		return nil
	default:
		var v float64
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("want a number, got %s", truncate(string(b), 20))
		}
		n.set, n.v = true, v
		return nil
	}
}

// age is an age in years as a feed gives it: a number, text such as "5",
// "5 years" or "18 months", or null. Text it cannot read, and negative
// ages, leave it unset and bad, to be noted in the report.
type age struct {
	number
}

var ageText = regexp.MustCompile(`^(?i)(\d+(?:\.\d+)?)\s*(years?|yrs?|y|months?|mths?|m)?$`)

// UnmarshalJSON reads an age; see age.
func (a *age) UnmarshalJSON(b []byte) error {
	if err := a.number.UnmarshalJSON(b); err != nil {
		return err
	}
	if a.bad != "" {
		m := ageText.FindStringSubmatch(a.bad)
		if m == nil {
			return nil
		}
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return nil
		}
		if u := strings.ToLower(m[2]); strings.HasPrefix(u, "m") {
			v /= 12
		}
		a.set, a.v, a.bad = true, v, ""
	}
	if a.set && a.v < 0 {
		a.bad = strconv.FormatFloat(a.v, 'f', -1, 64)
		a.set, a.v = false, 0
	}
	return nil
}

// years is the age in whole years (a maximum of 2.5 serves a child of 2).
func (a age) years() int {
	v := math.Floor(a.v)
	if v > maxAgeYears {
		v = maxAgeYears
	}
	return int(v)
}

// truncate shortens s to at most n runes for a report line.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
