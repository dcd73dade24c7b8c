package safety

import (
	"fmt"
	"strconv"
	"strings"
)

// A pattern is a compiled phrase pattern matched over a normalised token
// sequence. Patterns are written in a tiny language, one element per
// space-separated field:
//
//	word        the token, or any inflection of it ("hit" matches "hits", "hitting")
//	=word       exactly this token text, no inflection
//	pre*        any token starting with pre
//	@TAG        any token carrying the word class TAG (see tags.go)
//	a|@B|c*     any of the alternatives
//	x?          the element is optional
//	~N          skip up to N tokens within the sentence
//	~N!A,B      skip up to N tokens, none of them carrying tag A or B
//	!a|b        zero-width: the next token is not a or b (end of text is fine)
//	(a b|c)     a group: any of the word sequences "a b" or "c"; inside a
//	            group "|" separates sequences, so a group's fields have no
//	            alternatives of their own
//
// A pattern never matches across a sentence boundary. Groups are expanded
// when the pattern is compiled, into one flat variant per choice.
type pattern struct {
	src      string
	variants [][]element
	// For skipping patterns that cannot match (see firstWords): the
	// pattern's number, whether it can start at any token, and the word
	// classes its first elements accept.
	id     int32
	always bool
	tags   tagSet
}

// element is one field of a pattern.
type element struct {
	alts     []alt
	optional bool
	gap      int    // >0: a gap of 0..gap tokens
	block    tagSet // tags a gap may not cross
	notNext  bool   // zero-width negative look-ahead
}

// alt is one alternative of an element.
type alt struct {
	stem   string // compare with token stem (or text)
	exact  string // compare with token text only
	prefix string
	tag    tag
	hasTag bool
}

func (a alt) accepts(t *token) bool {
	switch {
	case a.hasTag:
		return t.tags.has(a.tag)
	case a.exact != "":
		return t.text == a.exact
	case a.prefix != "":
		return strings.HasPrefix(t.text, a.prefix)
	default:
		return t.stem == a.stem || t.text == a.stem
	}
}

func (e *element) accepts(t *token) bool {
	if t.tags.has(tBound) {
		return false
	}
	for i := range e.alts {
		if e.alts[i].accepts(t) {
			return true
		}
	}
	return false
}

// compilePattern parses src. stem maps a literal word to its base form.
func compilePattern(src string, stem func(string) string) (*pattern, error) {
	flats, err := expandGroups(src)
	if err != nil {
		return nil, err
	}
	p := &pattern{src: src}
	for _, f := range flats {
		elems, err := compileFlat(f, stem)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %w", src, err)
		}
		p.variants = append(p.variants, elems)
	}
	return p, nil
}

// expandGroups rewrites "x (a b|c) y" as "x a b y" and "x c y".
func expandGroups(src string) ([]string, error) {
	open := strings.IndexByte(src, '(')
	if open < 0 {
		if strings.ContainsRune(src, ')') {
			return nil, fmt.Errorf("pattern %q: unbalanced )", src)
		}
		return []string{src}, nil
	}
	end := strings.IndexByte(src[open:], ')')
	if end < 0 {
		return nil, fmt.Errorf("pattern %q: unbalanced (", src)
	}
	end += open
	inner := src[open+1 : end]
	if strings.ContainsRune(inner, '(') {
		return nil, fmt.Errorf("pattern %q: nested group", src)
	}
	var out []string
	for _, a := range strings.Split(inner, "|") {
		rest, err := expandGroups(src[:open] + " " + a + " " + src[end+1:])
		if err != nil {
			return nil, err
		}
		out = append(out, rest...)
	}
	return out, nil
}

// compileFlat compiles one group-free variant.
func compileFlat(src string, stem func(string) string) ([]element, error) {
	var elems []element
	for _, f := range strings.Fields(src) {
		var e element
		switch {
		case strings.HasPrefix(f, "~"):
			spec, block, _ := strings.Cut(f[1:], "!")
			n, err := strconv.Atoi(spec)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("bad gap %q", f)
			}
			e.gap = n
			if block != "" {
				for _, name := range strings.Split(block, ",") {
					t, ok := tagByName(name)
					if !ok {
						return nil, fmt.Errorf("unknown tag %q", name)
					}
					e.block.add(t)
				}
			}
			elems = append(elems, e)
			continue
		case strings.HasPrefix(f, "!") && len(f) > 1:
			e.notNext = true
			f = f[1:]
		case strings.HasSuffix(f, "?") && len(f) > 1:
			e.optional = true
			f = f[:len(f)-1]
		}
		for _, a := range strings.Split(f, "|") {
			switch {
			case a == "":
				return nil, fmt.Errorf("empty alternative in %q", f)
			case strings.HasPrefix(a, "@"):
				t, ok := tagByName(a[1:])
				if !ok {
					return nil, fmt.Errorf("unknown tag %q", a)
				}
				e.alts = append(e.alts, alt{tag: t, hasTag: true})
			case strings.HasPrefix(a, "="):
				e.alts = append(e.alts, alt{exact: a[1:]})
			case strings.HasSuffix(a, "*"):
				e.alts = append(e.alts, alt{prefix: a[:len(a)-1]})
			default:
				e.alts = append(e.alts, alt{stem: stem(a)})
			}
		}
		elems = append(elems, e)
	}
	if len(elems) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	if first := elems[0]; first.gap > 0 || first.optional || first.notNext {
		return nil, fmt.Errorf("variant %q must start with a plain element", src)
	}
	return elems, nil
}

// literals lists the plain words a pattern source mentions, so the
// stemmer's vocabulary can include them.
func patternLiterals(src string) []string {
	var out []string
	src = strings.NewReplacer("(", " ", ")", " ").Replace(src)
	for _, f := range strings.Fields(src) {
		if strings.HasPrefix(f, "~") {
			continue
		}
		f = strings.TrimPrefix(f, "-")
		f = strings.TrimPrefix(f, "!")
		f = strings.TrimSuffix(f, "?")
		for _, a := range strings.Split(f, "|") {
			if a == "" || strings.HasPrefix(a, "@") || strings.HasPrefix(a, "=") || strings.HasSuffix(a, "*") {
				continue
			}
			out = append(out, a)
		}
	}
	return out
}

// find returns the earliest span [start, end) where p matches toks at or
// after from, or -1, -1.
func (p *pattern) find(toks []token, from int) (start, end int) {
	start, end = -1, -1
	for _, v := range p.variants {
		first := &v[0]
		limit := len(toks)
		if start >= 0 {
			limit = start
		}
		for s := from; s < limit; s++ {
			if !first.accepts(&toks[s]) {
				continue
			}
			if e := matchFrom(v, toks, 1, s+1); e >= 0 {
				start, end = s, e
				break
			}
		}
	}
	return start, end
}

// matchFrom matches elements ei.. at token ti and returns the end of the
// match, or -1.
func matchFrom(elems []element, toks []token, ei, ti int) int {
	if ei == len(elems) {
		return ti
	}
	e := &elems[ei]
	switch {
	case e.gap > 0:
		for k := 0; k <= e.gap; k++ {
			if k > 0 {
				j := ti + k - 1
				if j >= len(toks) || toks[j].tags.has(tBound) || toks[j].tags.any(e.block) {
					break
				}
			}
			if r := matchFrom(elems, toks, ei+1, ti+k); r >= 0 {
				return r
			}
		}
		return -1
	case e.notNext:
		if ti < len(toks) && e.accepts(&toks[ti]) {
			return -1
		}
		return matchFrom(elems, toks, ei+1, ti)
	}
	if ti < len(toks) && e.accepts(&toks[ti]) {
		if r := matchFrom(elems, toks, ei+1, ti+1); r >= 0 {
			return r
		}
	}
	if e.optional {
		return matchFrom(elems, toks, ei+1, ti)
	}
	return -1
}
