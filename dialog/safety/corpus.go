package safety

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// The outcomes of reading a family's messages, as the corpus labels them.
const (
	LabelNone    = "none"    // nothing to act on
	LabelConcern = "concern" // a gentle check and a practitioner the same day
	LabelRisk    = "risk"    // the safety reply now and an urgent handoff
)

// Labels are the outcome classes of the learned model, in its order.
var Labels = []string{LabelNone, LabelConcern, LabelRisk}

// Example is one labelled message of the safeguarding corpus
// (testdata/corpus): written for hubbot, never taken from an evaluation
// set. Category is the harm for risk and concern, or the kind of hard
// negative for none (ordinary-need, benign-topic, benign-idiom,
// past-resolved).
type Example struct {
	Text     string `json:"text"`
	Label    string `json:"label"`
	Category string `json:"category"`
	Speaker  string `json:"speaker"`
	Register string `json:"register"`
	Lang     string `json:"lang"`
}

// Flagged reports whether the example should be flagged (risk or concern).
func (e Example) Flagged() bool { return e.Label == LabelRisk || e.Label == LabelConcern }

// ReadCorpus reads JSON Lines of examples, checking each line's label.
func ReadCorpus(r io.Reader, name string) ([]Example, error) {
	var out []Example
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var e Example
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if !slices.Contains(Labels, e.Label) || strings.TrimSpace(e.Text) == "" {
			return nil, fmt.Errorf("%s:%d: label %q or empty text", name, n, e.Label)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// ReadCorpusFile reads a corpus file.
func ReadCorpusFile(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("safety: corpus: %w", err)
	}
	defer f.Close()
	return ReadCorpus(f, path)
}
