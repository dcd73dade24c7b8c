package safety

import (
	"strings"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// Languages tells the language of a message, as an ISO 639-1 code ("en",
// "pl", "ur"), or "" when it cannot tell. cmd/hubbot wires a library
// detector; tests may pass nil.
type Languages interface {
	Detect(text string) string
}

// Reader reads what a family writes for signs of risk, with two readers
// side by side: the reviewed rules (Detector) and a learned model over
// character and word n-grams that holds on wordings, spellings and
// languages no rule names. Either can raise a flag: risk when the model
// agrees or is sure, concern when only the rules see harm or the model is
// unsure. It reads the family's
// last few messages together, so a story told in three texts is read as
// one. A Reader is read-only and safe for concurrent use.
type Reader struct {
	rules    *Detector
	outcome  *textclass.Model
	category *textclass.Model
	langs    Languages
}

// NewReader builds a Reader on the embedded rules and models; langs may be
// nil.
func NewReader(langs Languages) (*Reader, error) {
	outcome, category, err := loadModels()
	if err != nil {
		return nil, err
	}
	return &Reader{rules: NewDetector(), outcome: outcome, category: category, langs: langs}, nil
}

// MaxEarlier is how many of the family's earlier messages are read with a
// new one.
const MaxEarlier = 3

// maxRead bounds the text read, in bytes: a disclosure is told long before
// 20,000 characters, and the bound keeps one message's cost fixed.
const maxRead = 20000

// Assess reads a new message with the family's earlier messages (oldest
// first; only the last MaxEarlier count). The new message alone is read
// by the rules and the model; the messages together by the model, which
// flags the conversation when the new message completes a story the
// earlier ones did not tell on their own. The language is told only when
// there are no earlier messages.
func (r *Reader) Assess(text string, earlier []string) Assessment {
	if len(text) > maxRead {
		text = text[:maxRead]
	}
	a := r.assessOne(text)
	if r.langs != nil && len(earlier) == 0 {
		// Told once, on the first message of a stretch of conversation:
		// telling it costs more than reading the message for risk.
		a.Language = r.langs.Detect(text)
	}
	if a.Risk || len(earlier) == 0 {
		return a
	}
	if len(earlier) > MaxEarlier {
		earlier = earlier[len(earlier)-MaxEarlier:]
	}
	prior := strings.Join(earlier, "\n")
	if len(prior) > maxRead {
		prior = prior[len(prior)-maxRead:]
	}
	together := r.modelOnly(prior + "\n" + text)
	if level(together) <= level(a) {
		return a
	}
	if level(r.modelOnly(prior)) >= level(together) {
		return a // the earlier messages already said it; it was answered then
	}
	together.Language = a.Language
	together.Reason = "conversation:" + together.Reason
	return together
}

// level orders outcomes: none, concern, risk.
func level(a Assessment) int {
	switch {
	case a.Risk:
		return 2
	case a.Concern:
		return 1
	}
	return 0
}

// assessOne reads one text with both readers.
func (r *Reader) assessOne(text string) Assessment {
	// The rules read the text as the model does: invisible characters
	// and look-alike letters, used to dodge words, are folded first.
	dc := r.rules.parse(textclass.Normalise(text))
	m := r.model(text, lexicalTokensOf(dc))
	a := r.rules.assessDoc(dc)
	if !a.Risk {
		return m
	}
	a.Score = m.Score
	if !m.Risk && !m.Concern {
		// The readers disagree: the family gets the gentle question and
		// a practitioner the same day, not the alarm.
		a.Risk, a.Concern, a.Urgent, a.Lines = false, true, false, nil
		a.Reason = "rules-only:" + a.Reason
	}
	return a
}

// modelOnly reads text with the learned model alone.
func (r *Reader) modelOnly(text string) Assessment {
	return r.model(text, r.rules.lexicalTokens(text))
}

// model reads text, with the lexicon's reading of it, with the learned
// model.
func (r *Reader) model(text string, extra []string) Assessment {
	hs := textclass.Hashes(text, extra...)
	p := r.outcome.PredictHashes(hs)
	harm := 1 - p[0]
	a := Assessment{Score: harm}
	if harm < r.outcome.Thresholds[thresholdFlag] {
		return a
	}
	pc := r.category.PredictHashes(hs)
	best := 0
	for i := range pc {
		if pc[i] > pc[best] {
			best = i
		}
	}
	a.Category = r.category.Classes[best]
	if harm >= r.outcome.Thresholds[thresholdRisk] && p[2] >= p[1] {
		a.Risk = true
		a.Reason = "model"
		a.Urgent = urgentCategory(a.Category)
		a.Lines = linesFor(a.Category, false)
		return a
	}
	a.Concern = true
	a.Reason = "model-concern"
	return a
}

// urgentCategory reports whether a harm found by the model alone is one
// where someone may be in danger now, so the reply offers no services.
func urgentCategory(cat string) bool {
	switch cat {
	case CatSuicide, CatMedical, CatMissingChild, CatViolence, CatParentCrisis, CatHomelessness:
		return true
	}
	return false
}
