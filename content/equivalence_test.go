package content

import (
	"reflect"
	"testing"
)

// TestFixturesEquivalent imports the same Northbrook offer from the classic
// file and from the 3.0 file and compares them service by service. What the
// bot matches on (ids, names, terms, wards, ages, who needs a referral,
// phones, places, times) must be the same. The honest differences are
// asserted as such:
//   - Eligibility: 3.0's UK profile has no eligibility text, so it is empty.
//   - Access: 3.0 has no attending_access, so "booking" is never set and
//     "drop-in" only where the description says so ("no need to book");
//     3.0 access is always a subset of classic access, and the referral
//     ways in (from taxonomy terms) are identical.
//   - Attending: 3.0 reads it from the schedules, so a service with no
//     schedule has none.
func TestFixturesEquivalent(t *testing.T) {
	classic, _ := mustImport(t, classicFixture, "")
	v3, _ := mustImport(t, oruk3Fixture, "")
	if len(classic.Services) != len(v3.Services) {
		t.Fatalf("classic %d services, 3.0 %d", len(classic.Services), len(v3.Services))
	}
	var noEligibility, dropInKept, dropInLost, bookingLost, noAttending int
	for i, a := range classic.Services {
		b := v3.Services[i]
		t.Run(a.ID, func(t *testing.T) {
			same := []struct {
				field string
				a, b  any
			}{
				{"id", a.ID, b.ID},
				{"name", a.Name, b.Name},
				{"description", a.Description, b.Description},
				{"organisation", a.Organisation, b.Organisation},
				{"terms", a.Terms, b.Terms},
				{"wards", a.Wards, b.Wards},
				{"min age", a.MinAge, b.MinAge},
				{"max age", a.MaxAge, b.MaxAge},
				{"pregnancy", a.ForPregnancy(), b.ForPregnancy()},
				{"needs referral", a.NeedsReferral(), b.NeedsReferral()},
				{"professional referral", a.HasAccess(AccessReferral), b.HasAccess(AccessReferral)},
				{"self-referral", a.HasAccess(AccessSelfReferral), b.HasAccess(AccessSelfReferral)},
				{"phone", a.Phone(), b.Phone()},
				{"contacts", a.Contacts, b.Contacts},
				{"locations", a.Locations, b.Locations},
				{"schedules", a.Schedules, b.Schedules},
				{"languages", a.Languages, b.Languages},
				{"cost", a.Cost, b.Cost},
				{"url", a.URL, b.URL},
				{"email", a.Email, b.Email},
				{"borough-wide", a.IsBoroughWide(), b.IsBoroughWide()},
			}
			for _, f := range same {
				if !reflect.DeepEqual(f.a, f.b) {
					t.Errorf("%s: classic %v, 3.0 %v", f.field, f.a, f.b)
				}
			}
			for _, x := range b.Access {
				if !a.HasAccess(x) {
					t.Errorf("3.0 access %q that classic lacks (classic %v)", x, a.Access)
				}
			}
			if b.Eligibility != "" {
				t.Errorf("3.0 eligibility %q; the fixture has no home for it", b.Eligibility)
			}
			switch {
			case len(b.Schedules) > 0 && a.Attending != b.Attending:
				t.Errorf("attending: classic %q, 3.0 %q", a.Attending, b.Attending)
			case len(b.Schedules) == 0 && b.Attending != "":
				t.Errorf("3.0 attending %q with no schedules", b.Attending)
			}
		})
		if a.Eligibility != "" {
			noEligibility++
		}
		if a.HasAccess(AccessDropIn) {
			if b.HasAccess(AccessDropIn) {
				dropInKept++
			} else {
				dropInLost++
			}
		}
		if a.HasAccess(AccessBooking) {
			bookingLost++
		}
		if a.Attending != b.Attending {
			noAttending++
		}
	}
	t.Logf("honest differences over %d services: eligibility text absent in 3.0 for %d; drop-in read from 3.0 wording for %d, not stated for %d; booking not stated in 3.0 for %d; attending absent (no schedule) for %d",
		len(classic.Services), noEligibility, dropInKept, dropInLost, bookingLost, noAttending)
}
