package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fitCase(id string, relevant ...string) signpostCase {
	return signpostCase{ID: id, Text: "text of " + id, Relevant: relevant}
}

func noFitCase(id string) signpostCase {
	return signpostCase{ID: id, Text: "text of " + id, NoFit: true}
}

func ranked(ids ...string) signpostOutcome { return signpostOutcome{Ranked: ids} }

// filler returns n ids that are never relevant, for padding rankings.
func filler(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "other-" + string(rune('a'+i))
	}
	return out
}

func TestScoreSignposting(t *testing.T) {
	for _, c := range []struct {
		name  string
		cases []signpostCase
		got   []signpostOutcome
		want  signpostScores
	}{
		{
			name:  "perfect",
			cases: []signpostCase{fitCase("a", "x"), fitCase("b", "y", "z"), noFitCase("c")},
			got:   []signpostOutcome{ranked("x", "q"), ranked("z", "y"), {NoFit: true}},
			want:  signpostScores{N: 3, RecallAt3: 1, MRR: 1, NoFitAccuracy: 1},
		},
		{
			name:  "relevant at rank 2",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{ranked("q", "x", "r")},
			want:  signpostScores{N: 1, RecallAt3: 1, MRR: 0.5},
		},
		{
			name:  "relevant at rank 3 still counts for recall",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{ranked("q", "r", "x")},
			want:  signpostScores{N: 1, RecallAt3: 1, MRR: 1.0 / 3},
		},
		{
			name:  "relevant at rank 4: a recall miss but mrr 0.25",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{ranked("q", "r", "s", "x")},
			want:  signpostScores{N: 1, RecallAt3: 0, MRR: 0.25},
		},
		{
			name:  "relevant at rank 10 is the last that counts",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{ranked(append(filler(9), "x")...)},
			want:  signpostScores{N: 1, RecallAt3: 0, MRR: 0.1},
		},
		{
			name:  "relevant at rank 11 scores 0",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{ranked(append(filler(10), "x")...)},
			want:  signpostScores{N: 1},
		},
		{
			name:  "the first relevant id counts, not the best",
			cases: []signpostCase{fitCase("a", "x", "y")},
			got:   []signpostOutcome{ranked("q", "y", "x")},
			want:  signpostScores{N: 1, RecallAt3: 1, MRR: 0.5},
		},
		{
			name:  "fit case answered no fit is a miss even with a ranking",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{{Ranked: []string{"x"}, NoFit: true}},
			want:  signpostScores{N: 1},
		},
		{
			name:  "nothing returned",
			cases: []signpostCase{fitCase("a", "x")},
			got:   []signpostOutcome{{}},
			want:  signpostScores{N: 1},
		},
		{
			name:  "no-fit accuracy counts only no-fit cases",
			cases: []signpostCase{noFitCase("a"), noFitCase("b"), noFitCase("c"), noFitCase("d"), fitCase("e", "x")},
			got:   []signpostOutcome{{NoFit: true}, {NoFit: true}, {NoFit: true}, ranked("q"), ranked("x")},
			want:  signpostScores{N: 5, RecallAt3: 1, MRR: 1, NoFitAccuracy: 0.75},
		},
		{
			name:  "a no-fit case's ranking does not enter recall or mrr",
			cases: []signpostCase{noFitCase("a"), fitCase("b", "x"), fitCase("c", "y")},
			got:   []signpostOutcome{ranked("x"), ranked("q", "x"), ranked("y")},
			want:  signpostScores{N: 3, RecallAt3: 1, MRR: 0.75, NoFitAccuracy: 0},
		},
		{
			name: "mixed",
			cases: []signpostCase{
				fitCase("a", "x"), fitCase("b", "x"), fitCase("c", "x"), fitCase("d", "x"),
				noFitCase("e"), noFitCase("f"),
			},
			got: []signpostOutcome{
				ranked("x"),                // rank 1
				ranked("q", "x"),           // rank 2
				ranked("q", "r", "s", "x"), // rank 4
				{NoFit: true},              // miss
				{NoFit: true},              // right
				ranked("x"),                // wrong
			},
			want: signpostScores{N: 6, RecallAt3: 0.5, MRR: (1 + 0.5 + 0.25) / 4, NoFitAccuracy: 0.5},
		},
		{
			name: "empty set",
			want: signpostScores{},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := scoreSignposting(c.cases, c.got)
			if got.N != c.want.N || !near(got.RecallAt3, c.want.RecallAt3) || !near(got.MRR, c.want.MRR) || !near(got.NoFitAccuracy, c.want.NoFitAccuracy) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestDescribeMiss(t *testing.T) {
	for _, c := range []struct {
		name string
		c    signpostCase
		g    signpostOutcome
		want string // "" for no miss, else substrings, "|" separated
	}{
		{"hit at rank 1", fitCase("q1", "x"), ranked("x", "y"), ""},
		{"hit at rank 3", fitCase("q1", "x"), ranked("a", "b", "x", "d"), ""},
		{"hit at rank 4 is a miss", fitCase("q1", "x"), ranked("a", "b", "c", "x"), "miss q1|want x|got a,b,c"},
		{"nothing found", fitCase("q2", "x", "y"), ranked(), "miss q2|want x,y"},
		{"said no fit", fitCase("q3", "x"), signpostOutcome{Ranked: []string{"a", "b"}, NoFit: true}, "miss q3|said no fit|want x|nearest a,b"},
		{"no fit answered no fit", noFitCase("q4"), signpostOutcome{NoFit: true}, ""},
		{"no fit answered with services", noFitCase("q5"), ranked("a", "b", "c", "d"), "miss q5|want no fit|got a,b,c"},
	} {
		got := describeMiss(c.c, c.g)
		if c.want == "" {
			if got != "" {
				t.Errorf("%s: got %q, want no miss", c.name, got)
			}
			continue
		}
		for _, part := range strings.Split(c.want, "|") {
			if !strings.Contains(got, part) {
				t.Errorf("%s: got %q, want it to say %q", c.name, got, part)
			}
		}
		if strings.Contains(c.want, "got a,b,c") && strings.Contains(got, ",d") {
			t.Errorf("%s: got %q, want only the top 3", c.name, got)
		}
	}
}

func TestDecodeJSONLines(t *testing.T) {
	good := "{\"id\":\"a\",\"text\":\"skint\",\"relevant\":[\"x\"]}\n\n   \n{\"id\":\"b\",\"text\":\"hi\",\"no_fit\":true}\n"
	cases, err := decodeJSONLines[signpostCase](strings.NewReader(good), "good.jsonl")
	if err != nil {
		t.Fatalf("good input: %v", err)
	}
	if len(cases) != 2 || cases[0].ID != "a" || cases[0].Relevant[0] != "x" || !cases[1].NoFit {
		t.Errorf("good input: got %+v", cases)
	}
	for _, c := range []struct {
		name, in, want string
	}{
		{"not json", "{\"id\":\"a\"}\nthis is not json\n", "bad.jsonl line 2"},
		{"truncated", "{\"id\":\"a\",\"text\":\"sk", "bad.jsonl line 1"},
		{"wrong type", "\n\n{\"id\":\"a\",\"relevant\":\"x\"}\n", "bad.jsonl line 3"},
		{"array not object", "[1,2,3]\n", "bad.jsonl line 1"},
		{"line too long", "{\"id\":\"" + strings.Repeat("x", 5<<20) + "\"}\n", "bad.jsonl"},
	} {
		_, err := decodeJSONLines[signpostCase](strings.NewReader(c.in), "bad.jsonl")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want one naming %q", c.name, err, c.want)
		}
	}
	if got, err := decodeJSONLines[signpostCase](strings.NewReader(""), "empty.jsonl"); err != nil || len(got) != 0 {
		t.Errorf("empty input: got %v, %v", got, err)
	}
}

func noEnv(string) string { return "" }

// The evaluation end to end over the bundled sample: one JSON line last on
// stdout, misses on stderr.
func TestEvalSignpostingRun(t *testing.T) {
	lines := []string{
		`{"id":"t-1","text":"my 3 yr old isnt saying any words yet, we live in eastmoor","relevant":["nb-early-talk-eastmoor","nb-slt-service","nb-early-talk-castleton"]}`,
		`{"id":"t-2","text":"bailiffs at the door and the cupboards are bare","relevant":["nb-debt-advice","nb-welfare-rights","nb-advice-drop-in-fernhill","nb-local-welfare-assistance","nb-foodbank-castleton","nb-foodbank-eastmoor","nb-vale-pantry"]}`,
		`{"id":"t-3","text":"where can i get my car fixed cheap","relevant":[],"no_fit":true}`,
		`{"id":"t-4","text":"skint","relevant":["an-id-that-does-not-exist"]}`,
	}
	path := filepath.Join(t.TempDir(), "q.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"eval", "signposting", "-queries", path}, &out, &errb, noEnv); err != nil {
		t.Fatalf("eval signposting: %v\nstderr: %s", err, errb.String())
	}
	outLines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := outLines[len(outLines)-1]
	var s struct {
		N             *int     `json:"n"`
		RecallAt3     *float64 `json:"recall_at_3"`
		MRR           *float64 `json:"mrr"`
		NoFitAccuracy *float64 `json:"no_fit_accuracy"`
	}
	if err := json.Unmarshal([]byte(last), &s); err != nil {
		t.Fatalf("last stdout line %q is not JSON: %v", last, err)
	}
	if s.N == nil || s.RecallAt3 == nil || s.MRR == nil || s.NoFitAccuracy == nil {
		t.Fatalf("last line %q lacks a metric", last)
	}
	if *s.N != 4 {
		t.Errorf("n = %d, want 4", *s.N)
	}
	for name, v := range map[string]float64{"recall_at_3": *s.RecallAt3, "mrr": *s.MRR, "no_fit_accuracy": *s.NoFitAccuracy} {
		if v < 0 || v > 1 {
			t.Errorf("%s = %v, want within [0, 1]", name, v)
		}
	}
	// t-4 can never be answered: its miss goes to stderr, not stdout.
	if !strings.Contains(errb.String(), "miss t-4") {
		t.Errorf("stderr does not report the miss of t-4:\n%s", errb.String())
	}
	if strings.Contains(out.String(), "miss ") {
		t.Errorf("misses written to stdout:\n%s", out.String())
	}
	if *s.RecallAt3 > 2.0/3+1e-9 {
		t.Errorf("recall_at_3 = %v, but t-4 (one of three fit cases) cannot be found", *s.RecallAt3)
	}
}

func TestEvalSignpostingErrors(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"eval", "signposting"}, &out, &errb, noEnv); err == nil || !strings.Contains(err.Error(), "-queries") {
		t.Errorf("no -queries: err %v, want one asking for -queries", err)
	}
	if err := run(context.Background(), []string{"eval", "signposting", "-queries", filepath.Join(t.TempDir(), "missing.jsonl")}, &out, &errb, noEnv); err == nil {
		t.Error("missing query file: no error")
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"hi\"}\nnope\n"), 0o644)
	if err := run(context.Background(), []string{"eval", "signposting", "-queries", bad}, &out, &errb, noEnv); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad query file: err %v, want one naming line 2", err)
	}
}
