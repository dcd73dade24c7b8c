package safety

import (
	_ "embed"
	"fmt"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// The learned models, trained by `hubbot train safety` from the train
// split of testdata/corpus and embedded in the binary.
var (
	//go:embed model/outcome.bin
	outcomeModel []byte
	//go:embed model/category.bin
	categoryModel []byte
)

// loadModels reads the embedded models.
func loadModels() (outcome, category *textclass.Model, err error) {
	if outcome, err = textclass.Load(outcomeModel); err != nil {
		return nil, nil, fmt.Errorf("safety: outcome model: %w", err)
	}
	if category, err = textclass.Load(categoryModel); err != nil {
		return nil, nil, fmt.Errorf("safety: category model: %w", err)
	}
	if fmt.Sprint(outcome.Classes) != fmt.Sprint(Labels) || !between01(outcome.Thresholds[thresholdFlag]) || !between01(outcome.Thresholds[thresholdRisk]) {
		return nil, nil, fmt.Errorf("safety: outcome model has classes %v and thresholds %v", outcome.Classes, outcome.Thresholds)
	}
	return outcome, category, nil
}

// The outcome model's thresholds on the probability of harm.
const (
	// thresholdFlag flags a message (concern at least); chosen on the
	// train split for recall.
	thresholdFlag = "flag"
	// thresholdRisk is where the model alone may call risk, rather than
	// concern; chosen on the train split so few safe messages reach it.
	thresholdRisk = "risk"
)

func between01(x float64) bool { return x > 0 && x < 1 }
