package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

func TestErrNotReady(t *testing.T) {
	x := New(Options{})
	if x.Ready() || x.Offer() != nil {
		t.Errorf("new index: Ready %v, Offer %v; want false, nil", x.Ready(), x.Offer())
	}
	_, err := x.Search(context.Background(), triage.Triage{Words: "speech"})
	if !errors.Is(err, ErrNotReady) {
		t.Fatalf("Search before Build: err %v, want ErrNotReady", err)
	}
	if err := x.Build(context.Background(), content.NewOffer("a", offerOf("a", 3))); err != nil {
		t.Fatal(err)
	}
	if !x.Ready() || x.Offer() == nil || x.Offer().Name != "a" {
		t.Errorf("after Build: Ready %v, Offer %v", x.Ready(), x.Offer())
	}
	if _, err := x.Search(context.Background(), triage.Triage{Words: "speech"}); err != nil {
		t.Fatalf("Search after Build: %v", err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Search(context.Background(), triage.Triage{Words: "speech"}); !errors.Is(err, ErrNotReady) {
		t.Errorf("Search after Close: err %v, want ErrNotReady", err)
	}
}

// offerOf makes n services that all answer "speech", labelled with the
// offer's tag in id and organisation.
func offerOf(tag string, n int) []content.Service {
	var out []content.Service
	for i := range n {
		s := svc(fmt.Sprintf("%s-%02d", tag, i), "Early Talk "+tag,
			"Speech and language drop-in number "+fmt.Sprint(i), 0, 5, borough, "speech-language")
		s.Organisation = "offer " + tag
		out = append(out, s)
	}
	return out
}

// sameOffer reports which offer a result came from, or an error when it
// mixes two or does not hold the whole offer.
func sameOffer(r triage.Result, n int) (string, error) {
	if len(r.Matches) != n {
		return "", fmt.Errorf("got %d matches, want %d: %v", len(r.Matches), n, r.IDs())
	}
	tag := strings.TrimPrefix(r.Matches[0].Service.Organisation, "offer ")
	for _, m := range r.Matches {
		if !strings.HasPrefix(m.Service.ID, tag+"-") || m.Service.Organisation != "offer "+tag {
			return "", fmt.Errorf("mixed result: %v (organisation %q in a result from offer %s)", r.IDs(), m.Service.Organisation, tag)
		}
	}
	return tag, nil
}

// Searches running while Build swaps offers A and B back and forth each see
// one whole offer, never a mix, never an error.
func TestRebuildAtomicUnderConcurrentSearches(t *testing.T) {
	const n = 12
	a := content.NewOffer("A", offerOf("A", n))
	b := content.NewOffer("B", offerOf("B", n))
	for _, dir := range []string{"", t.TempDir()} {
		name := "memory"
		if dir != "" {
			name = "disk"
		}
		t.Run(name, func(t *testing.T) {
			x := New(Options{Dir: dir, TopN: 20})
			defer x.Close()
			ctx := context.Background()
			if err := x.Build(ctx, a); err != nil {
				t.Fatal(err)
			}
			tr := triage.Triage{Terms: []string{"speech-language"}, Words: "speech language"}
			var (
				stop     atomic.Bool
				wg       sync.WaitGroup
				searches atomic.Int64
				seen     sync.Map
			)
			for g := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for !stop.Load() {
						r, err := x.Search(ctx, tr)
						if err != nil {
							t.Errorf("searcher %d: %v", g, err)
							return
						}
						tag, err := sameOffer(r, n)
						if err != nil {
							t.Errorf("searcher %d: %v", g, err)
							return
						}
						seen.Store(tag, true)
						searches.Add(1)
					}
				}()
			}
			const builds = 20
			for i := range builds {
				o := b
				if i%2 == 1 {
					o = a
				}
				if err := x.Build(ctx, o); err != nil {
					t.Errorf("build %d: %v", i, err)
				}
				// Let the searchers run against this offer for a moment.
				time.Sleep(time.Millisecond)
			}
			stop.Store(true)
			wg.Wait()
			_, sawA := seen.Load("A")
			_, sawB := seen.Load("B")
			t.Logf("%d searches over %d builds (saw A %v, B %v)", searches.Load(), builds, sawA, sawB)
			if searches.Load() == 0 {
				t.Error("no search ran during the rebuilds")
			}
			// The last build (i = builds-1, odd) was A.
			r, err := x.Search(ctx, tr)
			if err != nil {
				t.Fatal(err)
			}
			if tag, err := sameOffer(r, n); err != nil || tag != "A" {
				t.Errorf("after the last build: offer %q, err %v; want A", tag, err)
			}
			if x.Offer() != a {
				t.Errorf("Offer() is %v, want A", x.Offer())
			}
		})
	}
}

// A failed build leaves the index already serving untouched.
func TestFailedBuildKeepsOldIndex(t *testing.T) {
	for _, dir := range []string{"", t.TempDir()} {
		x := New(Options{Dir: dir, TopN: 20})
		a := content.NewOffer("A", offerOf("A", 5))
		if err := x.Build(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := x.Build(ctx, content.NewOffer("B", offerOf("B", 5)))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("dir %q: Build with a cancelled context: err %v, want context.Canceled", dir, err)
		}
		r, err := x.Search(context.Background(), triage.Triage{Words: "speech"})
		if err != nil {
			t.Fatalf("dir %q: search after failed build: %v", dir, err)
		}
		if tag, err := sameOffer(r, 5); err != nil || tag != "A" {
			t.Errorf("dir %q: after a failed build: offer %q, err %v; want A still", dir, tag, err)
		}
		if x.Offer() != a {
			t.Errorf("dir %q: Offer() changed by a failed build", dir)
		}
		if dir != "" {
			if got := indexDirs(t, dir); len(got) != 1 {
				t.Errorf("on disk after a failed build: %v, want only the serving index", got)
			}
		}
		x.Close()
	}
}

// With Options.Dir each build lives in its own directory, and a replaced
// build's directory is removed once no search holds it.
func TestOnDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx") // created by Build
	x := New(Options{Dir: dir})
	ctx := context.Background()
	if err := x.Build(ctx, content.NewOffer("A", offerOf("A", 4))); err != nil {
		t.Fatal(err)
	}
	first := indexDirs(t, dir)
	if len(first) != 1 {
		t.Fatalf("after one build: %v, want one index directory", first)
	}
	r := search(t, x, triage.Triage{Words: "speech"})
	if tag, err := sameOffer(r, 4); err != nil || tag != "A" {
		t.Errorf("on disk: offer %q, err %v", tag, err)
	}
	for i := range 3 {
		tag := []string{"B", "C", "D"}[i]
		if err := x.Build(ctx, content.NewOffer(tag, offerOf(tag, 4))); err != nil {
			t.Fatal(err)
		}
		r := search(t, x, triage.Triage{Words: "speech"})
		if got, err := sameOffer(r, 4); err != nil || got != tag {
			t.Errorf("on disk after build %s: offer %q, err %v", tag, got, err)
		}
	}
	now := indexDirs(t, dir)
	if len(now) != 1 || now[0] == first[0] {
		t.Errorf("after four builds: %v (first was %v), want one new index directory", now, first)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if left := indexDirs(t, dir); len(left) != 0 {
		t.Errorf("after Close: %v left on disk", left)
	}
}

func indexDirs(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// An offer with nothing in it builds and answers "no fit".
func TestEmptyOffer(t *testing.T) {
	x := built(t, Options{})
	r := search(t, x, triage.Triage{Terms: []string{"money"}, Words: "skint"})
	if !r.NoFit || len(r.Matches) != 0 {
		t.Errorf("empty offer: got [%s], want no fit", describe(r))
	}
}

// TopN caps the results.
func TestTopN(t *testing.T) {
	x := built(t, Options{TopN: 3}, offerOf("A", 8)...)
	if r := search(t, x, triage.Triage{Words: "speech"}); len(r.Matches) != 3 {
		t.Errorf("TopN 3: got %d matches", len(r.Matches))
	}
	x = built(t, Options{}, offerOf("A", 15)...)
	if r := search(t, x, triage.Triage{Words: "speech"}); len(r.Matches) != 10 {
		t.Errorf("default TopN: got %d matches, want 10", len(r.Matches))
	}
}

// A search given a cancelled context fails rather than answering.
func TestSearchCancelled(t *testing.T) {
	x := built(t, Options{}, offerOf("A", 3)...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Search(ctx, triage.Triage{Words: "speech"}); err == nil {
		t.Error("Search with a cancelled context: no error")
	}
}
