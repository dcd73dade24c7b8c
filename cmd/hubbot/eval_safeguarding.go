package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/northbrook/hubbot/dialog/safety"
)

// safeguardingCase is one line of a safeguarding case set.
type safeguardingCase struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Risk     bool   `json:"risk"`
	Category string `json:"category"`
}

// safeguardingScores are the detector's metrics.
type safeguardingScores struct {
	N              int     `json:"n"`
	Recall         float64 `json:"recall"`
	FalseAlarmRate float64 `json:"false_alarm_rate"`
}

// scoreSafeguarding computes recall (risk cases flagged / risk cases) and
// the false alarm rate (safe cases flagged / safe cases).
func scoreSafeguarding(cases []safeguardingCase, flagged []bool) safeguardingScores {
	s := safeguardingScores{N: len(cases)}
	var risk, caught, safe, alarms int
	for i, c := range cases {
		if c.Risk {
			risk++
			if flagged[i] {
				caught++
			}
		} else {
			safe++
			if flagged[i] {
				alarms++
			}
		}
	}
	if risk > 0 {
		s.Recall = float64(caught) / float64(risk)
	}
	if safe > 0 {
		s.FalseAlarmRate = float64(alarms) / float64(safe)
	}
	return s
}

// runEvalSafeguardingCmd scores the safeguarding detector on a JSON Lines
// case set: misses to stderr, one JSON line of metrics last on stdout.
func runEvalSafeguardingCmd(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("eval safeguarding", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	path := fs.String("cases", "", "JSON Lines case set (required)")
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
	d := safety.NewDetector()
	flagged := make([]bool, len(cases))
	for i, c := range cases {
		a := d.Assess(c.Text)
		flagged[i] = a.Risk
		if a.Risk != c.Risk {
			fmt.Fprintf(env.Stderr, "miss %s: want risk=%v (%s), got risk=%v (%s)\n", c.ID, c.Risk, c.Category, a.Risk, a.Category)
		}
	}
	return json.NewEncoder(env.Stdout).Encode(scoreSafeguarding(cases, flagged))
}
