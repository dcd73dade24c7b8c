package safety

// lexicalTokens are what the reviewed lexicon reads in text, for the
// learned model to read beside the raw words: each word's base form
// (txt-speak expanded, misspellings mended, other languages' words put
// into English by the glossaries) and its word classes ("@HURT",
// "@CHILD"), with each pair of classes on neighbouring words
// ("@PARTNER>@HURT"). So what the lexicon knows about a word reaches the
// model even when the corpus never used that word.
func (d *Detector) lexicalTokens(text string) []string {
	return lexicalTokensOf(d.parse(text))
}

// lexicalTokensOf is lexicalTokens of a parsed message, before its idioms
// are masked.
func lexicalTokensOf(dc *doc) []string {
	out := make([]string, 0, 3*len(dc.toks))
	var prev []string
	for _, t := range dc.toks {
		if t.stem == boundaryWord {
			out = append(out, "|")
			prev = nil
			continue
		}
		out = append(out, t.stem)
		var cur []string
		for g := tag(1); g < tCount; g++ {
			if g != tBound && t.tags.has(g) && roleTags[g] {
				cur = append(cur, "@"+tagNames[g])
			}
		}
		out = append(out, cur...)
		for _, p := range prev {
			for _, c := range cur {
				out = append(out, p+">"+c)
			}
		}
		prev = cur
	}
	if dc.foreign {
		out = append(out, "@FOREIGN")
	}
	// How long the message is, so the model learns how often messages of
	// that length tell of harm: a one-word "hi" is not read like a story.
	out = append(out, lengthBucket(len(dc.toks)))
	if dc.laugh {
		out = append(out, "@LAUGH")
	}
	return out
}

// roleTags are the word classes given to the model: who, what was done,
// with what, and when.
var roleTags = map[tag]bool{
	tSelf: true, tChild: true, tAdult: true, tPartner: true, tParent: true, tFamily: true,
	tHurt: true, tScared: true, tNeg: true, tBody: true, tNow: true, tTrivial: true, tGift: true,
	tDrug: true, tWeapon: true, tAgeMinor: true, tAgeAdult: true, tTopic: true, tMoney: true,
	tHome: true, tNight: true, tFood: true, tSexual: true,
}

// lengthBucket names a message's length in words, in rough steps.
func lengthBucket(n int) string {
	switch {
	case n <= 1:
		return "#LEN1"
	case n <= 3:
		return "#LEN3"
	case n <= 7:
		return "#LEN7"
	case n <= 15:
		return "#LEN15"
	case n <= 40:
		return "#LEN40"
	}
	return "#LONG"
}
