package dialog

import (
	"slices"
	"strings"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

// The questions the bot asks, as kept in Conversation.Asked and Asks.
const (
	askNeed    = "need"
	askAge     = "age"
	askArea    = "area"
	askCheckin = "checkin"
)

// needChoices are what the numbered answers to the need question mean, in
// the order of the copy's need-options; the last is "talk to a person".
var needChoices = []triage.Triage{
	{Terms: []string{"pregnancy", "start-for-life", "infant-feeding"}, Words: "pregnancy new baby"},
	{Terms: []string{"early-years", "speech-language", "parenting"}, Words: "talking sleep behaviour"},
	{Terms: []string{"send", "education", "disability"}, Words: "school special needs disability"},
	{Terms: []string{"money", "food", "housing"}, Words: "money food housing"},
	{Terms: []string{"mental-health"}, Words: "low mood worried anxiety stress"},
	{}, // talk to a person
}

// ageChoices are what the numbered answers to the age question mean, in the
// order of the copy's age-options; the last is "for me, an adult".
var ageChoices = []triage.Triage{
	{Pregnant: true},
	{Age: 0, AgeKnown: true, Ages: []int{0}},
	{Age: 1, AgeKnown: true, Ages: []int{1, 2, 3, 4}},
	{Age: 5, AgeKnown: true, Ages: []int{5, 6, 7, 8, 9, 10}},
	{Age: 11, AgeKnown: true, Ages: []int{11, 12, 13, 14, 15}},
	{Age: 16, AgeKnown: true, Ages: []int{16, 17, 18, 19}},
	{For: triage.WhoParent, Age: adultAge, AgeKnown: true, Ages: []int{adultAge}},
}

// adultAge stands for "an adult" when the family says the help is for them.
const adultAge = 30

// fresh starts a conversation: the welcome with its privacy line, then the
// triage of the very first message.
func (t *turn) fresh(text string) error {
	t.afresh()
	if err := t.welcome(); err != nil {
		return err
	}
	if text == "" {
		return t.ask(askNeed)
	}
	t.c.Triage = t.read(text)
	return t.decide()
}

// triageTurn reads an answer (to the question asked, or any message) and
// decides what comes next.
func (t *turn) triageTurn(text string) error {
	c := &t.c
	asked := c.Asked
	c.Asked = ""
	prev := c.Triage
	n, special := t.answer(text, asked)
	switch special {
	case answerPerson:
		return t.handoff(reasonAsked, nil)
	case answerNoArea:
		c.Stuck = 0
		return t.decide()
	}
	c.Triage = mergeTriage(prev, n)
	if gained(prev, c.Triage) {
		c.Stuck = 0
	} else if c.Stuck++; c.Stuck >= stuckTurns {
		return t.handoff(reasonStuck, nil)
	}
	return t.decide()
}

// Answers to a question that mean more than a triage.
const (
	answerNone   = iota
	answerPerson // "talk to a person" from the need question
	answerNoArea // "somewhere else or not sure" from the area question
)

// answer reads a message as the answer to the question asked: a numbered
// choice of its options, or words the parser reads.
func (t *turn) answer(text, asked string) (triage.Triage, int) {
	n, ok := choice(text)
	switch {
	case !ok:
	case asked == askNeed && n <= len(needChoices):
		if n == len(needChoices) {
			return triage.Triage{}, answerPerson
		}
		return needChoices[n-1], answerNone
	case asked == askAge && n <= len(ageChoices):
		return ageChoices[n-1], answerNone
	case asked == askArea && len(t.m.areaOpts) > 0 && n <= len(t.m.areaOpts):
		if n == len(t.m.areaOpts) {
			return triage.Triage{}, answerNoArea
		}
		return triage.Triage{Ward: t.m.areaOpts[n-1]}, answerNone
	}
	return t.read(text), answerNone
}

// read parses a message.
func (t *turn) read(text string) triage.Triage {
	return t.m.sp.Parser.Parse(text)
}

// learn adds what a message says to the triage, for the practitioner's
// summary, without deciding anything. Words that name no need ("can I speak
// to someone") are left out.
func (t *turn) learn(text string) {
	if text == "" {
		return
	}
	n := t.read(text)
	if len(n.Terms) == 0 {
		n.Words = ""
	}
	t.c.Triage = mergeTriage(t.c.Triage, n)
}

// mergeTriage adds a later message's triage to what was known. Who the help
// is for only changes when the later message says something of it (an age,
// a need); an answer like "castleton" keeps the earlier reading.
func mergeTriage(prev, n triage.Triage) triage.Triage {
	keepWho := prev.For != triage.WhoUnknown && !n.AgeKnown && len(n.Terms) == 0 &&
		(n.For == triage.WhoParent || n.For == triage.WhoUnknown)
	m := prev.Merge(n)
	if keepWho {
		m.For, m.Speaker = prev.For, prev.Speaker
	}
	m.Words = clip(m.Words, maxWords)
	return m
}

// maxWords bounds the need words a conversation keeps (newest first), so an
// idle conversation stays small.
const maxWords = 240

// clip cuts s to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n+1], ' '); i > 0 {
		return s[:i]
	}
	return s[:n]
}

// gained reports whether the triage learnt something that changes the search.
func gained(prev, next triage.Triage) bool {
	switch {
	case next.AgeKnown && (!prev.AgeKnown || next.Age != prev.Age || !slices.Equal(next.Ages, prev.Ages)):
		return true
	case next.Pregnant && !prev.Pregnant:
		return true
	case next.Ward != prev.Ward:
		return true
	case len(next.Terms) > len(prev.Terms):
		return true
	}
	return len(contentWords(next.Words)) > len(contentWords(prev.Words))
}

// decide asks for what is still missing, or searches and offers. It asks
// only what changes the answer: the need first, then the age when the
// services found depend on it, then the area when they are mostly local.
func (t *turn) decide() error {
	c := &t.c
	tr := c.Triage
	if !statedNeed(tr) {
		if slices.Contains(c.Asks, askNeed) && len(contentWords(tr.Words)) > 0 {
			return t.noFit(triage.Result{NoFit: true, Reason: "need-not-recognised"})
		}
		return t.ask(askNeed)
	}
	res, err := t.m.sp.Search(t.ctx, tr)
	if err != nil {
		return err
	}
	if res.NoFit || len(res.Matches) == 0 {
		return t.noFit(res)
	}
	top := topServices(res, pageSize)
	if !tr.HasAge() && ageMatters(tr, top) && !slices.Contains(c.Asks, askAge) {
		return t.ask(askAge)
	}
	if !tr.HasArea() && areaMatters(top) && !slices.Contains(c.Asks, askArea) {
		return t.ask(askArea)
	}
	return t.offer(res, false)
}

// ask puts one question, with numbered options. Asking the same question a
// second time means the family is stuck: a person takes over instead.
func (t *turn) ask(q string) error {
	c := &t.c
	if slices.Contains(c.Asks, q) {
		return t.handoff(reasonStuck, nil)
	}
	c.Asked = q
	c.Asks = append(c.Asks, q)
	c.State = StateTriage
	d := t.data()
	name := "ask-" + q
	switch q {
	case askNeed:
		d.Options = t.m.needOpts
	case askAge:
		d.Options = t.m.ageOpts
	case askArea:
		d.Options = t.m.areaOpts
	}
	return t.say(name, d, options(d.Options)...)
}

// topServices returns the first n services of a result.
func topServices(res triage.Result, n int) []content.Service {
	out := make([]content.Service, 0, n)
	for i, m := range res.Matches {
		if i >= n {
			break
		}
		out = append(out, m.Service)
	}
	return out
}

// ageMatters reports whether the age would change which of these services
// fit: help for the adult themself, or services open to every child, do not
// need it.
func ageMatters(tr triage.Triage, top []content.Service) bool {
	if tr.For == triage.WhoParent || tr.For == triage.WhoPartner {
		return false
	}
	for _, s := range top {
		allChildren := s.MinAge <= 0 && s.MaxAge >= 18
		adults := s.MinAge >= 16
		if !allChildren && !adults {
			return true
		}
	}
	return false
}

// areaMatters reports whether the best service and most of the others run
// in one place, so where the family lives changes the answer; borough-wide,
// online and phone services suit anyone.
func areaMatters(top []content.Service) bool {
	if len(top) == 0 || top[0].IsBoroughWide() {
		return false
	}
	local := 0
	for _, s := range top {
		if !s.IsBoroughWide() {
			local++
		}
	}
	return local*2 > len(top)
}

// statedNeed reports whether the family has said what is going on: a need
// the parser recognised, or enough words of their own to search on.
func statedNeed(tr triage.Triage) bool {
	return len(tr.Terms) > 0 || len(contentWords(tr.Words)) >= 2
}

// contentWords are the words of a need that are not greetings, fillers or
// asks for help in general.
func contentWords(words string) []string {
	var out []string
	for _, w := range strings.Fields(words) {
		if !genericWords[w] && len(w) > 1 {
			out = append(out, w)
		}
	}
	return out
}

// genericWords say nothing about what a family needs.
var genericWords = map[string]bool{
	"hi": true, "hello": true, "hey": true, "hiya": true, "morning": true, "afternoon": true, "evening": true,
	"please": true, "pls": true, "plz": true, "help": true, "helps": true, "helping": true, "need": true, "needs": true,
	"needed": true, "want": true, "wanted": true, "some": true, "any": true, "anything": true, "something": true,
	"can": true, "could": true, "would": true, "you": true, "your": true, "im": true, "me": true, "my": true, "we": true,
	"us": true, "our": true, "it": true, "its": true, "is": true, "are": true, "was": true, "be": true, "been": true,
	"have": true, "has": true, "had": true, "do": true, "does": true, "did": true, "get": true, "got": true, "the": true,
	"an": true, "and": true, "or": true, "but": true, "to": true, "of": true, "for": true, "in": true, "on": true,
	"at": true, "with": true, "about": true, "from": true, "this": true, "that": true, "there": true, "here": true,
	"just": true, "so": true, "really": true, "very": true, "yes": true, "yeah": true, "yep": true, "no": true,
	"nope": true, "ok": true, "okay": true, "thanks": true, "thank": true, "ta": true, "cheers": true, "idk": true,
	"dunno": true, "know": true, "not": true, "sure": true, "advice": true, "info": true, "information": true,
	"question": true, "ask": true, "asking": true, "support": true, "service": true, "services": true, "hub": true,
	"family": true, "someone": true, "anyone": true, "somebody": true, "like": true, "looking": true, "find": true,
	"where": true, "what": true, "how": true, "who": true, "when": true, "why": true, "which": true, "tell": true,
	"text": true, "message": true, "chat": true, "hm": true, "hmm": true, "um": true, "he": true, "she": true,
	"they": true, "them": true, "him": true, "her": true, "his": true, "hers": true, "their": true, "if": true,
	"am": true, "will": true, "should": true, "go": true, "there's": true, "theres": true, "one": true, "all": true,
	"eh": true, "huh": true, "er": true, "erm": true, "umm": true, "uh": true, "lol": true, "ha": true, "haha": true,
	"oh": true, "ah": true, "wat": true, "wot": true, "sorry": true, "pardon": true, "confused": true, "whats": true,
	"mean": true, "understand": true, "dont": true, "didnt": true, "cant": true, "again": true, "more": true, "else": true,
}
