package triage

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// The learned need model, trained by `hubbot train needs` from the train
// split of testdata/corpus and embedded in the binary.
//
//go:embed model/needs.bin
var needModel []byte

// NeedReader reads a family's need with a model learned from the corpus:
// it holds on wordings, spellings and languages the thesaurus has no
// phrase for. It is read-only and safe for concurrent use.
type NeedReader struct {
	m         *textclass.Model
	threshold float64 // a term is read at or above this
	fill      float64 // a term the thesaurus missed needs this
}

// LoadNeedReader loads the embedded need model.
func LoadNeedReader() (*NeedReader, error) {
	m, err := textclass.Load(needModel)
	if err != nil {
		return nil, fmt.Errorf("triage: need model: %w", err)
	}
	t, f := m.Thresholds["term"], m.Thresholds["fill"]
	if !m.Multi || t <= 0 || t >= 1 || f < t || f >= 1 {
		return nil, fmt.Errorf("triage: need model: not a multi-label model with term and fill thresholds")
	}
	return &NeedReader{m: m, threshold: t, fill: f}, nil
}

// TermScore is one need term and the model's probability of it.
type TermScore struct {
	Term string
	P    float64
}

// Read returns the terms the model finds in text at or above its
// threshold, most likely first.
func (r *NeedReader) Read(text string) []TermScore {
	p := r.m.Predict(text)
	var out []TermScore
	for k, x := range p {
		if x >= r.threshold {
			out = append(out, TermScore{Term: r.m.Classes[k], P: x})
		}
	}
	slices.SortStableFunc(out, func(a, b TermScore) int {
		switch {
		case a.P > b.P:
			return -1
		case a.P < b.P:
			return 1
		}
		return 0
	})
	return out
}
