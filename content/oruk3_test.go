package content

import (
	"strings"
	"testing"
)

// TestReadORUK3Messy covers what real 3.0 feeds do: ages as text or
// missing, HTML descriptions, unknown taxonomies, missing locations,
// pregnancy that must be derived honestly.
func TestReadORUK3Messy(t *testing.T) {
	const head = `"id":"x","name":"X","status":"active"`
	tests := []struct {
		label string
		body  string // fields after id, name and status
		check func(t *testing.T, s Service)
		note  string // a note the record must carry, if any
	}{
		{"ages as strings", `"minimum_age":"2","maximum_age":" 11 "`, func(t *testing.T, s Service) {
			if s.MinAge != 2 || s.MaxAge != 11 {
				t.Errorf("ages %d-%d, want 2-11", s.MinAge, s.MaxAge)
			}
		}, NoteAgeAsText},
		{"ages as text with units", `"minimum_age":"18 months","maximum_age":"5 years"`, func(t *testing.T, s Service) {
			if s.MinAge != 1 || s.MaxAge != 5 {
				t.Errorf("ages %d-%d, want 1-5", s.MinAge, s.MaxAge)
			}
		}, NoteAgeAsText},
		{"fractional ages are whole years", `"minimum_age":0.5,"maximum_age":2.5`, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != 2 {
				t.Errorf("ages %d-%d, want 0-2", s.MinAge, s.MaxAge)
			}
		}, ""},
		{"no ages: no limit", ``, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != DefaultMaxAge {
				t.Errorf("ages %d-%d, want 0-%d", s.MinAge, s.MaxAge, DefaultMaxAge)
			}
		}, NoteNoAges},
		{"null ages: no limit", `"minimum_age":null,"maximum_age":null`, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != DefaultMaxAge {
				t.Errorf("ages %d-%d", s.MinAge, s.MaxAge)
			}
		}, NoteNoAges},
		{"empty string ages: no limit", `"minimum_age":"","maximum_age":""`, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != DefaultMaxAge {
				t.Errorf("ages %d-%d", s.MinAge, s.MaxAge)
			}
		}, NoteNoAges},
		{"only a minimum", `"minimum_age":13`, func(t *testing.T, s Service) {
			if s.MinAge != 13 || s.MaxAge != DefaultMaxAge {
				t.Errorf("ages %d-%d, want 13-%d", s.MinAge, s.MaxAge, DefaultMaxAge)
			}
		}, ""},
		{"adult minimum above the default maximum", `"minimum_age":30`, func(t *testing.T, s Service) {
			if s.MinAge != 30 || s.MaxAge != 30 {
				t.Errorf("ages %d-%d, want 30-30", s.MinAge, s.MaxAge)
			}
		}, ""},
		{"unreadable age ignored", `"minimum_age":"toddlers","maximum_age":4`, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != 4 {
				t.Errorf("ages %d-%d, want 0-4", s.MinAge, s.MaxAge)
			}
		}, NoteBadAge},
		{"negative age ignored", `"minimum_age":-1,"maximum_age":4`, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != 4 {
				t.Errorf("ages %d-%d, want 0-4", s.MinAge, s.MaxAge)
			}
		}, NoteBadAge},
		{"HTML description", `"description":"<p>Stay &amp; play for under-5s.</p><ul><li>Free</li><li>Snacks&nbsp;included</li></ul><script>track()</script>"`, func(t *testing.T, s Service) {
			if s.Description != "Stay & play for under-5s. Free Snacks included" {
				t.Errorf("description %q", s.Description)
			}
		}, NoteMarkup},
		{"less-than sign is not a tag", `"description":"For children aged <5 & their carers"`, func(t *testing.T, s Service) {
			if s.Description != "For children aged <5 & their carers" {
				t.Errorf("description %q", s.Description)
			}
		}, ""},
		{"inactive is skipped", `"status":"inactive"`, nil, ""},
		{"unknown taxonomy kept as a term", `"attributes":[{"taxonomy_term":{"id":"esd-123","name":"Holiday Activities and Food","taxonomy":"esd-service-types"}},{"taxonomy_term":{"id":"t2","name":"self-referral"}}]`, func(t *testing.T, s Service) {
			if !equalStrings(s.Terms, []string{"holiday-activities-and-food", "self-referral"}) {
				t.Errorf("terms %v", s.Terms)
			}
			if !s.HasAccess(AccessSelfReferral) {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"unnamed taxonomy term falls back to its id", `"attributes":[{"taxonomy_term_id":"nfh-parenting"}]`, func(t *testing.T, s Service) {
			if !equalStrings(s.Terms, []string{"nfh-parenting"}) {
				t.Errorf("terms %v", s.Terms)
			}
		}, NoteUnnamedTerm},
		{"missing locations", `"service_areas":[{"name":"Eastmoor","service_area":"Eastmoor"}]`, func(t *testing.T, s Service) {
			if len(s.Locations) != 0 || !equalStrings(s.Wards, []string{"Eastmoor"}) {
				t.Errorf("locations %v wards %v", s.Locations, s.Wards)
			}
		}, ""},
		{"no area and no location", `"service_at_locations":[]`, func(t *testing.T, s Service) {
			if !s.IsBoroughWide() {
				t.Errorf("wards %v", s.Wards)
			}
		}, NoteNoArea},
		{"location without addresses", `"service_at_locations":[{"location":{"name":"Mobile bus","latitude":"53.1","longitude":"-2.2"}}]`, func(t *testing.T, s Service) {
			if len(s.Locations) != 1 || s.Locations[0].Name != "Mobile bus" || s.Locations[0].Ward != "" || s.Locations[0].Lat != 53.1 {
				t.Errorf("locations %+v", s.Locations)
			}
		}, NoteNoArea + "-absent"},
		{"ages 0..0 alone are not pregnancy", `"minimum_age":0,"maximum_age":0,"description":"Weighing clinic for babies."`, func(t *testing.T, s Service) {
			if s.ForPregnancy() {
				t.Errorf("marked pregnancy from ages alone: %v", s.Terms)
			}
		}, NoteAgesZeroUnclear},
		{"ages 0..0 with pregnancy words", `"minimum_age":0,"maximum_age":0,"description":"Classes for anyone expecting a baby."`, func(t *testing.T, s Service) {
			if !s.ForPregnancy() {
				t.Errorf("terms %v", s.Terms)
			}
		}, NotePregnancyDerived},
		{"pregnancy words with real ages add nothing", `"minimum_age":13,"maximum_age":24,"description":"Free condoms and pregnancy testing."`, func(t *testing.T, s Service) {
			if s.ForPregnancy() {
				t.Errorf("terms %v", s.Terms)
			}
		}, ""},
		{"pregnancy term under another name", `"attributes":[{"taxonomy_term":{"name":"Antenatal"}}]`, func(t *testing.T, s Service) {
			if !s.ForPregnancy() || !s.HasTerm("antenatal") {
				t.Errorf("terms %v", s.Terms)
			}
		}, NotePregnancyDerived},
		{"drop-in from wording", `"description":"Stay and play. No need to book."`, func(t *testing.T, s Service) {
			if !equalStrings(accessStrings(s.Access), []string{"drop-in"}) {
				t.Errorf("access %v", s.Access)
			}
		}, NoteAccessDerived},
		{"booking is never guessed", `"description":"Please book. Nurses run drop-ins in schools."`, func(t *testing.T, s Service) {
			if len(s.Access) != 0 {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"attending from schedules", `"schedules":[{"byday":"MO","opens_at":"09:00:00","closes_at":"11:30:00","attending_type":"Online"},{"byday":"WE","attending_type":"Online"}]`, func(t *testing.T, s Service) {
			if s.Attending != "Online" || s.Schedules[0].Opens != "09:00" || s.Schedules[0].Closes != "11:30" {
				t.Errorf("attending %q schedules %+v", s.Attending, s.Schedules)
			}
		}, ""},
		{"cost from options when fees absent", `"cost_options":[{"option":"Per session","amount":"0.5","amount_description":"Pay on the door"}]`, func(t *testing.T, s Service) {
			if s.Cost != "Per session £0.50 (Pay on the door)" {
				t.Errorf("cost %q", s.Cost)
			}
		}, ""},
		{"HSDS eligibility and phones used when present", `"eligibility_description":"Parents of under-5s","phones":[{"number":"01632 960555"}]`, func(t *testing.T, s Service) {
			if s.Eligibility != "Parents of under-5s" || s.Phone() != "01632 960555" {
				t.Errorf("eligibility %q phone %q", s.Eligibility, s.Phone())
			}
		}, ""},
		{"organisation absent, only its id", `"organization_id":"org-1"`, func(t *testing.T, s Service) {
			if s.Organisation != "" {
				t.Errorf("organisation %q invented", s.Organisation)
			}
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			rec := `{` + head
			if tc.body != "" {
				rec += `,` + tc.body
			}
			rec += `}`
			feed := `{"total_items":1,"total_pages":1,"page_number":1,"contents":[` + rec + `]}`
			o, rep := readString(t, feed, "")
			if rep.Version != VersionORUK3 {
				t.Errorf("version %q", rep.Version)
			}
			if tc.check == nil { // skipped
				if len(o.Services) != 0 || rep.Skipped[SkipInactive] != 1 {
					t.Errorf("services %d skipped %v; want skipped inactive", len(o.Services), rep.Skipped)
				}
				return
			}
			if len(o.Services) != 1 {
				t.Fatalf("not imported: %s", rep.Summary())
			}
			tc.check(t, o.Services[0])
			switch {
			case strings.HasSuffix(tc.note, "-absent"):
				if r := strings.TrimSuffix(tc.note, "-absent"); rep.Notes[r] != 0 {
					t.Errorf("unexpected %s note: %v", r, rep.Warnings)
				}
			case tc.note != "":
				if !hasWarning(rep, tc.note, "x") {
					t.Errorf("no %s note: %v", tc.note, rep.Warnings)
				}
			}
		})
	}
}

// accessStrings lists accesses as strings for comparison.
func accessStrings(as []Access) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = string(a)
	}
	return out
}
