package main

import (
	"context"
	"encoding/json"
	"flag"
	"path/filepath"
	"time"

	"github.com/northbrook/hubbot/dialog/triage"
)

// runTrainNeeds trains the need model from the family-needs corpus's train
// split and writes it where the triage package embeds it. With -check it
// writes nothing and fails unless training gives the committed bytes.
func runTrainNeeds(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("train needs", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	corpus := fs.String("corpus", filepath.Join("dialog", "triage", "testdata", "corpus", "train.jsonl"), "the train split")
	out := fs.String("out", filepath.Join("dialog", "triage", "model", "needs.bin"), "where the model is written")
	check := fs.Bool("check", false, "retrain and compare with -out instead of writing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	train, err := triage.ReadNeedCorpus(*corpus)
	if err != nil {
		return err
	}
	start := time.Now()
	m, fig, err := triage.TrainNeeds(train, triage.DefaultNeedTrainOptions())
	if err != nil {
		return err
	}
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := writeOrCheck("train needs", *out, b, *check); err != nil {
		return err
	}
	return json.NewEncoder(env.Stdout).Encode(map[string]any{
		"examples": len(train), "cv": fig, "bytes": len(b), "checked": *check,
		"seconds": time.Since(start).Round(time.Millisecond).Seconds(),
	})
}
