package content

import (
	"errors"
	"strings"
	"testing"
)

func TestReadFeedFixtures(t *testing.T) {
	tests := []struct {
		label       string
		path        string
		wantVersion string
	}{
		{"classic offer.json", classicFixture, VersionORUK1},
		{"3.0 offer-oruk3.json", oruk3Fixture, VersionORUK3},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			o, rep := mustImport(t, tc.path, "")
			if rep.Version != tc.wantVersion {
				t.Errorf("version %q, want %q", rep.Version, tc.wantVersion)
			}
			if rep.Source != tc.path || o.Name != tc.path {
				t.Errorf("source %q, offer name %q, want %q", rep.Source, o.Name, tc.path)
			}
			if rep.Read != 130 || rep.Imported != 130 || len(o.Services) != 130 || rep.SkippedTotal() != 0 {
				t.Errorf("read %d imported %d services %d skipped %d, want 130/130/130/0\n%s",
					rep.Read, rep.Imported, len(o.Services), rep.SkippedTotal(), rep.Summary())
			}
			if rep.Notes[NoteUnknownField] != 0 {
				t.Errorf("fixture fields noted unknown: %v", rep.Warnings)
			}
			s, ok := o.Service("nb-antenatal-castleton")
			if !ok {
				t.Fatal("nb-antenatal-castleton missing")
			}
			if !s.ForPregnancy() || s.MinAge != 0 || s.MaxAge != 0 {
				t.Errorf("antenatal course: pregnancy %v ages %d-%d", s.ForPregnancy(), s.MinAge, s.MaxAge)
			}
			if !equalStrings(s.Wards, []string{"Castleton"}) || len(s.Locations) != 1 || s.Locations[0].Ward != "Castleton" || s.Locations[0].Postcode != "NB3 4QT" {
				t.Errorf("antenatal course wards %v locations %+v", s.Wards, s.Locations)
			}
			if s.Phone() != "01632 960101" || s.Cost != "Free" || !s.HasAccess(AccessSelfReferral) {
				t.Errorf("antenatal course phone %q cost %q access %v", s.Phone(), s.Cost, s.Access)
			}
			if len(s.Schedules) != 1 || s.Schedules[0] != (Schedule{Days: "TU", Opens: "18:00", Closes: "20:00", Description: "Tuesday evenings, four-week course"}) {
				t.Errorf("antenatal course schedules %+v", s.Schedules)
			}
			if got := o.PostcodeWards()["NB3"]; got != "Castleton" {
				t.Errorf("NB3 ward %q", got)
			}
		})
	}
}

func TestDetectVersion(t *testing.T) {
	classicRec := `{"id":"a","name":"A","eligibilitys":[],"service_taxonomys":[]}`
	oruk3Rec := `{"id":"a","name":"A","attributes":[],"schedules":[],"minimum_age":0}`
	bare := `{"id":"a","name":"A"}`
	tests := []struct {
		label string
		feed  string
		want  string
	}{
		{"classic services file", `{"services":[` + classicRec + `]}`, VersionORUK1},
		{"3.0 paged envelope", `{"total_items":1,"total_pages":1,"page_number":1,"contents":[` + oruk3Rec + `]}`, VersionORUK3},
		{"bare array of classic records", `[` + classicRec + `]`, VersionORUK1},
		{"bare array of 3.0 records", `[` + oruk3Rec + `]`, VersionORUK3},
		{"classic API page", `{"totalElements":1,"totalPages":1,"number":1,"content":[` + classicRec + `]}`, VersionORUK1},
		{"3.0 records in a services file: fields win", `{"services":[` + oruk3Rec + `]}`, VersionORUK3},
		{"classic records in a 3.0 envelope: fields win", `{"contents":[` + classicRec + `]}`, VersionORUK1},
		{"plain records, 3.0 envelope", `{"contents":[` + bare + `]}`, VersionORUK3},
		{"plain records, services file", `{"services":[` + bare + `]}`, VersionORUK1},
		{"plain records, bare array: current standard", `[` + bare + `]`, VersionORUK3},
		{"empty services file", `{"services":[]}`, VersionORUK1},
		{"empty 3.0 page", `{"total_items":0,"empty":true,"contents":null}`, VersionORUK3},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			got, err := DetectVersion([]byte(tc.feed))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("DetectVersion = %q, want %q", got, tc.want)
			}
			_, rep := readString(t, tc.feed, "")
			if rep.Version != tc.want {
				t.Errorf("ReadFeed version %q, want %q", rep.Version, tc.want)
			}
		})
	}
	t.Run("fixtures", func(t *testing.T) {
		for path, want := range map[string]string{classicFixture: VersionORUK1, oruk3Fixture: VersionORUK3} {
			if got, err := DetectVersion(mustReadFile(t, path)); err != nil || got != want {
				t.Errorf("%s: %q, %v; want %q", path, got, err, want)
			}
		}
	})
}

func TestReadFeedForcedVersion(t *testing.T) {
	t.Run("classic data read as 3.0", func(t *testing.T) {
		o, rep := mustImport(t, classicFixture, VersionORUK3)
		if rep.Version != VersionORUK3 || rep.Imported != 130 {
			t.Fatalf("version %q imported %d", rep.Version, rep.Imported)
		}
		if s := o.Services[0]; len(s.Terms) != 0 || s.ID == "" || s.Name == "" {
			t.Errorf("forced read kept id %q name %q and found terms %v (classic taxonomies are not 3.0 fields)", s.ID, s.Name, s.Terms)
		}
		if !hasWarning(rep, NoteUnknownField, "nb-antenatal-castleton") {
			t.Error("classic-only fields not noted as unknown under 3.0")
		}
	})
	t.Run("unknown version", func(t *testing.T) {
		o, _, err := ReadFeed(strings.NewReader(`{"services":[]}`), "x", "oruk-2")
		if err == nil || o != nil || errors.Is(err, ErrNotAFeed) {
			t.Errorf("got offer %v err %v; want an argument error", o, err)
		}
	})
}

func TestReadFeedNotAFeed(t *testing.T) {
	tests := []struct {
		label string
		input string
	}{
		{"empty", ""},
		{"whitespace", "  \n "},
		{"plain text", "services: none"},
		{"HTML error page", "<html><body>502 Bad Gateway</body></html>"},
		{"truncated JSON", `{"services":[{"id":"a","name":"A"}`},
		{"trailing garbage", `{"services":[]} x`},
		{"CSV", "id,name\na,A\n"},
		{"JSON string", `"services"`},
		{"JSON number", `42`},
		{"JSON null", `null`},
		{"object of another shape", `{"organizations":[{"id":"o"}]}`},
		{"single service object", `{"id":"a","name":"A"}`},
		{"services not an array", `{"services":{"id":"a"}}`},
		{"contents a string", `{"contents":"none"}`},
		{"array of numbers", `[1,2,3]`},
		{"array of strings", `["a","b"]`},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			o, rep, err := ReadFeed(strings.NewReader(tc.input), "bad", "")
			if !errors.Is(err, ErrNotAFeed) {
				t.Errorf("err %v, want ErrNotAFeed", err)
			}
			if o != nil {
				t.Errorf("offer %v, want nil", o)
			}
			if rep.Source != "bad" || rep.Imported != 0 {
				t.Errorf("report %+v", rep)
			}
			if err != nil && !strings.Contains(err.Error(), "bad") {
				t.Errorf("error %q does not name the source", err)
			}
		})
	}
}

func TestReadFeedBadRecords(t *testing.T) {
	good := `{"id":"good","name":"Good service","status":"active","minimum_age":0,"maximum_age":5}`
	goodClassic := `{"id":"good","name":"Good service","status":"active","eligibilitys":[{"minimum_age":0,"maximum_age":5}]}`
	tests := []struct {
		label   string
		version string
		records []string
		reason  string
		id      string // id the warning names
		want    int    // services imported
	}{
		{"no id", VersionORUK3, []string{good, `{"name":"Nameless id","status":"active"}`}, SkipNoID, "", 1},
		{"empty id", VersionORUK3, []string{good, `{"id":"","name":"X","status":"active"}`}, SkipNoID, "", 1},
		{"blank id", VersionORUK1, []string{goodClassic, `{"id":"  ","name":"X","status":"active"}`}, SkipNoID, "", 1},
		{"no name", VersionORUK3, []string{good, `{"id":"x","status":"active"}`}, SkipNoName, "x", 1},
		{"blank name", VersionORUK1, []string{goodClassic, `{"id":"x","name":" \t","status":"active"}`}, SkipNoName, "x", 1},
		{"name only markup", VersionORUK3, []string{good, `{"id":"x","name":"<b></b>","status":"active"}`}, SkipNoName, "x", 1},
		{"3.0 ages reversed", VersionORUK3, []string{good, `{"id":"x","name":"X","status":"active","minimum_age":11,"maximum_age":5}`}, SkipAgesReverse, "x", 1},
		{"3.0 ages reversed as text", VersionORUK3, []string{good, `{"id":"x","name":"X","status":"active","minimum_age":"11","maximum_age":"5"}`}, SkipAgesReverse, "x", 1},
		{"classic row ages reversed", VersionORUK1, []string{goodClassic, `{"id":"x","name":"X","status":"active","eligibilitys":[{"minimum_age":0,"maximum_age":5},{"minimum_age":16,"maximum_age":11}]}`}, SkipAgesReverse, "x", 1},
		{"classic ages reversed across rows", VersionORUK1, []string{goodClassic, `{"id":"x","name":"X","status":"active","eligibilitys":[{"minimum_age":12},{"maximum_age":5}]}`}, SkipAgesReverse, "x", 1},
		{"bad UTF-8 in name", VersionORUK3, []string{good, "{\"id\":\"x\",\"name\":\"Caf\xe9 group\",\"status\":\"active\"}"}, SkipBadUTF8, "x", 1},
		{"bad UTF-8 deep in a location", VersionORUK1, []string{goodClassic, "{\"id\":\"x\",\"name\":\"X\",\"status\":\"active\",\"service_at_locations\":[{\"location\":{\"name\":\"Hall \xff\xfe\"}}]}"}, SkipBadUTF8, "x", 1},
		{"bad UTF-8 in the id", VersionORUK3, []string{good, "{\"id\":\"x\xc3\",\"name\":\"X\",\"status\":\"active\"}"}, SkipBadUTF8, "x\uFFFD", 1},
		{"duplicate id keeps the first", VersionORUK3, []string{good, `{"id":"good","name":"Second copy","status":"active"}`}, SkipDuplicateID, "good", 1},
		{"name a number", VersionORUK3, []string{good, `{"id":"x","name":5,"status":"active"}`}, SkipMalformed, "x", 1},
		{"ages an object", VersionORUK3, []string{good, `{"id":"x","name":"X","status":"active","minimum_age":{"years":5}}`}, SkipMalformed, "x", 1},
		{"eligibilitys an object", VersionORUK1, []string{goodClassic, `{"id":"x","name":"X","status":"active","eligibilitys":{"minimum_age":1}}`}, SkipMalformed, "x", 1},
		{"numeric id", VersionORUK3, []string{good, `{"id":17,"name":"X","status":"active"}`}, SkipMalformed, "17", 1},
		{"record a string", VersionORUK3, []string{good, `"not a service"`}, SkipMalformed, "", 1},
		{"record an array", VersionORUK1, []string{goodClassic, `[{"id":"x"}]`}, SkipMalformed, "", 1},
		{"status inactive", VersionORUK3, []string{good, `{"id":"x","name":"X","status":"inactive"}`}, SkipInactive, "x", 1},
		{"status defunct", VersionORUK1, []string{goodClassic, `{"id":"x","name":"X","status":"defunct"}`}, SkipInactive, "x", 1},
		{"status temporarily closed", VersionORUK3, []string{good, `{"id":"x","name":"X","status":"temporarily closed"}`}, SkipInactive, "x", 1},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			feed := `{"services":[` + strings.Join(tc.records, ",") + `]}`
			o, rep := readString(t, feed, tc.version)
			if rep.Read != len(tc.records) || rep.Imported != tc.want || len(o.Services) != tc.want {
				t.Errorf("read %d imported %d services %d, want %d/%d", rep.Read, rep.Imported, len(o.Services), len(tc.records), tc.want)
			}
			if rep.Skipped[tc.reason] != 1 || rep.SkippedTotal() != 1 {
				t.Errorf("skipped %v, want one %s", rep.Skipped, tc.reason)
			}
			if !hasWarning(rep, tc.reason, tc.id) {
				t.Errorf("no %s warning naming %q: %v", tc.reason, tc.id, rep.Warnings)
			}
			if s, ok := o.Service("good"); !ok || s.Name != "Good service" {
				t.Errorf("good record: %+v, %v", s, ok)
			}
			if !strings.Contains(rep.Summary(), tc.reason) {
				t.Errorf("summary lacks %s:\n%s", tc.reason, rep.Summary())
			}
		})
	}
}

func TestReadFeedUnknownFields(t *testing.T) {
	tests := []struct {
		label   string
		version string
		record  string
		want    []string
	}{
		{"classic standard fields are known", VersionORUK1,
			`{"id":"x","name":"X","status":"active","deliverable_type":"Advice","holiday_schedules":[],"reviews":[],"fundings":[]}`, nil},
		{"classic extra fields", VersionORUK1,
			`{"id":"x","name":"X","status":"active","colour":"red","internal_notes":"call Jo"}`, []string{"colour", "internal_notes"}},
		{"3.0 fields are unknown to classic", VersionORUK1,
			`{"id":"x","name":"X","status":"active","minimum_age":3,"attributes":[]}`, []string{"attributes", "minimum_age"}},
		{"3.0 profile and HSDS fields are known", VersionORUK3,
			`{"id":"x","name":"X","status":"active","alert":"","last_modified":"2026-01-01","eligibility_description":"all","program_id":"p","metadata":[]}`, nil},
		{"3.0 extra and classic fields", VersionORUK3,
			`{"id":"x","name":"X","status":"active","eligibilitys":[],"x_council_ref":"17"}`, []string{"eligibilitys", "x_council_ref"}},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			o, rep := readString(t, `[`+tc.record+`]`, tc.version)
			if len(o.Services) != 1 {
				t.Fatalf("record not kept: %s", rep.Summary())
			}
			var got []string
			for _, w := range rep.Warnings {
				if w.Reason == NoteUnknownField {
					if w.ID != "x" {
						t.Errorf("unknown-field note names %q", w.ID)
					}
					got = append(got, w.Detail)
				}
			}
			if !equalStrings(got, tc.want) || rep.Notes[NoteUnknownField] != len(tc.want) {
				t.Errorf("unknown fields %v (count %d), want %v", got, rep.Notes[NoteUnknownField], tc.want)
			}
			if rep.SkippedTotal() != 0 {
				t.Errorf("skipped %v", rep.Skipped)
			}
		})
	}
}

func TestReadFeedNoStatus(t *testing.T) {
	tests := []struct {
		label   string
		version string
		record  string
	}{
		{"3.0 status missing", VersionORUK3, `{"id":"x","name":"X"}`},
		{"3.0 status null", VersionORUK3, `{"id":"x","name":"X","status":null}`},
		{"classic status empty", VersionORUK1, `{"id":"x","name":"X","status":" "}`},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			o, rep := readString(t, `[`+tc.record+`]`, tc.version)
			if len(o.Services) != 1 || !hasWarning(rep, NoteNoStatus, "x") {
				t.Errorf("services %d warnings %v; want kept with a no-status note", len(o.Services), rep.Warnings)
			}
		})
	}
	t.Run("status in capitals", func(t *testing.T) {
		o, rep := readString(t, `[{"id":"x","name":"X","status":" Active "}]`, VersionORUK3)
		if len(o.Services) != 1 || hasWarning(rep, NoteNoStatus, "x") {
			t.Errorf("services %d warnings %v", len(o.Services), rep.Warnings)
		}
	})
}
