package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/northbrook/hubbot/content"
)

// publicQueries is the public signposting set, used by bench search when it
// is there (it is, in a checkout next to ../shared).
const publicQueries = "../shared/eval/signposting.jsonl"

// builtinBenchQueries stand in for the public set when it is not on disk:
// a dozen messages written the way families write to the hub.
var builtinBenchQueries = []string{
	"my 2 yr old isnt talking yet, we live in castleton",
	"skint till payday and the leccy is on emergency credit",
	"im 16 and pregnant and dont know who to tell",
	"think my DS (4) is autistic, he lines all his cars up and wont look at me",
	"me and my partner are always rowing in front of the kids, nb5",
	"landlord has served us a section 21, we are in the vale with 3 kids",
	"cant get her to latch and my nipples are cracked and bleeding",
	"my 14yo wont go to school and is crying every morning",
	"he checks my phone and wont let me see my friends",
	"my english not good, i want classes near fernhill",
	"hes 2.5 and will only eat beige food, is there a group",
	"can i get councelling without my mum knowing, im 15",
}

// benchResult is the one JSON line bench search prints last.
type benchResult struct {
	Services       int     `json:"services"`
	OnDisk         bool    `json:"on_disk"`
	BuildMS        float64 `json:"build_ms"`
	Queries        int     `json:"queries"`
	Rounds         int     `json:"rounds"`
	Searches       int     `json:"searches"`
	P50MS          float64 `json:"p50_ms"`
	P99MS          float64 `json:"p99_ms"`
	MaxMS          float64 `json:"max_ms"`
	MeanMS         float64 `json:"mean_ms"`
	NoFit          int     `json:"no_fit"`
	HeapInuseBytes uint64  `json:"heap_inuse_bytes"`
	HeapInuseMiB   float64 `json:"heap_inuse_mib"`
}

// runBenchSearch builds the index over a synthetic offer of N services
// shaped like the Northbrook sample and times searches through the same
// Signposter the dialog, hubbot search and the evaluation use (triage
// included).
func runBenchSearch(ctx context.Context, env *Env, args []string) error {
	fset := flag.NewFlagSet("bench search", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	n := fset.Int("n", 10000, "services in the synthetic offer")
	queries := fset.String("queries", defaultBenchQueries(), "JSON Lines query set (text of each line is searched); empty uses a built-in dozen")
	rounds := fset.Int("rounds", 20, "times each query is searched")
	dir := fset.String("dir", "", "keep the index on disk under this directory (default: in memory)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *rounds < 1 {
		return fmt.Errorf("bench search: -n and -rounds must be at least 1")
	}
	texts, source, err := benchQueries(*queries)
	if err != nil {
		return err
	}
	base, _, err := content.Sample()
	if err != nil {
		return err
	}
	offer := content.Synthetic(base, *n)

	runtime.GC()
	start := time.Now()
	sp, ix, err := buildSignposter(ctx, offer, *dir)
	if err != nil {
		return fmt.Errorf("bench search: build: %w", err)
	}
	build := time.Since(start)
	defer ix.Close()

	// One untimed round warms the index's caches and the allocator.
	for _, q := range texts {
		if _, _, err := sp.Signpost(ctx, q); err != nil {
			return fmt.Errorf("bench search: %w", err)
		}
	}
	lat := make([]time.Duration, 0, len(texts)**rounds)
	noFit := 0
	for range *rounds {
		for _, q := range texts {
			if err := ctx.Err(); err != nil {
				return err
			}
			t0 := time.Now()
			_, res, err := sp.Signpost(ctx, q)
			lat = append(lat, time.Since(t0))
			if err != nil {
				return fmt.Errorf("bench search: %w", err)
			}
			if res.NoFit {
				noFit++
			}
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(ix)

	slices.Sort(lat)
	var sum time.Duration
	for _, d := range lat {
		sum += d
	}
	r := benchResult{
		Services:       *n,
		OnDisk:         *dir != "",
		BuildMS:        millis(build),
		Queries:        len(texts),
		Rounds:         *rounds,
		Searches:       len(lat),
		P50MS:          millis(percentile(lat, 0.50)),
		P99MS:          millis(percentile(lat, 0.99)),
		MaxMS:          millis(lat[len(lat)-1]),
		MeanMS:         millis(sum / time.Duration(len(lat))),
		NoFit:          noFit / *rounds,
		HeapInuseBytes: ms.HeapInuse,
		HeapInuseMiB:   math.Round(float64(ms.HeapInuse)/(1<<20)*10) / 10,
	}
	where := "in memory"
	if *dir != "" {
		where = "on disk under " + *dir
	}
	w := env.Stdout
	fmt.Fprintf(w, "bench search: %d synthetic services shaped like the %s, index %s\n", *n, content.SampleName, where)
	fmt.Fprintf(w, "build:       %s\n", build.Round(time.Millisecond))
	fmt.Fprintf(w, "queries:     %d from %s x %d rounds = %d searches (triage + search, after one warm-up round)\n", len(texts), source, *rounds, len(lat))
	fmt.Fprintf(w, "latency:     p50 %s  p99 %s  max %s  mean %s\n", fmtDur(percentile(lat, 0.50)), fmtDur(percentile(lat, 0.99)), fmtDur(lat[len(lat)-1]), fmtDur(sum/time.Duration(len(lat))))
	fmt.Fprintf(w, "no fit:      %d of %d queries\n", r.NoFit, len(texts))
	fmt.Fprintf(w, "heap in use: %.1f MiB (after GC, index loaded)\n", r.HeapInuseMiB)
	return json.NewEncoder(w).Encode(r)
}

// defaultBenchQueries is the public query set when it is on disk, else ""
// (the built-in messages).
func defaultBenchQueries() string {
	if _, err := os.Stat(publicQueries); err == nil {
		return publicQueries
	}
	return ""
}

// benchQueries reads the texts of a JSON Lines query set, or returns the
// built-in messages for an empty path.
func benchQueries(path string) ([]string, string, error) {
	if path == "" {
		return builtinBenchQueries, "the built-in messages", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("bench search: %w", err)
	}
	defer f.Close()
	cases, err := decodeJSONLines[signpostCase](f, path)
	if err != nil {
		return nil, "", err
	}
	var texts []string
	for _, c := range cases {
		if strings.TrimSpace(c.Text) != "" {
			texts = append(texts, c.Text)
		}
	}
	if len(texts) == 0 {
		return nil, "", fmt.Errorf("bench search: %s holds no query texts", path)
	}
	return texts, path, nil
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func millis(d time.Duration) float64 { return math.Round(float64(d)/1e3) / 1e3 }

func fmtDur(d time.Duration) string { return fmt.Sprintf("%.3fms", float64(d)/1e6) }
