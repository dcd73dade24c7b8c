package content

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Feed versions an importer can read.
const (
	VersionORUK1 = "oruk-1" // the older Open Referral UK API shape (eligibilitys, regular_schedules, service_taxonomys)
	VersionORUK3 = "oruk-3" // Open Referral UK 3.0, the UK profile of HSDS 3.0
)

// Reasons a record is skipped on import; each is counted in a Report.
const (
	SkipNoID        = "no-id"
	SkipNoName      = "no-name"
	SkipAgesReverse = "ages-reversed"
	SkipBadUTF8     = "bad-utf8"
	SkipDuplicateID = "duplicate-id"
	SkipInactive    = "inactive"
	SkipMalformed   = "malformed-record"
)

// ErrNotAFeed is returned when the input is not an Open Referral UK feed at all
// (not JSON, or JSON of another shape). The previously loaded offer stands.
var ErrNotAFeed = errors.New("not an Open Referral UK feed")

// ErrFeedFailed is returned when an API feed fails part way (a page or a
// record could not be fetched). The previously loaded offer stands.
var ErrFeedFailed = errors.New("feed failed part way")

// Warning names one record an import skipped or repaired, and why.
type Warning struct {
	Reason string // one of the Skip* reasons, or a note such as "unknown-field"
	ID     string // the record's id, where it had one
	Detail string
}

// String is the warning as one line for people.
func (w Warning) String() string {
	if w.ID == "" {
		return fmt.Sprintf("%s: %s", w.Reason, w.Detail)
	}
	return fmt.Sprintf("%s %s: %s", w.Reason, w.ID, w.Detail)
}

// Report tells what an import found: the feed's version, how many records it
// read and imported, and each skipped or repaired record with its reason.
type Report struct {
	Source   string
	Version  string
	Read     int
	Imported int
	Skipped  map[string]int // reason -> count of records skipped
	Notes    map[string]int // reason -> count of records kept but repaired or noted (unknown-field, ...)
	Warnings []Warning
}

// Skip records a skipped record.
func (r *Report) Skip(reason, id, detail string) {
	if r.Skipped == nil {
		r.Skipped = map[string]int{}
	}
	r.Skipped[reason]++
	r.Warnings = append(r.Warnings, Warning{Reason: reason, ID: id, Detail: detail})
}

// Note records a record kept with a repair or a remark.
func (r *Report) Note(reason, id, detail string) {
	if r.Notes == nil {
		r.Notes = map[string]int{}
	}
	r.Notes[reason]++
	r.Warnings = append(r.Warnings, Warning{Reason: reason, ID: id, Detail: detail})
}

// SkippedTotal counts every skipped record.
func (r Report) SkippedTotal() int {
	n := 0
	for _, c := range r.Skipped {
		n += c
	}
	return n
}

// Summary is a one-paragraph account of the import for people.
func (r Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "source %s, version %s: read %d, imported %d, skipped %d", r.Source, r.Version, r.Read, r.Imported, r.SkippedTotal())
	for _, m := range []map[string]int{r.Skipped, r.Notes} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "\n  %-18s %d", k, m[k])
		}
	}
	return b.String()
}
