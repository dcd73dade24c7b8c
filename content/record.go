package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// draft is one feed record mapped by a version's reader, before the checks
// and derivations both versions share (finish) and the importer's checks.
type draft struct {
	svc       Service
	status    string
	hasStatus bool
	// minAge and maxAge are the record's ages as the feed gave them
	// (combined over eligibility rows in the classic shape).
	minAge, maxAge age
	// reversed says why the record's ages are reversed, when a row is.
	reversed string
	// accessField is set when the record has a structured way-in field
	// (classic attending_access), so access is not read from the description.
	accessField bool
	notes       []Warning
}

// note records a remark to be reported if the record is kept.
func (d *draft) note(reason, detail string) {
	d.notes = append(d.notes, Warning{Reason: reason, ID: d.svc.ID, Detail: detail})
}

// readAge notes an age that came as text or could not be read.
func (d *draft) readAge(field string, a age) {
	switch {
	case a.bad != "":
		d.note(NoteBadAge, fmt.Sprintf("%s %q ignored", field, truncate(a.bad, 30)))
	case a.text && a.set:
		d.note(NoteAgeAsText, field)
	}
}

// addTerm adds a taxonomy term under its normalised name. A term with no
// name falls back to its other labels (term text, then id), noted.
func (d *draft) addTerm(name string, fallbacks ...string) {
	t := normTerm(name)
	if t == "" {
		for _, f := range fallbacks {
			if t = normTerm(f); t != "" {
				d.note(NoteUnnamedTerm, t)
				break
			}
		}
	}
	if t != "" {
		d.svc.Terms = appendUnique(d.svc.Terms, t)
	}
}

// addAccess adds a way in, once.
func (d *draft) addAccess(a Access) { d.svc.Access = appendUnique(d.svc.Access, a) }

// finish applies what both versions share: markup removal, ages with their
// defaults, access from taxonomy terms, the pregnancy term where the record
// honestly says so, and notes for what is missing.
func (d *draft) finish() {
	s := &d.svc
	s.ID = strings.TrimSpace(s.ID)
	d.cleanTexts()
	s.Name = strings.TrimSpace(s.Name)

	// Ages: missing means no limit (0 to DefaultMaxAge).
	switch {
	case !d.minAge.set && !d.maxAge.set:
		d.note(NoteNoAges, fmt.Sprintf("kept as 0 to %d", DefaultMaxAge))
	case d.minAge.set && d.maxAge.set && d.minAge.v > d.maxAge.v && d.reversed == "":
		d.reversed = fmt.Sprintf("minimum age %s above maximum %s", fmtNum(d.minAge.v), fmtNum(d.maxAge.v))
	}
	s.MinAge, s.MaxAge = 0, DefaultMaxAge
	if d.minAge.set {
		s.MinAge = d.minAge.years()
	}
	if d.maxAge.set {
		s.MaxAge = d.maxAge.years()
	} else if s.MinAge > s.MaxAge {
		s.MaxAge = s.MinAge // "from 30" with no maximum is not reversed
	}

	// Pregnancy, from a term under another name or from 0..0 ages with words.
	if !s.HasTerm("pregnancy") {
		for _, t := range s.Terms {
			if pregnancyTerms[t] {
				s.Terms = append(s.Terms, "pregnancy")
				d.note(NotePregnancyDerived, "taxonomy term "+t)
				break
			}
		}
	}
	if d.minAge.set && d.maxAge.set && s.MinAge == 0 && s.MaxAge == 0 && !s.HasTerm("pregnancy") {
		if m := pregnancyWords.FindString(s.Description + " " + s.Eligibility); m != "" {
			s.Terms = append(s.Terms, "pregnancy")
			d.note(NotePregnancyDerived, fmt.Sprintf("ages 0 to 0 and %q in the text", m))
		} else {
			d.note(NoteAgesZeroUnclear, "ages 0 to 0 with no pregnancy term or wording")
		}
	}

	// Access: taxonomy terms that name a way in, then wording when the
	// record has no field for it.
	for _, t := range s.Terms {
		if a, ok := accessFromTerm(t); ok {
			d.addAccess(a)
		}
	}
	if !d.accessField && !s.HasAccess(AccessDropIn) {
		if m := dropInWords.FindString(s.Description); m != "" {
			d.addAccess(AccessDropIn)
			d.note(NoteAccessDerived, fmt.Sprintf("drop-in from %q", m))
		}
	}

	if len(s.Wards) == 0 && len(s.Locations) == 0 {
		d.note(NoteNoArea, "no service area or location; treated as borough-wide")
	}
}

// cleanTexts removes markup from the record's free text, noting which fields.
func (d *draft) cleanTexts() {
	s := &d.svc
	var fields []string
	clean := func(field string, p *string) {
		if out, changed := cleanText(*p); changed {
			*p = out
			fields = appendUnique(fields, field)
		}
	}
	clean("name", &s.Name)
	clean("description", &s.Description)
	clean("organisation", &s.Organisation)
	clean("eligibility", &s.Eligibility)
	clean("cost", &s.Cost)
	for i := range s.Schedules {
		clean("schedule", &s.Schedules[i].Description)
	}
	for i := range s.Locations {
		clean("location", &s.Locations[i].Name)
		clean("location", &s.Locations[i].Address)
	}
	for i := range s.Contacts {
		clean("contact", &s.Contacts[i].Name)
		clean("contact", &s.Contacts[i].Title)
	}
	if len(fields) > 0 {
		d.note(NoteMarkup, strings.Join(fields, ", "))
	}
}

// contactRow is a contact in either version: contacts[] with phones[].
type contactRow struct {
	Name   string `json:"name"`
	Title  string `json:"title"`
	Phones []struct {
		Number string `json:"number"`
	} `json:"phones"`
}

// contact maps a contact row, keeping its first phone number.
func (c contactRow) contact() Contact {
	out := Contact{Name: strings.TrimSpace(c.Name), Title: strings.TrimSpace(c.Title)}
	for _, p := range c.Phones {
		if n := strings.TrimSpace(p.Number); n != "" {
			out.Phone = n
			break
		}
	}
	return out
}

// costRow is a cost_options entry in either version.
type costRow struct {
	Option            string `json:"option"`
	Amount            number `json:"amount"`
	AmountDescription string `json:"amount_description"`
}

// costText is what a family is told a service costs: the feed's fees text
// when it has one, otherwise a line built from its cost options.
func costText(fees string, options []costRow) string {
	if f := strings.TrimSpace(fees); f != "" {
		return f
	}
	free := len(options) > 0
	var parts []string
	for _, o := range options {
		if o.Amount.set && o.Amount.v != 0 {
			free = false
		}
		p := strings.TrimSpace(o.Option)
		if o.Amount.set && o.Amount.v != 0 {
			p = strings.TrimSpace(p + " £" + fmtMoney(o.Amount.v))
		}
		if d := strings.TrimSpace(o.AmountDescription); d != "" {
			p = strings.TrimSpace(p + " (" + d + ")")
		}
		if p != "" {
			parts = append(parts, p)
		}
	}
	if free {
		return "Free"
	}
	return strings.Join(parts, "; ")
}

// fmtMoney prints 1 as "1" and 0.5 as "0.50".
func fmtMoney(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// fmtNum prints a number as briefly as it can.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// scheduleRow is a classic regular_schedules or 3.0 schedules entry.
type scheduleRow struct {
	ByDay         string `json:"byday"`
	OpensAt       string `json:"opens_at"`
	ClosesAt      string `json:"closes_at"`
	Description   string `json:"description"`
	AttendingType string `json:"attending_type"` // 3.0 only
}

// schedule maps a schedule row; times lose their seconds ("18:00:00" is
// "18:00") so both versions read alike.
func (r scheduleRow) schedule() Schedule {
	return Schedule{
		Days:        strings.TrimSpace(r.ByDay),
		Opens:       clockTime(r.OpensAt),
		Closes:      clockTime(r.ClosesAt),
		Description: strings.TrimSpace(r.Description),
	}
}

var hhmmss = regexp.MustCompile(`^(\d{2}:\d{2}):\d{2}$`)

// clockTime drops the seconds from an "HH:MM:SS" time; other forms are kept.
func clockTime(t string) string {
	t = strings.TrimSpace(t)
	if m := hhmmss.FindStringSubmatch(t); m != nil {
		return m[1]
	}
	return t
}

// addressRow is a classic physical_addresses or 3.0 addresses entry.
type addressRow struct {
	Address1      string `json:"address_1"`
	Address2      string `json:"address_2"`
	City          string `json:"city"`
	StateProvince string `json:"state_province"` // Northbrook keeps the ward here
	PostalCode    string `json:"postal_code"`
	AddressType   string `json:"address_type"` // 3.0: physical, postal, virtual
}

// locationRow is a location in either version; the classic shape lists
// physical_addresses, 3.0 lists addresses.
type locationRow struct {
	Name              string       `json:"name"`
	Latitude          number       `json:"latitude"`
	Longitude         number       `json:"longitude"`
	PhysicalAddresses []addressRow `json:"physical_addresses"`
	Addresses         []addressRow `json:"addresses"`
}

// location maps a location, using its first physical address.
func (l locationRow) location() Location {
	out := Location{Name: strings.TrimSpace(l.Name)}
	if l.Latitude.set && l.Longitude.set {
		out.Lat, out.Lon = l.Latitude.v, l.Longitude.v
	}
	addrs := append(append([]addressRow(nil), l.PhysicalAddresses...), l.Addresses...)
	pick := -1
	for i, a := range addrs {
		if t := strings.ToLower(strings.TrimSpace(a.AddressType)); t == "" || t == "physical" {
			pick = i
			break
		}
	}
	if pick < 0 && len(addrs) > 0 {
		pick = 0
	}
	if pick >= 0 {
		a := addrs[pick]
		var parts []string
		for _, p := range []string{a.Address1, a.Address2, a.City} {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		out.Address = strings.Join(parts, ", ")
		out.Postcode = strings.TrimSpace(a.PostalCode)
		out.Ward = strings.TrimSpace(a.StateProvince)
	}
	return out
}
