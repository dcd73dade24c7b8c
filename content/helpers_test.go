package content

import (
	"os"
	"strings"
	"testing"
)

// Fixture paths, relative to the package directory the tests run in.
const (
	classicFixture = "sample/offer.json"
	oruk3Fixture   = "../../shared/fixtures/offer-oruk3.json"
)

// mustReadFile reads a fixture, failing the test when it is missing (CI
// has ../shared checked out beside the project).
func mustReadFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("fixture %s: %v (is ../shared beside the project?)", path, err)
	}
	return b
}

// mustImport reads a fixture as a feed, failing on error.
func mustImport(t testing.TB, path, version string) (*Offer, Report) {
	t.Helper()
	o, rep, err := ReadFeed(strings.NewReader(string(mustReadFile(t, path))), path, version)
	if err != nil {
		t.Fatalf("ReadFeed(%s): %v", path, err)
	}
	return o, rep
}

// readString imports a hand-made feed.
func readString(t testing.TB, feed, version string) (*Offer, Report) {
	t.Helper()
	o, rep, err := ReadFeed(strings.NewReader(feed), "test", version)
	if err != nil {
		t.Fatalf("ReadFeed: %v\nfeed: %s", err, feed)
	}
	return o, rep
}

// hasWarning reports whether rep holds a warning with the reason and id.
func hasWarning(rep Report, reason, id string) bool {
	for _, w := range rep.Warnings {
		if w.Reason == reason && w.ID == id {
			return true
		}
	}
	return false
}

// equalStrings compares two string lists in order.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
