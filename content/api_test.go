package content

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeAPI serves records as an Open Referral UK API: a paged list at
// /services and each full record at /services/{id}.
type fakeAPI struct {
	records  []json.RawMessage // full records, in list order (repeats allowed)
	classic  bool              // classic camelCase envelope and summary list items
	pageSize int               // the server's own page size (it caps per_page)
	partial  map[string]bool   // 3.0: ids the list gives without description/attributes
	// Faults.
	failPage   int               // this page answers 500
	hangPage   int               // this page never answers (until the client gives up)
	badPage    int               // this page answers with HTML
	missing    map[string]bool   // these records answer 404
	corrupt    map[string]string // these records answer with this body
	totalPages int               // if set, the envelope claims this many pages
	endless    bool              // every page is full of new ids and none is last
	// Counters.
	listCalls, recordCalls atomic.Int64
	byID                   map[string]json.RawMessage // first record of each id
}

func (f *fakeAPI) handler() http.Handler {
	f.byID = map[string]json.RawMessage{}
	for _, raw := range f.records {
		if id := peekID(raw); f.byID[id] == nil {
			f.byID[id] = raw
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /services", f.list)
	mux.HandleFunc("GET /services/{id}", f.record)
	return mux
}

func (f *fakeAPI) list(w http.ResponseWriter, r *http.Request) {
	f.listCalls.Add(1)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	perPage, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if page < 1 || perPage < 1 {
		http.Error(w, "page and per_page required", http.StatusBadRequest)
		return
	}
	switch page {
	case f.failPage:
		http.Error(w, "database on fire", http.StatusInternalServerError)
		return
	case f.badPage:
		w.Write([]byte("<html><body>Service Unavailable</body></html>"))
		return
	case f.hangPage:
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		return
	}
	size := min(perPage, f.pageSize)
	var items []json.RawMessage
	if f.endless {
		for i := range size {
			items = append(items, json.RawMessage(fmt.Sprintf(`{"id":"p%d-%d","name":"N"}`, page, i)))
		}
	} else {
		for i := (page - 1) * size; i < page*size && i < len(f.records); i++ {
			items = append(items, f.listItem(f.records[i]))
		}
	}
	total := (len(f.records) + size - 1) / size
	if f.totalPages != 0 {
		total = f.totalPages
	}
	last := page >= total
	if f.endless {
		last = false
	}
	var env map[string]any
	if f.classic {
		env = map[string]any{"totalElements": len(f.records), "totalPages": total, "number": page, "size": size,
			"first": page == 1, "last": last, "numberOfElements": len(items), "empty": len(items) == 0, "content": items}
	} else {
		env = map[string]any{"total_items": len(f.records), "total_pages": total, "page_number": page, "size": size,
			"first_page": page == 1, "last_page": last, "empty": len(items) == 0, "contents": items}
	}
	if f.endless {
		delete(env, "total_pages")
		delete(env, "totalPages")
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(env)
}

// listItem is what the list gives for a record: a summary for classic
// feeds, the full record or a partial one for 3.0.
func (f *fakeAPI) listItem(raw json.RawMessage) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return raw
	}
	var id string
	json.Unmarshal(m["id"], &id)
	if f.classic || f.partial[id] {
		out, _ := json.Marshal(map[string]json.RawMessage{"id": m["id"], "name": m["name"], "status": m["status"]})
		return out
	}
	return raw
}

func (f *fakeAPI) record(w http.ResponseWriter, r *http.Request) {
	f.recordCalls.Add(1)
	id := r.PathValue("id")
	if f.missing[id] {
		http.NotFound(w, r)
		return
	}
	if body, ok := f.corrupt[id]; ok {
		w.Write([]byte(body))
		return
	}
	raw, ok := f.byID[id]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(raw)
}

// fixtureRecords reads a fixture's service records.
func fixtureRecords(t *testing.T, path string) []json.RawMessage {
	t.Helper()
	var doc struct {
		Services []json.RawMessage `json:"services"`
		Contents []json.RawMessage `json:"contents"`
	}
	if err := json.Unmarshal(mustReadFile(t, path), &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if doc.Services != nil {
		return doc.Services
	}
	return doc.Contents
}

// serve starts the fake API for the test.
func serve(t *testing.T, f *fakeAPI) string {
	t.Helper()
	srv := httptest.NewServer(f.handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

func testClient() *http.Client { return &http.Client{Timeout: 2 * time.Second} }

func TestFetchFeedFixtures(t *testing.T) {
	classicRecs := fixtureRecords(t, classicFixture)
	v3Recs := fixtureRecords(t, oruk3Fixture)
	partial := map[string]bool{}
	for i, raw := range v3Recs {
		if i%3 == 0 {
			partial[peekID(raw)] = true
		}
	}
	tests := []struct {
		label       string
		api         *fakeAPI
		fixture     string
		version     string
		wantVersion string
		wantPages   int64
		wantRecords int64
	}{
		{"classic API, 4 pages, every record fetched", &fakeAPI{records: classicRecs, classic: true, pageSize: 40},
			classicFixture, "", VersionORUK1, 4, 130},
		{"3.0 API, 3 pages of full records", &fakeAPI{records: v3Recs, pageSize: 50},
			oruk3Fixture, "", VersionORUK3, 3, 0},
		{"3.0 API, 6 pages, partial records fetched", &fakeAPI{records: v3Recs, pageSize: 25, partial: partial},
			oruk3Fixture, "", VersionORUK3, 6, int64(len(partial))},
		{"3.0 API with version forced", &fakeAPI{records: v3Recs, pageSize: 100},
			oruk3Fixture, VersionORUK3, VersionORUK3, 2, 0},
		{"classic API with per_page honoured", &fakeAPI{records: classicRecs, classic: true, pageSize: 1000},
			classicFixture, "", VersionORUK1, 2, 130},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			base := serve(t, tc.api)
			o, rep, err := FetchFeed(context.Background(), testClient(), base+"/", tc.version)
			if err != nil {
				t.Fatalf("FetchFeed: %v", err)
			}
			if rep.Version != tc.wantVersion || rep.Read != 130 || rep.Imported != 130 || rep.SkippedTotal() != 0 {
				t.Errorf("report: %s", rep.Summary())
			}
			if o.Name != base+"/" || rep.Source != base+"/" {
				t.Errorf("offer name %q source %q", o.Name, rep.Source)
			}
			if got := tc.api.listCalls.Load(); got != tc.wantPages {
				t.Errorf("%d list pages fetched, want %d", got, tc.wantPages)
			}
			if got := tc.api.recordCalls.Load(); got != tc.wantRecords {
				t.Errorf("%d records fetched, want %d", got, tc.wantRecords)
			}
			file, _ := mustImport(t, tc.fixture, "")
			if !reflect.DeepEqual(o.Services, file.Services) {
				t.Error("API import differs from the file import of the same fixture")
			}
		})
	}
}

func TestFetchFeedFailsPartWay(t *testing.T) {
	v3Recs := fixtureRecords(t, oruk3Fixture)
	classicRecs := fixtureRecords(t, classicFixture)
	secondID := peekID(classicRecs[57])
	tests := []struct {
		label  string
		api    *fakeAPI
		client *http.Client
		want   string // the error names this
	}{
		{"3.0 page 2 answers 500", &fakeAPI{records: v3Recs, pageSize: 40, failPage: 2}, testClient(), "page 2"},
		{"classic page 3 answers 500", &fakeAPI{records: classicRecs, classic: true, pageSize: 40, failPage: 3}, testClient(), "page 3"},
		{"3.0 page 3 hangs past the client timeout", &fakeAPI{records: v3Recs, pageSize: 40, hangPage: 3},
			&http.Client{Timeout: 300 * time.Millisecond}, "page 3"},
		{"3.0 page 2 is an HTML error page", &fakeAPI{records: v3Recs, pageSize: 40, badPage: 2}, testClient(), "page 2"},
		{"classic record 404s", &fakeAPI{records: classicRecs, classic: true, pageSize: 40, missing: map[string]bool{secondID: true}},
			testClient(), fmt.Sprintf("record %q", secondID)},
		{"classic record is not JSON", &fakeAPI{records: classicRecs, classic: true, pageSize: 40, corrupt: map[string]string{secondID: `{"id":`}},
			testClient(), fmt.Sprintf("record %q", secondID)},
		{"classic record answers for another id", &fakeAPI{records: classicRecs, classic: true, pageSize: 40, corrupt: map[string]string{secondID: `{"id":"someone-else","name":"X"}`}},
			testClient(), fmt.Sprintf("record %q", secondID)},
		{"3.0 partial record 404s", &fakeAPI{records: v3Recs, pageSize: 40, partial: map[string]bool{"nb-baby-bank": true}, missing: map[string]bool{"nb-baby-bank": true}},
			testClient(), `record "nb-baby-bank"`},
		{"feed claims more pages than the cap", &fakeAPI{records: v3Recs, pageSize: 40, totalPages: 5000}, testClient(), "page 1"},
		{"endless pages stop at the cap", &fakeAPI{pageSize: 2, endless: true}, testClient(), fmt.Sprintf("page %d", apiMaxPages+1)},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			base := serve(t, tc.api)
			start := time.Now()
			o, _, err := FetchFeed(context.Background(), tc.client, base, "")
			if !errors.Is(err, ErrFeedFailed) {
				t.Fatalf("err %v, want ErrFeedFailed", err)
			}
			if o != nil {
				t.Errorf("offer %v, want nil", o)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %s", err, tc.want)
			}
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	t.Run("caller cancels", func(t *testing.T) {
		base := serve(t, &fakeAPI{records: v3Recs, pageSize: 40, hangPage: 2})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		o, _, err := FetchFeed(ctx, &http.Client{}, base, "")
		if !errors.Is(err, ErrFeedFailed) || !errors.Is(err, context.DeadlineExceeded) || o != nil {
			t.Errorf("offer %v err %v", o, err)
		}
	})
	t.Run("unknown version", func(t *testing.T) {
		o, _, err := FetchFeed(context.Background(), testClient(), "http://127.0.0.1:1", "v9")
		if err == nil || errors.Is(err, ErrFeedFailed) || o != nil {
			t.Errorf("offer %v err %v", o, err)
		}
	})
}

func TestFetchFeedDuplicatesAcrossPages(t *testing.T) {
	tests := []struct {
		label   string
		fixture string
		classic bool
	}{
		{"3.0", oruk3Fixture, false},
		{"classic", classicFixture, true},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			recs := fixtureRecords(t, tc.fixture)[:50]
			// Page size 20: records 3 and 7 come back on page 3, record 45
			// is repeated on the same page.
			recs = append(recs[:45:45], append([]json.RawMessage{recs[3], recs[7]}, recs[45:]...)...)
			recs = append(recs, recs[45])
			api := &fakeAPI{records: recs, classic: tc.classic, pageSize: 20}
			base := serve(t, api)
			o, rep, err := FetchFeed(context.Background(), testClient(), base, "")
			if err != nil {
				t.Fatal(err)
			}
			if rep.Read != 53 || rep.Imported != 50 || rep.Skipped[SkipDuplicateID] != 3 {
				t.Errorf("report: %s", rep.Summary())
			}
			for _, i := range []int{3, 7} {
				if !hasWarning(rep, SkipDuplicateID, peekID(recs[i])) {
					t.Errorf("no duplicate warning for %s", peekID(recs[i]))
				}
			}
			if len(o.Services) != 50 {
				t.Errorf("%d services", len(o.Services))
			}
			if tc.classic && api.recordCalls.Load() != 50 {
				t.Errorf("%d records fetched, want each id once (50)", api.recordCalls.Load())
			}
		})
	}
}

func TestFetchFeedLyingPageCount(t *testing.T) {
	// total_pages says 50 but the data ends on page 3: the empty page 4 ends it.
	api := &fakeAPI{records: fixtureRecords(t, oruk3Fixture), pageSize: 50, totalPages: 50}
	base := serve(t, api)
	o, rep, err := FetchFeed(context.Background(), testClient(), base, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 130 || len(o.Services) != 130 || api.listCalls.Load() != 4 {
		t.Errorf("imported %d, pages fetched %d; want 130 over 4", rep.Imported, api.listCalls.Load())
	}
}
