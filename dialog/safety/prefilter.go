package safety

// firstWords is an inverted index over every compiled pattern's first
// element: for each word a first element names, the patterns it starts.
// A message's words then say at once which patterns could match it.
type firstWords struct {
	byWord map[string][]int32
	n      int32 // patterns numbered
}

// register numbers p and indexes its first elements' words. A pattern
// whose first element is optional, a gap, a look-ahead or a prefix can
// start anywhere and is marked always possible.
func (f *firstWords) register(p *pattern) {
	p.id = f.n
	f.n++
	seen := map[string]bool{}
	for _, v := range p.variants {
		e := &v[0]
		if e.optional || e.gap > 0 || e.notNext {
			p.always = true
			continue
		}
		for _, a := range e.alts {
			switch {
			case a.hasTag:
				p.tags.add(a.tag)
			case a.prefix != "":
				p.always = true
			default:
				w := a.stem
				if a.exact != "" {
					w = a.exact
				}
				if !seen[w] {
					seen[w] = true
					f.byWord[w] = append(f.byWord[w], p.id)
				}
			}
		}
	}
}

// wordIndex is what a message holds, for skipping patterns that cannot
// match it: the patterns its words may start, and every word class on any
// of its tokens.
type wordIndex struct {
	starts []uint64 // bit per pattern id
	tags   tagSet
}

// index returns the message's word index, building it on first use. It
// may be built before idioms are masked: it then holds more than the
// tokens do, which only makes the skip more cautious.
func (dc *doc) index() *wordIndex {
	if dc.idx != nil {
		return dc.idx
	}
	ix := &wordIndex{}
	if dc.firsts != nil {
		ix.starts = make([]uint64, (dc.firsts.n+63)/64)
		mark := func(w string) {
			for _, id := range dc.firsts.byWord[w] {
				ix.starts[id/64] |= 1 << (id % 64)
			}
		}
		for i := range dc.toks {
			mark(dc.toks[i].text)
			if dc.toks[i].stem != dc.toks[i].text {
				mark(dc.toks[i].stem)
			}
		}
	}
	for i := range dc.toks {
		ix.tags.union(dc.toks[i].tags)
	}
	dc.idx = ix
	return ix
}

// possible reports whether p could match a message with this index.
func (p *pattern) possible(ix *wordIndex) bool {
	if p.always || ix.starts == nil || p.tags.any(ix.tags) {
		return true
	}
	return ix.starts[p.id/64]&(1<<(p.id%64)) != 0
}

// findIn is find over a parsed message, skipping at once a pattern that
// cannot match it.
func (p *pattern) findIn(dc *doc, from int) (start, end int) {
	if !p.possible(dc.index()) {
		return -1, -1
	}
	return p.find(dc.toks, from)
}
