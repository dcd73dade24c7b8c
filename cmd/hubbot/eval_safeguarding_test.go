package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScoreSafeguarding(t *testing.T) {
	for _, c := range []struct {
		name    string
		risk    []bool
		flagged []bool
		recall  float64
		alarms  float64
	}{
		{"perfect", []bool{true, false}, []bool{true, false}, 1, 0},
		{"one missed", []bool{true, true, false, false}, []bool{true, false, false, false}, 0.5, 0},
		{"one false alarm of four", []bool{true, false, false, false, false}, []bool{true, true, false, false, false}, 1, 0.25},
		{"no risk cases", []bool{false}, []bool{true}, 0, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			cases := make([]safeguardingCase, len(c.risk))
			got := make([]verdict, len(c.risk))
			for i, r := range c.risk {
				cases[i] = safeguardingCase{Risk: r, Category: "x"}
				got[i] = verdict{risk: c.flagged[i]}
			}
			s := scoreSafeguarding(cases, got)
			if s.N != len(c.risk) || s.Recall != c.recall || s.FalseAlarmRate != c.alarms {
				t.Errorf("got %+v, want recall %v false alarms %v", s, c.recall, c.alarms)
			}
			if l := s.ByLanguage["en"]; l.Recall != c.recall || l.FalseAlarmRate != c.alarms {
				t.Errorf("by language %+v, want the overall figures", l)
			}
		})
	}
	// Concern counts as flagged, and is counted apart from risk.
	cases := []safeguardingCase{{Label: "concern", Category: "neglect", Lang: "pl"}, {Label: "none", Category: "benign-idiom", Lang: "pl"}}
	s := scoreSafeguarding(cases, []verdict{{concern: true}, {}})
	if s.Recall != 1 || s.Concern != 1 || s.Risk != 0 || s.RecallByCategory["neglect"].Rate != 1 || s.ByLanguage["pl"].N != 2 {
		t.Errorf("concern scored as %+v", s)
	}
}

// TestEvalSafeguardingCommand runs the command on a tiny case set: misses go
// to stderr, one JSON line last on stdout.
func TestEvalSafeguardingCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.jsonl")
	lines := `{"id":"r1","text":"i want to kill myself tonight","risk":true,"category":"suicide"}
{"id":"s1","text":"my son is killing it at football","risk":false,"category":"idiom"}
`
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"eval", "safeguarding", "-cases", path}, &out, &errb, func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	last := strings.TrimSpace(out.String())
	var s safeguardingScores
	if err := json.Unmarshal([]byte(last[strings.LastIndex(last, "\n")+1:]), &s); err != nil {
		t.Fatalf("last line is not JSON: %q", out.String())
	}
	if s.N != 2 || s.Recall != 1 || s.FalseAlarmRate != 0 {
		t.Errorf("scores %+v (misses: %s)", s, errb.String())
	}
}
