package triage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// NeedExample is one labelled message of the family-needs corpus
// (testdata/corpus): written for hubbot, never taken from an evaluation
// set. Terms are the need's taxonomy terms, strongest first; NoFit marks
// a need the hub does not serve.
type NeedExample struct {
	Text      string   `json:"text"`
	Terms     []string `json:"terms"`
	Age       *int     `json:"age"`
	AgeMonths *int     `json:"age_months"`
	Pregnant  bool     `json:"pregnant"`
	Area      *string  `json:"area"`
	NoFit     bool     `json:"no_fit"`
	Speaker   string   `json:"speaker"`
	Register  string   `json:"register"`
	Lang      string   `json:"lang"`
}

// ReadNeedCorpus reads a JSON Lines file of need examples.
func ReadNeedCorpus(path string) ([]NeedExample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("triage: corpus: %w", err)
	}
	defer f.Close()
	var out []NeedExample
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var e NeedExample
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
