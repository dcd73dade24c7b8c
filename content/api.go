package content

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// Bounds on an API import.
const (
	apiPerPage  = 100      // services asked for per list page
	apiMaxPages = 1000     // hard cap, so a lying total_pages cannot loop forever
	apiMaxBody  = 64 << 20 // bytes read from one response at most
	apiWorkers  = 4        // full records fetched at once
)

// FetchFeed imports an Open Referral UK API feed at baseURL (the API root,
// e.g. "https://council.example.org/api/v1"). It pages through
// GET {base}/services?page=N&per_page=100, accepting the 3.0 envelope
// (total_pages, last_page, contents) and the classic one (totalPages, last,
// content), following the page count up to a hard cap of 1000 pages and
// stopping early at the last or an empty page. It then fetches
// GET {base}/services/{id} for each service: every one for a classic feed
// (its list gives summaries), and for 3.0 those the list gives partially
// (no description or no attributes). version forces VersionORUK1 or
// VersionORUK3; "" detects it from the data.
//
// client's Timeout bounds each request (nil means http.DefaultClient, which
// has none); ctx bounds the whole import. Any page or record that fails
// (transport error, timeout, non-2xx status, not JSON) ends the import with
// an error wrapping ErrFeedFailed that names the page or id, and a nil
// Offer, so the offer loaded before stands. Bad records themselves are
// skipped and counted as in ReadFeed, including duplicate ids across pages.
func FetchFeed(ctx context.Context, client *http.Client, baseURL string, version string) (*Offer, Report, error) {
	rep := Report{Source: baseURL}
	base := strings.TrimRight(baseURL, "/")
	fail := func(what string, err error) (*Offer, Report, error) {
		return nil, rep, fmt.Errorf("content: fetch %s: %w: %s: %w", baseURL, ErrFeedFailed, what, err)
	}
	if err := checkVersion(version); err != nil {
		return nil, rep, fmt.Errorf("content: fetch %s: %w", baseURL, err)
	}
	if client == nil {
		client = http.DefaultClient
	}

	items, hint, err := fetchList(ctx, client, base)
	if err != nil {
		return fail(err.what, err.err)
	}
	v := version
	if v == "" {
		if v = detectFields(items); v == "" {
			v = hint
		}
	}
	records, ferr := fetchRecords(ctx, client, base, items, v)
	if ferr != nil {
		return fail(ferr.what, ferr.err)
	}
	if v == "" {
		v = detect("", records)
	}
	offer, rep := importRecords(records, baseURL, v)
	return offer, rep, nil
}

// fetchError says which page or record failed, and why.
type fetchError struct {
	what string
	err  error
}

// fetchList reads every list page and returns the items in order and what
// the first page's envelope says about the version.
func fetchList(ctx context.Context, client *http.Client, base string) ([]json.RawMessage, string, *fetchError) {
	var items []json.RawMessage
	hint := ""
	for p := 1; ; p++ {
		what := fmt.Sprintf("page %d", p)
		if p > apiMaxPages {
			return nil, "", &fetchError{what, fmt.Errorf("more than %d pages", apiMaxPages)}
		}
		body, err := get(ctx, client, fmt.Sprintf("%s/services?page=%d&per_page=%d", base, p, apiPerPage))
		if err != nil {
			return nil, "", &fetchError{what, err}
		}
		pg, err := parsePage(body)
		if err != nil {
			return nil, "", &fetchError{what, err}
		}
		if p == 1 {
			hint = pg.hint
			if pg.total > apiMaxPages {
				return nil, "", &fetchError{what, fmt.Errorf("feed claims %d pages, more than the cap of %d", pg.total, apiMaxPages)}
			}
		}
		items = append(items, pg.items...)
		if !pg.paged || pg.last || len(pg.items) == 0 || (pg.total > 0 && p >= pg.total) {
			return items, hint, nil
		}
	}
}

// apiPage is one list page.
type apiPage struct {
	items []json.RawMessage
	hint  string // version the envelope's shape suggests
	paged bool   // the answer carries paging fields at all
	total int    // pages in all, 0 when not said
	last  bool   // the envelope says this is the last page
}

// parsePage reads a list page in the 3.0 envelope, the classic envelope, a
// {"services": [...]} document or a bare array (the last two unpaged).
func parsePage(body []byte) (apiPage, error) {
	items, hint, err := splitFeed(body)
	if err != nil {
		return apiPage{}, err
	}
	pg := apiPage{items: items, hint: hint}
	if t := bytes.TrimSpace(body); len(t) == 0 || t[0] != '{' {
		return pg, nil
	}
	var env struct {
		TotalPages  *number         `json:"total_pages"`
		TotalPagesC *number         `json:"totalPages"`
		LastPage    json.RawMessage `json:"last_page"`
		Last        json.RawMessage `json:"last"`
		PageNumber  json.RawMessage `json:"page_number"`
		Number      json.RawMessage `json:"number"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return apiPage{}, fmt.Errorf("paging fields: %w", err)
	}
	for _, n := range []*number{env.TotalPages, env.TotalPagesC} {
		if n != nil {
			pg.paged = true
			if n.set && n.v > 0 {
				pg.total = int(min(n.v, apiMaxPages+1))
			}
		}
	}
	for _, l := range []json.RawMessage{env.LastPage, env.Last} {
		if l != nil {
			pg.paged = true
			pg.last = pg.last || bytes.Equal(bytes.TrimSpace(l), []byte("true"))
		}
	}
	if env.PageNumber != nil || env.Number != nil {
		pg.paged = true
	}
	return pg, nil
}

// fetchRecords replaces list items by full records where the version needs
// it, fetching a few at a time, in list order. Items with no usable id, and
// repeats of an id already fetched, are passed on as listed, for the import
// to skip and count.
func fetchRecords(ctx context.Context, client *http.Client, base string, items []json.RawMessage, version string) ([]json.RawMessage, *fetchError) {
	records := make([]json.RawMessage, len(items))
	copy(records, items)
	type job struct {
		idx int
		id  string
	}
	var jobs []job
	fetched := map[string]bool{}
	for i, it := range items {
		id := peekID(it)
		if id == "" || fetched[id] || !isObject(it) || !needsFull(it, version) {
			continue
		}
		fetched[id] = true
		jobs = append(jobs, job{i, id})
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu    sync.Mutex
		first *fetchError
		wg    sync.WaitGroup
	)
	sem := make(chan struct{}, apiWorkers)
	for _, j := range jobs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(j job) {
			defer wg.Done()
			defer func() { <-sem }()
			raw, err := fetchRecord(ctx, client, base, j.id)
			if err != nil {
				mu.Lock()
				if first == nil {
					first = &fetchError{fmt.Sprintf("record %q", j.id), err}
					cancel()
				}
				mu.Unlock()
				return
			}
			records[j.idx] = raw
		}(j)
	}
	wg.Wait()
	if first != nil {
		return nil, first
	}
	if err := ctx.Err(); err != nil {
		return nil, &fetchError{"records", err}
	}
	return records, nil
}

// needsFull reports whether a list item must be replaced by its full
// record: always for a classic feed, whose list gives summaries; for 3.0
// (or an undetected feed) when the item lacks description or attributes.
func needsFull(item json.RawMessage, version string) bool {
	if version == VersionORUK1 {
		return true
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(item, &fields) != nil {
		return false
	}
	if _, ok := fields["description"]; !ok {
		return true
	}
	if _, ok := fields["attributes"]; !ok && version == VersionORUK3 {
		return true
	}
	return false
}

// fetchRecord gets one full service record and checks it is the one asked for.
func fetchRecord(ctx context.Context, client *http.Client, base, id string) (json.RawMessage, error) {
	body, err := get(ctx, client, base+"/services/"+url.PathEscape(id))
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if !json.Valid(body) {
		return nil, fmt.Errorf("not JSON")
	}
	if !isObject(body) {
		return nil, fmt.Errorf("not a JSON object")
	}
	if got := peekID(body); got != "" && got != id {
		return nil, fmt.Errorf("server answered with record %q", got)
	}
	return json.RawMessage(body), nil
}

// get fetches a URL and returns its body, failing on any non-2xx status.
func get(ctx context.Context, client *http.Client, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, fmt.Errorf("GET %s: status %s", u, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, apiMaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if len(body) > apiMaxBody {
		return nil, fmt.Errorf("GET %s: answer larger than %d bytes", u, apiMaxBody)
	}
	return body, nil
}
