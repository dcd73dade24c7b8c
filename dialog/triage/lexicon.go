package triage

import "regexp"

// cue is one way families say a need: a pattern over the cleaned message,
// the taxonomy terms it points to, and words services use for it, which
// are added to the search.
type cue struct {
	re    *regexp.Regexp
	pre   prefilter // literals the pattern needs, to skip it cheaply
	terms []string
	words string
}

// needCues is how families write about needs: the entries of the
// family-words thesaurus (thesaurus.yaml, grouped as family-words.md
// groups them), in file order. The cues are shared and must not be
// changed. The thesaurus is embedded, so a mistake in it is a build
// mistake: it panics, naming the entry (TestThesaurusLoads says so first).
func needCues() []cue {
	cues, err := thesaurusCues()
	if err != nil {
		panic(err)
	}
	return cues
}

// newCue compiles a cue. Patterns match from a word boundary of the
// cleaned text and may run on.
func newCue(pattern string, terms []string, words string) (cue, error) {
	re, err := regexp.Compile(`\b(?:` + pattern + `)`)
	if err != nil {
		return cue{}, err
	}
	return cue{re: re, pre: newPrefilter(re), terms: terms, words: words}, nil
}
