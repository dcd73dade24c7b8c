package triage

import "unicode"

// detectLanguage names the script of a message that is not written in the
// Latin alphabet ("arabic", "cyrillic", ...), or "" for Latin script.
func detectLanguage(text string) string {
	counts := map[string]int{}
	letters := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for name, tab := range scripts {
			if unicode.Is(tab, r) {
				counts[name]++
				break
			}
		}
	}
	best, n := "", 0
	for name, c := range counts {
		if c > n {
			best, n = name, c
		}
	}
	if letters == 0 || n*2 < letters {
		return ""
	}
	return best
}

var scripts = map[string]*unicode.RangeTable{
	"arabic":     unicode.Arabic,
	"cyrillic":   unicode.Cyrillic,
	"bengali":    unicode.Bengali,
	"gurmukhi":   unicode.Gurmukhi,
	"gujarati":   unicode.Gujarati,
	"han":        unicode.Han,
	"greek":      unicode.Greek,
	"devanagari": unicode.Devanagari,
	"tamil":      unicode.Tamil,
	"thai":       unicode.Thai,
	"hebrew":     unicode.Hebrew,
}
