package triage

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/northbrook/hubbot/dialog/textclass"
)

// glossaryFiles are the need glossaries of the borough's other languages
// (glossary/*.yaml; the README there says how they are written).
//
//go:embed glossary/*.yaml
var glossaryFiles embed.FS

// glossaryFile is one language's glossary as written.
type glossaryFile struct {
	Language string            `yaml:"language"`
	Words    map[string]string `yaml:"words"`
}

// Glossary reads other languages' family words as the thesaurus's
// English, so one reviewed thesaurus serves every language. Built once
// from the embedded files; read-only and safe for concurrent use.
type Glossary struct {
	words map[string]string  // a word or a pair of words, normalised
	stems map[string][]gStem // stems by their first three letters
}

// gStem is a key written with a trailing "*": any word starting with it.
type gStem struct {
	prefix, english string
}

// minStem is the shortest stem allowed, in letters: shorter ones catch
// unrelated words.
const minStem = 3

// LoadGlossary reads the embedded glossaries.
func LoadGlossary() (*Glossary, error) {
	return readGlossaries(glossaryFiles)
}

func readGlossaries(fsys fs.FS) (*Glossary, error) {
	names, err := fs.Glob(fsys, "glossary/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	g := &Glossary{words: map[string]string{}, stems: map[string][]gStem{}}
	var errs []error
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("glossary: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		var f glossaryFile
		if err := dec.Decode(&f); err != nil {
			errs = append(errs, fmt.Errorf("glossary %s: %w", name, err))
			continue
		}
		if f.Language == "" || len(f.Words) == 0 {
			errs = append(errs, fmt.Errorf("glossary %s: no language or no words", name))
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(f.Words)) {
			english := strings.TrimSpace(f.Words[key])
			k := strings.Join(strings.Fields(textclass.Normalise(strings.TrimSuffix(key, "*"))), " ")
			switch {
			case english == "" || k == "":
				errs = append(errs, fmt.Errorf("glossary %s: %q: empty key or value", name, key))
			case strings.HasSuffix(key, "*"):
				if utf8.RuneCountInString(k) < minStem || strings.Contains(k, " ") {
					errs = append(errs, fmt.Errorf("glossary %s: %q: a stem is one word of %d letters or more", name, key, minStem))
					continue
				}
				h := head(k)
				g.stems[h] = append(g.stems[h], gStem{prefix: k, english: english})
			default:
				if _, dup := g.words[k]; !dup { // the first file (by name) wins
					g.words[k] = english
				}
			}
		}
	}
	for h := range g.stems {
		// longest stem first, so the most particular one wins
		slices.SortStableFunc(g.stems[h], func(a, b gStem) int { return len(b.prefix) - len(a.prefix) })
	}
	return g, errors.Join(errs...)
}

// head is a word's first three letters, the key stems are filed under.
func head(w string) string {
	n := 0
	for i := range w {
		if n == minStem {
			return w[:i]
		}
		n++
	}
	return w
}

// English returns the English of the words of text the glossaries know,
// in order, or "" when they know none.
func (g *Glossary) English(text string) string {
	if g == nil {
		return ""
	}
	words := strings.FieldsFunc(textclass.Normalise(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r)
	})
	var out []string
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) {
			if e, ok := g.words[words[i]+" "+words[i+1]]; ok {
				out = append(out, e)
				i++
				continue
			}
		}
		if e, ok := g.words[words[i]]; ok {
			out = append(out, e)
			continue
		}
		for _, s := range g.stems[head(words[i])] {
			if strings.HasPrefix(words[i], s.prefix) {
				out = append(out, s.english)
				break
			}
		}
	}
	return strings.Join(out, " ")
}
