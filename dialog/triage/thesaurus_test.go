package triage

import (
	"slices"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/content"
)

// The embedded thesaurus loads, checks and compiles.
func TestThesaurusLoads(t *testing.T) {
	th, err := loadedThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	cues, err := thesaurusCues()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range th.Groups {
		n += len(g.Entries)
	}
	if len(cues) != n {
		t.Fatalf("%d cues from %d entries", len(cues), n)
	}
}

// Every taxonomy term the thesaurus lists is a term of the sample offer,
// and every one is used by an entry.
func TestThesaurusTaxonomy(t *testing.T) {
	th, err := loadedThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	offer, _, err := content.Sample()
	if err != nil {
		t.Fatal(err)
	}
	offerTerms := offer.Terms()
	used := map[string]bool{}
	for _, g := range th.Groups {
		for _, e := range g.Entries {
			for _, term := range e.Terms {
				used[term] = true
			}
		}
	}
	for term := range th.Taxonomy {
		if !slices.Contains(offerTerms, term) {
			t.Errorf("taxonomy term %q is not a term of the sample offer", term)
		}
		if !used[term] {
			t.Errorf("taxonomy term %q is listed but no entry points to it", term)
		}
	}
}

// Each entry's examples match it and give its first term; its near misses
// do not give that term (for an entry with no terms: do not match it).
func TestThesaurusExamples(t *testing.T) {
	th, err := loadedThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	cues, err := thesaurusCues()
	if err != nil {
		t.Fatal(err)
	}
	p := newTestParser()
	i := 0
	for _, g := range th.Groups {
		for _, e := range g.Entries {
			cu := cues[i]
			i++
			t.Run(e.Name, func(t *testing.T) {
				if len(e.Examples) < 2 {
					t.Errorf("%d examples: write at least 2", len(e.Examples))
				}
				if len(e.Not) < 1 {
					t.Errorf("no near misses under not: write at least 1")
				}
				matches := func(msg string) bool {
					return cu.re.MatchString(p.withoutPlaces(Clean(msg)))
				}
				for _, ex := range e.Examples {
					if !matches(ex) {
						t.Errorf("example %q: no phrase of the entry matches it", ex)
						continue
					}
					if len(e.Terms) == 0 {
						continue
					}
					if got := p.Parse(ex); !slices.Contains(got.Terms, e.Terms[0]) {
						t.Errorf("example %q: terms %v, want %s among them", ex, got.Terms, e.Terms[0])
					}
				}
				for _, near := range e.Not {
					if len(e.Terms) == 0 {
						if matches(near) {
							t.Errorf("not %q: the entry matches it", near)
						}
						continue
					}
					if got := p.Parse(near); slices.Contains(got.Terms, e.Terms[0]) {
						t.Errorf("not %q: terms %v include %s", near, got.Terms, e.Terms[0])
					}
				}
			})
		}
	}
}

func TestCompilePhrase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"hv", `hv\b`},
		{"pregnan*", `pregnan`},
		{"health visitor*", `health visitor`},
		{"feed(s)", `feeds?\b`},
		{"weigh(ed/ing)", `weigh(?:ed|ing)?\b`},
		{"behavio(u)r*", `behaviou?r`},
		{"lost the/our/my baby*", `lost (?:the|our|my) baby`},
		{"scared of him*/her", `scared of (?:him|her\b)`},
		{"smok* in/during pregnan*", `smok\w* (?:in|during) pregnan`},
		{"breast-feed*/fed*", `breast ?(?:feed|fed)`},
		{"nothing for (the) baby*", `nothing for (?:the )?baby`},
		{"isnt (really/even) talking*", `isnt (?:really |even )?talking`},
		{"#-wks/weeks along*", `\d+ ?(?:wks|weeks) along`},
		{"#+#*", `\d+\+\d+`},
		{"stop*/quit* ... smok*", `(?:stop\w*|quit\w*) (?:\w+ ){0,3}smok`},
		{"section 21*", `section 21`},
	} {
		got, err := compilePhrase(c.in)
		if err != nil {
			t.Errorf("compilePhrase(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("compilePhrase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, bad := range []string{
		"", " cot", "cot ", "safe  sleep", "Cot", "can't", "cot!", "co*t", "*", "a/", "/a",
		"(the) baby", "baby (the)", "... smok*", "smok* ...", "stop ... ... smok",
		"feed(s", "feed)s", "fe((e))d", "breast*-feed", "a..b", "#+", "(s)(t)x*x",
	} {
		if re, err := compilePhrase(bad); err == nil {
			t.Errorf("compilePhrase(%q) = %q, want an error", bad, re)
		}
	}
}

// Mistakes in a thesaurus are reported, naming the entry.
func TestThesaurusMistakes(t *testing.T) {
	const head = "taxonomy:\n  money: debt\ngroups:\n  - group: Money\n    entries:\n"
	for _, c := range []struct {
		name, entry, want string
	}{
		{"unknown term", "      - name: skint\n        terms: [mony]\n        phrases: [skint*]\n", `entry "skint" (group "Money"): unknown term "mony"`},
		{"no phrases", "      - name: skint\n        terms: [money]\n        phrases: []\n", `entry "skint" (group "Money"): no phrases`},
		{"empty phrase", "      - name: number\n        terms: [money]\n        phrases:\n          - #+#\n", `entry "number" (group "Money"): phrase 1 is empty`},
		{"bad phrase", "      - name: skint\n        terms: [money]\n        phrases: [\"can't pay\"]\n", `entry "skint" (group "Money"): phrase "can't pay": drop apostrophes`},
		{"bad pattern", "      - name: skint\n        terms: [money]\n        phrases: [skint*]\n        pattern: 'sk(int'\n", `entry "skint" (group "Money"): pattern: error parsing regexp`},
		{"misspelt field", "      - name: skint\n        terms: [money]\n        phrase: [skint*]\n", `field phrase not found`},
		{"twice", "      - name: skint\n        terms: [money]\n        phrases: [skint*]\n      - name: skint\n        terms: [money]\n        phrases: [broke*]\n", `entry "skint" (group "Money"): another entry has the same name`},
		{"does nothing", "      - name: skint\n        terms: []\n        phrases: [skint*]\n", `entry "skint" (group "Money"): no terms and no search_words`},
	} {
		t.Run(c.name, func(t *testing.T) {
			th, err := readThesaurus([]byte(head + c.entry))
			if err == nil {
				_, err = th.cues()
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got error %v, want one containing %q", err, c.want)
			}
		})
	}
}
