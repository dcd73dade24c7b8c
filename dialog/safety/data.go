package safety

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The detector's meaning lives in YAML under rules/, for a safeguarding
// lead to read and review: the rules and their examples (rules.yaml), the
// context cues (context.yaml), idioms (idioms.yaml), the lexicon
// (lexicon.yaml) and one glossary per language (languages/). This file
// only loads and checks them.
//
//go:embed rules/*.yaml rules/languages/*.yaml
var embeddedRules embed.FS

// ruleSpec is one risk rule as written in rules.yaml: a name (reported as
// Assessment.Reason), a category, flags, and patterns in the language of
// pattern.go. Each pattern is an alternative; within one, " && " joins
// patterns that must all match somewhere ("no food" && a parent absent),
// and a part starting with "-" must not match anywhere. flagEx and passEx
// are the rule's examples: messages it must catch, and near misses that
// must not be flagged.
type ruleSpec struct {
	name   string
	cat    string
	flags  ruleFlag
	pats   []string
	flagEx []string
	passEx []string
}

// contextSpec holds the patterns of context.yaml, which read a message as
// a whole; see context.go for what each list means.
type contextSpec struct {
	topic, heavy, past, resolved, current, now, danger, youth, youthParent, parentOfChild []string
}

func (c contextSpec) all() []string {
	var out []string
	for _, l := range [][]string{c.topic, c.heavy, c.past, c.resolved, c.current, c.now, c.danger, c.youth, c.youthParent, c.parentOfChild} {
		out = append(out, l...)
	}
	return out
}

// idiomSpec is an idiom of idioms.yaml, to mask before the rules run.
type idiomSpec struct {
	name   string
	pats   []string
	only   string   // mask only these words of the match; all when empty
	unless []string // any of these anywhere in the message keeps the words
}

// personNoun describes a group of words naming a person.
type personNoun struct {
	words  string
	tags   []tag
	gender tag // tMale, tFemale, or 0 for either
}

// latinSpec is a language in the Latin alphabet: its distinctive function
// words and a glossary of the words (and phrases) that matter for safety,
// each mapped onto the English the rules read. Keys are written naturally;
// accents are folded when compiled.
type latinSpec struct {
	name      string
	stopwords string
	gloss     map[string]string
}

// scriptSpec is a glossary for a non-Latin script. Keys are pieces of
// words ("a|b" for several spellings).
type scriptSpec struct {
	name  string
	table *unicode.RangeTable
	gloss map[string]glossMeaning
}

// glossMeaning is what a piece of a non-Latin word stands for.
type glossMeaning struct {
	words string
	verb  bool // a trailing "me" suffix may follow
	noun  bool // a trailing "my" suffix may follow
}

// safetyData is everything the YAML files hold, in the shapes NewDetector
// compiles.
type safetyData struct {
	rules      []ruleSpec
	context    contextSpec
	idioms     []idiomSpec
	expansions map[string]string
	phrases    map[string]string
	irregular  map[string]string
	lexicon    map[tag]string
	persons    []personNoun
	latins     []latinSpec
	scripts    []scriptSpec

	pronouns        map[string]tag // he, she, they ... by gender class
	personModifiers map[string]bool
	ageSuffixes     map[string]bool
	yearWords       map[string]bool
	monthWords      map[string]bool
	babyAgeWords    map[string]bool // month, week and day words
	laughEmoji      map[rune]bool
	emojiWords      map[rune]string
	english         map[string]bool
}

// builtinData parses the embedded files once.
var builtinData = sync.OnceValues(func() (*safetyData, error) {
	sub, err := fs.Sub(embeddedRules, "rules")
	if err != nil {
		return nil, err
	}
	return loadData(sub)
})

// mustBuiltinData returns the embedded data. It panics if the embedded
// files are invalid, which TestEmbeddedData rules out.
func mustBuiltinData() *safetyData {
	d, err := builtinData()
	if err != nil {
		panic("safety: embedded rules: " + err.Error())
	}
	return d
}

// ruleFlagNames are the words rules.yaml uses for the flags.
var ruleFlagNames = map[string]ruleFlag{
	"negation-cancels":     fNeg,
	"topic-cancels":        fTerm,
	"joke-cancels":         fSlang,
	"urgent":               fUrgent,
	"past-does-not-cancel": fNoPast,
	"other-languages-only": fForeign,
}

// The files' shapes.
type (
	rulesFile struct {
		Rules []ruleYAML `yaml:"rules"`
	}
	ruleYAML struct {
		Name     string       `yaml:"name"`
		Category string       `yaml:"category"`
		Flags    []string     `yaml:"flags"`
		Patterns []string     `yaml:"patterns"`
		Examples examplesYAML `yaml:"examples"`
	}
	examplesYAML struct {
		Flag []string `yaml:"flag"`
		Pass []string `yaml:"pass"`
	}
	contextFile struct {
		Topic         []string `yaml:"topic"`
		Heavy         []string `yaml:"heavy"`
		Past          []string `yaml:"past"`
		Resolved      []string `yaml:"resolved"`
		Current       []string `yaml:"current"`
		Now           []string `yaml:"now"`
		Danger        []string `yaml:"danger"`
		Youth         []string `yaml:"youth"`
		YouthParent   []string `yaml:"youth_parent"`
		ParentOfChild []string `yaml:"parent_of_child"`
	}
	idiomsFile struct {
		Idioms []idiomYAML `yaml:"idioms"`
	}
	idiomYAML struct {
		Name     string   `yaml:"name"`
		Patterns []string `yaml:"patterns"`
		Only     string   `yaml:"only"`
		Unless   []string `yaml:"unless"`
	}
	lexiconFile struct {
		Expansions           map[string]string `yaml:"expansions"`
		Phrases              map[string]string `yaml:"phrases"`
		IrregularStems       map[string]string `yaml:"irregular_stems"`
		WordClasses          map[string]string `yaml:"word_classes"`
		PersonNouns          []personNounYAML  `yaml:"person_nouns"`
		Pronouns             map[string]string `yaml:"pronouns"`
		PersonModifiers      string            `yaml:"person_modifiers"`
		Ages                 agesYAML          `yaml:"ages"`
		Emoji                emojiYAML         `yaml:"emoji"`
		EnglishFunctionWords string            `yaml:"english_function_words"`
	}
	personNounYAML struct {
		Words   string   `yaml:"words"`
		Classes []string `yaml:"classes"`
		Gender  string   `yaml:"gender"`
	}
	agesYAML struct {
		Suffixes     string `yaml:"suffixes"`
		YearWords    string `yaml:"year_words"`
		MonthWords   string `yaml:"month_words"`
		WeekDayWords string `yaml:"week_day_words"`
	}
	emojiYAML struct {
		Laughing string            `yaml:"laughing"`
		Words    map[string]string `yaml:"words"`
	}
	languageFile struct {
		Name          string                   `yaml:"name"`
		Script        string                   `yaml:"script"`
		FunctionWords string                   `yaml:"function_words"`
		Gloss         map[string]glossYAMLItem `yaml:"gloss"`
	}
)

// glossYAMLItem is a glossary meaning: a plain string, or {noun: x} or
// {verb: x} in a script glossary.
type glossYAMLItem struct {
	glossMeaning
	marked bool
}

func (g *glossYAMLItem) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&g.words)
	}
	var m struct {
		Noun *string `yaml:"noun"`
		Verb *string `yaml:"verb"`
	}
	if err := n.Decode(&m); err != nil {
		return err
	}
	switch {
	case m.Noun != nil && m.Verb == nil:
		g.words, g.noun = *m.Noun, true
	case m.Verb != nil && m.Noun == nil:
		g.words, g.verb = *m.Verb, true
	default:
		return fmt.Errorf("line %d: want a meaning, {noun: ...} or {verb: ...}", n.Line)
	}
	g.marked = true
	return nil
}

// unknownFieldRE finds the YAML decoder's message for a misspelt field.
var unknownFieldRE = regexp.MustCompile(`field (\S+) not found in type \S+`)

// decodeFile strictly decodes one YAML file: unknown fields are errors.
func decodeFile(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		msg := unknownFieldRE.ReplaceAllString(err.Error(), `unknown field "$1"`)
		return fmt.Errorf("%s: %s", name, msg)
	}
	return nil
}

// loadData reads and checks the rule files in fsys (the rules/ folder).
func loadData(fsys fs.FS) (*safetyData, error) {
	d := &safetyData{}
	var errs []error
	fail := func(file, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...)))
	}
	// checkPattern compiles a pattern line (parts joined by &&) to catch
	// syntax errors and unknown word classes before NewDetector does.
	checkPattern := func(file, where, src string, joins bool) {
		parts := []string{src}
		if joins {
			parts = strings.Split(src, "&&")
		}
		for i, part := range parts {
			part = strings.TrimSpace(part)
			if i > 0 && strings.HasPrefix(part, "-") {
				part = part[1:]
			}
			if _, err := compilePattern(part, func(w string) string { return w }); err != nil {
				fail(file, "%s: %v", where, err)
			}
		}
	}

	// lexicon.yaml
	const lexName = "lexicon.yaml"
	var lx lexiconFile
	if err := decodeFile(fsys, lexName, &lx); err != nil {
		return nil, err
	}
	d.expansions, d.phrases, d.irregular = lx.Expansions, lx.Phrases, lx.IrregularStems
	for what, m := range map[string]map[string]string{"expansions": d.expansions, "phrases": d.phrases, "irregular_stems": d.irregular} {
		if len(m) == 0 {
			fail(lexName, "%s: empty", what)
		}
		for k, v := range m {
			if strings.TrimSpace(k) == "" || (what != "phrases" && len(strings.Fields(k)) != 1) {
				fail(lexName, "%s: %q: want one word", what, k)
			}
			if len(strings.Fields(v)) == 0 {
				fail(lexName, "%s: %q has no meaning", what, k)
			}
		}
	}
	d.lexicon = map[tag]string{}
	for name, ws := range lx.WordClasses {
		t, ok := tagByName(name)
		if !ok {
			fail(lexName, "word_classes: unknown word class %q", name)
			continue
		}
		d.lexicon[t] = ws
	}
	genders := map[string]tag{"": 0, "male": tMale, "female": tFemale}
	known := map[string]bool{}
	for i, n := range lx.PersonNouns {
		p := personNoun{words: n.Words}
		if len(strings.Fields(n.Words)) == 0 {
			fail(lexName, "person_nouns[%d]: no words", i)
		}
		for _, c := range n.Classes {
			t, ok := tagByName(c)
			if !ok {
				fail(lexName, "person_nouns[%d] (%s): unknown word class %q", i, n.Words, c)
				continue
			}
			p.tags = append(p.tags, t)
		}
		g, ok := genders[n.Gender]
		if !ok {
			fail(lexName, "person_nouns[%d] (%s): unknown gender %q (want male or female)", i, n.Words, n.Gender)
		}
		p.gender = g
		for _, w := range strings.Fields(n.Words) {
			known[w] = true
		}
		d.persons = append(d.persons, p)
	}
	for _, w := range []string{"child", "yo", "yobaby"} {
		// normalisation gives ages and children these words' classes
		if !known[w] {
			fail(lexName, "person_nouns: %q is missing", w)
		}
	}
	d.pronouns = map[string]tag{}
	for _, name := range slices.Sorted(maps.Keys(lx.Pronouns)) { // in order, so every run reads alike
		ws := lx.Pronouns[name]
		t, ok := tagByName(name)
		if !ok || (t != tMale && t != tFemale && t != tPlural) {
			fail(lexName, "pronouns: %q: want MALE, FEMALE or PLURAL", name)
			continue
		}
		for _, w := range strings.Fields(ws) {
			d.pronouns[w] = t
		}
	}
	d.personModifiers = wordSet(lx.PersonModifiers)
	d.ageSuffixes = wordSet(lx.Ages.Suffixes)
	d.yearWords = wordSet(lx.Ages.YearWords)
	d.monthWords = wordSet(lx.Ages.MonthWords)
	d.babyAgeWords = wordSet(lx.Ages.MonthWords + " " + lx.Ages.WeekDayWords)
	d.english = wordSet(lx.EnglishFunctionWords)
	d.laughEmoji = map[rune]bool{}
	d.emojiWords = map[rune]string{}
	for _, e := range strings.Fields(lx.Emoji.Laughing) {
		r, ok := oneRune(e)
		if !ok {
			fail(lexName, "emoji: laughing: %q is not one character", e)
		}
		d.laughEmoji[r] = true
	}
	for _, w := range slices.Sorted(maps.Keys(lx.Emoji.Words)) {
		es := lx.Emoji.Words[w]
		if len(strings.Fields(w)) != 1 {
			fail(lexName, "emoji: words: %q: want one word", w)
		}
		for _, e := range strings.Fields(es) {
			r, ok := oneRune(e)
			if !ok {
				fail(lexName, "emoji: words: %s: %q is not one character", w, e)
			}
			if d.laughEmoji[r] {
				fail(lexName, "emoji: words: %s: %q is also a laughing emoji", w, e)
			}
			d.emojiWords[r] = w
		}
	}
	if len(d.pronouns) == 0 {
		fail(lexName, "pronouns: empty")
	}
	if len(d.laughEmoji) == 0 {
		fail(lexName, "emoji: laughing: empty")
	}
	for what, m := range map[string]map[string]bool{"ages: suffixes": d.ageSuffixes, "ages: year_words": d.yearWords,
		"ages: month_words": d.monthWords, "english_function_words": d.english, "person_modifiers": d.personModifiers} {
		if len(m) == 0 {
			fail(lexName, "%s: empty", what)
		}
	}

	// rules.yaml
	const rulesName = "rules.yaml"
	var rf rulesFile
	if err := decodeFile(fsys, rulesName, &rf); err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for i, r := range rf.Rules {
		where := fmt.Sprintf("rule %q", r.Name)
		if r.Name == "" {
			where = fmt.Sprintf("rule #%d", i+1)
			fail(rulesName, "%s: no name", where)
		}
		if names[r.Name] {
			fail(rulesName, "%s: name used twice", where)
		}
		names[r.Name] = true
		if !knownCategory(r.Category) {
			fail(rulesName, "%s: unknown category %q", where, r.Category)
		}
		s := ruleSpec{name: r.Name, cat: r.Category, pats: r.Patterns, flagEx: r.Examples.Flag, passEx: r.Examples.Pass}
		for _, f := range r.Flags {
			fl, ok := ruleFlagNames[f]
			if !ok {
				fail(rulesName, "%s: unknown flag %q", where, f)
			}
			s.flags |= fl
		}
		if len(r.Patterns) == 0 {
			fail(rulesName, "%s: no patterns", where)
		}
		for _, p := range r.Patterns {
			if strings.HasPrefix(strings.TrimSpace(p), "-") {
				fail(rulesName, "%s: pattern %q: only a part after && may start with -", where, p)
			}
			checkPattern(rulesName, where, p, true)
		}
		d.rules = append(d.rules, s)
	}

	// context.yaml
	const ctxName = "context.yaml"
	var cf contextFile
	if err := decodeFile(fsys, ctxName, &cf); err != nil {
		return nil, err
	}
	d.context = contextSpec{
		topic: cf.Topic, heavy: cf.Heavy, past: cf.Past, resolved: cf.Resolved, current: cf.Current,
		now: cf.Now, danger: cf.Danger, youth: cf.Youth, youthParent: cf.YouthParent, parentOfChild: cf.ParentOfChild,
	}
	for _, p := range d.context.all() {
		checkPattern(ctxName, "context", p, false)
	}

	// idioms.yaml
	const idiomsName = "idioms.yaml"
	var inf idiomsFile
	if err := decodeFile(fsys, idiomsName, &inf); err != nil {
		return nil, err
	}
	for _, id := range inf.Idioms {
		where := fmt.Sprintf("idiom %q", id.Name)
		if len(id.Patterns) == 0 {
			fail(idiomsName, "%s: no patterns", where)
		}
		for _, p := range append(append([]string(nil), id.Patterns...), id.Unless...) {
			checkPattern(idiomsName, where, p, false)
		}
		d.idioms = append(d.idioms, idiomSpec{name: id.Name, pats: id.Patterns, only: id.Only, unless: id.Unless})
	}

	// languages/*.yaml, in name order
	files, err := fs.Glob(fsys, "languages/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, file := range files {
		var lf languageFile
		if err := decodeFile(fsys, file, &lf); err != nil {
			return nil, err
		}
		if lf.Name == "" {
			fail(file, "no name")
		}
		if len(lf.Gloss) == 0 {
			fail(file, "no gloss")
		}
		if lf.Script == "Latin" {
			spec := latinSpec{name: lf.Name, stopwords: lf.FunctionWords, gloss: map[string]string{}}
			if len(strings.Fields(lf.FunctionWords)) < 2 {
				fail(file, "function_words: want at least two")
			}
			// keys that differ only in accents must mean the same
			folded := map[string]string{}
			for k, v := range lf.Gloss {
				if v.marked {
					fail(file, "gloss: %q: noun and verb marks are for other scripts", k)
				}
				fk := foldString(k)
				if fk == "" {
					fail(file, "gloss: %q: no letters", k)
				}
				if prev, dup := folded[fk]; dup && prev != v.words {
					fail(file, "gloss: %q: folds onto another key with a different meaning", k)
				}
				folded[fk] = v.words
				spec.gloss[k] = v.words
			}
			d.latins = append(d.latins, spec)
			continue
		}
		table, ok := unicode.Scripts[lf.Script]
		if !ok {
			fail(file, "unknown script %q", lf.Script)
			continue
		}
		if lf.FunctionWords != "" {
			fail(file, "function_words: only for the Latin script")
		}
		spec := scriptSpec{name: lf.Name, table: table, gloss: map[string]glossMeaning{}}
		for k, v := range lf.Gloss {
			if len(strings.Fields(v.words)) == 0 {
				fail(file, "gloss: %q has no meaning", k)
			}
			for _, piece := range strings.Split(k, "|") {
				if foldString(piece) == "" {
					fail(file, "gloss: %q: empty piece", k)
				}
			}
			spec.gloss[k] = v.glossMeaning
		}
		d.scripts = append(d.scripts, spec)
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
		return nil, errors.Join(errs...)
	}
	return d, nil
}

// knownCategory reports the categories a rule may have: those an
// Assessment can carry.
func knownCategory(cat string) bool {
	switch cat {
	case CatSuicide, CatSelfHarm, CatChildAbuse, CatSexualAbuse, CatDomesticAbuse, CatExploitation, CatNeglect,
		CatMissingChild, CatViolence, CatHomelessness, CatMedical, CatParentCrisis, CatFGMForcedMarry:
		return true
	}
	return false
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func oneRune(s string) (rune, bool) {
	r, n := utf8.DecodeRuneInString(s)
	return r, n == len(s) && r != utf8.RuneError
}
