package safety

import (
	"strconv"
	"strings"
	"unicode"
)

// token is one normalised word of a message.
type token struct {
	text string // lower-case, expanded ("cant" gives "can", "not")
	stem string // base form used by patterns and the lexicon
	tags tagSet
	sent int // index of the sentence the token belongs to
}

// doc is a message after normalisation, with what the rules need to know
// about the whole of it.
type doc struct {
	toks    []token
	laugh   bool // a laughing emoji or lol/haha somewhere
	foreign bool // written (at least partly) in another language
	idx     *wordIndex
	firsts  *firstWords // the Detector's, for the index
}

// boundaryWord and laughWord are the tokens normalisation inserts for a
// sentence break and for a laughing emoji.
const (
	boundaryWord = "."
	laughWord    = "_laugh_"
	maskedWord   = "_"
)

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', '′':
		return true
	}
	return false
}

// keepRune reports the runes that belong inside a word: letters, digits
// and the vowel signs of Indic scripts.
func keepRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) ||
		((unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) && !isArabicMark(r))
}

// dropRune reports the runes removed without splitting a word:
// apostrophes, Arabic vowel marks and tatweel, joiners and emoji variation
// selectors.
func dropRune(r rune) bool {
	return isApostrophe(r) || isArabicMark(r) || r == 0x0640 || r == 0x200C || r == 0x200D ||
		r == 0xFE0F || r == 0xFE0E
}

func isArabicMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670
}

// rawWords splits text into lower-case folded words, boundary tokens and
// laugh tokens. Apostrophes are dropped so "can't" becomes "cant";
// everything else that is not part of a word separates words. Laughing
// emoji become a laugh token, and emoji that stand for a word ("💊")
// that word (emoji in rules/lexicon.yaml).
func rawWords(text string) []string {
	emoji := mustBuiltinData()
	words := make([]string, 0, len(text)/4+4)
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	boundary := func() {
		flush()
		if n := len(words); n > 0 && words[n-1] != boundaryWord {
			words = append(words, boundaryWord)
		}
	}
	var prev rune
	for i, r := range text {
		switch {
		case keepRune(r):
			b.WriteRune(foldRune(unicode.ToLower(r)))
		case dropRune(r):
			// joined: "don't" -> "dont"
		case r == '.' && unicode.IsDigit(prev) && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			b.WriteRune(r) // 37.5
		case r == '.' || r == '!' || r == '?' || r == ';' || r == '\n' || r == '…' || r == ':' ||
			r == '؟' || r == '。' || r == '！' || r == '？' || r == '।' || r == '۔':
			boundary()
		case r == '&' || r == '+':
			flush()
			words = append(words, "and")
		case emoji.laughEmoji[r]:
			flush()
			words = append(words, laughWord)
			boundary()
		case emoji.emojiWords[r] != "":
			flush()
			words = append(words, emoji.emojiWords[r])
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

// foldRune strips accents from Latin letters, so "córka" and "corka",
// "tatăl" and "tatal" agree, and unifies Arabic-script letter variants.
func foldRune(r rune) rune {
	if r < 0x80 {
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ä', 'ã', 'å', 'ą', 'ă', 'ā':
		return 'a'
	case 'è', 'é', 'ê', 'ë', 'ę', 'ė', 'ě', 'ē':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'ı', 'į', 'ī':
		return 'i'
	case 'ò', 'ó', 'ô', 'ö', 'õ', 'ő', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü', 'ų', 'ū', 'ů', 'ű':
		return 'u'
	case 'ç', 'ć', 'č':
		return 'c'
	case 'ñ', 'ń', 'ň':
		return 'n'
	case 'ł':
		return 'l'
	case 'ś', 'ș', 'ş', 'š':
		return 's'
	case 'ź', 'ż', 'ž':
		return 'z'
	case 'ț', 'ţ', 'ť':
		return 't'
	case 'ğ':
		return 'g'
	case 'ř':
		return 'r'
	case 'ď':
		return 'd'
	case 'ý':
		return 'y'
	// Arabic script: one form of alef, yeh, kaf, heh and teh marbuta
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی', 'ئ', 'ے':
		return 'ي'
	case 'ک':
		return 'ك'
	case 'ة', 'ہ', 'ۀ', 'ھ':
		return 'ه'
	case 'ؤ':
		return 'و'
	}
	return r
}

// splitAlnum splits "14yo" into "14", "yo" and "ds15" into "ds", "15".
func splitAlnum(w string, out []string) []string {
	start := 0
	for i := 1; i < len(w); i++ {
		d0 := w[i-1] >= '0' && w[i-1] <= '9'
		d1 := w[i] >= '0' && w[i] <= '9'
		if d0 != d1 && w[i] != '.' && w[i-1] != '.' {
			out = append(out, w[start:i])
			start = i
		}
	}
	return append(out, w[start:])
}

// squeeze shortens runs of three or more of a letter to two ("sooo" to
// "soo") and, where the detector knows the single-letter form, to that.
func (d *Detector) squeeze(w string) string {
	run, long := 1, false
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			run++
			if run >= 3 {
				long = true
				break
			}
		} else {
			run = 1
		}
	}
	if !long {
		return w
	}
	two := collapseRuns(w, 2)
	if d.known(two) {
		return two
	}
	if one := collapseRuns(w, 1); d.known(one) {
		return one
	}
	return two
}

func collapseRuns(w string, max int) string {
	b := make([]byte, 0, len(w))
	run := 0
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			run++
		} else {
			run = 1
		}
		if run <= max {
			b = append(b, w[i])
		}
	}
	return string(b)
}

func (d *Detector) known(w string) bool {
	if d.vocab[w] {
		return true
	}
	_, ok := d.expand[w]
	return ok
}

// stem maps a word onto the base form in the detector's vocabulary:
// "hitting" to "hit", "bruises" to "bruise", "babies" to "baby". Words
// outside the vocabulary come back unchanged.
func (d *Detector) stem(w string) string {
	if s, ok := d.irregular[w]; ok {
		return s
	}
	n := len(w)
	in := func(c string) bool { return len(c) >= 3 && d.vocab[c] }
	if n > 4 && strings.HasSuffix(w, "ing") {
		b := w[:n-3]
		if in(b + "e") {
			return b + "e"
		}
		if in(b) {
			return b
		}
		if u := undouble(b); in(u) {
			return u
		}
	}
	if n > 4 && strings.HasSuffix(w, "ied") {
		if b := w[:n-3] + "y"; in(b) {
			return b
		}
	}
	if n > 4 && strings.HasSuffix(w, "ies") {
		if b := w[:n-3] + "y"; in(b) {
			return b
		}
	}
	if n > 3 && strings.HasSuffix(w, "ed") {
		b := w[:n-2]
		if in(b + "e") {
			return b + "e"
		}
		if in(b) {
			return b
		}
		if u := undouble(b); in(u) {
			return u
		}
	}
	if n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		if b := w[:n-1]; in(b) {
			return b
		}
		if strings.HasSuffix(w, "es") {
			if b := w[:n-2]; in(b) {
				return b
			}
		}
	}
	return w
}

// undouble drops a doubled final consonant: "hitt" to "hit". Doubled l,
// s and z are kept ("kill", "miss").
func undouble(b string) string {
	n := len(b)
	if n >= 2 && b[n-1] == b[n-2] && !strings.ContainsRune("aeiouylsz", rune(b[n-1])) {
		return b[:n-1]
	}
	return b
}

// parse normalises text into a doc: words, expansions, phrases, stems,
// word classes, ages, sentence numbers and pronoun referents.
func (d *Detector) parse(text string) *doc {
	ages := d.data
	raw, foreign := d.translate(rawWords(text))
	// expand and split
	words := make([]string, 0, len(raw)+8)
	var parts []string
	for _, w := range raw {
		if w == boundaryWord || w == laughWord {
			words = append(words, w)
			continue
		}
		if exp, ok := d.expand[w]; ok {
			words = append(words, exp...)
			continue
		}
		parts = splitAlnum(w, parts[:0])
		for _, p := range parts {
			p = d.squeeze(p)
			if exp, ok := d.expand[p]; ok {
				words = append(words, exp...)
			} else {
				words = append(words, p)
			}
		}
	}
	words = d.joinPhrases(words)
	dc := &doc{toks: make([]token, 0, len(words)), foreign: foreign, firsts: &d.firsts}
	sent := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == boundaryWord {
			if n := len(dc.toks); n == 0 || dc.toks[n-1].text == boundaryWord {
				continue
			}
			dc.toks = append(dc.toks, token{text: w, stem: w, tags: tagsOf(tBound), sent: sent})
			sent++
			continue
		}
		t := token{text: w, stem: d.stem(w), sent: sent}
		if n, err := strconv.Atoi(w); err == nil {
			// a number, perhaps an age: "15 year old", "15yo", "DS15"
			next, after := "", ""
			if i+1 < len(words) {
				next = words[i+1]
			}
			if i+2 < len(words) {
				after = words[i+2]
			}
			switch {
			case ages.babyAgeWords[next]:
				// "10 weeks", "18m": a baby or a pregnancy; not a speaker's age
			case n >= 7 && n <= 17:
				t.tags.add(tAgeMinor)
			case n >= 18 && n <= 70:
				t.tags.add(tAgeAdult)
			}
			if ages.ageSuffixes[next] || ((ages.babyAgeWords[next] || ages.yearWords[next]) && (after == "old" || after == "olds")) {
				// fold "year old" into one person token, a child or an adult
				dc.toks = append(dc.toks, t)
				skip := 1
				if !ages.ageSuffixes[next] {
					skip = 2
				}
				yo := token{text: "yo", stem: "yo", sent: sent}
				switch {
				case ages.babyAgeWords[next] && (!ages.monthWords[next] || n < 3):
					// weeks or days old, or under three months: a young baby
					yo.text, yo.stem = "yobaby", "yobaby"
					yo.tags = d.persons["yobaby"].tags
				case n < 18 || ages.babyAgeWords[next]:
					yo.tags = d.persons["yo"].tags
				default:
					yo.tags = tagsOf(tPerson, tAdult)
				}
				dc.toks = append(dc.toks, yo)
				i += skip
				continue
			}
			dc.toks = append(dc.toks, t)
			continue
		}
		if w == laughWord {
			dc.laugh = true
		}
		t.tags = d.lex[t.text]
		if t.stem != t.text {
			t.tags.union(d.lex[t.stem])
		}
		if p, ok := d.persons[t.text]; ok {
			t.tags.union(p.tags)
		} else if p, ok := d.persons[t.stem]; ok {
			t.tags.union(p.tags)
		}
		if t.tags.has(tLaugh) {
			dc.laugh = true
		}
		dc.toks = append(dc.toks, t)
	}
	d.resolvePronouns(dc)
	return dc
}

// joinPhrases replaces known multi-word expressions, longest first.
func (d *Detector) joinPhrases(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		matched := false
		for _, ph := range d.phrases[words[i]] {
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
		if !matched {
			out = append(out, words[i])
			i++
		}
	}
	return out
}

// phrase is one entry of the phrase table, split into words.
type phrase struct {
	words []string
	repl  []string
}

// referents remembers the last two people a pronoun of one gender could
// mean; a pronoun takes the classes of both, so an ambiguous "he" after a
// partner and a baby counts as either.
type referents struct {
	last [2]tagSet
	n    int
}

func (r *referents) push(cls tagSet) {
	r.last[1] = r.last[0]
	r.last[0] = cls
	if r.n < 2 {
		r.n++
	}
}

func (r *referents) classes() (tagSet, bool) {
	var s tagSet
	for i := 0; i < r.n; i++ {
		s.union(r.last[i])
	}
	return s, r.n > 0
}

// resolvePronouns gives each he/she/they the person classes of the nouns
// it could refer to: in "my son is 4 and he hits me", "he" is a child; in
// "he hits me" with no one named, an unknown adult; "he's 3" makes him a
// child.
func (d *Detector) resolvePronouns(dc *doc) {
	var male, female, plural referents
	child := d.persons["child"].tags
	childCls := tagSet{child[0] & personClasses[0], child[1] & personClasses[1]}
	for i := range dc.toks {
		t := &dc.toks[i]
		if g, ok := d.data.pronouns[t.text]; ok {
			t.tags.add(tPerson)
			t.tags.add(g)
			slot := &plural
			switch g {
			case tMale:
				slot = &male
			case tFemale:
				slot = &female
			}
			// "he is 3", "she's 14": a child, whoever was named before
			if i+2 < len(dc.toks) && dc.toks[i+1].stem == "be" && isSmallAge(dc.toks[i+2].text) {
				t.tags.union(childCls)
				slot.push(childCls)
				continue
			}
			if cls, have := slot.classes(); have {
				t.tags.union(cls)
			} else if g != tPlural {
				t.tags.add(tAdult)
				t.tags.add(tUnknown)
			}
			continue
		}
		if t.stem == "be" && i > 0 && i+1 < len(dc.toks) && !dc.toks[i-1].tags.has(tPerson) &&
			!dc.toks[i-1].tags.has(tSelf) && isSmallAge(dc.toks[i+1].text) && male.n == 0 && female.n == 0 {
			// "Alfie is 2 and he ...": an unnamed child
			male.push(childCls)
			female.push(childCls)
			continue
		}
		if !t.tags.has(tPerson) || t.tags.has(tSelf) {
			continue
		}
		if i+1 < len(dc.toks) && d.data.personModifiers[dc.toks[i+1].text] {
			continue
		}
		cls := tagSet{t.tags[0] & personClasses[0], t.tags[1] & personClasses[1]}
		switch {
		case t.tags.has(tPlural):
			plural.push(cls)
		case t.tags.has(tMale):
			male.push(cls)
		case t.tags.has(tFemale):
			female.push(cls)
		default:
			male.push(cls)
			female.push(cls)
		}
	}
}

// isSmallAge reports a bare number that reads as a child's age.
func isSmallAge(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && n >= 0 && n < 18
}
