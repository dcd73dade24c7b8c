package content

import (
	"encoding/json"
	"fmt"
	"strings"
)

// oruk1Fields is the standard field list of a classic Open Referral UK
// service, as the ORUK API and its reference implementation (Porism's
// service directory) publish it. Other top-level fields are noted as unknown.
var oruk1Fields = []string{
	"id", "name", "description", "url", "email", "status", "fees",
	"accreditations", "deliverable_type", "attending_type", "attending_access",
	"assured_date", "organization", "contacts", "cost_options", "eligibilitys",
	"fundings", "holiday_schedules", "languages", "regular_schedules", "reviews",
	"service_areas", "service_at_locations", "service_taxonomys",
}

// oruk1Service is the part of a classic Open Referral UK service the bot uses.
type oruk1Service struct {
	ID              string  `json:"id"`
	Name            string  `json:"name"`
	Description     string  `json:"description"`
	URL             string  `json:"url"`
	Email           string  `json:"email"`
	Status          *string `json:"status"`
	Fees            string  `json:"fees"`
	AttendingType   string  `json:"attending_type"`
	AttendingAccess string  `json:"attending_access"`
	Organization    *struct {
		Name string `json:"name"`
	} `json:"organization"`
	Eligibilitys []struct {
		Eligibility string `json:"eligibility"`
		MinimumAge  age    `json:"minimum_age"`
		MaximumAge  age    `json:"maximum_age"`
	} `json:"eligibilitys"`
	Contacts    []contactRow `json:"contacts"`
	CostOptions []costRow    `json:"cost_options"`
	Languages   []struct {
		Language string `json:"language"`
	} `json:"languages"`
	RegularSchedules []scheduleRow `json:"regular_schedules"`
	ServiceAreas     []struct {
		ServiceArea string `json:"service_area"`
	} `json:"service_areas"`
	ServiceAtLocations []struct {
		Location *locationRow `json:"location"`
	} `json:"service_at_locations"`
	ServiceTaxonomys []struct {
		Taxonomy *struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"taxonomy"`
	} `json:"service_taxonomys"`
}

// readORUK1 maps one classic Open Referral UK service record.
//
// Ages are the smallest minimum and the largest maximum over the
// eligibilitys rows that state them; Eligibility joins the rows' texts.
// Access comes from attending_access and from the "self-referral" and
// "professional-referral" taxonomy terms. Wards are the service areas; each
// location's ward is its address's state_province.
func readORUK1(raw json.RawMessage) (*draft, error) {
	var r oruk1Service
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("oruk-1 record: %w", err)
	}
	d := &draft{svc: Service{
		ID:          r.ID,
		Name:        r.Name,
		Description: strings.TrimSpace(r.Description),
		URL:         strings.TrimSpace(r.URL),
		Email:       strings.TrimSpace(r.Email),
		Attending:   strings.TrimSpace(r.AttendingType),
		Cost:        costText(r.Fees, r.CostOptions),
	}}
	d.svc.ID = strings.TrimSpace(d.svc.ID)
	if r.Status != nil && strings.TrimSpace(*r.Status) != "" {
		d.status, d.hasStatus = strings.TrimSpace(*r.Status), true
	}
	if r.Organization != nil {
		d.svc.Organisation = strings.TrimSpace(r.Organization.Name)
	}

	var texts []string
	for i, e := range r.Eligibilitys {
		d.readAge(fmt.Sprintf("eligibilitys[%d].minimum_age", i), e.MinimumAge)
		d.readAge(fmt.Sprintf("eligibilitys[%d].maximum_age", i), e.MaximumAge)
		if e.MinimumAge.set && e.MaximumAge.set && e.MinimumAge.v > e.MaximumAge.v && d.reversed == "" {
			d.reversed = fmt.Sprintf("eligibilitys[%d]: minimum age %s above maximum %s", i, fmtNum(e.MinimumAge.v), fmtNum(e.MaximumAge.v))
		}
		if e.MinimumAge.set && (!d.minAge.set || e.MinimumAge.v < d.minAge.v) {
			d.minAge = e.MinimumAge
		}
		if e.MaximumAge.set && (!d.maxAge.set || e.MaximumAge.v > d.maxAge.v) {
			d.maxAge = e.MaximumAge
		}
		if t := strings.TrimSpace(e.Eligibility); t != "" {
			texts = appendUnique(texts, t)
		}
	}
	d.svc.Eligibility = strings.Join(texts, "; ")

	if v := strings.TrimSpace(r.AttendingAccess); v != "" {
		d.accessField = true
		if a, ok := accessFromAttending(v); ok {
			d.addAccess(a)
		} else {
			d.note(NoteUnknownAccess, v)
		}
	}
	for _, t := range r.ServiceTaxonomys {
		if t.Taxonomy != nil {
			d.addTerm(t.Taxonomy.Name, t.Taxonomy.ID)
		}
	}
	for _, a := range r.ServiceAreas {
		if w := strings.TrimSpace(a.ServiceArea); w != "" {
			d.svc.Wards = appendUnique(d.svc.Wards, w)
		}
	}
	for _, sl := range r.ServiceAtLocations {
		if sl.Location != nil {
			d.svc.Locations = append(d.svc.Locations, sl.Location.location())
		}
	}
	for _, s := range r.RegularSchedules {
		d.svc.Schedules = append(d.svc.Schedules, s.schedule())
	}
	for _, c := range r.Contacts {
		d.svc.Contacts = append(d.svc.Contacts, c.contact())
	}
	for _, l := range r.Languages {
		if v := strings.TrimSpace(l.Language); v != "" {
			d.svc.Languages = appendUnique(d.svc.Languages, v)
		}
	}
	d.finish()
	return d, nil
}
