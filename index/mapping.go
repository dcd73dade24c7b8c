package index

import (
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/northbrook/hubbot/content"
)

const (
	textAnalyzer      = en.AnalyzerName
	synonymCollection = "family-words"
	synonymSource     = "family-words"
)

// doc is what the index holds for one service.
type doc struct {
	Name      string   `json:"name"`
	Text      string   `json:"text"`  // description, eligibility and taxonomy terms as words
	Terms     []string `json:"terms"` // taxonomy terms, exact
	Wards     []string `json:"wards"` // service areas and location wards, exact
	Ages      []string `json:"ages"`  // each whole year the service covers, up to maxListedAge, exact
	MinAge    float64  `json:"min_age"`
	MaxAge    float64  `json:"max_age"`
	Pregnancy string   `json:"pregnancy"` // "yes" for services to expectant parents
	Adult     string   `json:"adult"`     // "yes" for services to adults (16 and over)
	Audience  string   `json:"audience"`  // "parents", "young-people" or ""
}

func newDoc(s content.Service) doc {
	wards := append([]string(nil), s.Wards...)
	for _, l := range s.Locations {
		if l.Ward != "" {
			wards = append(wards, l.Ward)
		}
	}
	if s.IsBoroughWide() {
		wards = append(wards, content.BoroughWide)
	}
	d := doc{
		Name:     s.Name,
		Text:     s.Description + " " + s.Eligibility + " " + termText(s.Terms),
		Terms:    s.Terms,
		Wards:    wards,
		MinAge:   float64(s.MinAge),
		MaxAge:   float64(s.MaxAge),
		Audience: audience(s),
		Ages:     listedAges(s.MinAge, s.MaxAge),
	}
	if s.ForPregnancy() {
		d.Pregnancy = "yes"
	}
	if s.MinAge >= 16 {
		d.Adult = "yes"
	}
	return d
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = textAnalyzer
	m.ScoringModel = "bm25"
	if err := m.AddSynonymSource(synonymSource, map[string]interface{}{
		"collection": synonymCollection,
		"analyzer":   textAnalyzer,
	}); err != nil {
		return nil, err
	}
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = textAnalyzer
		f.SynonymSource = synonymSource
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false // no phrases or highlighting: smaller, faster
		f.DocValues = false
		return f
	}
	exact := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	num := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("name", text())
	dm.AddFieldMappingsAt("text", text())
	dm.AddFieldMappingsAt("terms", exact())
	dm.AddFieldMappingsAt("wards", exact())
	dm.AddFieldMappingsAt("pregnancy", exact())
	dm.AddFieldMappingsAt("adult", exact())
	dm.AddFieldMappingsAt("audience", exact())
	dm.AddFieldMappingsAt("ages", exact())
	dm.AddFieldMappingsAt("min_age", num())
	dm.AddFieldMappingsAt("max_age", num())
	m.DefaultMapping = dm
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// maxListedAge is the oldest age listed as a term; older ages are filtered
// on the numeric fields.
const maxListedAge = 25

// listedAges lists the whole years from min to max (at most maxListedAge) as
// terms, so an age filter is one exact term lookup.
func listedAges(lo, hi int) []string {
	var out []string
	for a := max(lo, 0); a <= min(hi, maxListedAge); a++ {
		out = append(out, strconv.Itoa(a))
	}
	return out
}
