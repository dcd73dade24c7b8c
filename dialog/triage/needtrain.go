package triage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// NeedTrainOptions are the settings `hubbot train needs` uses.
type NeedTrainOptions struct {
	Model textclass.Options
	Folds int
	// NoFitFilled is the share of held-out no-fit messages the model may
	// give a need the thesaurus did not find.
	NoFitFilled float64
}

// DefaultNeedTrainOptions are the options the embedded need model was
// trained with.
func DefaultNeedTrainOptions() NeedTrainOptions {
	o := textclass.DefaultOptions()
	o.Bits, o.Multi, o.L2 = 16, true, 1e-5
	return NeedTrainOptions{Model: o, Folds: 5, NoFitFilled: 0.1}
}

// NeedFigures are the held-out figures of a need model on the train split.
type NeedFigures struct {
	Threshold float64 `json:"threshold"`
	// Top1 is the share of messages with a need whose strongest predicted
	// term is one of theirs; Recall the share of their terms predicted;
	// Precision the share of predicted terms that are theirs.
	Top1      float64 `json:"top1"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	// Fill is the threshold for naming a need the thesaurus missed.
	Fill float64 `json:"fill"`
}

// TrainNeeds fits the multi-label need model to the train split of the
// corpus, over the thesaurus's taxonomy, and chooses its threshold by
// cross-validation on that split (the best balance of recall and
// precision of terms).
func TrainNeeds(train []NeedExample, o NeedTrainOptions) (*textclass.Model, NeedFigures, error) {
	th, err := loadedThesaurus()
	if err != nil {
		return nil, NeedFigures{}, err
	}
	terms := th.termIDs()
	h := sha256.New()
	ex := make([]textclass.Example, 0, len(train))
	for i, e := range train {
		fmt.Fprintf(h, "%v\x00%s\n", e.Terms, e.Text)
		x := textclass.Example{Text: e.Text}
		for _, t := range e.Terms {
			k := slices.Index(terms, t)
			if k < 0 {
				return nil, NeedFigures{}, fmt.Errorf("triage: train: example %d: unknown term %q", i+1, t)
			}
			x.Classes = append(x.Classes, k)
		}
		ex = append(ex, x)
	}
	oof, err := textclass.CrossValidate(terms, ex, o.Folds, o.Model)
	if err != nil {
		return nil, NeedFigures{}, fmt.Errorf("triage: train: %w", err)
	}
	best := NeedFigures{}
	bestF := -1.0
	for t := 0.05; t < 0.9; t += 0.05 {
		f := needFigures(oof, ex, t)
		if f1 := 2 * f.Recall * f.Precision / max(f.Recall+f.Precision, 1e-9); f1 > bestF {
			best, bestF = f, f1
		}
	}
	// The fill-in threshold: how sure the model must be to name a need
	// the thesaurus did not find, chosen so that few messages the hub
	// does not serve (no_fit) are given one.
	var noFitTop []float64
	for i, e := range train {
		if e.NoFit {
			noFitTop = append(noFitTop, slices.Max(oof[i]))
		}
	}
	slices.Sort(noFitTop)
	fill := best.Threshold
	if len(noFitTop) > 0 {
		fill = max(fill, noFitTop[min(len(noFitTop)-1, int(float64(len(noFitTop))*(1-o.NoFitFilled)))])
	}
	best.Fill = fill
	m, err := textclass.Train("needs", terms, ex, o.Model)
	if err != nil {
		return nil, NeedFigures{}, fmt.Errorf("triage: train: %w", err)
	}
	m.Thresholds = map[string]float64{"term": best.Threshold, "fill": fill}
	m.Meta["corpus"] = hex.EncodeToString(h.Sum(nil))[:16]
	m.Meta["cv_top1"] = fmt.Sprintf("%.4f", best.Top1)
	m.Meta["cv_recall"] = fmt.Sprintf("%.4f", best.Recall)
	m.Meta["cv_precision"] = fmt.Sprintf("%.4f", best.Precision)
	return m, best, nil
}

// needFigures scores predicted term probabilities at a threshold.
func needFigures(probs [][]float64, ex []textclass.Example, threshold float64) NeedFigures {
	f := NeedFigures{Threshold: threshold}
	var withNeed, top1, gold, hit, predicted int
	for i, e := range ex {
		best := 0
		for k, p := range probs[i] {
			if p > probs[i][best] {
				best = k
			}
			if p >= threshold {
				predicted++
				if slices.Contains(e.Classes, k) {
					hit++
				}
			}
		}
		if len(e.Classes) == 0 {
			continue
		}
		withNeed++
		gold += len(e.Classes)
		if slices.Contains(e.Classes, best) {
			top1++
		}
	}
	f.Top1 = float64(top1) / float64(max(withNeed, 1))
	f.Recall = float64(hit) / float64(max(gold, 1))
	f.Precision = float64(hit) / float64(max(predicted, 1))
	return f
}
