package triage

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Parser reads a family's message into a Triage. It knows the offer's wards
// and postcodes; build one per loaded offer. It is safe for concurrent use.
type Parser struct {
	cues      []cue
	needs     *NeedReader // the learned need model, or nil
	glossary  *Glossary   // other languages' need words, or nil
	wards     []ward
	postcodes map[string]string // outward code -> ward
	ages      []agePattern
}

type ward struct {
	name   string   // as the offer writes it
	tokens []string // cleaned words of the name
}

// NewParser builds a Parser for an offer's wards and outward codes.
func NewParser(wards []string, postcodeWards map[string]string) *Parser {
	p := &Parser{cues: needCues(), postcodes: map[string]string{}, ages: agePatterns()}
	for _, w := range wards {
		p.wards = append(p.wards, ward{name: w, tokens: strings.Fields(Clean(w))})
	}
	for k, v := range postcodeWards {
		p.postcodes[strings.ToLower(k)] = v
	}
	return p
}

// Clean lower-cases a message, folds curly quotes and accents, drops
// apostrophes ("i'm" -> "im"), keeps commas as their own word and turns
// other punctuation into spaces,
// keeping digits, "+" and "." inside numbers ("2.5", "32+4").
func Clean(text string) string {
	text = norm.NFKD.String(text)
	var b strings.Builder
	b.Grow(len(text))
	prevSpace := true
	runes := []rune(text)
	for i, r := range runes {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			prevSpace = false
		case r == ',' || r == ';':
			// kept: "17, mum kicked me out" gives an age by its commas
			if !prevSpace {
				b.WriteByte(' ')
			}
			b.WriteString(", ")
			prevSpace = true
		case (r == '.' || r == '+' || r == '/') && i > 0 && i+1 < len(runes) && unicode.IsDigit(runes[i-1]) && unicode.IsDigit(runes[i+1]):
			b.WriteRune(r)
		case r == '/' && i > 0 && i+1 < len(runes) && runes[i-1] == 'y' && runes[i+1] == 'o':
			// "y/o"
		default:
			if !prevSpace {
				b.WriteByte(' ')
				prevSpace = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

var (
	rePostcode  = regexp.MustCompile(`\b([a-z]{1,2}\d{1,2}[a-z]?)(?:\s*(\d[a-z]{2}))?\b`)
	reUrgent    = regexp.MustCompile(`\b(?:urgent|urgently|asap|right now|tonight|today|emergency|desperate|desperately|cant wait|immediately|nowhere to (?:go|stay|sleep) tonight)\b`)
	reYoungMe   = regexp.MustCompile(`\b(?:my (?:mum|mam|mom|parents|teacher|mates?|bf|gf|boyfriend|girlfriend|foster carer|social worker|nan|gran)|at school|in year \d+|in yr ?\d+|idk|ngl|tbh|wat|ur)\b`)
	reParentOf  = regexp.MustCompile(`\b(?:\d+|two|three|four|five)\s+(?:kids|children|boys|girls)|kids under|(?:mum|mam|mom|dad|mother|father|parent) (?:of|to) \d|my (?:kids|children|baby|babies)\b`)
	reChild     = regexp.MustCompile(`\b(?:my|our|the|his|her|their)\s+(?:\d+\s*(?:yo|yr|yrs|year|years|month|months|mo|week|weeks|wk|wks)\s*(?:old)?\s*)?(?:son|daughter|boy|girl|kids?|children|child|baby|toddler|lo|little one|teen|teenager|twins|grandson|granddaughter|grandkids|grandchildren|foster child|stepson|stepdaughter)\b|\b(?:ds|dd|dc|dcs|dss|dsd)\b|\b\d+\s*(?:yo|y o)\b`)
	rePartner   = regexp.MustCompile(`\b(?:my|our) (?:partner|husband|wife|boyfriend|girlfriend|fella|ex|other half|dh|dp|dw|oh)\b`)
	reCarer     = regexp.MustCompile(`\b(?:foster carer|fostering|foster (?:child|son|daughter|kids|children)|placement|kinship|grandkids|grandchildren|grandson|granddaughter|sgo|special guardian|im (?:nan|nana|gran|grandma|grandad))\b`)
	reProf      = regexp.MustCompile(`\b(?:im a (?:ta|teacher|social worker|nurse|health visitor|gp|support worker)|a family i work with|one of my (?:pupils|families|clients))\b`)
	reClasses   = regexp.MustCompile(`\b(?:class|classes|course|courses|ncb?t|prepare|preparing|labour|birth)\b`)
	reChildNeed = regexp.MustCompile(`\b(?:my|our|the)\s+(?:\d+\s*(?:yo|yr|year|years)\s*(?:old)?\s*)?(?:son|daughter|child|boy|girl|teen|teenager|baby|toddler|lo)\s+(?:is|has|wont|keeps|cant|isnt|doesnt)\b|\b(?:ds|dd)\s+(?:is|has|wont|keeps|cant|isnt|doesnt)\b`)
	reSelf      = regexp.MustCompile(`\b(?:myself|for me\b|my own\b|my (?:anxiety|depression|mental health|english|cv|maths|confidence|temper|health|drinking|benefits|debts?)\b)`)
)

// Parse reads one message. Fields the message does not speak to stay zero.
func (p *Parser) Parse(text string) Triage {
	var t Triage
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	t.Language = detectLanguage(text)
	c := Clean(text)
	if c == "" {
		return t
	}
	self := p.readAges(c, &t)
	p.readArea(c, &t)
	p.readWho(c, &t, self)
	need := p.withoutPlaces(c)
	if en := p.glossary.English(text); en != "" {
		need += " " + Clean(en) // the family's words, and their English
	}
	p.readNeed(need, &t)
	p.readLearnedNeed(text, &t)
	t.Urgent = reUrgent.MatchString(c)
	return t
}

// WithNeeds returns a copy of p that also reads needs with the learned
// model r: its terms fill in when the thesaurus finds none (other
// languages, wordings no phrase names) and add to the thesaurus's when the
// model is sure.
func (p *Parser) WithNeeds(r *NeedReader) *Parser {
	c := *p
	c.needs = r
	return &c
}

// WithGlossary returns a copy of p that also reads a message's words in
// other languages as their English, with the need glossaries.
func (p *Parser) WithGlossary(g *Glossary) *Parser {
	c := *p
	c.glossary = g
	return &c
}

// Thresholds on the learned model beyond its own: the terms taken when
// the thesaurus found none, and how sure it must be to add a term to the
// thesaurus's.
const (
	maxLearnedTerms = 2
	addLearnedAt    = 0.5
)

// readLearnedNeed merges the learned model's terms into t.
func (p *Parser) readLearnedNeed(text string, t *Triage) {
	if p.needs == nil {
		return
	}
	found := len(t.Terms) > 0
	n := 0
	for _, ts := range p.needs.Read(text) {
		if slices.Contains(t.Terms, ts.Term) || (found && ts.P < addLearnedAt) || (!found && ts.P < p.needs.fill) {
			continue
		}
		if n == maxLearnedTerms {
			break
		}
		t.Terms = append(t.Terms, ts.Term)
		n++
	}
}

// Merge adds what a later message said to what was known; later answers win
// for single facts, needs accumulate.
func (t Triage) Merge(n Triage) Triage {
	if n.For != WhoUnknown {
		t.For = n.For
	}
	if n.Speaker != WhoUnknown {
		t.Speaker = n.Speaker
	}
	if n.AgeKnown {
		t.Age, t.AgeKnown, t.AgeMonths, t.Ages = n.Age, true, n.AgeMonths, n.Ages
	}
	if n.Pregnant {
		t.Pregnant = true
	}
	if n.Ward != "" {
		t.Ward, t.Postcode = n.Ward, n.Postcode
	}
	seen := map[string]bool{}
	var terms []string
	for _, x := range append(append([]string{}, n.Terms...), t.Terms...) {
		if !seen[x] {
			seen[x] = true
			terms = append(terms, x)
		}
	}
	t.Terms = terms
	if n.Words != "" {
		if t.Words == "" {
			t.Words = n.Words
		} else {
			t.Words = n.Words + " " + t.Words
		}
	}
	t.Urgent = t.Urgent || n.Urgent
	if n.Language != "" {
		t.Language = n.Language
	}
	return t
}

func (p *Parser) readArea(c string, t *Triage) {
	words := strings.Fields(c)
	for _, w := range p.wards {
		if containsFuzzy(words, w.tokens) {
			t.Ward = w.name
			return
		}
	}
	for _, m := range rePostcode.FindAllStringSubmatch(c, -1) {
		if w, ok := p.postcodes[m[1]]; ok {
			t.Ward = w
			t.Postcode = strings.ToUpper(m[1])
			return
		}
	}
	// "the vale", "east moor": a distinctive single word of a two-word ward.
	for _, w := range p.wards {
		if len(w.tokens) < 2 {
			continue
		}
		for _, tok := range w.tokens {
			if len(tok) >= 4 && containsFuzzy(words, []string{tok}) && strings.Contains(c, "the "+tok) {
				t.Ward = w.name
				return
			}
		}
	}
}

// containsFuzzy reports whether the ward's words appear in order, each
// within a small edit distance, allowing a ward written as one word or two
// ("east moor" for Eastmoor).
func containsFuzzy(words, ward []string) bool {
	joined := strings.Join(ward, "")
	for i := range words {
		// one word for the whole ward, or the ward's words split
		for span := 1; span <= 2 && i+span <= len(words); span++ {
			cand := strings.Join(words[i:i+span], "")
			if close(cand, joined) {
				return true
			}
		}
		if len(ward) > 1 && i+len(ward) <= len(words) {
			ok := true
			for j, wt := range ward {
				if !close(words[i+j], wt) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// close reports whether a is b or a near-miss spelling of it.
func close(a, b string) bool {
	if a == b {
		return true
	}
	if len(b) < 5 || abs(len(a)-len(b)) > 1 || a[0] != b[0] {
		return false
	}
	max := 1
	if len(b) >= 9 {
		max = 2
	}
	return editDistance(a, b) <= max
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (p *Parser) readWho(c string, t *Triage, selfAge bool) {
	child := reChild.MatchString(c) || reParentOf.MatchString(c) || len(t.Ages) > 0 && !selfAge
	partner := rePartner.MatchString(c) && !reChild.MatchString(c) && len(t.Ages) == 0
	switch {
	case reProf.MatchString(c):
		t.Speaker = WhoProfessional
	case reCarer.MatchString(c):
		t.Speaker = WhoCarer
	case selfAge && t.Age < 20 && !child:
		t.Speaker = WhoYoungPerson
	case !child && reYoungMe.MatchString(c) && !rePartner.MatchString(c) && !reParentOf.MatchString(c):
		t.Speaker = WhoYoungPerson
	default:
		t.Speaker = WhoParent
	}
	switch {
	case t.Speaker == WhoYoungPerson:
		t.For = WhoYoungPerson
	case reSelf.MatchString(c) && !reChildNeed.MatchString(c):
		t.For = WhoParent
	case child && !partner:
		t.For = WhoChild
	case partner && !reSelf.MatchString(c):
		t.For = WhoPartner
	default:
		t.For = WhoParent
	}
}

// withoutPlaces drops ward names and postcodes, which the area filter
// handles, from the words of the need.
func (p *Parser) withoutPlaces(c string) string {
	c = rePostcode.ReplaceAllStringFunc(c, func(m string) string {
		if _, ok := p.postcodes[strings.Fields(m)[0]]; ok {
			return " "
		}
		return m
	})
	words := strings.Fields(c)
	out := words[:0]
	for _, w := range words {
		drop := false
		for _, wd := range p.wards {
			for _, tok := range wd.tokens {
				if close(w, tok) || close(w, strings.Join(wd.tokens, "")) {
					drop = true
				}
			}
		}
		if !drop {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func (p *Parser) readNeed(c string, t *Triage) {
	score := map[string]int{}
	order := map[string]int{}
	var extra []string
	for _, cu := range p.cues {
		if !cu.pre.mayMatch(c) {
			continue
		}
		loc := cu.re.FindStringIndex(c)
		if loc == nil {
			continue
		}
		for i, term := range cu.terms {
			if _, ok := order[term]; !ok {
				order[term] = loc[0]*4 + i
			}
			score[term] += 2 - min(i, 1)
		}
		if cu.words != "" {
			extra = append(extra, cu.words)
		}
	}
	if t.Pregnant && reClasses.MatchString(c) {
		extra = append(extra, "antenatal course birth")
	}
	if t.Pregnant {
		if _, ok := score["pregnancy"]; !ok {
			score["pregnancy"] = 1
			order["pregnancy"] = 1 << 30
		}
	}
	terms := make([]string, 0, len(score))
	for term := range score {
		terms = append(terms, term)
	}
	sort.Slice(terms, func(i, j int) bool {
		if score[terms[i]] != score[terms[j]] {
			return score[terms[i]] > score[terms[j]]
		}
		return order[terms[i]] < order[terms[j]]
	})
	t.Terms = terms
	t.Words = strings.TrimSpace(needWords(c) + " " + strings.Join(extra, " "))
}

// needWords keeps the words of the message that say what is going on,
// dropping ages, numbers, places and words about who is writing.
func needWords(c string) string {
	var out []string
	for _, w := range strings.Fields(c) {
		if noiseWords[w] || w == "," || w[0] >= '0' && w[0] <= '9' {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// noiseWords say who or how old, not what the need is.
var noiseWords = map[string]bool{
	"yo": true, "yr": true, "yrs": true, "year": true, "years": true, "old": true, "olds": true,
	"month": true, "months": true, "mo": true, "week": true, "weeks": true, "wk": true, "wks": true,
	"day": true, "days": true, "im": true, "ive": true, "hes": true, "shes": true, "theyre": true,
	"son": true, "daughter": true, "ds": true, "dd": true, "dc": true, "my": true, "our": true,
	"mum": true, "mam": true, "mom": true, "here": true, "hi": true, "hello": true, "please": true,
	"nb1": true, "nb2": true, "nb3": true, "nb4": true, "nb5": true, "nb6": true,
	"near": true, "anywhere": true, "round": true, "area": true, "live": true, "kids": true, "child": true,
	"children": true, "boy": true, "girl": true, "lo": true, "little": true, "one": true,
}

// parseNum reads "2", "2.5" or a number word.
func parseNum(s string) (float64, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f, true
	}
	if n, ok := numberWords[s]; ok {
		return float64(n), true
	}
	return 0, false
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}
