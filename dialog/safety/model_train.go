package safety

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// TrainOptions are the settings `hubbot train safety` uses; they are part
// of what makes a training reproducible.
type TrainOptions struct {
	Outcome  textclass.Options
	Category textclass.Options
	Folds    int // cross-validation folds for choosing the threshold
	// TargetRecall is the share of flagged training messages (held out by
	// cross-validation) the flag threshold must catch.
	TargetRecall float64
	// RiskFalseAlarms is the share of safe training messages (held out)
	// the model alone may call risk; above the flag threshold and below
	// the risk one, it calls concern: a gentle question, not an alarm.
	RiskFalseAlarms float64
}

// DefaultTrainOptions are the options the embedded models were trained with.
func DefaultTrainOptions() TrainOptions {
	o := textclass.DefaultOptions()
	c := o
	c.Bits = 16
	o.L2, o.NaiveBayes = 1e-5, true
	return TrainOptions{Outcome: o, Category: c, Folds: 5, TargetRecall: 0.98, RiskFalseAlarms: 0.05}
}

// Trained is what training gives: the two models and the figures from
// cross-validation on the train split.
type Trained struct {
	Outcome  *textclass.Model // none / concern / risk, with the flag threshold
	Category *textclass.Model // the harm, trained on flagged messages only
	// CVRecall and CVFalseAlarms are the held-out figures at the chosen
	// threshold on the train split.
	CVRecall, CVFalseAlarms float64
	// Curve is the held-out trade of recall for false alarms at other
	// thresholds, for whoever reviews the choice.
	Curve []CurvePoint
}

// CurvePoint is recall (of flagged, risk and concern messages) and false
// alarms at one threshold, held out by cross-validation.
type CurvePoint struct {
	Threshold     float64 `json:"threshold"`
	Recall        float64 `json:"recall"`
	RiskRecall    float64 `json:"risk_recall"`
	ConcernRecall float64 `json:"concern_recall"`
	FalseAlarms   float64 `json:"false_alarms"`
}

// Train fits the outcome and category models to the train split of the
// corpus and chooses the flag threshold by cross-validation on it, so the
// frozen test split is never looked at.
func Train(train []Example, o TrainOptions) (*Trained, error) {
	h := sha256.New()
	lex := NewDetector()
	extra := make([][]string, len(train))
	for i, e := range train {
		extra[i] = lex.lexicalTokens(e.Text)
	}
	var outEx, catEx []textclass.Example
	var cats []string
	for i, e := range train {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", e.Label, e.Category, e.Text)
		outEx = append(outEx, textclass.Example{Text: e.Text, Class: slices.Index(Labels, e.Label), Extra: extra[i]})
		if e.Flagged() && !slices.Contains(cats, e.Category) {
			cats = append(cats, e.Category)
		}
	}
	sort.Strings(cats)
	for i, e := range train {
		if e.Flagged() {
			catEx = append(catEx, textclass.Example{Text: e.Text, Class: slices.Index(cats, e.Category), Extra: extra[i]})
		}
	}
	if len(cats) < 2 {
		return nil, fmt.Errorf("safety: train: the corpus has %d categories of harm", len(cats))
	}
	oof, err := textclass.CrossValidate(Labels, outEx, o.Folds, o.Outcome)
	if err != nil {
		return nil, fmt.Errorf("safety: train: %w", err)
	}
	var pos, neg []float64
	for i, e := range train {
		p := 1 - oof[i][0]
		if e.Flagged() {
			pos = append(pos, p)
		} else {
			neg = append(neg, p)
		}
	}
	sort.Float64s(pos)
	sort.Float64s(neg)
	// The highest threshold that still catches TargetRecall of flagged
	// messages: pos[k] with at most (1-target) of them below it.
	k := int(float64(len(pos)) * (1 - o.TargetRecall))
	threshold := pos[k]
	tr := &Trained{CVRecall: float64(len(pos)-k) / float64(len(pos))}
	for _, p := range neg {
		if p >= threshold {
			tr.CVFalseAlarms++
		}
	}
	tr.CVFalseAlarms /= float64(max(len(neg), 1))
	risk := neg[min(len(neg)-1, int(float64(len(neg))*(1-o.RiskFalseAlarms)))]
	for _, th := range []float64{0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5} {
		pt := CurvePoint{Threshold: th}
		var risks, concerns int
		for i, e := range train {
			hit := 1-oof[i][0] >= th
			switch {
			case e.Label == LabelRisk:
				risks++
				if hit {
					pt.RiskRecall++
				}
			case e.Label == LabelConcern:
				concerns++
				if hit {
					pt.ConcernRecall++
				}
			case hit:
				pt.FalseAlarms++
			}
		}
		pt.Recall = (pt.RiskRecall + pt.ConcernRecall) / float64(max(risks+concerns, 1))
		pt.RiskRecall /= float64(max(risks, 1))
		pt.ConcernRecall /= float64(max(concerns, 1))
		pt.FalseAlarms /= float64(max(len(neg), 1))
		tr.Curve = append(tr.Curve, pt)
	}

	corpus := hex.EncodeToString(h.Sum(nil))[:16]
	var catErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		tr.Category, catErr = textclass.Train("safety-category", cats, catEx, o.Category)
	}()
	tr.Outcome, err = textclass.Train("safety-outcome", Labels, outEx, o.Outcome)
	<-done
	if err = errors.Join(err, catErr); err != nil {
		return nil, fmt.Errorf("safety: train: %w", err)
	}
	tr.Outcome.Thresholds = map[string]float64{thresholdFlag: threshold, thresholdRisk: max(risk, threshold)}
	tr.Outcome.Meta["corpus"] = corpus
	tr.Outcome.Meta["cv_recall"] = fmt.Sprintf("%.4f", tr.CVRecall)
	tr.Outcome.Meta["cv_false_alarms"] = fmt.Sprintf("%.4f", tr.CVFalseAlarms)
	tr.Category.Meta["corpus"] = corpus
	return tr, nil
}
