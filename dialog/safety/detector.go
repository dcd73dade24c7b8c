// Package safety finds signs of risk in what a family or young person
// texts: suicide and self-harm, abuse and neglect, exploitation, domestic
// abuse, a child missing, nowhere to sleep tonight, a medical emergency.
// The dialog runs it on every inbound message, in every state, and answers
// any risk with a safety reply and an urgent handoff.
//
// It works on rules, not a keyword list: the text is normalised (case,
// punctuation, txt-speak, misspellings, ages), every word is given its
// classes (a child, an adult, a partner, a verb of violence), pronouns
// are linked to the people named before them, idioms ("this heat is
// killing me") are masked, and phrase patterns over word windows look for
// who is hurting whom. Negation, jokes about small things, messages about
// a subject rather than an event, and harm that is plainly in the past
// cancel a match. When unsure it leans to risk.
package safety

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Assessment is the detector's verdict on one message.
type Assessment struct {
	// Risk is true when the message shows any sign of harm or danger.
	Risk bool
	// Category names the harm, e.g. "suicide", "self-harm", "child-abuse",
	// "sexual-abuse", "domestic-abuse", "exploitation", "neglect",
	// "missing-child", "violence", "homelessness-tonight",
	// "medical-emergency", "parent-crisis", "fgm-forced-marriage". Empty
	// when there is no risk.
	Category string
	// Urgent is true when someone may be in immediate danger: the reply
	// should lead with 999.
	Urgent bool
	// Lines are the UK help lines that fit, most urgent first, as keys:
	// "999", "111", "samaritans", "shout", "childline", "domestic-abuse".
	Lines []string
	// Reason is the name of the rule that decided the verdict, for tests
	// and metrics. It never contains any of the message text.
	Reason string
	// Concern is true when the message is worrying but shows no clear
	// risk: one gentle check question and a practitioner the same day.
	// Risk and Concern are never both true.
	Concern bool
	// Score is the learned model's probability that the message shows
	// harm (risk or concern), whoever decided the verdict.
	Score float64
	// Language is the message's language as an ISO 639-1 code, or "" when
	// it could not be told.
	Language string
}

// Categories of harm an Assessment can carry.
const (
	CatSuicide        = "suicide"
	CatSelfHarm       = "self-harm"
	CatChildAbuse     = "child-abuse"
	CatSexualAbuse    = "sexual-abuse"
	CatDomesticAbuse  = "domestic-abuse"
	CatExploitation   = "exploitation"
	CatNeglect        = "neglect"
	CatMissingChild   = "missing-child"
	CatViolence       = "violence"
	CatHomelessness   = "homelessness-tonight"
	CatMedical        = "medical-emergency"
	CatParentCrisis   = "parent-crisis"
	CatFGMForcedMarry = "fgm-forced-marriage"
	CatHonour         = "honour-based-abuse"
)

// Help line keys an Assessment can list.
const (
	Line999           = "999"
	Line111           = "111"
	LineSamaritans    = "samaritans"
	LineShout         = "shout"
	LineChildline     = "childline"
	LineDomesticAbuse = "domestic-abuse"
)

// Detector assesses messages for safeguarding risk. Build it once with
// NewDetector; it holds only read-only tables, so one Detector is safe for
// concurrent use by any number of goroutines.
type Detector struct {
	firsts    firstWords // which patterns each word may start
	expand    map[string][]string
	phrases   map[string][]phrase
	irregular map[string]string
	vocab     map[string]bool
	lex       map[string]tagSet
	persons   map[string]personInfo
	rules     []rule
	idioms    []idiom
	ctx       contextRules
	latins    []latinLanguage
	scripts   []scriptGlossary
	// data is what the files under rules/ hold, as loaded.
	data *safetyData
}

// personInfo is what the lexicon knows about a person word.
type personInfo struct {
	tags tagSet
}

// ruleFlag changes when a rule's match counts.
type ruleFlag uint16

const (
	// fNeg: a negator inside the match cancels it ("would never hurt him").
	fNeg ruleFlag = 1 << iota
	// fTerm: the rule fires on a bare term, so a message about the
	// subject (a course, a lesson, a leaflet) cancels it.
	fTerm
	// fSlang: a joke about something trivial cancels it ("kms 💀 forgot my pe kit").
	fSlang
	// fUrgent: whenever it fires someone may be in immediate danger.
	fUrgent
	// fNoPast: harm told as past and resolved does not cancel it.
	fNoPast
	// fForeign: the rule reads words in any order, so it runs only on
	// messages in another language.
	fForeign
)

// rule is one compiled risk rule.
type rule struct {
	name  string
	cat   string
	flags ruleFlag
	// alts are alternatives; any one firing fires the rule.
	alts []conj
}

// conj is one alternative of a rule: anchor gives the span; every need
// pattern must match somewhere in the message and no not pattern may.
type conj struct {
	anchor *pattern
	need   []*pattern
	not    []*pattern
}

// idiom is a compiled idiom mask: where pat matches, the tokens (or those
// in only) are blanked so no rule sees them, unless an unless pattern
// matches anywhere in the message.
type idiom struct {
	name   string
	pats   []*pattern
	only   map[string]bool
	unless []*pattern
}

// NewDetector builds a Detector, compiling its lexicon, idioms and rules
// from the YAML files under rules/, which are embedded in the build. It
// panics if those files are invalid, which the package tests rule out.
func NewDetector() *Detector {
	data := mustBuiltinData()
	d := &Detector{
		firsts:    firstWords{byWord: map[string][]int32{}},
		expand:    map[string][]string{},
		phrases:   map[string][]phrase{},
		irregular: data.irregular,
		vocab:     map[string]bool{},
		lex:       map[string]tagSet{},
		persons:   map[string]personInfo{},
		data:      data,
	}
	for k, v := range data.expansions {
		d.expand[k] = strings.Fields(v)
	}
	d.latins, d.scripts = compileLanguages(data.latins, data.scripts)
	for _, k := range slices.Sorted(maps.Keys(data.phrases)) { // in order, so equal-length phrases tie the same way every run
		v := data.phrases[k]
		ws := strings.Fields(k)
		d.phrases[ws[0]] = append(d.phrases[ws[0]], phrase{words: ws, repl: strings.Fields(v)})
	}
	for k, list := range d.phrases {
		// longest first
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j].words) > len(list[j-1].words); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		d.phrases[k] = list
	}

	// The vocabulary is every base word the detector knows: the stemmer
	// maps inflections only onto these.
	lexWords := data.lexicon
	nouns := data.persons
	specs := data.rules
	idiomSpecs := data.idioms
	cspecs := data.context
	addVocab := func(ws ...string) {
		for _, w := range ws {
			d.vocab[w] = true
		}
	}
	for _, ws := range lexWords {
		addVocab(strings.Fields(ws)...)
	}
	for _, n := range nouns {
		addVocab(strings.Fields(n.words)...)
	}
	for _, v := range d.irregular {
		addVocab(v)
	}
	for _, v := range data.expansions {
		addVocab(strings.Fields(v)...)
	}
	for _, l := range d.latins {
		for _, repl := range l.words {
			addVocab(repl...)
		}
		for _, list := range l.phrases {
			for _, ph := range list {
				addVocab(ph.repl...)
			}
		}
	}
	for _, g := range d.scripts {
		for _, e := range g.entries {
			addVocab(e.repl...)
		}
	}
	var srcs []string
	for _, s := range specs {
		srcs = append(srcs, s.pats...)
	}
	for _, s := range idiomSpecs {
		srcs = append(srcs, s.pats...)
		srcs = append(srcs, s.unless...)
	}
	srcs = append(srcs, cspecs.all()...)
	for _, src := range srcs {
		for _, part := range strings.Split(src, "&&") {
			addVocab(patternLiterals(part)...)
		}
	}

	for t, ws := range lexWords {
		for _, w := range strings.Fields(ws) {
			s := d.lex[w]
			s.add(t)
			d.lex[w] = s
		}
	}
	for _, n := range nouns {
		var ts tagSet
		ts.add(tPerson)
		for _, t := range n.tags {
			ts.add(t)
		}
		if n.gender != 0 {
			ts.add(n.gender)
		}
		for _, w := range strings.Fields(n.words) {
			d.persons[w] = personInfo{tags: ts}
		}
	}

	for _, s := range specs {
		r := rule{name: s.name, cat: s.cat, flags: s.flags}
		for _, src := range s.pats {
			r.alts = append(r.alts, d.mustConj(src))
		}
		d.rules = append(d.rules, r)
	}
	for _, s := range idiomSpecs {
		id := idiom{name: s.name, pats: d.mustAll(s.pats)}
		if s.only != "" {
			id.only = map[string]bool{}
			for _, w := range strings.Fields(s.only) {
				id.only[w] = true
			}
		}
		for _, u := range s.unless {
			id.unless = append(id.unless, d.mustCompile(u))
		}
		d.idioms = append(d.idioms, id)
	}
	d.ctx = d.compileContext(cspecs)
	return d
}

func (d *Detector) mustCompile(src string) *pattern {
	p, err := compilePattern(src, d.stem)
	if err != nil {
		panic(fmt.Sprintf("safety: %v", err))
	}
	d.firsts.register(p)
	return p
}

func (d *Detector) mustConj(src string) conj {
	var c conj
	for i, part := range strings.Split(src, "&&") {
		part = strings.TrimSpace(part)
		switch {
		case i == 0:
			c.anchor = d.mustCompile(part)
		case strings.HasPrefix(part, "-"):
			c.not = append(c.not, d.mustCompile(part[1:]))
		default:
			c.need = append(c.need, d.mustCompile(part))
		}
	}
	return c
}

func (d *Detector) mustAll(srcs []string) []*pattern {
	out := make([]*pattern, 0, len(srcs))
	for _, s := range srcs {
		out = append(out, d.mustCompile(s))
	}
	return out
}

// hit is one rule that fired, with where.
type hit struct {
	r          *rule
	start, end int
}

// Assess reads one message and says whether it shows risk, of what kind,
// how urgently, and which help lines fit. It does no I/O and keeps no
// state between calls.
func (d *Detector) Assess(text string) Assessment {
	return d.assessDoc(d.parse(text))
}

// assessDoc is Assess on a parsed message; it masks idioms in dc.
func (d *Detector) assessDoc(dc *doc) Assessment {
	if len(dc.toks) == 0 {
		return Assessment{}
	}
	cx := d.readContext(dc)
	d.maskIdioms(dc)
	var hits []hit
	for i := range d.rules {
		r := &d.rules[i]
		if s, e, ok := d.fire(r, dc, &cx); ok {
			hits = append(hits, hit{r: r, start: s, end: e})
		}
	}
	if len(hits) == 0 {
		return Assessment{}
	}
	return d.verdict(hits, dc, &cx)
}

// fire reports the first span where r matches and is not cancelled.
func (d *Detector) fire(r *rule, dc *doc, cx *msgContext) (int, int, bool) {
	for i := range r.alts {
		c := &r.alts[i]
		ok := true
		for _, p := range c.need {
			if s, _ := p.findIn(dc, 0); s < 0 {
				ok = false
				break
			}
		}
		for _, p := range c.not {
			if s, _ := p.findIn(dc, 0); s >= 0 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for from := 0; from < len(dc.toks); {
			s, e := c.anchor.findIn(dc, from)
			if s < 0 {
				break
			}
			if !d.cancelled(r, dc, cx, s, e) {
				return s, e, true
			}
			from = s + 1
		}
	}
	return 0, 0, false
}

// cancelled applies negation, topic, joke and past-resolved handling.
func (d *Detector) cancelled(r *rule, dc *doc, cx *msgContext, s, e int) bool {
	if r.flags&fForeign != 0 && !dc.foreign {
		return true
	}
	if r.flags&fNeg != 0 {
		lo := s
		if lo > 0 && !dc.toks[lo-1].tags.has(tBound) {
			lo--
		}
		for i := lo; i < e; i++ {
			if dc.toks[i].tags.has(tNeg) {
				return true
			}
		}
	}
	if r.flags&fTerm != 0 && cx.topic {
		return true
	}
	if r.flags&fSlang != 0 && cx.joke {
		return true
	}
	if r.flags&fNoPast == 0 && cx.resolved && !cx.current && cx.pastSent[dc.toks[s].sent] {
		return true
	}
	return false
}

// maskIdioms blanks idioms so the rules do not read them literally.
func (d *Detector) maskIdioms(dc *doc) {
	for i := range d.idioms {
		id := &d.idioms[i]
		skip := false
		for _, u := range id.unless {
			if s, _ := u.findIn(dc, 0); s >= 0 {
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		for _, p := range id.pats {
			for from := 0; from < len(dc.toks); {
				s, e := p.findIn(dc, from)
				if s < 0 {
					break
				}
				for k := s; k < e; k++ {
					t := &dc.toks[k]
					if id.only != nil && !id.only[t.text] && !id.only[t.stem] {
						continue
					}
					*t = token{text: maskedWord, stem: maskedWord, sent: t.sent}
				}
				from = max(e, s+1)
			}
		}
	}
}

// categoryRank orders categories when several fire: the lowest is reported.
func categoryRank(cat string) int {
	switch cat {
	case CatMedical:
		return 0
	case CatSuicide:
		return 1
	case CatMissingChild:
		return 2
	case CatSexualAbuse:
		return 3
	case CatChildAbuse:
		return 4
	case CatDomesticAbuse:
		return 5
	case CatFGMForcedMarry:
		return 6
	case CatExploitation:
		return 7
	case CatViolence:
		return 8
	case CatSelfHarm:
		return 9
	case CatParentCrisis:
		return 10
	case CatNeglect:
		return 11
	}
	return 12
}

// verdict picks the category to report and gathers urgency and lines.
func (d *Detector) verdict(hits []hit, dc *doc, cx *msgContext) Assessment {
	urgentHit := func(h hit) bool {
		if h.r.flags&fUrgent != 0 {
			return true
		}
		switch h.r.cat {
		case CatMedical, CatMissingChild:
			return true
		case CatHomelessness, CatParentCrisis, CatNeglect, CatExploitation, CatSelfHarm:
			return cx.now && cx.danger
		}
		return cx.now
	}
	best := hits[0]
	bestUrgent := urgentHit(best)
	for _, h := range hits[1:] {
		u := urgentHit(h)
		if (u && !bestUrgent) || (u == bestUrgent && categoryRank(h.r.cat) < categoryRank(best.r.cat)) {
			best, bestUrgent = h, u
		}
	}
	a := Assessment{Risk: true, Category: best.r.cat, Reason: best.r.name}
	for _, h := range hits {
		if urgentHit(h) {
			a.Urgent = true
		}
	}
	seen := map[string]bool{}
	add := func(ls ...string) {
		for _, l := range ls {
			if !seen[l] {
				seen[l] = true
				a.Lines = append(a.Lines, l)
			}
		}
	}
	if a.Urgent {
		add(Line999)
	}
	add(linesFor(best.r.cat, cx.youth)...)
	for _, h := range hits {
		add(linesFor(h.r.cat, cx.youth)...)
	}
	return a
}

// linesFor lists the help lines that fit a category, for an adult or for
// a young person writing about themselves.
func linesFor(cat string, youth bool) []string {
	var ls []string
	switch cat {
	case CatSuicide, CatSelfHarm:
		if youth {
			ls = append(ls, LineChildline)
		}
		ls = append(ls, LineSamaritans, LineShout)
		if cat == CatSelfHarm {
			ls = append(ls, Line111)
		}
	case CatParentCrisis:
		ls = append(ls, LineSamaritans, LineShout, Line111)
	case CatChildAbuse, CatSexualAbuse, CatNeglect, CatExploitation:
		ls = append(ls, LineChildline)
	case CatDomesticAbuse:
		ls = append(ls, LineDomesticAbuse)
		if youth {
			ls = append(ls, LineChildline)
		}
	case CatFGMForcedMarry:
		ls = append(ls, Line999, LineChildline, LineDomesticAbuse)
	case CatMissingChild:
		ls = append(ls, Line999)
	case CatViolence:
		ls = append(ls, Line999)
		if youth {
			ls = append(ls, LineChildline)
		}
	case CatHomelessness:
		if youth {
			ls = append(ls, LineChildline)
		}
		ls = append(ls, LineShout)
	case CatMedical:
		ls = append(ls, Line999, Line111)
	}
	return ls
}
