// Package lingua tells the language of a family's message with
// github.com/pemistahl/lingua-go, restricted to the languages Northbrook's
// families write in, so a short English text is not taken for one of the
// world's other seventy.
package lingua

import (
	"strings"

	lg "github.com/pemistahl/lingua-go"
)

// Languages are the languages told apart: English and the borough's
// community languages (the census's most spoken after English), plus
// French, Spanish and Somali.
var Languages = []lg.Language{
	lg.English, lg.Polish, lg.Romanian, lg.Portuguese, lg.Arabic, lg.Urdu,
	lg.Punjabi, lg.Bengali, lg.French, lg.Spanish, lg.Somali,
}

// Detector tells a message's language. It is safe for concurrent use.
type Detector struct {
	d lg.LanguageDetector
}

// New builds a Detector. Language models load on first use; preload loads
// them now (a server does, so the first family does not wait).
func New(preload bool) *Detector {
	b := lg.NewLanguageDetectorBuilder().FromLanguages(Languages...).WithLowAccuracyMode().WithMinimumRelativeDistance(0.05)
	if preload {
		b = b.WithPreloadedLanguageModels()
	}
	return &Detector{d: b.Build()}
}

// Detect returns the ISO 639-1 code of text's language ("en", "pl",
// "ur"), or "" when the text is too short or too mixed to tell.
func (d *Detector) Detect(text string) string {
	if len(strings.Fields(text)) == 0 {
		return ""
	}
	l, ok := d.d.DetectLanguageOf(text)
	if !ok {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}
