package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/northbrook/hubbot/dialog/safety"
	"github.com/northbrook/hubbot/dialog/textclass"
	"github.com/northbrook/hubbot/dialog/triage"
)

// runTrainSafety trains the safeguarding models from the corpus's train
// split and writes them where the safety package embeds them. With -check
// it writes nothing and fails unless training gives the committed bytes.
func runTrainSafety(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("train safety", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	corpus := fs.String("corpus", filepath.Join("dialog", "safety", "testdata", "corpus", "train.jsonl"), "the train split")
	extra := fs.String("extra", filepath.Join("dialog", "safety", "testdata", "corpus", "extra"), "directory of further training messages (*.jsonl), never tested on")
	needs := fs.String("needs", filepath.Join("dialog", "triage", "testdata", "corpus", "train.jsonl"), "the family-needs corpus's train split: ordinary needs, read as safe (\"\" for none)")
	out := fs.String("out", filepath.Join("dialog", "safety", "model"), "directory the models are written to")
	check := fs.Bool("check", false, "retrain and compare with the models in -out instead of writing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	train, err := safety.ReadCorpusFile(*corpus)
	if err != nil {
		return err
	}
	extras, _ := filepath.Glob(filepath.Join(*extra, "*.jsonl"))
	for _, f := range extras {
		ex, err := safety.ReadCorpusFile(f)
		if err != nil {
			return err
		}
		train = append(train, ex...)
	}
	if *needs != "" {
		ex, err := needsAsSafe(*needs)
		if err != nil {
			return err
		}
		train = append(train, ex...)
	}
	// Nothing tested on is trained on: a message also in the frozen test
	// split (a short "hi" may be written twice) is dropped.
	test, err := safety.ReadCorpusFile(filepath.Join(filepath.Dir(*corpus), "test.jsonl"))
	if err != nil {
		return err
	}
	inTest := map[string]bool{}
	for _, e := range test {
		inTest[textclass.Normalise(e.Text)] = true
	}
	train = slices.DeleteFunc(train, func(e safety.Example) bool { return inTest[textclass.Normalise(e.Text)] })
	start := time.Now()
	tr, err := safety.Train(train, safety.DefaultTrainOptions())
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	for name, m := range map[string]interface{ MarshalBinary() ([]byte, error) }{"outcome.bin": tr.Outcome, "category.bin": tr.Category} {
		b, err := m.MarshalBinary()
		if err != nil {
			return err
		}
		files[name] = b
	}
	for _, name := range []string{"outcome.bin", "category.bin"} {
		if err := writeOrCheck("train safety", filepath.Join(*out, name), files[name], *check); err != nil {
			return err
		}
	}
	return json.NewEncoder(env.Stdout).Encode(map[string]any{
		"examples": len(train), "thresholds": tr.Outcome.Thresholds,
		"cv_recall": tr.CVRecall, "cv_false_alarms": tr.CVFalseAlarms, "cv_curve": tr.Curve,
		"outcome_bytes": len(files["outcome.bin"]), "category_bytes": len(files["category.bin"]),
		"checked": *check, "seconds": time.Since(start).Round(time.Millisecond).Seconds(),
	})
}

// needsAsSafe reads the family-needs corpus as safe messages: what a hub
// mostly hears. Needs that are themselves about harm (domestic abuse,
// exploitation) are left out, as their wording may disclose it.
func needsAsSafe(path string) ([]safety.Example, error) {
	needs, err := triage.ReadNeedCorpus(path)
	if err != nil {
		return nil, fmt.Errorf("train safety: %w", err)
	}
	var out []safety.Example
	for _, n := range needs {
		if slices.Contains(n.Terms, "domestic-abuse") || slices.Contains(n.Terms, "exploitation") {
			continue
		}
		out = append(out, safety.Example{Text: n.Text, Label: safety.LabelNone, Category: "ordinary-need",
			Speaker: n.Speaker, Register: n.Register, Lang: n.Lang})
	}
	return out, nil
}

// writeOrCheck writes a trained model to path or, with check, fails unless
// path already holds exactly those bytes (what CI asks of a retraining).
func writeOrCheck(cmd, path string, b []byte, check bool) error {
	if !check {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return fmt.Errorf("%s: %w", cmd, err)
		}
		return nil
	}
	old, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", cmd, err)
	}
	if !bytes.Equal(old, b) {
		return fmt.Errorf("%s: retraining does not reproduce %s: run hubbot %s and commit", cmd, path, cmd)
	}
	return nil
}
