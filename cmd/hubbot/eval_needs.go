package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"

	"github.com/northbrook/hubbot/dialog/triage"
)

// needScores are how well the parser reads needs from a labelled corpus.
type needScores struct {
	N int `json:"n"`
	// Top1 is the share of messages with a need whose strongest parsed
	// term is one of theirs; RecallAt3 the share with one of theirs among
	// the first three parsed terms.
	Top1      float64 `json:"top1"`
	RecallAt3 float64 `json:"recall_at_3"`
	// NoNeedAccuracy is the share of messages the hub does not serve
	// (no_fit) given no need.
	NoNeedAccuracy float64               `json:"no_need_accuracy"`
	ByLanguage     map[string]needScores `json:"by_language,omitempty"`
}

// scoreNeeds scores parsed terms against the corpus's.
func scoreNeeds(cases []triage.NeedExample, got [][]string) needScores {
	var s needScores
	var withNeed, top1, at3, noFit, noFitRight int
	for i, c := range cases {
		s.N++
		g := got[i]
		if c.NoFit {
			noFit++
			if len(g) == 0 {
				noFitRight++
			}
			continue
		}
		if len(c.Terms) == 0 {
			continue
		}
		withNeed++
		if len(g) > 0 && slices.Contains(c.Terms, g[0]) {
			top1++
		}
		for _, t := range g[:min(3, len(g))] {
			if slices.Contains(c.Terms, t) {
				at3++
				break
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	s.Top1, s.RecallAt3, s.NoNeedAccuracy = ratio(top1, withNeed), ratio(at3, withNeed), ratio(noFitRight, noFit)
	return s
}

// runEvalNeeds scores need reading on the family-needs corpus (the frozen
// test split by default), overall and by language.
func runEvalNeeds(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("eval needs", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	path := fs.String("cases", "dialog/triage/testdata/corpus/test.jsonl", "need corpus (JSON Lines)")
	offerPath := fs.String("offer", env.Config.Offer, "offer file or API URL (default: the bundled Northbrook sample)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cases, err := triage.ReadNeedCorpus(*path)
	if err != nil {
		return err
	}
	offer, _, err := loadOffer(ctx, *offerPath, env.Config.OfferVersion)
	if err != nil {
		return err
	}
	p, err := newParser(offer)
	if err != nil {
		return err
	}
	got := make([][]string, len(cases))
	byLang := map[string][]int{}
	for i, c := range cases {
		got[i] = p.Parse(c.Text).Terms
		lang := c.Lang
		if lang == "" {
			lang = "en"
		}
		byLang[lang] = append(byLang[lang], i)
	}
	s := scoreNeeds(cases, got)
	s.ByLanguage = map[string]needScores{}
	for l, idx := range byLang {
		var cs []triage.NeedExample
		var gs [][]string
		for _, i := range idx {
			cs, gs = append(cs, cases[i]), append(gs, got[i])
		}
		s.ByLanguage[l] = scoreNeeds(cs, gs)
	}
	if err := json.NewEncoder(env.Stdout).Encode(s); err != nil {
		return fmt.Errorf("eval needs: %w", err)
	}
	return nil
}
