package index

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

// Boosts and thresholds of the signposting query. They are tuned on how
// families write, never on particular messages.
const (
	boostName    = 1.5
	boostText    = 1.0
	boostTerm    = 2.5  // a taxonomy term triage read from the family's words
	wardNear     = 1.4  // score factor for a service in the family's own ward
	wardFar      = 0.85 // score factor for one only in other wards
	referralOnly = 0.8  // score factor for a service only a professional can refer to
	boostYoung   = 1.0  // a service for young people, when one writes
	fuzzyMinLen  = 5    // words shorter than this are never matched fuzzily
	maxFuzzy     = 3    // unknown words a query tries fuzzily
)

// Search finds the services that fit a triage, best first, or decides that
// nothing fits well enough.
func (x *Index) Search(ctx context.Context, t triage.Triage) (triage.Result, error) {
	s := x.acquire()
	if s == nil {
		return triage.Result{}, ErrNotReady
	}
	defer s.release()

	q := s.query(t)
	if q == nil {
		return triage.Result{NoFit: true, Reason: "no-need-words"}, nil
	}
	// Fetch more than shown, so the ward can reorder the nearest ones.
	req := bleve.NewSearchRequestOptions(q, max(x.opts.TopN, 2*x.opts.TopN), 0, false)
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return triage.Result{}, fmt.Errorf("index: search: %w", err)
	}
	out := triage.Result{Matches: make([]triage.Match, 0, len(res.Hits))}
	for _, h := range res.Hits {
		svc, ok := s.offer.Service(h.ID)
		if !ok {
			continue
		}
		out.Matches = append(out.Matches, triage.Match{Service: svc, Score: h.Score * wardFactor(svc, t.Ward) * accessFactor(svc)})
	}
	sort.SliceStable(out.Matches, func(i, j int) bool { return out.Matches[i].Score > out.Matches[j].Score })
	if len(out.Matches) > x.opts.TopN {
		out.Matches = out.Matches[:x.opts.TopN]
	}
	decideFit(&out, t)
	return out, nil
}

// query builds the bleve query for a triage: the need (family words,
// expanded by the thesaurus, and taxonomy terms) must match; the ward
// lifts services that run round the corner; the age filter is exact.
func (s *snapshot) query(t triage.Triage) query.Query {
	var need []query.Query
	words, fuzzy := t.Words, s.unknownWords(t.Words)
	if words != "" || len(fuzzy) > 0 {
		if words != "" {
			for _, f := range []struct {
				field string
				boost float64
			}{{"name", boostName}, {"text", boostText}} {
				m := bleve.NewMatchQuery(words)
				m.SetField(f.field)
				m.SetBoost(f.boost)
				need = append(need, m)
			}
		}
		// Fuzziness only for words the offer never uses: a typo of a word
		// it does use is caught without widening every other word.
		for _, w := range fuzzy {
			fz := bleve.NewFuzzyQuery(w)
			fz.SetField("text")
			fz.SetFuzziness(1)
			fz.SetBoost(0.5)
			need = append(need, fz)
		}
	}
	for i, term := range t.Terms {
		tq := bleve.NewTermQuery(term)
		tq.SetField("terms")
		tq.SetBoost(boostTerm / float64(1+i/2))
		need = append(need, tq)
	}
	if len(need) == 0 {
		return nil
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(bleve.NewDisjunctionQuery(need...))
	if f := ageFilter(t); f != nil {
		bq.AddMust(f)
	}
	if t.For == triage.WhoYoungPerson && !t.Pregnant {
		// A young person writing wants services for young people, not
		// courses for their parents.
		bq.AddMustNot(exact("audience", audienceParents))
		bq.AddShould(boosted(exact("audience", audienceYoungPeople), boostYoung))
	}
	return bq
}

// ageFilter keeps only services whose ages include the person the help is
// for. Services for adults stay open to a parent whatever the child's age.
func ageFilter(t triage.Triage) query.Query {
	var opts []query.Query
	ages := t.Ages
	if len(ages) == 0 && t.AgeKnown {
		ages = []int{t.Age}
	}
	for _, a := range ages {
		opts = append(opts, ageRange(a))
	}
	if t.Pregnant {
		opts = append(opts, exact("pregnancy", "yes"))
	}
	if len(opts) == 0 {
		return nil
	}
	if adultServicesFit(t) {
		opts = append(opts, exact("adult", "yes"))
	}
	return bleve.NewDisjunctionQuery(opts...)
}

// parentNeeds are needs a parent usually brings for themself, whatever
// their children's ages: money, a home, work, learning, safety at home.
var parentNeeds = map[string]bool{
	"money": true, "food": true, "housing": true, "employment": true, "adult-learning": true,
	"domestic-abuse": true, "separation": true, "parental-conflict": true, "substance-misuse": true,
}

// adultServicesFit reports whether services for adults stay open whatever
// the child's age: not for a young person writing, and for a parent writing
// about their child only when the need is one a parent brings for themself.
func adultServicesFit(t triage.Triage) bool {
	switch t.For {
	case triage.WhoYoungPerson:
		return false
	case triage.WhoChild:
		for _, term := range t.Terms {
			if parentNeeds[term] {
				return true
			}
		}
		return false
	}
	return true
}

func ageRange(age int) query.Query {
	if age >= 0 && age <= maxListedAge {
		return exact("ages", strconv.Itoa(age))
	}
	a := float64(age)
	yes := true
	lo := bleve.NewNumericRangeInclusiveQuery(nil, &a, nil, &yes)
	lo.SetField("min_age")
	hi := bleve.NewNumericRangeInclusiveQuery(&a, nil, &yes, nil)
	hi.SetField("max_age")
	return bleve.NewConjunctionQuery(lo, hi)
}

func boosted(q query.Query, b float64) query.Query {
	if bq, ok := q.(query.BoostableQuery); ok {
		bq.SetBoost(b)
	}
	return q
}

func exact(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// minScoreUnrecognised is the score the best service must reach when triage
// recognised no need at all: below it, the words matched only in passing.
const minScoreUnrecognised = 0.5

// decideFit marks the result NoFit when nothing fits well enough: nothing
// matched; triage recognised no need and the text matched only weakly; or
// triage recognised a need and none of the best services is for it.
func decideFit(r *triage.Result, t triage.Triage) {
	switch {
	case len(r.Matches) == 0:
		r.NoFit, r.Reason = true, "no-match"
	case len(t.Terms) == 0 && r.Matches[0].Score < minScoreUnrecognised:
		r.NoFit, r.Reason = true, "need-not-recognised"
	case len(t.Terms) > 0 && !anyCarries(r.Matches, t.Terms):
		r.NoFit, r.Reason = true, "no-service-for-need"
	}
}

// anyCarries reports whether one of the top three services carries one of
// the need's terms.
func anyCarries(ms []triage.Match, terms []string) bool {
	for i, m := range ms {
		if i >= 3 {
			break
		}
		for _, t := range terms {
			if m.Service.HasTerm(t) {
				return true
			}
		}
	}
	return false
}

// unknownWords returns up to maxFuzzy words of the need that the offer never
// uses and the thesaurus does not know, to try as typos.
func (s *snapshot) unknownWords(text string) []string {
	var fuzzy []string
	seen := map[string]bool{}
	for _, w := range s.analyse(text) {
		if seen[w] || s.synonymInputs[w] || len([]rune(w)) < fuzzyMinLen {
			continue
		}
		seen[w] = true
		if _, known := s.df[w]; !known {
			fuzzy = append(fuzzy, w)
			if len(fuzzy) == maxFuzzy {
				break
			}
		}
	}
	return fuzzy
}

// wardFactor lifts a service that runs in the family's ward above one
// across the borough, and one across the borough above one only in other
// wards. It scales the score, so every ward gets the same lift however
// many services it has. An unknown ward changes nothing.
func wardFactor(s content.Service, ward string) float64 {
	if ward == "" {
		return 1
	}
	for _, w := range s.Wards {
		if w == ward {
			return wardNear
		}
	}
	for _, l := range s.Locations {
		if l.Ward == ward {
			return wardNear
		}
	}
	if s.IsBoroughWide() {
		return 1
	}
	return wardFar
}

// accessFactor puts services a family can use or book themselves a little
// ahead of ones only a professional can refer them to: signposting should
// first point at what the family can do today.
func accessFactor(s content.Service) float64 {
	if s.NeedsReferral() {
		return referralOnly
	}
	return 1
}
