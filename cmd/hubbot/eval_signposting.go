package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// signpostCase is one line of a signposting query set.
type signpostCase struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Relevant []string `json:"relevant"`
	NoFit    bool     `json:"no_fit"`
	Lang     string   `json:"lang"`
}

// signpostScores are the signposting metrics.
type signpostScores struct {
	N             int     `json:"n"`
	RecallAt3     float64 `json:"recall_at_3"`
	MRR           float64 `json:"mrr"`
	NoFitAccuracy float64 `json:"no_fit_accuracy"`
	// ByLanguage are the same figures for each language's cases ("en"
	// when a case names none).
	ByLanguage map[string]signpostScores `json:"by_language,omitempty"`
}

// signpostOutcome is what the product did with one case.
type signpostOutcome struct {
	Ranked []string // result ids, best first
	NoFit  bool     // the product said "no good fit"
}

// scoreSignposting computes the metrics. recall_at_3: share of fit cases
// with a relevant id in the top 3; mrr: mean over fit cases of 1/rank of the
// first relevant id in the top 10 (0 when absent); no_fit_accuracy: share of
// no-fit cases answered "no good fit". A fit case answered "no good fit"
// counts as a miss for recall and 0 for mrr.
func scoreSignposting(cases []signpostCase, got []signpostOutcome) signpostScores {
	s := signpostScores{N: len(cases)}
	var fit, noFit, hit3, noFitRight int
	var rr float64
	for i, c := range cases {
		if c.NoFit {
			noFit++
			if got[i].NoFit {
				noFitRight++
			}
			continue
		}
		fit++
		if got[i].NoFit {
			continue
		}
		rel := map[string]bool{}
		for _, id := range c.Relevant {
			rel[id] = true
		}
		for rank, id := range got[i].Ranked {
			if rank >= 10 {
				break
			}
			if rel[id] {
				if rank < 3 {
					hit3++
				}
				rr += 1 / float64(rank+1)
				break
			}
		}
	}
	if fit > 0 {
		s.RecallAt3 = float64(hit3) / float64(fit)
		s.MRR = rr / float64(fit)
	}
	if noFit > 0 {
		s.NoFitAccuracy = float64(noFitRight) / float64(noFit)
	}
	return s
}

// scoreByLanguage adds each language's figures to s.
func scoreByLanguage(s signpostScores, cases []signpostCase, got []signpostOutcome) signpostScores {
	groups := map[string][]int{}
	for i, c := range cases {
		l := c.Lang
		if l == "" {
			l = "en"
		}
		groups[l] = append(groups[l], i)
	}
	s.ByLanguage = map[string]signpostScores{}
	for l, idx := range groups {
		var cs []signpostCase
		var gs []signpostOutcome
		for _, i := range idx {
			cs, gs = append(cs, cases[i]), append(gs, got[i])
		}
		s.ByLanguage[l] = scoreSignposting(cs, gs)
	}
	return s
}

// runEvalSignposting scores signposting on a JSON Lines query set.
func runEvalSignposting(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("eval signposting", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	queries := fs.String("queries", "", "JSON Lines query set (required)")
	offerPath := fs.String("offer", env.Config.Offer, "offer file or API URL (default: the bundled Northbrook sample)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *queries == "" {
		return fmt.Errorf("eval signposting: -queries FILE is required")
	}
	cases, err := readSignpostCases(*queries)
	if err != nil {
		return err
	}
	offer, _, err := loadOffer(ctx, *offerPath, env.Config.OfferVersion)
	if err != nil {
		return err
	}
	sp, ix, err := buildSignposter(ctx, offer, "")
	if err != nil {
		return err
	}
	defer ix.Close()
	got := make([]signpostOutcome, len(cases))
	for i, c := range cases {
		_, res, err := sp.Signpost(ctx, c.Text)
		if err != nil {
			return fmt.Errorf("eval signposting: %s: %w", c.ID, err)
		}
		got[i] = signpostOutcome{Ranked: res.IDs(), NoFit: res.NoFit}
		if miss := describeMiss(c, got[i]); miss != "" {
			fmt.Fprintln(env.Stderr, miss)
		}
	}
	return json.NewEncoder(env.Stdout).Encode(scoreByLanguage(scoreSignposting(cases, got), cases, got))
}

// describeMiss says how a case was missed, or "" when it was answered well.
func describeMiss(c signpostCase, g signpostOutcome) string {
	top := g.Ranked
	if len(top) > 3 {
		top = top[:3]
	}
	switch {
	case c.NoFit && !g.NoFit:
		return fmt.Sprintf("miss %s: want no fit, got %s", c.ID, strings.Join(top, ","))
	case c.NoFit:
		return ""
	case g.NoFit:
		return fmt.Sprintf("miss %s: said no fit, want %s (nearest %s)", c.ID, strings.Join(c.Relevant, ","), strings.Join(top, ","))
	}
	for _, id := range top {
		for _, r := range c.Relevant {
			if id == r {
				return ""
			}
		}
	}
	return fmt.Sprintf("miss %s: want %s, got %s", c.ID, strings.Join(c.Relevant, ","), strings.Join(top, ","))
}

func readSignpostCases(path string) ([]signpostCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return decodeJSONLines[signpostCase](f, path)
}

// decodeJSONLines reads one JSON value per non-blank line.
func decodeJSONLines[T any](r io.Reader, name string) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(b), &v); err != nil {
			return nil, fmt.Errorf("eval: %s line %d: %w", name, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return out, nil
}
