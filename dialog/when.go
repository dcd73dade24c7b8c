package dialog

import (
	"fmt"
	"time"
)

// dayPhrase says which day at is, as a family reads it from now: "today",
// "tomorrow", "on Monday", or "on Monday 5 January" beyond a week.
func dayPhrase(at, now time.Time, loc *time.Location) string {
	at, now = at.In(loc), now.In(loc)
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	ay, am, ad := at.Date()
	day := time.Date(ay, am, ad, 0, 0, 0, 0, loc)
	n := int(day.Sub(today).Hours()/24 + 0.5)
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n < 7:
		return "on " + at.Weekday().String()
	default:
		return fmt.Sprintf("on %s %d %s", at.Weekday(), ad, am)
	}
}

// clockPhrase says the time of at: "5pm", "8:30am", "12pm".
func clockPhrase(at time.Time, loc *time.Location) string {
	at = at.In(loc)
	return clock(at.Hour(), at.Minute())
}

// clockText turns "HH:MM" into "8:30am".
func clockText(hhmm string) (string, bool) {
	var h, m int
	if _, err := fmt.Sscanf(hhmm, "%d:%d", &h, &m); err != nil || h < 0 || h > 24 || m < 0 || m > 59 {
		return "", false
	}
	if h == 23 && m == 59 {
		return "midnight", true
	}
	return clock(h, m), true
}

func clock(h, m int) string {
	suffix := "am"
	if h >= 12 && h < 24 {
		suffix = "pm"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if m == 0 {
		return fmt.Sprintf("%d%s", h12, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h12, m, suffix)
}
