package assign

import (
	"fmt"
	"time"

	"github.com/northbrook/hubbot/content"
)

// span is one day's hours, in minutes after midnight, local time.
type span struct{ opens, closes int }

// at is the instant on t's day (in t's location) minutes after midnight.
func (span) at(t time.Time, minutes int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, minutes/60, minutes%60, 0, 0, t.Location())
}

// week is hours by weekday; a missing day is closed.
type week map[time.Weekday]span

func (w week) on(d time.Weekday) (span, bool) {
	s, ok := w[d]
	return s, ok
}

// dayKeys maps the directory's day keys to weekdays.
var dayKeys = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// parseWeek reads "mon" -> "09:00-17:00" hours.
func parseWeek(hours map[string]string) (week, error) {
	w := week{}
	for day, s := range hours {
		wd, ok := dayKeys[day]
		if !ok {
			return nil, fmt.Errorf("unknown day %q", day)
		}
		o, c, err := content.ParseSpan(s)
		if err != nil {
			return nil, err
		}
		w[wd] = span{opens: o, closes: c}
	}
	return w, nil
}
