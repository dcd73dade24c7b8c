package content

import (
	"encoding/json"
	"fmt"
	"strings"
)

// oruk3Fields is the standard field list of an Open Referral UK 3.0 service:
// the UK profile of HSDS 3.0 (OpenReferralUK/uk-profile, schema/service.json)
// plus the HSDS 3.0 service fields the profile leaves out (a council may
// publish plain HSDS 3.0) and capacities from HSDS 3.1. Other top-level
// fields are noted as unknown.
var oruk3Fields = []string{
	// UK profile
	"id", "organization_id", "name", "description", "url", "email", "status",
	"fees", "accreditations", "minimum_age", "maximum_age", "assured_date",
	"assurer_email", "alert", "last_modified", "schedules", "service_areas",
	"service_at_locations", "languages", "organization", "funding",
	"cost_options", "contacts", "attributes",
	// HSDS 3.0 fields the UK profile drops
	"program_id", "alternate_name", "interpretation_services",
	"application_process", "fees_description", "wait_time",
	"eligibility_description", "licenses", "phones", "program",
	"required_documents", "metadata",
	// HSDS 3.1
	"capacities",
}

// oruk3Service is the part of an Open Referral UK 3.0 service the bot uses.
type oruk3Service struct {
	ID                     string  `json:"id"`
	Name                   string  `json:"name"`
	Description            string  `json:"description"`
	URL                    string  `json:"url"`
	Email                  string  `json:"email"`
	Status                 *string `json:"status"`
	Fees                   string  `json:"fees"`
	FeesDescription        string  `json:"fees_description"`        // HSDS 3.0, not in the UK profile
	EligibilityDescription string  `json:"eligibility_description"` // HSDS 3.0, not in the UK profile
	MinimumAge             age     `json:"minimum_age"`
	MaximumAge             age     `json:"maximum_age"`
	Organization           *struct {
		Name string `json:"name"`
	} `json:"organization"`
	Schedules    []scheduleRow `json:"schedules"`
	ServiceAreas []struct {
		Name        string `json:"name"`
		ServiceArea string `json:"service_area"`
	} `json:"service_areas"`
	ServiceAtLocations []struct {
		Location *locationRow `json:"location"`
	} `json:"service_at_locations"`
	Languages []struct {
		Name string `json:"name"`
		Code string `json:"code"`
	} `json:"languages"`
	CostOptions []costRow    `json:"cost_options"`
	Contacts    []contactRow `json:"contacts"`
	Phones      []struct {
		Number string `json:"number"`
	} `json:"phones"` // HSDS 3.0, not in the UK profile
	Attributes []struct {
		TaxonomyTermID string `json:"taxonomy_term_id"`
		TaxonomyTerm   *struct {
			ID   string `json:"id"`
			Name string `json:"name"`
			Term string `json:"term"`
		} `json:"taxonomy_term"`
	} `json:"attributes"`
}

// readORUK3 maps one Open Referral UK 3.0 service record onto the same
// Service the classic reader builds.
//
// What 3.0 lacks is derived only where the record says it: ages come from
// the service itself (numbers or text; missing means 0 to DefaultMaxAge);
// eligibility wording only from HSDS's eligibility_description, which the
// UK profile leaves out; access from the "self-referral" and
// "professional-referral" terms and, for drop-in, from wording such as "no
// need to book" (3.0 has no attending_access, so booking is never guessed);
// Attending from the schedules' attending_type; the pregnancy term from the
// taxonomy or from ages 0 to 0 together with pregnancy wording, never from
// 0 to 0 alone. Taxonomy terms of any vocabulary are kept as terms.
func readORUK3(raw json.RawMessage) (*draft, error) {
	var r oruk3Service
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("oruk-3 record: %w", err)
	}
	d := &draft{
		svc: Service{
			ID:          strings.TrimSpace(r.ID),
			Name:        r.Name,
			Description: strings.TrimSpace(r.Description),
			URL:         strings.TrimSpace(r.URL),
			Email:       strings.TrimSpace(r.Email),
			Eligibility: strings.TrimSpace(r.EligibilityDescription),
			Cost:        costText(firstNonEmpty(r.Fees, r.FeesDescription), r.CostOptions),
		},
		minAge: r.MinimumAge,
		maxAge: r.MaximumAge,
	}
	if r.Status != nil && strings.TrimSpace(*r.Status) != "" {
		d.status, d.hasStatus = strings.TrimSpace(*r.Status), true
	}
	if r.Organization != nil {
		d.svc.Organisation = strings.TrimSpace(r.Organization.Name)
	}
	d.readAge("minimum_age", r.MinimumAge)
	d.readAge("maximum_age", r.MaximumAge)

	for _, a := range r.Attributes {
		switch {
		case a.TaxonomyTerm != nil:
			d.addTerm(a.TaxonomyTerm.Name, a.TaxonomyTerm.Term, a.TaxonomyTerm.ID, a.TaxonomyTermID)
		case a.TaxonomyTermID != "":
			d.addTerm("", a.TaxonomyTermID)
		}
	}
	for _, a := range r.ServiceAreas {
		if w := strings.TrimSpace(firstNonEmpty(a.ServiceArea, a.Name)); w != "" {
			d.svc.Wards = appendUnique(d.svc.Wards, w)
		}
	}
	for _, sl := range r.ServiceAtLocations {
		if sl.Location != nil {
			d.svc.Locations = append(d.svc.Locations, sl.Location.location())
		}
	}
	var attending []string
	for _, s := range r.Schedules {
		d.svc.Schedules = append(d.svc.Schedules, s.schedule())
		if t := strings.TrimSpace(s.AttendingType); t != "" {
			attending = appendUnique(attending, t)
		}
	}
	d.svc.Attending = strings.Join(attending, ", ")
	for _, c := range r.Contacts {
		d.svc.Contacts = append(d.svc.Contacts, c.contact())
	}
	for _, p := range r.Phones {
		if n := strings.TrimSpace(p.Number); n != "" && d.svc.Phone() == "" {
			d.svc.Contacts = append(d.svc.Contacts, Contact{Phone: n})
		}
	}
	for _, l := range r.Languages {
		if v := strings.TrimSpace(firstNonEmpty(l.Name, l.Code)); v != "" {
			d.svc.Languages = appendUnique(d.svc.Languages, v)
		}
	}
	d.finish()
	return d, nil
}

// firstNonEmpty returns the first of vs that is not blank.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
