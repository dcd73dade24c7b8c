package triage

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The need cues live in thesaurus.yaml, the family-words thesaurus, for a
// practitioner to read and review without reading Go: each entry's family
// wordings, the taxonomy terms they point to, the words added to the
// search, and example messages that run as a test. This file only loads,
// checks and compiles it; thesaurus.yaml's header describes the format.
//
//go:embed thesaurus.yaml
var thesaurusYAML []byte

// thesaurus is thesaurus.yaml as written.
type thesaurus struct {
	// Taxonomy lists the terms entries may point to, with what each means.
	Taxonomy map[string]string `yaml:"taxonomy"`
	Groups   []thesaurusGroup  `yaml:"groups"`
}

type thesaurusGroup struct {
	Group   string           `yaml:"group"`
	Entries []thesaurusEntry `yaml:"entries"`
}

// thesaurusEntry is one way families say a need.
type thesaurusEntry struct {
	Name        string `yaml:"name"`
	Terms       texts  `yaml:"terms"`
	SearchWords string `yaml:"search_words"`
	Phrases     texts  `yaml:"phrases"`
	Pattern     string `yaml:"pattern"`
	Examples    texts  `yaml:"examples"`
	Not         texts  `yaml:"not"`
}

// texts is a list of strings that keeps its empty items: YAML reads an
// unquoted "- #+#*" as an empty item (the # starts a comment) and would
// drop it without a word, so it is kept, to be reported.
type texts []string

func (l *texts) UnmarshalYAML(n *yaml.Node) error {
	var items []*string
	if err := n.Decode(&items); err != nil {
		return err
	}
	*l = make(texts, len(items))
	for i, s := range items {
		if s != nil {
			(*l)[i] = *s
		}
	}
	return nil
}

// loadedThesaurus is the embedded thesaurus and the cues compiled from it,
// read once. Cues are shared by every Parser and never changed.
var loadedThesaurus = sync.OnceValues(func() (*thesaurus, error) {
	return readThesaurus(thesaurusYAML)
})

var thesaurusCues = sync.OnceValues(func() ([]cue, error) {
	th, err := loadedThesaurus()
	if err != nil {
		return nil, err
	}
	return th.cues()
})

// readThesaurus parses thesaurus YAML, refusing fields it does not know
// (a misspelt "phrase:" would otherwise be dropped without a word).
func readThesaurus(data []byte) (*thesaurus, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var th thesaurus
	if err := dec.Decode(&th); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("thesaurus: empty file")
		}
		return nil, fmt.Errorf("thesaurus: %w", err)
	}
	return &th, nil
}

// cues checks every entry and compiles the cues, in file order. All the
// mistakes found are reported together, each naming its entry.
func (th *thesaurus) cues() ([]cue, error) {
	var errs []error
	if len(th.Taxonomy) == 0 {
		errs = append(errs, errors.New("thesaurus: no taxonomy terms listed"))
	}
	for _, term := range slices.Sorted(maps.Keys(th.Taxonomy)) {
		meaning := th.Taxonomy[term]
		if term == "" || term != strings.ToLower(strings.TrimSpace(term)) || strings.ContainsAny(term, " _") {
			errs = append(errs, fmt.Errorf("thesaurus: taxonomy term %q: write terms in lower case, words joined by -", term))
		}
		if strings.TrimSpace(meaning) == "" {
			errs = append(errs, fmt.Errorf("thesaurus: taxonomy term %q: say what it means", term))
		}
	}
	var out []cue
	names := map[string]bool{}
	for gi, g := range th.Groups {
		if strings.TrimSpace(g.Group) == "" {
			errs = append(errs, fmt.Errorf("thesaurus: group %d has no name", gi+1))
		}
		if len(g.Entries) == 0 {
			errs = append(errs, fmt.Errorf("thesaurus: group %q has no entries", g.Group))
		}
		for ei, e := range g.Entries {
			where := fmt.Sprintf("entry %q (group %q)", e.Name, g.Group)
			if strings.TrimSpace(e.Name) == "" {
				where = fmt.Sprintf("entry %d of group %q", ei+1, g.Group)
				errs = append(errs, fmt.Errorf("thesaurus: %s has no name", where))
			} else if names[e.Name] {
				errs = append(errs, fmt.Errorf("thesaurus: %s: another entry has the same name", where))
			}
			names[e.Name] = true
			c, err := e.cue(th.Taxonomy)
			if err != nil {
				errs = append(errs, fmt.Errorf("thesaurus: %s: %w", where, err))
				continue
			}
			out = append(out, c)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out) == 0 {
		return nil, errors.New("thesaurus: no entries")
	}
	return out, nil
}

// cue checks one entry and compiles it.
func (e thesaurusEntry) cue(taxonomy map[string]string) (cue, error) {
	var errs []error
	seen := map[string]bool{}
	for _, t := range e.Terms {
		switch {
		case t == "":
			errs = append(errs, errors.New("an empty term"))
		case seen[t]:
			errs = append(errs, fmt.Errorf("term %q listed twice", t))
		default:
			if _, ok := taxonomy[t]; !ok {
				errs = append(errs, fmt.Errorf("unknown term %q (not listed under taxonomy)", t))
			}
		}
		seen[t] = true
	}
	words := strings.Join(strings.Fields(e.SearchWords), " ")
	if len(e.Terms) == 0 && words == "" {
		errs = append(errs, errors.New("no terms and no search_words: the entry would do nothing"))
	}
	for _, list := range []struct {
		field string
		items texts
	}{{"example", e.Examples}, {"not", e.Not}} {
		for i, m := range list.items {
			if strings.TrimSpace(m) == "" {
				errs = append(errs, fmt.Errorf("%s %d is empty (one starting with # must be quoted)", list.field, i+1))
			}
		}
	}
	if len(e.Phrases) == 0 && strings.TrimSpace(e.Pattern) == "" {
		errs = append(errs, errors.New("no phrases"))
	}
	var alts []string
	seenPhrase := map[string]bool{}
	for i, p := range e.Phrases {
		if seenPhrase[p] {
			errs = append(errs, fmt.Errorf("phrase %q listed twice", p))
			continue
		}
		seenPhrase[p] = true
		re, err := compilePhrase(p)
		if err != nil {
			if strings.TrimSpace(p) == "" {
				err = fmt.Errorf("phrase %d is empty (a phrase starting with # must be quoted)", i+1)
			}
			errs = append(errs, err)
			continue
		}
		alts = append(alts, re)
	}
	if pat := strings.TrimSpace(e.Pattern); pat != "" {
		if _, err := regexp.Compile(pat); err != nil {
			errs = append(errs, fmt.Errorf("pattern: %w", err))
		} else {
			alts = append(alts, "(?:"+pat+")")
		}
	}
	if len(errs) > 0 {
		return cue{}, errors.Join(errs...)
	}
	return newCue(strings.Join(alts, "|"), e.Terms, words)
}

// compilePhrase turns one phrase, in the syntax thesaurus.yaml's header
// describes, into a regular expression matched from the start of a word
// of a cleaned message (lower case, single spaces):
//
//	word    the word, ending there       hv      -> hv\b
//	word*   the word may run on          smok*   -> smok (at the end), smok\w* (before more words)
//	wo(r)d  letters that may be left out feed(s) -> feed(?:s)?\b
//	a/b     one word of several          him/her -> (?:him\b|her\b)
//	a-b     joined or apart              tongue-tie* -> tongue ?tie
//	(word)  a word that may be left out  (the)   -> (?:the )?
//	#       a number                     #       -> \d+
//	...     up to three other words      ...     -> (?:\w+ ){0,3}
func compilePhrase(p string) (string, error) {
	bad := func(format string, args ...any) (string, error) {
		return "", fmt.Errorf("phrase %q: "+format, append([]any{p}, args...)...)
	}
	if strings.TrimSpace(p) == "" {
		return bad("empty")
	}
	if p != strings.TrimSpace(p) || strings.Contains(p, "  ") {
		return bad("extra spaces")
	}
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', strings.ContainsRune(" *#()/+-.", r):
		case r >= 'A' && r <= 'Z':
			return bad("write it in lower case (messages are lower-cased before matching)")
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			return bad("drop apostrophes (messages lose them: dont, im, cant)")
		default:
			return bad("%q cannot appear: messages are cleaned to letters, digits and spaces", r)
		}
	}
	toks := strings.Split(p, " ")
	var b strings.Builder
	spaced := true // the last thing written ends in a space, or nothing is written
	for i, tok := range toks {
		first, last := i == 0, i == len(toks)-1
		switch {
		case tok == "...":
			if first || last || toks[i-1] == "..." {
				return bad(`"..." must stand between two words`)
			}
			if !spaced {
				b.WriteByte(' ')
			}
			b.WriteString(`(?:\w+ ){0,3}`)
			spaced = true
		case isOptionalWord(tok):
			if first || last {
				return bad("a word in brackets cannot start or end a phrase")
			}
			var alts []string
			for _, alt := range strings.Split(tok[1:len(tok)-1], "/") {
				re, err := compileWord(alt, false)
				if err != nil {
					return bad("%v", err)
				}
				alts = append(alts, re+" ")
			}
			if !spaced {
				b.WriteByte(' ')
			}
			b.WriteString("(?:" + strings.Join(alts, "|") + ")?")
			spaced = true
		default:
			re, err := compileToken(tok, last)
			if err != nil {
				return bad("%v", err)
			}
			if !spaced {
				b.WriteByte(' ')
			}
			b.WriteString(re)
			spaced = false
		}
	}
	re := b.String()
	if _, err := regexp.Compile(re); err != nil {
		return bad("%v", err)
	}
	return re, nil
}

// isOptionalWord reports whether a token is one bracket group, "(the)".
func isOptionalWord(tok string) bool {
	return len(tok) >= 2 && tok[0] == '(' && tok[len(tok)-1] == ')' && !strings.ContainsAny(tok[1:len(tok)-1], "()")
}

// compileToken compiles one space-free token: parts joined by "-" (joined
// or apart), each part one or more words split by "/". last says whether
// the token ends the phrase, where a word ends at a word boundary unless
// it has a trailing "*".
func compileToken(tok string, last bool) (string, error) {
	parts, err := splitTop(tok, '-')
	if err != nil {
		return "", err
	}
	var out []string
	for pi, part := range parts {
		alts, err := splitTop(part, '/')
		if err != nil {
			return "", err
		}
		lastPart := pi == len(parts)-1
		var res []string
		for _, alt := range alts {
			if strings.HasSuffix(alt, "*") && !lastPart {
				return "", fmt.Errorf("%q: a * can only end a word, not a part joined by -", alt)
			}
			re, err := compileWord(alt, lastPart && last)
			if err != nil {
				return "", err
			}
			res = append(res, re)
		}
		if len(res) == 1 {
			out = append(out, res[0])
		} else {
			out = append(out, "(?:"+strings.Join(res, "|")+")")
		}
	}
	return strings.Join(out, " ?"), nil
}

// splitTop splits s at sep outside brackets; no piece may be empty.
func splitTop(s string, sep byte) ([]string, error) {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
			if depth > 1 {
				return nil, fmt.Errorf("%q: brackets inside brackets", s)
			}
		case ')':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("%q: a ) with no (", s)
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("%q: a ( with no )", s)
	}
	out = append(out, s[start:])
	for _, piece := range out {
		if piece == "" {
			return nil, fmt.Errorf("%q: nothing on one side of %q", s, string(sep))
		}
	}
	return out, nil
}

// compileWord compiles one word: letters, digits, "#" for a number, "+",
// "(a/b)" for letters that may be left out, and an optional trailing "*"
// (the word may run on). end says whether the word ends the phrase: then
// a word without "*" must end there (\b) and one with "*" may run on into
// anything; before more words, "*" lets the word run on to its end (\w*).
func compileWord(w string, end bool) (string, error) {
	star := strings.HasSuffix(w, "*")
	w = strings.TrimSuffix(w, "*")
	if w == "" {
		return "", errors.New("a * on its own")
	}
	if strings.Contains(w, "*") {
		return "", fmt.Errorf("%q: a * can only end a word", w+"*")
	}
	if strings.Contains(w, ".") {
		return "", fmt.Errorf(`%q: a "." can only be part of "..."`, w)
	}
	if c := w[0]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '#' || c == '(') {
		return "", fmt.Errorf("%q: a word must start with a letter, a digit or #", w)
	}
	if c := w[len(w)-1]; c == '+' {
		return "", fmt.Errorf("%q: a word cannot end in +", w)
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		switch c := w[i]; c {
		case '#':
			b.WriteString(`\d+`)
		case '+':
			b.WriteString(`\+`)
		case '(':
			j := strings.IndexByte(w[i:], ')')
			if j < 0 {
				return "", fmt.Errorf("%q: a ( with no )", w)
			}
			inner := w[i+1 : i+j]
			var alts []string
			for _, a := range strings.Split(inner, "/") {
				if a == "" || strings.ContainsAny(a, "#+-") {
					return "", fmt.Errorf("%q: brackets in a word hold letters, or choices of letters split by /", w)
				}
				alts = append(alts, a)
			}
			if len(alts) == 1 && len(alts[0]) == 1 {
				b.WriteString(alts[0] + "?")
			} else {
				b.WriteString("(?:" + strings.Join(alts, "|") + ")?")
			}
			i += j
		case ')':
			return "", fmt.Errorf("%q: a ) with no (", w)
		case '/', '-', ' ':
			return "", fmt.Errorf("%q: %q inside a word", w, string(c))
		default:
			b.WriteByte(c)
		}
	}
	if !hasRequired(w) {
		return "", fmt.Errorf("%q: everything in it may be left out", w)
	}
	switch {
	case star && !end:
		b.WriteString(`\w*`)
	case !star && end:
		b.WriteString(`\b`)
	}
	return b.String(), nil
}

// hasRequired reports whether a word has something outside brackets.
func hasRequired(w string) bool {
	depth := 0
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '(':
			depth++
		case ')':
			depth--
		default:
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// termIDs are the taxonomy's terms, sorted: the classes of the need model.
func (th *thesaurus) termIDs() []string {
	return slices.Sorted(maps.Keys(th.Taxonomy))
}
