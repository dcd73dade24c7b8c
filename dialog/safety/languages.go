package safety

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Families write to the hub in their own languages too. The detector does
// not translate; it recognises a message's language from its function
// words (or its script), rewrites the words that matter for safety into
// the English the rules read ("bije" to "hits", "ضربني" to "hit me"), and
// turns on a few order-free rules for such messages, because word order
// differs between languages. Idioms ("umieram z nudów", "mor de
// curiozitate") are rewritten to the English idiom, which is then masked.

// latinLanguage is a language written in the Latin alphabet.
type latinLanguage struct {
	name      string
	stopwords map[string]bool
	words     map[string][]string // one word to English words
	phrases   map[string][]phrase // several words to English words, by first word
}

// scriptGlossary maps pieces of words in one non-Latin script onto
// English words. Pieces are found anywhere in a word, longest first, so
// attached articles, prepositions and pronouns ("وهددني", "بالسكين") do
// not hide them.
type scriptGlossary struct {
	name    string
	inTable *unicode.RangeTable
	entries []glossEntry
}

// glossEntry is one piece of a non-Latin word and what it stands for.
type glossEntry struct {
	piece string
	repl  []string
	verb  bool // a trailing "me" suffix ("ني") means the verb is done to the speaker
	noun  bool // a trailing "my" suffix ("ي") makes it the speaker's
}

// compileLanguages builds the glossaries of the files under
// rules/languages, folding every key as message text is folded. loadData
// has checked them.
func compileLanguages(latinSpecs []latinSpec, scriptSpecs []scriptSpec) ([]latinLanguage, []scriptGlossary) {
	var latins []latinLanguage
	for _, spec := range latinSpecs {
		l := latinLanguage{
			name:      spec.name,
			stopwords: map[string]bool{},
			words:     map[string][]string{},
			phrases:   map[string][]phrase{},
		}
		for _, w := range strings.Fields(spec.stopwords) {
			l.stopwords[foldString(w)] = true
		}
		keys := make([]string, 0, len(spec.gloss))
		for k := range spec.gloss {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := spec.gloss[k]
			fk := foldString(k)
			ks := strings.Fields(fk)
			repl := strings.Fields(v)
			if len(ks) == 1 {
				l.words[ks[0]] = repl
				continue
			}
			l.phrases[ks[0]] = append(l.phrases[ks[0]], phrase{words: ks, repl: repl})
		}
		for k, list := range l.phrases {
			sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
			l.phrases[k] = list
		}
		latins = append(latins, l)
	}
	var scripts []scriptGlossary
	for _, spec := range scriptSpecs {
		g := scriptGlossary{name: spec.name, inTable: spec.table}
		keys := make([]string, 0, len(spec.gloss))
		for k := range spec.gloss {
			keys = append(keys, k)
		}
		sort.Strings(keys) // a piece listed under two keys resolves the same way every run
		for _, k := range keys {
			v := spec.gloss[k]
			for _, piece := range strings.Split(k, "|") {
				g.entries = append(g.entries, glossEntry{
					piece: foldString(piece),
					repl:  strings.Fields(v.words),
					verb:  v.verb,
					noun:  v.noun,
				})
			}
		}
		// longest first; pieces of one length in a fixed order
		sort.SliceStable(g.entries, func(i, j int) bool {
			a, b := g.entries[i].piece, g.entries[j].piece
			if len(a) != len(b) {
				return len(a) > len(b)
			}
			return a < b
		})
		scripts = append(scripts, g)
	}
	return latins, scripts
}

// foldString lower-cases and folds s as rawWords does.
func foldString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if keepRune(r) {
			b.WriteRune(foldRune(unicode.ToLower(r)))
		} else if !dropRune(r) {
			b.WriteRune(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// translate detects a message's language and rewrites its safety words
// into English. It reports whether the message is in another language.
func (d *Detector) translate(words []string) ([]string, bool) {
	foreign := false
	// non-Latin scripts: piece by piece, word by word
	var out []string
	for _, w := range words {
		g := d.scriptOf(w)
		if g == nil {
			out = append(out, w)
			continue
		}
		foreign = true
		out = append(out, g.rewrite(w)...)
	}
	words = out

	// Latin scripts: by function words
	english := 0
	best, bestScore := -1, 0
	scores := make([]int, len(d.latins))
	for _, w := range words {
		if d.data.english[w] {
			english++
		}
		for i := range d.latins {
			if d.latins[i].stopwords[w] {
				scores[i]++
			}
		}
	}
	for i, s := range scores {
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore < 2 || bestScore <= english {
		return words, foreign
	}
	l := &d.latins[best]
	out = make([]string, 0, len(words)+4)
	for i := 0; i < len(words); {
		matched := false
		for _, ph := range l.phrases[words[i]] {
			if i+len(ph.words) > len(words) {
				continue
			}
			ok := true
			for k, pw := range ph.words {
				if words[i+k] != pw {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, ph.repl...)
				i += len(ph.words)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if repl, ok := l.words[words[i]]; ok {
			out = append(out, repl...)
		} else {
			out = append(out, words[i])
		}
		i++
	}
	return out, true
}

// scriptOf returns the glossary for the script w is written in, or nil
// for Latin text, digits and the tokens normalisation inserts.
func (d *Detector) scriptOf(w string) *scriptGlossary {
	for _, r := range w {
		if r < 0x250 {
			continue
		}
		for i := range d.scripts {
			if unicode.Is(d.scripts[i].inTable, r) {
				return &d.scripts[i]
			}
		}
	}
	return nil
}

// rewrite finds the glossary's pieces in w, left to right, and returns
// their English words; a word with none is kept as it is.
func (g *scriptGlossary) rewrite(w string) []string {
	var out []string
	for pos := 0; pos < len(w); {
		found := false
		for _, e := range g.entries {
			if !strings.HasPrefix(w[pos:], e.piece) {
				continue
			}
			rest := w[pos+len(e.piece):]
			switch {
			case e.noun && (rest == "ي" || rest == "ى"):
				out = append(out, "my")
				out = append(out, e.repl...)
			case e.verb && strings.HasSuffix(rest, "ني"):
				out = append(out, e.repl...)
				out = append(out, "me")
			default:
				out = append(out, e.repl...)
			}
			pos += len(e.piece)
			found = true
			break
		}
		if !found {
			_, size := utf8.DecodeRuneInString(w[pos:])
			pos += size
		}
	}
	if len(out) == 0 {
		return []string{w}
	}
	return out
}
