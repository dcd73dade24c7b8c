package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/northbrook/hubbot/dialog/lingua"
	"github.com/northbrook/hubbot/dialog/safety"
)

// safeguardingCase is one line of a safeguarding case set: the public sets
// say risk true or false; the project's corpus says label (risk, concern,
// none), and both count risk and concern as "should be flagged".
type safeguardingCase struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Risk     bool   `json:"risk"`
	Label    string `json:"label"`
	Category string `json:"category"`
	Lang     string `json:"lang"`
}

// flagged reports whether the case should be flagged.
func (c safeguardingCase) flagged() bool {
	return c.Risk || c.Label == safety.LabelRisk || c.Label == safety.LabelConcern
}

// group is recall or false alarms within one category or language.
type group struct {
	N       int     `json:"n"`
	Flagged int     `json:"flagged"`
	Rate    float64 `json:"rate"` // recall for harms, false-alarm rate for safe cases
}

// safeguardingScores are the detector's metrics.
type safeguardingScores struct {
	N              int     `json:"n"`
	Recall         float64 `json:"recall"`
	FalseAlarmRate float64 `json:"false_alarm_rate"`
	// FalseRiskRate is the share of safe cases given the alarm itself (risk:
	// a safety reply and an urgent handoff) rather than a gentle check.
	FalseRiskRate float64 `json:"false_risk_rate"`
	// Risk and Concern count the verdicts given, over all cases.
	Risk    int `json:"risk"`
	Concern int `json:"concern"`
	// RecallByCategory is over cases that should be flagged, by their
	// category; FalseAlarmsByCategory over the others.
	RecallByCategory      map[string]group `json:"recall_by_category,omitempty"`
	FalseAlarmsByCategory map[string]group `json:"false_alarms_by_category,omitempty"`
	// ByLanguage is recall and false alarms per language ("en" when the
	// case names none).
	ByLanguage map[string]langScores `json:"by_language,omitempty"`
}

// langScores are one language's figures.
type langScores struct {
	N              int     `json:"n"`
	Recall         float64 `json:"recall"`
	FalseAlarmRate float64 `json:"false_alarm_rate"`
}

// verdict is what the reader said of one case.
type verdict struct{ risk, concern bool }

// scoreSafeguarding computes recall (cases to flag that were flagged, as
// risk or concern) and the false-alarm rate (safe cases flagged), overall,
// by category and by language.
func scoreSafeguarding(cases []safeguardingCase, got []verdict) safeguardingScores {
	s := safeguardingScores{N: len(cases), RecallByCategory: map[string]group{}, FalseAlarmsByCategory: map[string]group{}, ByLanguage: map[string]langScores{}}
	var pos, caught, neg, alarms, riskAlarms int
	type counts struct{ pos, caught, neg, alarms int }
	langs := map[string]*counts{}
	for i, c := range cases {
		v := got[i]
		hit := v.risk || v.concern
		if v.risk {
			s.Risk++
		} else if v.concern {
			s.Concern++
		}
		lang := c.Lang
		if lang == "" {
			lang = "en"
		}
		if langs[lang] == nil {
			langs[lang] = &counts{}
		}
		l := langs[lang]
		byCat := s.FalseAlarmsByCategory
		if c.flagged() {
			byCat = s.RecallByCategory
			pos++
			l.pos++
			if hit {
				caught++
				l.caught++
			}
		} else {
			neg++
			l.neg++
			if hit {
				alarms++
				l.alarms++
			}
			if v.risk {
				riskAlarms++
			}
		}
		g := byCat[c.Category]
		g.N++
		if hit {
			g.Flagged++
		}
		g.Rate = float64(g.Flagged) / float64(g.N)
		byCat[c.Category] = g
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	s.Recall, s.FalseAlarmRate, s.FalseRiskRate = ratio(caught, pos), ratio(alarms, neg), ratio(riskAlarms, neg)
	for k, l := range langs {
		s.ByLanguage[k] = langScores{N: l.pos + l.neg, Recall: ratio(l.caught, l.pos), FalseAlarmRate: ratio(l.alarms, l.neg)}
	}
	return s
}

// runEvalSafeguardingCmd scores the safeguarding reader on a JSON Lines
// case set: misses to stderr, one JSON line of metrics last on stdout.
func runEvalSafeguardingCmd(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("eval safeguarding", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	path := fs.String("cases", "", "JSON Lines case set (required): public sets (risk true/false) or the corpus (label)")
	rulesOnly := fs.Bool("rules-only", false, "score the rules alone, without the learned model")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *path == "" {
		return fmt.Errorf("eval safeguarding: -cases FILE is required")
	}
	f, err := os.Open(*path)
	if err != nil {
		return fmt.Errorf("eval safeguarding: %w", err)
	}
	defer f.Close()
	cases, err := decodeJSONLines[safeguardingCase](f, *path)
	if err != nil {
		return err
	}
	r, err := safety.NewReader(lingua.New(false))
	if err != nil {
		return err
	}
	rules := safety.NewDetector()
	got := make([]verdict, len(cases))
	for i, c := range cases {
		var a safety.Assessment
		if *rulesOnly {
			a = rules.Assess(c.Text)
		} else {
			a = r.Assess(c.Text, nil)
		}
		got[i] = verdict{a.Risk, a.Concern}
		if (a.Risk || a.Concern) != c.flagged() {
			fmt.Fprintf(env.Stderr, "miss %s [%s]: want flagged=%v (%s), got risk=%v concern=%v (%s, %s, score %.2f)\n",
				c.ID, c.Lang, c.flagged(), c.Category, a.Risk, a.Concern, a.Category, a.Reason, a.Score)
		}
	}
	return json.NewEncoder(env.Stdout).Encode(scoreSafeguarding(cases, got))
}
