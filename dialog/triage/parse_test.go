package triage

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The Northbrook wards and outward codes, as the sample offer names them.
var (
	testWards     = []string{"Abbeyfield", "Brookside", "Castleton", "Deansgate Vale", "Eastmoor", "Fernhill"}
	testPostcodes = map[string]string{
		"NB1": "Abbeyfield", "NB2": "Brookside", "NB3": "Castleton",
		"NB4": "Deansgate Vale", "NB5": "Eastmoor", "NB6": "Fernhill",
	}
)

func newTestParser() *Parser { return NewParser(testWards, testPostcodes) }

// parseCase is one phrasing and what triage must read from it. Fields left
// at their zero value are not checked, except pregnant, urgent and lang,
// which are always checked (a message that does not say so is not a
// pregnancy, not urgent, and in English).
type parseCase struct {
	in string

	age    *int  // exact age in years of the person the help is for
	ageIn  []int // any of these ages is right (e.g. year 7 is 11 or 12)
	noAge  bool  // no age was given ("mum of 3", "3 kids")
	ages   []int // every child's age, in any order
	months int   // AgeMonths, when given that finely

	pregnant bool
	forWho   Who
	speaker  Who

	terms    []string // each must be among the terms
	first    string   // the strongest term
	notTerms []string // none of these may be among the terms

	ward     string
	noWard   bool
	postcode string

	urgent bool
	lang   string
	zero   bool // the whole Triage must be the zero value

	// knownGap marks a phrasing triage is known to read wrongly and that
	// has been reported; it is skipped with what went wrong, never
	// weakened to pass.
	knownGap bool
}

func yrs(n int) *int { return &n }

var parseCases = []parseCase{
	// The child's age, as families write it.
	{in: "my 2 yr old isnt talking yet", age: yrs(2), months: 24, forWho: WhoChild, speaker: WhoParent, first: "speech-language"},
	{in: "she is 18 months and barely says any words", age: yrs(1), months: 18, forWho: WhoChild, terms: []string{"speech-language"}},
	{in: "my 14yo is always out and wont tell me where", age: yrs(14), forWho: WhoChild, speaker: WhoParent},
	{in: "my teenager is out till all hours and wont listen", ageIn: []int{13, 14, 15, 16, 17, 18, 19}, forWho: WhoChild, first: "parenting"},
	{in: "i just found out im pregnant, who do i tell", pregnant: true, noAge: true, forWho: WhoParent, first: "pregnancy"},
	{in: "due in march and not booked in with anyone", pregnant: true, noAge: true, terms: []string{"pregnancy"}},
	{in: "DS (4) keeps biting at nursery", age: yrs(4), forWho: WhoChild, speaker: WhoParent, terms: []string{"early-years"}},
	{in: "dd7 still wets the bed most nights", age: yrs(7), forWho: WhoChild, first: "health"},
	{in: "hes 2.5 and will only eat beige food", age: yrs(2), months: 30, forWho: WhoChild, terms: []string{"early-years"}},
	{in: "nearly 3 and still not potty trained", age: yrs(2), terms: []string{"early-years"}},
	{in: "she turns 2 in june, can we get the free hours", age: yrs(1), terms: []string{"early-years"}},
	{in: "she will be 4 in august and the tantrums are awful", age: yrs(3), forWho: WhoChild, terms: []string{"parenting"}},
	{in: "my son started year 7 and hates it", ageIn: []int{11, 12}, forWho: WhoChild},
	{in: "32+4 and we have nothing ready for the baby", pregnant: true, noAge: true, terms: []string{"pregnancy"}},
	{in: "baby is 10 weeks old and feeding is agony", age: yrs(0), first: "infant-feeding"},
	{in: "LO is 10mo and teething, cant settle at night", age: yrs(0), months: 10, forWho: WhoChild},
	{in: "DS15 has started vaping", age: yrs(15), forWho: WhoChild, first: "substance-misuse"},
	{in: "my 15 y/o got arrested last night", age: yrs(15), forWho: WhoChild, terms: []string{"youth"}},
	{in: "kids are 4 and 9 and we are skint", ages: []int{4, 9}, forWho: WhoChild, first: "money"},
	{in: "mum of 3 and we are totally skint this month", noAge: true, speaker: WhoParent, first: "money"},
	{in: "i have 3 kids and the landlord wants us out", noAge: true, first: "housing"},
	{in: "sofa surfing with 2 kids", noAge: true, first: "housing"},
	{in: "im 16 and pregnant and dont know what to do", age: yrs(16), pregnant: true, forWho: WhoYoungPerson, speaker: WhoYoungPerson, terms: []string{"pregnancy"}},
	{in: "im 14 weeks pregnant and want to quit smoking", noAge: true, pregnant: true, forWho: WhoParent, speaker: WhoParent, first: "pregnancy"},

	// Who it is for, and who is writing.
	{in: "im 15 and my mum keeps shouting at me", age: yrs(15), forWho: WhoYoungPerson, speaker: WhoYoungPerson},
	{in: "can i get counselling without my mum knowing", forWho: WhoYoungPerson, speaker: WhoYoungPerson, first: "mental-health"},
	{in: "im gay and cant tell my mum", forWho: WhoYoungPerson, speaker: WhoYoungPerson, terms: []string{"lgbtq"}},
	{in: "my partner has been really low since he lost his job", forWho: WhoPartner, speaker: WhoParent, first: "mental-health"},
	{in: "i need help with my own anxiety", forWho: WhoParent, speaker: WhoParent, first: "mental-health"},
	{in: "my grandson lives with me now and i need some support", speaker: WhoCarer, forWho: WhoChild},
	{in: "im nan and the kids live with me now, need help with money", speaker: WhoCarer, first: "money"},
	{in: "im a foster carer and our placement keeps running off", speaker: WhoCarer},
	{in: "im a TA and one of my pupils is always hungry", speaker: WhoProfessional, terms: []string{"food"}},
	{in: "a family i work with have been evicted", speaker: WhoProfessional, first: "housing"},

	// The need: family words to the offer's taxonomy terms.
	{in: "cant get her to latch and my nipples are cracked", first: "infant-feeding"},
	{in: "skint till payday and the cupboards are empty", first: "money"},
	{in: "think hes autistic, he lines all his toys up", first: "autism", terms: []string{"send"}},
	{in: "me and my partner are always rowing in front of the kids", first: "parental-conflict"},
	{in: "landlord just served a section 21", first: "housing", noAge: true},
	{in: "nursary for my 2 year old", age: yrs(2), first: "early-years"},
	{in: "my 4yo has a speach delay", age: yrs(4), first: "speech-language"},
	{in: "cahms wont see her", first: "mental-health"},
	{in: "bailiffs keep coming round", first: "money"},
	{in: "he controls the money and checks my phone", first: "domestic-abuse"},
	{in: "walking on eggshells at home", first: "domestic-abuse"},
	{in: "uc got sanctioned", first: "money"},
	{in: "my son keeps wagging school", forWho: WhoChild, first: "education"},
	{in: "my 14yo is refusing to go to school", age: yrs(14), first: "education"},
	{in: "my english not good", forWho: WhoParent, first: "adult-learning"},
	{in: "school wont apply for an ehcp", first: "send"},
	{in: "ex wont let me see the kids", first: "separation", terms: []string{"parental-conflict"}},
	{in: "missed his jabs", first: "health"},
	{in: "need help with dla forms", terms: []string{"disability"}},

	// The area: ward names, misspelt or shortened, and postcodes.
	{in: "we live in castelton, is there a baby group", ward: "Castleton", terms: []string{"early-years"}},
	{in: "we are in east moor near the park", ward: "Eastmoor"},
	{in: "we are in the vale, any stay and play", ward: "Deansgate Vale", first: "early-years"},
	{in: "NB4 area, where can i get help with money", ward: "Deansgate Vale", postcode: "NB4", first: "money"},
	{in: "nb4 2xy, my toddler wont sleep", ward: "Deansgate Vale", postcode: "NB4", forWho: WhoChild, terms: []string{"early-years"}},
	{in: "NB3 4QT", ward: "Castleton", postcode: "NB3"},
	{in: "we live in fernhil, my dd is 6 and has eczema", ward: "Fernhill", age: yrs(6), first: "health"},
	{in: "abbeyfeild", ward: "Abbeyfield"},
	{in: "we live near brookside park, my 3 year old wont eat", ward: "Brookside", age: yrs(3)},
	{in: "near the big tesco, my dd is 6 and wets the bed", noWard: true, age: yrs(6), first: "health"},
	{in: "nb9 1aa my son is 5 and has eczema", noWard: true, age: yrs(5)},

	// Urgency.
	{in: "need help today please its urgent", urgent: true},
	{in: "nowhere to stay tonight with the kids", urgent: true, first: "housing"},
	{in: "no rush, just curious about baby massage", first: "start-for-life"},

	// Scripts other than Latin.
	{in: "ابني عمره ثلاث سنوات ولا يتكلم", lang: "arabic"},
	{in: "мой сын не говорит", lang: "cyrillic"},
	{in: "我的孩子不说话", lang: "han"},
	{in: "hola necesito ayuda con mi hijo", lang: ""},

	// Nothing to read: no panic, and nothing made up.
	{in: "", zero: true},
	{in: "   \t\n", zero: true},
	{in: "😭😭😭", zero: true},
	{in: "🙏🏽", zero: true},
	{in: "...!!!", zero: true},
	{in: "\xff\xfe\xfd", zero: true},
	{in: "\x00\x01\x02\x03", zero: true},
}

func TestParse(t *testing.T) {
	p := newTestParser()
	if len(parseCases) < 40 {
		t.Fatalf("only %d phrasings: the table should hold at least 40", len(parseCases))
	}
	for _, c := range parseCases {
		t.Run(caseName(c.in), func(t *testing.T) {
			got := p.Parse(c.in)
			problems := c.check(got)
			switch {
			case len(problems) > 0 && c.knownGap:
				t.Skipf("known gap (reported): Parse(%q): %s", c.in, strings.Join(problems, "; "))
			case len(problems) > 0:
				t.Errorf("Parse(%q):\n  %s\n  triage: %+v", c.in, strings.Join(problems, "\n  "), got)
			case c.knownGap:
				t.Logf("Parse(%q) now reads as wanted: the knownGap mark can go", c.in)
			}
		})
	}
}

// check lists how got differs from what the case wants.
func (c parseCase) check(got Triage) []string {
	var bad []string
	fail := func(field string, got, want any) {
		bad = append(bad, fmt.Sprintf("%s: got %v, want %v", field, got, want))
	}
	if c.zero {
		if !isZero(got) {
			fail("triage", fmt.Sprintf("%+v", got), "zero Triage")
		}
		return bad
	}
	switch {
	case c.age != nil:
		if !got.AgeKnown || got.Age != *c.age {
			fail("age", ageString(got), *c.age)
		}
	case c.ageIn != nil:
		if !got.AgeKnown || !slices.Contains(c.ageIn, got.Age) {
			fail("age", ageString(got), fmt.Sprintf("one of %v", c.ageIn))
		}
	case c.noAge:
		if got.AgeKnown {
			fail("age", ageString(got), "none")
		}
	}
	if c.ages != nil {
		g := slices.Clone(got.Ages)
		w := slices.Clone(c.ages)
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			fail("ages", got.Ages, c.ages)
		}
	}
	if c.months != 0 && got.AgeMonths != c.months {
		fail("months", got.AgeMonths, c.months)
	}
	if got.Pregnant != c.pregnant {
		fail("pregnant", got.Pregnant, c.pregnant)
	}
	if c.forWho != "" && got.For != c.forWho {
		fail("for", got.For, c.forWho)
	}
	if c.speaker != "" && got.Speaker != c.speaker {
		fail("speaker", got.Speaker, c.speaker)
	}
	for _, term := range c.terms {
		if !slices.Contains(got.Terms, term) {
			fail("terms", got.Terms, "to include "+term)
		}
	}
	if c.first != "" && (len(got.Terms) == 0 || got.Terms[0] != c.first) {
		fail("first term", got.Terms, c.first+" first")
	}
	for _, term := range c.notTerms {
		if slices.Contains(got.Terms, term) {
			fail("terms", got.Terms, "not to include "+term)
		}
	}
	if c.ward != "" && got.Ward != c.ward {
		fail("ward", fmt.Sprintf("%q", got.Ward), fmt.Sprintf("%q", c.ward))
	}
	if c.noWard && got.Ward != "" {
		fail("ward", fmt.Sprintf("%q", got.Ward), "none")
	}
	if c.postcode != "" && got.Postcode != c.postcode {
		fail("postcode", got.Postcode, c.postcode)
	}
	if got.Urgent != c.urgent {
		fail("urgent", got.Urgent, c.urgent)
	}
	if got.Language != c.lang {
		fail("language", fmt.Sprintf("%q", got.Language), fmt.Sprintf("%q", c.lang))
	}
	return bad
}

func ageString(t Triage) string {
	if !t.AgeKnown {
		return "none"
	}
	return fmt.Sprint(t.Age)
}

// isZero reports whether a triage knows nothing (an empty, non-nil Terms
// slice counts as nothing).
func isZero(t Triage) bool {
	if len(t.Terms) == 0 {
		t.Terms = nil
	}
	if len(t.Ages) == 0 {
		t.Ages = nil
	}
	return reflect.DeepEqual(t, Triage{})
}

func caseName(in string) string {
	if strings.TrimSpace(in) == "" {
		return "blank"
	}
	r := []rune(in)
	if len(r) > 40 {
		r = r[:40]
	}
	return string(r)
}

// Parsing is safe from many goroutines at once (one Parser serves every
// conversation).
func TestParseConcurrent(t *testing.T) {
	p := newTestParser()
	want := make([]Triage, len(parseCases))
	for i, c := range parseCases {
		want[i] = p.Parse(c.in)
	}
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i, c := range parseCases {
				if got := p.Parse(c.in); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("Parse(%q) from two goroutines differs: %+v vs %+v", c.in, got, want[i])
					return
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// Long or hostile input never panics and keeps its pieces.
func TestParseOddInput(t *testing.T) {
	p := newTestParser()
	long := strings.Repeat("my 2 yr old isnt talking yet and we are skint ", 100) // about 4.6 KB, a very long message
	got := p.Parse(long)
	if !got.AgeKnown || got.Age != 2 || !slices.Contains(got.Terms, "speech-language") || !slices.Contains(got.Terms, "money") {
		t.Errorf("long message: got age %s terms %v, want age 2 with speech-language and money", ageString(got), got.Terms)
	}
	for _, in := range []string{
		"\x00my 2 yr old\xff isnt talking",
		strings.Repeat("(", 5000),
		strings.Repeat("9", 5000),
		"32+4+5+6+7",
		"2.5.6.7 yrs",
		"year 99",
		"im 999 years old",
		"my 0 yr old",
		"𝓂𝓎 𝟤 𝓎𝓇 𝑜𝓁𝒹", // mathematical letters, folded by NFKD
	} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("Parse(%q) panicked: %v", in, r)
				}
			}()
			got := p.Parse(in)
			if got.AgeKnown && (got.Age < 0 || got.Age > 99) {
				t.Errorf("Parse(%q): age %d is not an age", in, got.Age)
			}
		}()
	}
}

// A Parser built with no wards still reads everything else.
func TestParseNoWards(t *testing.T) {
	p := NewParser(nil, nil)
	got := p.Parse("my 2 yr old isnt talking yet, we live in castleton nb3")
	if got.Ward != "" || got.Postcode != "" {
		t.Errorf("ward %q postcode %q from a parser that knows no wards", got.Ward, got.Postcode)
	}
	if !got.AgeKnown || got.Age != 2 || len(got.Terms) == 0 || got.Terms[0] != "speech-language" {
		t.Errorf("got age %s terms %v, want age 2, speech-language", ageString(got), got.Terms)
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"I'm 17, Mum kicked me out!!", "im 17 , mum kicked me out"},
		{"DS (4) & DD7", "ds 4 dd7"},
		{"he’s 2.5 – nearly 3", "hes 2.5 nearly 3"},
		{"32+4 weeks", "32+4 weeks"},
		{"my 15 y/o", "my 15 yo"},
		{"Café naïve", "cafe naive"},
		{"   ", ""},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMerge(t *testing.T) {
	p := newTestParser()
	first := p.Parse("my 2 yr old isnt talking yet")
	second := p.Parse("we live in fernhill and money is really tight")
	m := first.Merge(second)
	if !m.AgeKnown || m.Age != 2 {
		t.Errorf("age: got %s, want 2 kept from the first message", ageString(m))
	}
	if m.Ward != "Fernhill" {
		t.Errorf("ward: got %q, want Fernhill from the second message", m.Ward)
	}
	if m.For != WhoParent {
		// the second message is about the parent's money: later answers win
		t.Errorf("for: got %q, want %q from the later message", m.For, WhoParent)
	}
	if len(m.Terms) == 0 || m.Terms[0] != "money" || !slices.Contains(m.Terms, "speech-language") {
		t.Errorf("terms: got %v, want the later need first and the earlier kept", m.Terms)
	}
	if !strings.HasPrefix(m.Words, second.Words) || !strings.HasSuffix(m.Words, first.Words) {
		t.Errorf("words: got %q, want the later words then the earlier", m.Words)
	}

	t.Run("later single facts win", func(t *testing.T) {
		a := Triage{Age: 2, AgeKnown: true, AgeMonths: 24, Ages: []int{2}, Ward: "Deansgate Vale", Postcode: "NB4", For: WhoChild, Speaker: WhoParent, Language: "arabic"}
		b := Triage{Age: 3, AgeKnown: true, AgeMonths: 36, Ages: []int{3}, Ward: "Fernhill", For: WhoParent}
		m := a.Merge(b)
		if m.Age != 3 || m.AgeMonths != 36 || !slices.Equal(m.Ages, []int{3}) {
			t.Errorf("age: got %d (%d months, %v), want 3 (36 months, [3])", m.Age, m.AgeMonths, m.Ages)
		}
		if m.Ward != "Fernhill" || m.Postcode != "" {
			t.Errorf("area: got %q %q, want Fernhill and no postcode (the old one was for another ward)", m.Ward, m.Postcode)
		}
		if m.For != WhoParent || m.Speaker != WhoParent {
			t.Errorf("who: got for %q speaker %q, want parent, parent", m.For, m.Speaker)
		}
		if m.Language != "arabic" {
			t.Errorf("language: got %q, want arabic kept when the later message is in English", m.Language)
		}
	})

	t.Run("unknowns never erase", func(t *testing.T) {
		a := Triage{Age: 7, AgeKnown: true, Ages: []int{7}, Pregnant: true, Ward: "Castleton", Postcode: "NB3", Urgent: true, For: WhoChild, Speaker: WhoCarer, Terms: []string{"housing"}, Words: "evicted"}
		m := a.Merge(Triage{})
		if !reflect.DeepEqual(m, a) {
			t.Errorf("merging an empty triage changed it:\n got %+v\nwant %+v", m, a)
		}
		m = Triage{}.Merge(a)
		if !reflect.DeepEqual(m, a) {
			t.Errorf("merging into an empty triage:\n got %+v\nwant %+v", m, a)
		}
	})

	t.Run("needs accumulate without repeats", func(t *testing.T) {
		a := Triage{Terms: []string{"money", "food"}, Words: "skint"}
		b := Triage{Terms: []string{"housing", "money"}, Words: "landlord"}
		m := a.Merge(b)
		if want := []string{"housing", "money", "food"}; !slices.Equal(m.Terms, want) {
			t.Errorf("terms: got %v, want %v", m.Terms, want)
		}
		if m.Words != "landlord skint" {
			t.Errorf("words: got %q, want %q", m.Words, "landlord skint")
		}
		if len(a.Terms) != 2 || a.Terms[0] != "money" {
			t.Errorf("Merge changed its receiver's terms: %v", a.Terms)
		}
	})

	t.Run("flags stick", func(t *testing.T) {
		m := Triage{Pregnant: true, Urgent: true}.Merge(Triage{Terms: []string{"money"}})
		if !m.Pregnant || !m.Urgent {
			t.Errorf("got pregnant %v urgent %v, want both kept", m.Pregnant, m.Urgent)
		}
		m = Triage{}.Merge(Triage{Urgent: true})
		if !m.Urgent {
			t.Error("a later urgent message did not make the triage urgent")
		}
	})
}

func TestTriageHelpers(t *testing.T) {
	var z Triage
	if z.HasNeed() || z.HasArea() || z.HasAge() {
		t.Errorf("zero triage: HasNeed %v HasArea %v HasAge %v, want all false", z.HasNeed(), z.HasArea(), z.HasAge())
	}
	if !(Triage{Words: "help"}).HasNeed() || !(Triage{Terms: []string{"money"}}).HasNeed() {
		t.Error("HasNeed false with words or terms")
	}
	if !(Triage{Pregnant: true}).HasAge() || !(Triage{AgeKnown: true}).HasAge() {
		t.Error("HasAge false for a pregnancy or a known age")
	}
	if !(Triage{Ward: "Castleton"}).HasArea() {
		t.Error("HasArea false with a ward")
	}
}

var benchMessages = []string{
	"my 2 yr old isnt talking yet, we live in castleton",
	"skint till payday and the cupboards are empty nb5",
	"im 16 and pregnant and dont know what to do",
	"think hes autistic, he lines all his toys up. DS (4)",
	"me and my partner are always rowing in front of the kids",
	"landlord just served a section 21, we are in the vale",
	"cant get her to latch and my nipples are cracked",
	"my 14yo wont go to school and cries every morning",
	"he controls the money and checks my phone",
	"my english not good, i want classes near fernhill",
	"hes 2.5 and will only eat beige food",
	"can i get counselling without my mum knowing",
}

func BenchmarkParse(b *testing.B) {
	p := newTestParser()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p.Parse(benchMessages[i%len(benchMessages)])
		i++
	}
}
