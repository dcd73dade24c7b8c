package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxFeedBytes bounds a feed file read into memory (a borough's offer is a
// few megabytes).
const maxFeedBytes = 256 << 20

// ReadFeed imports an Open Referral UK feed from r: a classic file shaped
// {"services": [...]}, one page of the 3.0 paged envelope ({"contents":
// [...], "total_pages": ...}), a classic API page ({"content": [...]}), or a
// bare JSON array of services. source names the feed in the Report and
// becomes the Offer's name. version is VersionORUK1 or VersionORUK3 to
// force a reading, or "" to detect it from the data (see DetectVersion).
//
// Records with no id or name, reversed ages, invalid UTF-8, a status other
// than active, a duplicate id (the first is kept) or a shape that does not
// decode are skipped, each counted in the Report under its Skip* reason.
// Input that is not JSON, or JSON of another shape, returns an error
// wrapping ErrNotAFeed and a nil Offer, so the offer loaded before stands.
func ReadFeed(r io.Reader, source string, version string) (*Offer, Report, error) {
	rep := Report{Source: source}
	if err := checkVersion(version); err != nil {
		return nil, rep, fmt.Errorf("content: read %s: %w", source, err)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxFeedBytes+1))
	if err != nil {
		return nil, rep, fmt.Errorf("content: read %s: %w", source, err)
	}
	if len(data) > maxFeedBytes {
		return nil, rep, fmt.Errorf("content: read %s: feed larger than %d bytes", source, maxFeedBytes)
	}
	records, hint, err := splitFeed(data)
	if err != nil {
		return nil, rep, fmt.Errorf("content: read %s: %w", source, err)
	}
	if version == "" {
		version = detect(hint, records)
	}
	offer, rep := importRecords(records, source, version)
	return offer, rep, nil
}

// DetectVersion says which Open Referral UK version a feed document is
// (VersionORUK1 or VersionORUK3), from its envelope and its records' fields:
// 3.0 services carry attributes, schedules and ages of their own; classic
// ones carry eligibilitys, service_taxonomys and regular_schedules. A
// document that is not a feed returns an error wrapping ErrNotAFeed.
func DetectVersion(data []byte) (string, error) {
	records, hint, err := splitFeed(data)
	if err != nil {
		return "", fmt.Errorf("content: detect version: %w", err)
	}
	return detect(hint, records), nil
}

// checkVersion accepts "", VersionORUK1 and VersionORUK3.
func checkVersion(v string) error {
	switch v {
	case "", VersionORUK1, VersionORUK3:
		return nil
	}
	return fmt.Errorf("unknown feed version %q (want %q, %q or empty to detect)", v, VersionORUK1, VersionORUK3)
}

// splitFeed finds the service records in a feed document and what its
// envelope says about the version ("" when it says nothing).
func splitFeed(data []byte) (records []json.RawMessage, hint string, err error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, "", fmt.Errorf("%w: empty input", ErrNotAFeed)
	}
	switch trimmed[0] {
	case '[':
		if err := json.Unmarshal(trimmed, &records); err != nil {
			return nil, "", fmt.Errorf("%w: not JSON: %w", ErrNotAFeed, err)
		}
	case '{':
		// One pass over the document; the list itself is decoded below.
		var env struct {
			Contents json.RawMessage `json:"contents"` // 3.0 paged envelope
			Content  json.RawMessage `json:"content"`  // classic API page
			Services json.RawMessage `json:"services"` // classic file
		}
		if err := json.Unmarshal(trimmed, &env); err != nil {
			return nil, "", fmt.Errorf("%w: not JSON: %w", ErrNotAFeed, err)
		}
		var key string
		var list json.RawMessage
		switch {
		case env.Contents != nil:
			key, list, hint = "contents", env.Contents, VersionORUK3
		case env.Content != nil:
			key, list, hint = "content", env.Content, VersionORUK1
		case env.Services != nil:
			key, list, hint = "services", env.Services, VersionORUK1
		default:
			return nil, "", fmt.Errorf("%w: a JSON object with none of services, contents or content", ErrNotAFeed)
		}
		list = bytes.TrimSpace(list)
		if !bytes.Equal(list, []byte("null")) {
			if list[0] != '[' {
				return nil, "", fmt.Errorf("%w: %q is not an array", ErrNotAFeed, key)
			}
			if err := json.Unmarshal(list, &records); err != nil {
				return nil, "", fmt.Errorf("%w: %q: %w", ErrNotAFeed, key, err)
			}
		}
	default:
		if !json.Valid(trimmed) {
			return nil, "", fmt.Errorf("%w: not JSON", ErrNotAFeed)
		}
		return nil, "", fmt.Errorf("%w: JSON %s, not an object or array", ErrNotAFeed, jsonKind(trimmed[0]))
	}
	if len(records) > 0 && !slices.ContainsFunc(records, isObject) {
		return nil, "", fmt.Errorf("%w: the list holds no JSON objects", ErrNotAFeed)
	}
	return records, hint, nil
}

// jsonKind names the JSON type a value starting with c has.
func jsonKind(c byte) string {
	switch c {
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// isObject reports whether a raw JSON value is an object.
func isObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}

// versionMarkers are top-level service fields found in one version only.
var versionMarkers = map[string]string{
	"eligibilitys":      VersionORUK1,
	"service_taxonomys": VersionORUK1,
	"regular_schedules": VersionORUK1,
	"holiday_schedules": VersionORUK1,
	"attending_access":  VersionORUK1,
	"attending_type":    VersionORUK1,
	"deliverable_type":  VersionORUK1,
	"fundings":          VersionORUK1,
	"reviews":           VersionORUK1,
	"attributes":        VersionORUK3,
	"schedules":         VersionORUK3,
	"minimum_age":       VersionORUK3,
	"maximum_age":       VersionORUK3,
	"organization_id":   VersionORUK3,
	"last_modified":     VersionORUK3,
	"funding":           VersionORUK3,
	"assurer_email":     VersionORUK3,
	"alert":             VersionORUK3,
}

// detectSample is how many records detection looks at.
const detectSample = 200

// detect decides a feed's version from its records' fields, falling back on
// the envelope's hint and, for a bare array that says nothing either way, on
// 3.0, the current standard (both read id, name and description alike).
func detect(hint string, records []json.RawMessage) string {
	if v := detectFields(records); v != "" {
		return v
	}
	if hint != "" {
		return hint
	}
	return VersionORUK3
}

// detectFields counts version-only fields over the first records and
// returns the version with more, or "" on a tie.
func detectFields(records []json.RawMessage) string {
	score := map[string]int{}
	for i, raw := range records {
		if i == detectSample {
			break
		}
		var fields map[string]json.RawMessage
		if json.Unmarshal(raw, &fields) != nil {
			continue
		}
		for k := range fields {
			if v, ok := versionMarkers[k]; ok {
				score[v]++
			}
		}
	}
	switch {
	case score[VersionORUK1] > score[VersionORUK3]:
		return VersionORUK1
	case score[VersionORUK3] > score[VersionORUK1]:
		return VersionORUK3
	}
	return ""
}

// importRecords maps, checks and collects the records of one feed.
func importRecords(records []json.RawMessage, source, version string) (*Offer, Report) {
	rep := Report{Source: source, Version: version}
	read, known := readORUK3, oruk3Fields
	if version == VersionORUK1 {
		read, known = readORUK1, oruk1Fields
	}
	seen := map[string]int{} // id -> record number of the kept one
	var services []Service
	for i, raw := range records {
		rep.Read++
		n := i + 1
		if !utf8.Valid(raw) {
			rep.Skip(SkipBadUTF8, peekID(raw), fmt.Sprintf("record %d: invalid UTF-8 at byte %d", n, badUTF8At(raw)))
			continue
		}
		if !isObject(raw) {
			rep.Skip(SkipMalformed, "", fmt.Sprintf("record %d: not a JSON object", n))
			continue
		}
		d, err := read(raw)
		if err != nil {
			rep.Skip(SkipMalformed, peekID(raw), fmt.Sprintf("record %d: %v", n, err))
			continue
		}
		s := d.svc
		switch {
		case s.ID == "":
			rep.Skip(SkipNoID, "", fmt.Sprintf("record %d (%s)", n, truncate(s.Name, 60)))
			continue
		case s.Name == "":
			rep.Skip(SkipNoName, s.ID, fmt.Sprintf("record %d", n))
			continue
		case d.hasStatus && !strings.EqualFold(strings.TrimSpace(d.status), "active"):
			rep.Skip(SkipInactive, s.ID, fmt.Sprintf("status %q", d.status))
			continue
		case d.reversed != "":
			rep.Skip(SkipAgesReverse, s.ID, d.reversed)
			continue
		}
		if first, dup := seen[s.ID]; dup {
			rep.Skip(SkipDuplicateID, s.ID, fmt.Sprintf("record %d repeats record %d, which is kept", n, first))
			continue
		}
		seen[s.ID] = n
		if !d.hasStatus {
			d.note(NoteNoStatus, "kept as active")
		}
		for _, f := range unknownFields(raw, known) {
			rep.Note(NoteUnknownField, s.ID, f)
		}
		for _, w := range d.notes {
			rep.Note(w.Reason, w.ID, w.Detail)
		}
		services = append(services, s)
	}
	rep.Imported = len(services)
	return NewOffer(source, services), rep
}

// peekID reads a record's id for a report line, whatever else is wrong
// with the record; "" when it has none that reads as text.
func peekID(raw json.RawMessage) string {
	var r struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(raw, &r) != nil || len(r.ID) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(r.ID, &s) != nil {
		return truncate(string(r.ID), 40) // a number or other non-string id
	}
	return strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD")
}

// badUTF8At is the offset of the first invalid UTF-8 byte in b.
func badUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// unknownFields lists, sorted, a record's top-level fields that are not in
// known.
func unknownFields(raw json.RawMessage, known []string) []string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return nil
	}
	var out []string
	for k := range fields {
		if !slices.Contains(known, k) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
