package safety

// wordIndex is what a message holds, for skipping patterns that cannot
// match it: every token's text and stem, and every word class on any
// token.
type wordIndex struct {
	words map[string]struct{}
	tags  tagSet
}

// index returns the message's word index, building it on first use. It
// may be built before idioms are masked: it then holds more than the
// tokens do, which only makes the skip more cautious.
func (dc *doc) index() *wordIndex {
	if dc.idx != nil {
		return dc.idx
	}
	ix := &wordIndex{words: make(map[string]struct{}, 2*len(dc.toks))}
	for i := range dc.toks {
		t := &dc.toks[i]
		ix.words[t.text] = struct{}{}
		ix.words[t.stem] = struct{}{}
		ix.tags.union(t.tags)
	}
	dc.idx = ix
	return ix
}

// possible reports whether p could match a message with this index: false
// only when no variant's first element can accept any token in it.
func (p *pattern) possible(ix *wordIndex) bool {
	for _, v := range p.variants {
		if v[0].possible(ix) {
			return true
		}
	}
	return false
}

// possible reports whether e could accept some token of the message.
func (e *element) possible(ix *wordIndex) bool {
	if e.optional || e.gap > 0 || e.notNext {
		return true
	}
	for _, a := range e.alts {
		switch {
		case a.hasTag:
			if ix.tags.has(a.tag) {
				return true
			}
		case a.prefix != "":
			return true
		case a.exact != "":
			if _, ok := ix.words[a.exact]; ok {
				return true
			}
		default:
			if _, ok := ix.words[a.stem]; ok {
				return true
			}
		}
	}
	return false
}

// findIn is find over a parsed message, skipping at once a pattern that
// cannot match it.
func (p *pattern) findIn(dc *doc, from int) (start, end int) {
	if !p.possible(dc.index()) {
		return -1, -1
	}
	return p.find(dc.toks, from)
}
