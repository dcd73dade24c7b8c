package triage

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestGlossaryReads: words, pairs and stems of another language are read
// as their English, however the family types them (accents or none).
func TestGlossaryReads(t *testing.T) {
	fsys := fstest.MapFS{
		"glossary/pl.yaml": {Data: []byte("language: pl\nwords:\n  logoped*: speech therapy\n  nie mowi: not talking\n  przedszkole: nursery\n")},
		"glossary/ar.yaml": {Data: []byte("language: ar\nwords:\n  حضانة: nursery\n  يتكلم*: talking\n")},
	}
	g, err := readGlossaries(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"Mój syn nie mówi, potrzebujemy logopedy", "not talking speech therapy"},
		{"szukam przedszkola", ""}, // no stem: an inflected form is not guessed
		{"PRZEDSZKOLE w Castleton", "nursery"},
		{"ابني لا يتكلمون حضانة", "talking nursery"},
		{"hello", ""},
	} {
		if got := g.English(c.in); got != c.want {
			t.Errorf("English(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestGlossaryRefusesMistakes: a mistake in a glossary names the file and
// the word.
func TestGlossaryRefusesMistakes(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"short stem", "language: pl\nwords:\n  ab*: speech\n", `"ab*"`},
		{"empty value", "language: pl\nwords:\n  logoped: \"\"\n", `"logoped"`},
		{"no language", "words:\n  logoped: speech\n", "no language"},
		{"unknown field", "language: pl\nword:\n  logoped: speech\n", "word"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readGlossaries(fstest.MapFS{"glossary/pl.yaml": {Data: []byte(c.data)}})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "pl.yaml") {
				t.Fatalf("err %v, want one naming pl.yaml and %s", err, c.want)
			}
		})
	}
}

// TestEmbeddedGlossaries: the shipped glossaries load.
func TestEmbeddedGlossaries(t *testing.T) {
	g, err := LoadGlossary()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.words)+len(g.stems) == 0 {
		t.Fatal("no glossary words")
	}
}
