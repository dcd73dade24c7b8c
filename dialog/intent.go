package dialog

import (
	"regexp"
	"strings"
	"unicode"
)

// intent is what a short message asks of the bot, whatever the state.
type intent int

const (
	intentNone    intent = iota
	intentStop           // SMS STOP and its synonyms: opt out
	intentStart          // SMS START / UNSTOP (and YES while opted out): opt back in
	intentHelp           // HELP / INFO
	intentForget         // FORGET: erase everything
	intentPerson         // talk to a person
	intentRestart        // start again
	intentBye            // thanks, bye, done
	intentMore           // more options
	intentNoneFit        // none of these fit
)

// optOutWords and optInWords are the carrier keywords (Twilio's defaults on
// long codes). They match the whole message exactly, never by a near miss.
var (
	optOutWords = map[string]bool{"stop": true, "stopall": true, "stop all": true, "unsubscribe": true,
		"cancel": true, "end": true, "quit": true, "revoke": true, "optout": true, "opt out": true}
	optInWords = map[string]bool{"start": true, "unstop": true, "yes": true}
)

// intentVocab are the words intents are written in; a family's near miss
// of one of them ("pesron", "thnaks", "forgt") is read as the word.
var intentVocab = []string{
	"person", "human", "someone", "somebody", "practitioner", "worker", "staff", "adviser", "advisor",
	"speak", "talk", "please", "forget", "delete", "restart", "again", "thanks", "thank", "cheers",
	"goodbye", "finished", "options", "others", "another", "details", "information", "anything", "something",
}

var (
	rePersonWord = regexp.MustCompile(`\b(?:person|human|someone|somebody|practitioner|worker|staff|adviser|advisor|agent|operator|member of staff|real people|actual people)\b`)
	rePersonVerb = regexp.MustCompile(`\b(?:talk|speak|chat|call|ring|phone|contact|get in touch|message|text|reply|help me|be put through|put me through)\b`)
	rePersonOnly = regexp.MustCompile(`^(?:(?:a|an|some|real|actual|proper|please|pls|plz|can|could|i|have|get|want|need|id|like|to|the|now|just|let|me)\s+)*(?:person|human|someone|somebody|practitioner|worker|staff|adviser|advisor|agent|operator)(?:\s+(?:please|pls|plz|now|thanks|thank you))*$`)
	reRestart    = regexp.MustCompile(`^(?:(?:can|could|we|i|lets|let|us|want|to|please|pls|ok|okay)\s+)*(?:start(?:\s+(?:again|over|afresh|fresh|from the (?:start|beginning)))?|restart|re start|begin again|new search|start a new search|reset|menu|main menu|back to (?:the )?(?:start|beginning|menu))(?:\s+(?:please|pls))?$`)
	reForget     = regexp.MustCompile(`^(?:(?:please|pls|can|you|i|want|to|ok)\s+)*(?:forget|delete|erase|remove|wipe)(?:\s+(?:me|my|data|details|info|information|messages|number|this|chat|conversation|everything|all|it all|about me|what i said|please|pls|now))*$`)
	reMore       = regexp.MustCompile(`^(?:(?:any|some|show|me|see|give|are|there|got|have|you|can|i|please|pls|ok)\s+)*(?:more|others|other options|other ones|other services|other places|another|next|something else|anything else|more options|more services|else)(?:\s+(?:please|pls|options|services|ones))*$`)
	reNoneFit    = regexp.MustCompile(`^(?:(?:no|nah|sorry|but|um|hmm|er|i think)\s+)*(?:none(?:\s+of\s+(?:these|them|those|that))?(?:\s+(?:help|helps|fit|fits|are right|is right|work|works))?|neither|not really|not (?:really\s+)?(?:helpful|useful|right|what i need|what im looking for|for us|for me)|no good|they dont (?:help|fit)|those dont (?:help|fit)|doesnt help|dont help|not quite)(?:\s+(?:really|sorry|thanks|thank you))*$`)
	reByePhrase  = regexp.MustCompile(`^(?:(?:ok|okay|no|nope|right|great|brill|lovely|cool|perfect|thats|thats great|thats brill)\s+)*(?:thats all|thats it|nothing else|no more|forget it|never mind|nevermind|all good|all sorted|im ok now|im fine now|im good)(?:\s+(?:thanks|thank you|ta|cheers|bye|x+))*$`)
	reChoice     = regexp.MustCompile(`^(?:(?:no|number|num|option|opt|choice|service|the|id|like|i|want|please|pls|can|have|go|with|for|details|info|on|of|more|about|tell|me|ok|okay)\s+)*(\d|one|two|three|four|five|six|seven|eight|nine|first|second|third|1st|2nd|3rd)(?:\s+(?:one|please|pls|thanks|thank you|x+))*$`)
)

// rePersonAsk is the asking-for-a-person part of a message, taken out before
// the rest is read for a need ("talk to someone" is also a need words cue).
var rePersonAsk = regexp.MustCompile(`(?i)\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s+)?(?:real\s+|actual\s+)?(?:someone|somebody|person|human|practitioner|worker|adviser|advisor|member of staff)|(?:someone|somebody|a person)\s+to\s+(?:talk|speak)\s+to)\b`)

// withoutPersonAsk removes the ask for a person from a message.
func withoutPersonAsk(text string) string { return rePersonAsk.ReplaceAllString(text, " ") }

// closers end a conversation; courtesy words may sit around them.
var (
	closers  = map[string]bool{"thanks": true, "thank": true, "thx": true, "ta": true, "cheers": true, "bye": true, "goodbye": true, "byee": true, "done": true, "finished": true, "ty": true, "tysm": true, "sorted": true, "tar": true}
	courtesy = map[string]bool{"you": true, "u": true, "ok": true, "okay": true, "k": true, "great": true, "brill": true, "brilliant": true, "lovely": true, "perfect": true,
		"ace": true, "cool": true, "thats": true, "that": true, "is": true, "all": true, "it": true, "no": true, "much": true, "very": true, "so": true,
		"for": true, "the": true, "help": true, "your": true, "appreciate": true, "appreciated": true, "will": true, "do": true, "have": true, "a": true,
		"good": true, "day": true, "night": true, "see": true, "ya": true, "later": true, "amazing": true, "fab": true, "im": true, "i": true, "fine": true,
		"now": true, "nice": true, "one": true, "love": true, "many": true, "again": true, "really": true, "helpful": true, "super": true, "x": true, "xx": true, "xxx": true,
		"and": true, "helping": true, "me": true, "info": true, "loads": true, "lots": true, "ill": true, "give": true, "them": true, "call": true, "try": true, "oh": true}
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"first": 1, "second": 2, "third": 3, "1st": 1, "2nd": 2, "3rd": 3}

// normalise lower-cases text, drops apostrophes, turns other punctuation
// into spaces and collapses runs of space: "Thank's!!" gives "thanks".
func normalise(text string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(text) {
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// correct replaces each word that is a near miss of an intent word by that
// word. Short words are left alone: they have too many neighbours.
func correct(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		if len(w) < 5 {
			continue
		}
		for _, v := range intentVocab {
			if w != v && abs(len(w)-len(v)) <= 1 && osaDistance(w, v) <= 1 {
				out[i] = v
				break
			}
		}
	}
	return out
}

// maxIntentWords bounds the messages read as an intent: a longer message is
// a story to triage, not a command.
const maxIntentWords = 12

// matchIntent reads what a message asks of the bot. optedOut widens START to
// YES, as carriers do.
func matchIntent(text string, optedOut bool) intent {
	n := normalise(text)
	if n == "" {
		return intentNone
	}
	if optOutWords[n] {
		return intentStop
	}
	if optInWords[n] && (optedOut || n != "yes") {
		if optedOut || n == "unstop" {
			return intentStart
		}
		return intentRestart // "start" when not stopped: start again
	}
	if n == "help" || n == "info" {
		return intentHelp
	}
	words := strings.Fields(n)
	if len(words) > maxIntentWords {
		return intentNone
	}
	c := strings.Join(correct(words), " ")
	switch {
	case reForget.MatchString(c):
		return intentForget
	case reRestart.MatchString(c):
		return intentRestart
	case reByePhrase.MatchString(c) || isBye(strings.Fields(c)):
		return intentBye
	case reNoneFit.MatchString(c):
		return intentNoneFit
	case reMore.MatchString(c):
		return intentMore
	case rePersonOnly.MatchString(c) || rePersonWord.MatchString(c) && rePersonVerb.MatchString(c):
		return intentPerson
	}
	return intentNone
}

// isBye reports whether every word is courtesy and one of them closes.
func isBye(words []string) bool {
	closed := false
	for _, w := range words {
		switch {
		case closers[w]:
			closed = true
		case courtesy[w]:
		default:
			return false
		}
	}
	return closed
}

// choice reads a numbered choice ("2", "no 2", "the second one"), 1 to 9.
func choice(text string) (int, bool) {
	m := reChoice.FindStringSubmatch(normalise(text))
	if m == nil {
		return 0, false
	}
	if n, ok := numberWords[m[1]]; ok {
		return n, true
	}
	d := int(m[1][0] - '0')
	return d, d >= 1
}

// osaDistance is the optimal string alignment distance: edits, with a swap
// of two neighbouring letters counting as one.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
