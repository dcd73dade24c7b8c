package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusSplit splits a small corpus: every message lands in exactly
// one split, repeats are dropped, the test split is frozen, and a second
// split is refused.
func TestCorpusSplit(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "raw"), 0o755); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf(`{"text":"message number %d","label":"none"}`, i))
	}
	lines = append(lines, lines[0]) // a repeat
	if err := os.WriteFile(filepath.Join(dir, "raw", "a.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	run1 := func() error {
		return run(context.Background(), []string{"corpus", "split", "-dir", dir}, &out, &errb, func(string) string { return "" })
	}
	if err := run1(); err != nil {
		t.Fatal(err, errb.String())
	}
	train, _ := os.ReadFile(filepath.Join(dir, "train.jsonl"))
	test, _ := os.ReadFile(filepath.Join(dir, "test.jsonl"))
	nTrain, nTest := bytes.Count(train, []byte("\n")), bytes.Count(test, []byte("\n"))
	if nTrain+nTest != 40 || nTest == 0 || nTrain == 0 {
		t.Fatalf("train %d + test %d, want 40 in all, both non-empty", nTrain, nTest)
	}
	if !strings.Contains(out.String(), `"duplicates_dropped":1`) {
		t.Errorf("output %s", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "FROZEN")); err != nil {
		t.Fatal(err)
	}
	if err := run1(); err == nil || !strings.Contains(err.Error(), "frozen") {
		t.Fatalf("a second split: %v", err)
	}
}
