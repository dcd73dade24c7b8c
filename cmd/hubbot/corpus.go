package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// testFolds is the split: a message is in the frozen test split when its
// fold among testFolds is 0, so about a quarter are held out.
const testFolds = 4

// runCorpusSplit splits a corpus's raw files (JSON Lines, each with a
// "text") once into train.jsonl and test.jsonl by a hash of the message,
// dropping repeated messages, and writes the test split's SHA-256 to
// FROZEN. It refuses to overwrite a frozen split unless told to.
func runCorpusSplit(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("corpus split", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dir := fs.String("dir", "", "corpus directory holding raw/*.jsonl (required)")
	refreeze := fs.Bool("refreeze", false, "overwrite an existing frozen test split")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("corpus split: -dir is required")
	}
	if _, err := os.Stat(filepath.Join(*dir, "FROZEN")); err == nil && !*refreeze {
		return fmt.Errorf("corpus split: %s is frozen; add new messages to train.jsonl, or pass -refreeze", *dir)
	}
	files, err := filepath.Glob(filepath.Join(*dir, "raw", "*.jsonl"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("corpus split: no raw/*.jsonl in %s", *dir)
	}
	sort.Strings(files)
	seen := map[string]bool{}
	var train, test bytes.Buffer
	dups := 0
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("corpus split: %w", err)
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			var m struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal([]byte(line), &m); err != nil || strings.TrimSpace(m.Text) == "" {
				return fmt.Errorf("corpus split: %s:%d: not a message", path, n)
			}
			key := textclass.Normalise(m.Text)
			if seen[key] {
				dups++
				continue
			}
			seen[key] = true
			out := &train
			if textclass.Fold(key, testFolds) == 0 {
				out = &test
			}
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	for name, b := range map[string][]byte{"train.jsonl": train.Bytes(), "test.jsonl": test.Bytes()} {
		if err := os.WriteFile(filepath.Join(*dir, name), b, 0o644); err != nil {
			return fmt.Errorf("corpus split: %w", err)
		}
	}
	sum := sha256.Sum256(test.Bytes())
	frozen := hex.EncodeToString(sum[:]) + "  test.jsonl\n"
	if err := os.WriteFile(filepath.Join(*dir, "FROZEN"), []byte(frozen), 0o644); err != nil {
		return fmt.Errorf("corpus split: %w", err)
	}
	return json.NewEncoder(env.Stdout).Encode(map[string]int{
		"train": bytes.Count(train.Bytes(), []byte{'\n'}), "test": bytes.Count(test.Bytes(), []byte{'\n'}), "duplicates_dropped": dups,
	})
}
