package safety

// contextSpecs are the patterns that read a message as a whole: is it
// about a subject rather than an event, a joke, harm told as past and
// resolved, immediate, written by a young person.
type contextSpec struct {
	// topic: the message is about a subject (a course, a lesson, a
	// question of law), so bare terms in it are not disclosures.
	topic []string
	// heavy: signs that a dramatic phrase is meant, however it is dressed.
	heavy []string
	// past: a sentence tells of something that happened before.
	past []string
	// resolved: the message says the past harm is over.
	resolved []string
	// current: the harm is happening now or again, whatever else is said.
	current []string
	// now: immediacy.
	now []string
	// danger: someone is frightened or unsafe.
	danger []string
	// youth: the speaker is a young person.
	youth []string
	// youthParent: the speaker names their own parent or carer...
	youthParent []string
	// parentOfChild: ...which a parent writing about their child does too.
	parentOfChild []string
}

func (c contextSpec) all() []string {
	var out []string
	for _, l := range [][]string{c.topic, c.heavy, c.past, c.resolved, c.current, c.now, c.danger, c.youth, c.youthParent, c.parentOfChild} {
		out = append(out, l...)
	}
	return out
}

func contextSpecs() contextSpec {
	return contextSpec{
		topic: []string{
			"@TOPIC",
			"=book|=books about|on|for",
			"talk|speak|explain|teach|learn|learnt|learned|taught ~4 about",
			"talk|speak|explain ~1 to ~3 @CHILD ~3 about|what",
			"sign|signs of",
			"what be ~1 the ~1 sign|signs",
			"how ~2 spot|recognise",
			"how ~2 know|tell if",
			"what age",
			"legal|minimum age",
			"be it|this ~1 legal|normal|illegal|allowed|ok|okay to|for",
			"against the law",
			"rise of|in",
			"increase in",
			"on|in the =news",
			"=news|=podcast|=tv|=programme|=documentary|=magazine|=survey|=stats",
			"for my ~1 work|job|course|studies|uni|placement|dissertation|essay|homework",
			"i be a ~2 teacher|ta|nurse|worker|socialworker|childminder|volunteer|student|practitioner|professional|manager|governor|dsl|lead",
			"family|families|parent|parents|child|children i ~2 work|support",
			"safeguarding|dbs",
			"first aid",
			"raise|raising money",
			"in memory",
			"memorial|sponsor*",
		},
		heavy: []string{
			"@DRUG", "tonight", "rope|noose|bridge|jump|overdose|note|plan|planning|goodbye|selfharm|cut|blade",
			"serious*|forreal", "mean it", "really want", "nobody ~3 care|cares|miss|notice|love",
			"hate myself|hate my life", "alone|lonely", "anymore|everyday", "every day", "all the time",
			"can not cope|do|go|take|carry",
		},
		past: []string{
			"=used to", "year|years|month|months|ages ago", "long|while time? ago", "while back",
			"when i|he|she|we|they be ~3 little|young|younger|small|kid|child|teen|teenager|baby|toddler|@AGEMINOR|growing|pregnant",
			"as a ~1 child|kid|teen|teenager|baby|toddler|youngster",
			"growing up", "in the past", "back then|in", "last year", "years back",
			"previous|previously|former|old|last ~1 relationship|partner|marriage|husband|boyfriend",
			"before i met", "at the time", "in 20*|19*", "my childhood", "as children",
			"=was|=were ~2 violent|abusive|controlling|aggressive", "my ex =was",
			"when ~2 =was|=were ~2 (younger|little|small|a baby|born)",
		},
		resolved: []string{
			"now|currently", "nolonger", "not anymore",
			"fine|safe|better|okay|ok|well|happy|settled|healthy|sober|clean|recovered|healed",
			"moved on|away|out", "got out|away|help|support|through", "over it|now", "all over",
			"had help|support|therapy|counselling", "counselling|therapy helped",
			"out of it", "behind me|us", "past now", "in the past",
			"left him|her|them", "left the relationship", "divorced|split",
			"no contact", "long gone", "all good", "never again", "since then",
			"sorted|resolved|dealt|handled|convicted|jailed|sentenced|prison|jail|inside",
			"moved ~1 area|areas|house|town|city|away", "doing ~2 years|months|time|sentence",
		},
		current: []string{
			"again", "babysit|babysits|babysitting|babysat", "every weekend|week|time",
			"let|lets|letting ~1 him|her|them ~3 see|stay|near|around|alone|look|have|babysit",
			"(my husband|my partner|my boyfriend|my wife|my girlfriend|my fiance|my hubby) ~3 =used to",
			"couple|couples ~1 counselling|therapy|course|work", "mediation", "still ~2 @HURT|scared|happening|cutting|selfharm|drinking|using|missing|violent|abusive",
			"started|starting|starts", "recently|lately", "this week|month",
			"these days", "tonight|today|yesterday", "last night", "now he|she|they",
			"but|and now he|she|they",
			"keep|keeps|kept ~1 @HURT|turning|coming|messaging|texting|calling|following",
			"every day|night", "everyday", "all the time",
			"back in touch", "come|came|coming back", "turned up", "found me", "out of prison",
			"released", "@SCARED", "happening", "worry ~3 about|that|he|she|it",
			"same thing|way", "going through the same",
		},
		now: []string{
			"@NOW", "on his|her|their way", "at the|my door", "outside my|the house",
			"any minute|second", "come|coming back ~2 tonight|soon|later",
			"he|she|they ~1 be ~1 here", "here now", "now ~2 help|please", "help ~1 me? ~1 now|please",
			"just now", "happening now", "be now",
		},
		danger: []string{
			"@SCARED", "not safe", "unsafe|danger|dangerous", "@HURT", "@WEAPON", "lock*|hiding|hide",
			"threat*", "help me", "please help", "cold|freezing|street|streets|rough",
		},
		youth: []string{
			"i be @AGEMINOR !week|month|day|hour|minute|stone|kg",
			"i be in year|y|yr|form @AGEMINOR",
			"i be ~1 @AGEMINOR yo",
			"my ~1 teacher|school|form|tutor|socialworker|headteacher|head|foster*|gcse*|mocks|exams",
			"at school", "in class", "after school",
		},
		youthParent: []string{
			"my ~1 mum|dad|parents|stepdad|stepmum|carer|foster*",
		},
		parentOfChild: []string{
			"my|our ~2 @CHILD", "i be ~1 @AGEADULT",
		},
	}
}

// contextRules are the compiled contextSpecs.
type contextRules struct {
	topic, heavy, past, resolved, current, now, danger, youth, youthParent, parentOfChild []*pattern
}

func (d *Detector) compileContext(c contextSpec) contextRules {
	return contextRules{
		topic: d.mustAll(c.topic), heavy: d.mustAll(c.heavy), past: d.mustAll(c.past),
		resolved: d.mustAll(c.resolved), current: d.mustAll(c.current), now: d.mustAll(c.now),
		danger: d.mustAll(c.danger), youth: d.mustAll(c.youth), youthParent: d.mustAll(c.youthParent),
		parentOfChild: d.mustAll(c.parentOfChild),
	}
}

// msgContext is what the context patterns found in one message.
type msgContext struct {
	topic    bool
	joke     bool
	resolved bool
	current  bool
	pastSent map[int]bool
	now      bool
	danger   bool
	youth    bool
}

func anyMatch(ps []*pattern, toks []token) bool {
	for _, p := range ps {
		if s, _ := p.find(toks, 0); s >= 0 {
			return true
		}
	}
	return false
}

// readContext reads the whole-message signals, before idioms are masked.
func (d *Detector) readContext(dc *doc) msgContext {
	cx := msgContext{
		topic:    anyMatch(d.ctx.topic, dc.toks),
		resolved: anyMatch(d.ctx.resolved, dc.toks),
		current:  anyMatch(d.ctx.current, dc.toks),
		now:      anyMatch(d.ctx.now, dc.toks),
		danger:   anyMatch(d.ctx.danger, dc.toks),
	}
	if dc.laugh {
		trivial := false
		for i := range dc.toks {
			if dc.toks[i].tags.has(tTrivial) {
				trivial = true
				break
			}
		}
		cx.joke = trivial && !anyMatch(d.ctx.heavy, dc.toks)
	}
	if cx.resolved {
		for _, p := range d.ctx.past {
			for from := 0; from < len(dc.toks); {
				s, e := p.find(dc.toks, from)
				if s < 0 {
					break
				}
				if cx.pastSent == nil {
					cx.pastSent = map[int]bool{}
				}
				cx.pastSent[dc.toks[s].sent] = true
				from = max(e, s+1)
			}
		}
	}
	cx.youth = anyMatch(d.ctx.youth, dc.toks) ||
		(anyMatch(d.ctx.youthParent, dc.toks) && !anyMatch(d.ctx.parentOfChild, dc.toks))
	return cx
}

// idiomSpec is an idiom to mask before the rules run.
type idiomSpec struct {
	name   string
	pats   []string
	only   string   // mask only these words of the match; all when empty
	unless []string // any of these anywhere in the message keeps the words
}

// idiomSpecs are phrases whose alarming words are usually figurative:
// "this heat is killing me", "dying for a brew", "he'll be the death of
// me", "i could kill him" said of a toddler's mess, "im dead 💀".
func idiomSpecs() []idiomSpec {
	serious := []string{
		"@SCARED ~4 kill|murder|strangle|hurt|harm", "thought|thoughts|urge|urges ~4 kill|murder|strangle|hurt|harm",
		"forreal", "serious*", "mean it",
	}
	return []idiomSpec{
		{name: "killing-me", pats: []string{"kill|killing|kills me !now"},
			unless: []string{"go|will|would|try|threaten*|threat|want|wants ~3 kill me", "say|tell ~4 kill me"}},
		{name: "killing-it", pats: []string{"kill|killing|killed|smash|smashed|smashing|nail|nailed|nailing it"}},
		{name: "dying-for", pats: []string{"=dying for|to|of|laughing|laughter", "=die for|of|laughing", "=died|=dead|=die laughing|laughter", "die|=dead of embarrassment|boredom|shame|cringe"}},
		{name: "to-death", pats: []string{"bored|scared|worried|sick|tired|frightened|fed|petrified|terrified|love|loved|loves ~2 to death"}, only: "to death"},
		{name: "death-of-me", pats: []string{"death of me|us"}},
		{name: "could-kill", pats: []string{"could ~2 kill|murder|strangle|throttle ~1 him|her|them|you|@CHILD|@PARTNER"}, unless: serious},
		{name: "kill-for", pats: []string{"kill|murder for a|an|some", "murder a|an ~1 brew|coffee|pint|cuppa|takeaway|curry|wine|drink|nap|sleep|kebab|chippy|tea|pizza|burger"}},
		{name: "parent-will-kill-me", pats: []string{"@PARENT ~1 will|go|be ~1 to? ~1 kill|murder me ~3 if|when"},
			unless: []string{"say|threaten*|threat ~6 kill"}},
		{name: "im-dead", pats: []string{"i be =dead|=deceased !inside"}},
		{name: "im-dying-laugh", pats: []string{"i be =dying|=crying|die ~1 @LAUGH"}},
		{name: "touch-idioms", pats: []string{"touched out", "in touch", "touch base|wood|on", "keep|get|stay|kept in touch"}},
		{name: "stabbed-in-back", pats: []string{"stab ~2 in the back"}},
		{name: "heart-attack", pats: []string{"give|gave|nearly|almost ~2 heart attack"}},
		{name: "kick-off", pats: []string{"kick off"}},
		{name: "hit-idioms", pats: []string{"hit ~1 the ~1 roof|shops|sack|hay|road|gym|ceiling|town|jackpot|spot|wall",
			"hit it off", "hit me up", "hit and|or miss", "hit rock bottom"}},
		{name: "beat-me-at", pats: []string{"beat ~1 me|us|him|her at|in", "beat ~1 me|us|him|her to it"}},
		{name: "drowning-in", pats: []string{"drown in ~1 paperwork|washing|work|bills|debt|laundry|ironing|toys|homework|admin|emails|nappies|paper"}},
		{name: "dead-body", pats: []string{"over my dead body"}},
		{name: "shoot-foot", pats: []string{"shoot myself in the foot"}},
		{name: "dead-to-me", pats: []string{"dead to me"}},
		{name: "choking-hazard", pats: []string{"choke hazard|risk"}},
		{name: "cut-idioms", pats: []string{"cut ~1 teeth|tooth|molars|molar|canines|back|down|corners|costs|out|off|short|loose|ties|hair|grass|hedge|nails|crusts|sandwiches|food|grapes|fabric|paper",
			"cut ~1 it fine", "cut ~1 a tooth", "cut my ~1 hair|fringe"}},
		{name: "bleeding-dry", pats: []string{"bleed me|us dry"}},
		{name: "drown-in", pats: []string{"drown ~1 myself|yourself|herself|himself|sorrows ~1 in"}},
		{name: "kill-time", pats: []string{"kill ~1 time|lights|engine|mood|vibe|buzz"}},
		{name: "shake-idioms", pats: []string{"shake ~1 off|hands|up", "be ~1 =shook|=shaken !the|my|him|her|baby"}},
		{name: "dead-intensifier", pats: []string{"=dead tired|good|nice|easy|funny|proud|excited|chuffed|busy|quiet|lucky|cute|sweet|happy|jealous|hard|simple|boring|loud"}},
		{name: "jump-at", pats: []string{"jump at the chance", "jump on the bandwagon", "jump the gun|queue"}},
		{name: "panic-attack", pats: []string{"panic attack"}, only: "attack"},
	}
}
