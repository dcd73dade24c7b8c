package content

import (
	"testing"
)

func TestReadORUK1Mapping(t *testing.T) {
	const head = `"id":"x","name":"X","status":"active"`
	tests := []struct {
		label string
		body  string
		check func(t *testing.T, s Service)
		note  string
	}{
		{"ages span every eligibility row", `"eligibilitys":[{"eligibility":"parents of under-5s","minimum_age":0,"maximum_age":5},{"eligibility":"young carers","minimum_age":8,"maximum_age":18}]`, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != 18 || s.Eligibility != "parents of under-5s; young carers" {
				t.Errorf("ages %d-%d eligibility %q", s.MinAge, s.MaxAge, s.Eligibility)
			}
		}, ""},
		{"row without ages does not widen them", `"eligibilitys":[{"eligibility":"on Universal Credit"},{"minimum_age":"3","maximum_age":"4"}]`, func(t *testing.T, s Service) {
			if s.MinAge != 3 || s.MaxAge != 4 || s.Eligibility != "on Universal Credit" {
				t.Errorf("ages %d-%d eligibility %q", s.MinAge, s.MaxAge, s.Eligibility)
			}
		}, NoteAgeAsText},
		{"no eligibility rows: no limit", ``, func(t *testing.T, s Service) {
			if s.MinAge != 0 || s.MaxAge != DefaultMaxAge {
				t.Errorf("ages %d-%d", s.MinAge, s.MaxAge)
			}
		}, NoteNoAges},
		{"attending_access Drop-in", `"attending_access":"Drop-in"`, func(t *testing.T, s Service) {
			if !equalStrings(accessStrings(s.Access), []string{"drop-in"}) {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"attending_access Booking", `"attending_access":"Booking"`, func(t *testing.T, s Service) {
			if !equalStrings(accessStrings(s.Access), []string{"booking"}) {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"attending_access Referral needs a referral", `"attending_access":"Referral","service_taxonomys":[{"taxonomy":{"name":"professional-referral"}}]`, func(t *testing.T, s Service) {
			if !equalStrings(accessStrings(s.Access), []string{"professional-referral"}) || !s.NeedsReferral() {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"reference implementation's appointment", `"attending_access":"appointment"`, func(t *testing.T, s Service) {
			if !s.HasAccess(AccessBooking) {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"unknown attending_access noted", `"attending_access":"membership"`, func(t *testing.T, s Service) {
			if len(s.Access) != 0 {
				t.Errorf("access %v", s.Access)
			}
		}, NoteUnknownAccess},
		{"structured access stops wording", `"attending_access":"Booking","description":"No need to book for the open day."`, func(t *testing.T, s Service) {
			if s.HasAccess(AccessDropIn) {
				t.Errorf("access %v", s.Access)
			}
		}, ""},
		{"self-referral term adds access", `"attending_access":"Booking","service_taxonomys":[{"taxonomy":{"name":"Parenting"}},{"taxonomy":{"name":"self-referral"}}]`, func(t *testing.T, s Service) {
			if !equalStrings(s.Terms, []string{"parenting", "self-referral"}) || !equalStrings(accessStrings(s.Access), []string{"booking", "self-referral"}) {
				t.Errorf("terms %v access %v", s.Terms, s.Access)
			}
		}, ""},
		{"wards, locations, contacts, languages, cost options", `"service_areas":[{"service_area":"Fernhill"},{"service_area":"Fernhill"}],
			"service_at_locations":[{"location":{"name":"Fernhill Hub","latitude":53.4,"longitude":-2.1,"physical_addresses":[{"address_1":"2 High St","city":"Northbrook","state_province":"Fernhill","postal_code":"NB5 1AA"}]}}],
			"contacts":[{"name":"Desk","phones":[{"number":""},{"number":"01632 960200"},{"number":"01632 960201"}]}],
			"languages":[{"language":"English"},{"language":"Polish"}],
			"cost_options":[{"option":"Annual membership","amount":5,"amount_description":"Per year"},{"option":"Per visit","amount":0.5}]`, func(t *testing.T, s Service) {
			if !equalStrings(s.Wards, []string{"Fernhill"}) {
				t.Errorf("wards %v", s.Wards)
			}
			want := Location{Name: "Fernhill Hub", Address: "2 High St, Northbrook", Postcode: "NB5 1AA", Ward: "Fernhill", Lat: 53.4, Lon: -2.1}
			if len(s.Locations) != 1 || s.Locations[0] != want {
				t.Errorf("locations %+v", s.Locations)
			}
			if s.Phone() != "01632 960200" || !equalStrings(s.Languages, []string{"English", "Polish"}) {
				t.Errorf("phone %q languages %v", s.Phone(), s.Languages)
			}
			if s.Cost != "Annual membership £5 (Per year); Per visit £0.50" {
				t.Errorf("cost %q", s.Cost)
			}
		}, ""},
		{"free cost options", `"cost_options":[{"option":"Free","amount":0}]`, func(t *testing.T, s Service) {
			if s.Cost != "Free" {
				t.Errorf("cost %q", s.Cost)
			}
		}, ""},
		{"fees text wins", `"fees":"£1 per session","cost_options":[{"option":"Free","amount":0}]`, func(t *testing.T, s Service) {
			if s.Cost != "£1 per session" {
				t.Errorf("cost %q", s.Cost)
			}
		}, ""},
		{"expectant wording with 0..0 ages gives pregnancy", `"eligibilitys":[{"eligibility":"expectant parents","minimum_age":0,"maximum_age":0}]`, func(t *testing.T, s Service) {
			if !s.ForPregnancy() {
				t.Errorf("terms %v", s.Terms)
			}
		}, NotePregnancyDerived},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			rec := `{` + head
			if tc.body != "" {
				rec += `,` + tc.body
			}
			rec += `}`
			// Forced: some of these records carry only fields both versions share.
			o, rep := readString(t, `{"services":[`+rec+`]}`, VersionORUK1)
			if len(o.Services) != 1 {
				t.Fatalf("not imported: %s", rep.Summary())
			}
			tc.check(t, o.Services[0])
			if tc.note != "" && !hasWarning(rep, tc.note, "x") {
				t.Errorf("no %s note: %v", tc.note, rep.Warnings)
			}
		})
	}
}
