package dialog

import (
	"strings"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/content/copy"
)

// line is a service in a few words, for a numbered offer: its name, when
// it runs and where.
func (t *turn) line(s content.Service) copy.Service {
	where := t.where(s)
	name := s.Name
	// "Stay and play (Castleton)" in Castleton: say the place once.
	if where != "" {
		if i := strings.LastIndex(name, " ("); i > 0 && strings.EqualFold(strings.TrimSuffix(name[i+2:], ")"), where) {
			name = name[:i]
		}
	}
	when := ""
	if len(s.Schedules) > 0 {
		when = s.Schedules[0].Description
		if i := strings.IndexByte(when, ','); i > 0 {
			when = when[:i]
		}
		if when == "" {
			when = days(s.Schedules[0].Days)
		}
	}
	return copy.Service{Name: name, When: when, Where: where}
}

// where is where a service runs in a word or two: the family's own ward
// when it runs there, a ward, "online" or "by phone".
func (t *turn) where(s content.Service) string {
	ward := t.c.Triage.Ward
	for _, l := range s.Locations {
		if ward != "" && l.Ward == ward {
			return ward
		}
	}
	if s.IsBoroughWide() {
		switch strings.ToLower(s.Attending) {
		case "online":
			return "online"
		case "telephone", "phone":
			return "by phone"
		}
	}
	for _, l := range s.Locations {
		if l.Ward != "" && l.Ward != content.BoroughWide {
			return l.Ward
		}
	}
	for _, w := range s.Wards {
		if w != content.BoroughWide {
			return w
		}
	}
	return "all areas"
}

// detail is everything a family needs to use a service.
func (t *turn) detail(s content.Service) copy.Service {
	out := copy.Service{Name: s.Name, Cost: s.Cost, Phone: s.Phone(), URL: s.URL, Access: access(s)}
	var when []string
	for _, sc := range s.Schedules {
		w := sc.Description
		if w == "" {
			w = days(sc.Days)
		}
		if span := timeSpan(sc.Opens, sc.Closes); span != "" {
			w += " (" + span + ")"
		}
		if w = strings.TrimSpace(w); w != "" {
			when = append(when, w)
		}
	}
	out.When = strings.Join(when, "; ")
	switch {
	case len(s.Locations) > 0:
		l := s.Locations[0]
		for _, x := range s.Locations {
			if x.Ward != "" && x.Ward == t.c.Triage.Ward {
				l = x
			}
		}
		parts := []string{l.Name}
		if l.Address != "" {
			parts = append(parts, l.Address)
		}
		out.Place = strings.Join(parts, ", ")
		if l.Postcode != "" {
			out.Place += " " + l.Postcode
		}
	case strings.EqualFold(s.Attending, "online"):
		out.Place = "Online"
	case strings.EqualFold(s.Attending, "telephone"):
		out.Place = "By phone"
	}
	return out
}

// access is how a family gets in, as the copy names it.
func access(s content.Service) string {
	switch {
	case s.NeedsReferral():
		return "referral"
	case s.HasAccess(content.AccessDropIn):
		return "drop-in"
	case s.HasAccess(content.AccessSelfReferral):
		return "self-referral"
	default:
		return "booking"
	}
}

// dayNames are the Open Referral day codes.
var dayNames = map[string]string{"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"}

// days turns "MO,WE" into "Mon, Wed".
func days(codes string) string {
	var out []string
	for _, c := range strings.Split(codes, ",") {
		if n, ok := dayNames[strings.TrimSpace(strings.ToUpper(c))]; ok {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// timeSpan turns "13:00" and "16:30" into "1pm to 4:30pm".
func timeSpan(opens, closes string) string {
	a, okA := clockText(opens)
	b, okB := clockText(closes)
	if !okA || !okB {
		return ""
	}
	return a + " to " + b
}
