package triage

import (
	"regexp"
	"strconv"
)

// agePattern reads one way families write an age. years turns the match
// into an age in whole years (or -1 for a pregnancy); self says the
// writer gave their own age.
type agePattern struct {
	re    *regexp.Regexp
	pre   prefilter
	read  func(m []string) (years int, months int, ok bool)
	self  bool
	preg  bool
	child bool
}

func agePatterns() []agePattern {
	num := `(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`
	years := func(m []string) (int, int, bool) {
		f, ok := parseNum(m[1])
		if !ok || f > 25 {
			return 0, 0, false
		}
		return int(f), int(f * 12), true
	}
	months := func(m []string) (int, int, bool) {
		f, ok := parseNum(m[1])
		if !ok || f > 60 {
			return 0, 0, false
		}
		return int(f) / 12, int(f), true
	}
	baby := func(m []string) (int, int, bool) { return 0, 0, true }
	own := func(m []string) (int, int, bool) {
		f, ok := parseNum(m[1])
		if !ok || f < 8 || f > 99 {
			return 0, 0, false
		}
		return int(f), int(f * 12), true
	}
	minusOne := func(m []string) (int, int, bool) {
		f, ok := parseNum(m[1])
		if !ok || f < 1 || f > 25 {
			return 0, 0, false
		}
		return int(f) - 1, (int(f) - 1) * 12, true
	}
	school := func(add int) func(m []string) (int, int, bool) {
		return func(m []string) (int, int, bool) {
			n, err := strconv.Atoi(m[1])
			if err != nil || n > 13 {
				return 0, 0, false
			}
			return n + add, (n + add) * 12, true
		}
	}
	fixed := func(y int) func(m []string) (int, int, bool) {
		return func(m []string) (int, int, bool) { return y, y * 12, true }
	}
	p := func(re string, read func([]string) (int, int, bool)) agePattern {
		r := regexp.MustCompile(re)
		return agePattern{re: r, pre: newPrefilter(r), read: read, child: true}
	}
	self := func(re string, read func([]string) (int, int, bool)) agePattern {
		r := regexp.MustCompile(re)
		return agePattern{re: r, pre: newPrefilter(r), read: read, self: true}
	}
	preg := func(re string) agePattern {
		r := regexp.MustCompile(re)
		return agePattern{re: r, pre: newPrefilter(r), preg: true}
	}
	return []agePattern{
		// Pregnancy
		preg(`\b\d{1,2}\s*(?:weeks?|wks?|w)\s*(?:pregnant|gone|along|with (?:our|my) first)\b`),
		preg(`\b(?:pregnant|pregnancy|expecting|bfp|bump|due (?:in|on|date|any day)|3rd tri|third trimester|antenatal)\b`),
		preg(`\b\d{1,2}\+\d\b`),
		preg(`^\s*(?:[a-z]+\s+){0,2}(?:[1-3]\d|[4-9])\s*(?:weeks?|wks?)\b(?:\s+(?:and|with|now|pregnant))`),
		// Babies
		p(`\b`+num+`\s*(?:days?)\s*old\b`, baby),
		p(`\b`+num+`\s*(?:weeks?|wks?|wk)\s*old\b`, func(m []string) (int, int, bool) { return 0, 0, true }),
		p(`\b(?:she|he|they|baby|lo)\s*(?:is|s)?\s+`+num+`\s*(?:weeks?|wks?)\b`, baby),
		p(`\b`+num+`\s*(?:months?|mths?|mo|m)\s*old\b`, months),
		p(`\b`+num+`\s*(?:months?|mths?|mo)\b`, months),
		p(`\b(?:newborn|new baby|newborns)\b`, baby),
		// Children in years, many ways
		p(`\b`+num+`\s*(?:and a half\s*)?(?:yrs?|years?|y)\s*(?:o\b|old\b)`, years),
		p(`\b`+num+`\s*(?:yo|y o|yr old|yrs old)\b`, years),
		p(`\b`+num+`\s*(?:yr|yrs|year|years)\b`, years),
		p(`\b(?:ds|dd|dc|son|daughter|lo|boy|girl|dss|dsd|bairn|wean|babby|little one|grandson|granddaughter)\s*(?:is\s+|who is\s+|whos\s+|aged\s+)?\(?`+num+`\)?(?:\s*(?:and a half|yo|now))?\b`, years),

		p(`\b(?:kids|children|boys|girls|twins|dcs)\s+(?:are|aged)\s+`+num, years),
		p(`\baged\s+`+num+`\b`, years),
		p(`\b(?:turns?|turning|will be|be)\s+`+num+`\s+(?:in|next|this|on)\b`, minusOne),
		p(`\b(?:nearly|almost|rising)\s+`+num+`\b`, minusOne),
		p(`\b`+num+`\s+in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`, minusOne),
		p(`\b(?:he|she|they)\s*(?:is|s|are)\s+(?:only\s+)?`+num+`\b(?:\s*(?:and a half|yo))?`, years),
		p(`\b(?:year|yr|y)\s*(\d{1,2})\b`, school(5)),
		p(`\b(?:reception)\b`, fixed(4)),
		p(`\b(?:preschool|pre school|starting school)\b`, fixed(3)),
		p(`\b(?:toddler|toddlers)\b`, fixed(2)),
		p(`\b(?:primary school|primary)\b`, fixed(8)),
		p(`\b(?:secondary|high school|big school)\b`, fixed(13)),
		p(`\b(?:teenager|teen|teenage)\b`, fixed(15)),
		p(`\b(?:tween)\b`, fixed(11)),
		// The writer's own age
		self(`\b(?:im|i am|am)\s+(?:only\s+)?`+num+`\b`, own),
		self(`^\s*`+num+`\s*(?:m|f|yo)?\s*(?:,|and\b|\bm\b|\bf\b)`, own),
		self(`(?:,|\bi\b)\s*`+num+`\s*(?:,|$)`, own),
	}
}

// readAges fills the age fields and reports whether the age is the writer's
// own. Patterns run in order and each piece of text is read once, so "14
// weeks pregnant" is never also a 14-year-old.
func (p *Parser) readAges(c string, t *Triage) (self bool) {
	var childAges []int
	selfAge := -1
	var used [][2]int
	overlaps := func(a, b int) bool {
		for _, u := range used {
			if a < u[1] && b > u[0] {
				return true
			}
		}
		return false
	}
	for _, ap := range p.ages {
		if !ap.pre.mayMatch(c) {
			continue
		}
		for _, loc := range ap.re.FindAllStringSubmatchIndex(c, -1) {
			if overlaps(loc[0], loc[1]) {
				continue
			}
			if ap.preg {
				t.Pregnant = true
				used = append(used, [2]int{loc[0], loc[1]})
				continue
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = c[loc[2*i]:loc[2*i+1]]
				}
			}
			y, mo, ok := ap.read(m)
			if !ok || countNoun.MatchString(c[loc[1]:]) {
				continue
			}
			used = append(used, [2]int{loc[0], loc[1]})
			if ap.self {
				if selfAge < 0 {
					selfAge = y
				}
				continue
			}
			if len(childAges) == 0 {
				t.AgeMonths = mo
			}
			childAges = appendUnique(childAges, y)
		}
	}
	// "kids are 4 and 9", "DCs 3 & 7": every age of a list.
	for _, m := range reAgeList.FindAllStringSubmatch(c, -1) {
		for _, n := range reNumber.FindAllString(m[1], -1) {
			if a, err := strconv.Atoi(n); err == nil && a <= 25 {
				childAges = appendUnique(childAges, a)
			}
		}
	}
	switch {
	case len(childAges) > 0:
		t.Age, t.AgeKnown, t.Ages = childAges[0], true, childAges
	case selfAge >= 0:
		t.Age, t.AgeKnown, t.Ages = selfAge, true, []int{selfAge}
		self = true
	}
	return self
}

var (
	reAgeList = regexp.MustCompile(`\b(?:kids|children|boys|girls|dcs|ds|dd|twins)\s+(?:are\s+|aged\s+)?((?:\d{1,2}\s*(?:,|and|&)\s*)+\d{1,2})\b`)
	reNumber  = regexp.MustCompile(`\d+`)
	// countNoun follows a number that counts rather than ages ("3 kids").
	countNoun = regexp.MustCompile(`^\s*(?:kids|children|boys|girls|grandkids|of them|a day|times|hours|mins|minutes|words|quid|pounds|weeks ago|months ago|years ago)\b`)
)

func appendUnique(xs []int, x int) []int {
	for _, v := range xs {
		if v == x {
			return xs
		}
	}
	return append(xs, x)
}
