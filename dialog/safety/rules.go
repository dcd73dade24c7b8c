package safety

// ruleSpec is one risk rule as written: a name (reported as
// Assessment.Reason), a category, flags, and patterns in the language of
// pattern.go. Each pattern is an alternative; within one, " && " joins
// patterns that must all match somewhere ("no food" && a parent absent),
// and a part starting with "-" must not match anywhere.
type ruleSpec struct {
	name  string
	cat   string
	flags ruleFlag
	pats  []string
}

// Fragments shared by many rules.
const (
	// someone hurt: an object pronoun, a child, or any person
	victim = "@OBJ|@CHILD|@PERSON"
	// the subject of violence or control: a partner, or a "he"/"she" with
	// no one named before it
	controller = "@PARTNER|@UNK"
	// body parts touched in ordinary care
	careParts = "hand|hands|shoulder|arm|head|hair|forehead|face|back|cheek|knee"
)

// ruleSpecs lists the rules by category of harm. They are written from
// how parents and young people describe harm, not from any test set:
// roles (who does what to whom) rather than lone words, so paraphrases
// are caught and idioms are not.
func ruleSpecs() []ruleSpec {
	return []ruleSpec{
		// --- suicide -------------------------------------------------------
		{"suicide-term", CatSuicide, fTerm, []string{"suicide|suicidal|suicidally"}},
		{"suicide-personal", CatSuicide, 0, []string{
			"feel|feeling|felt|be|get|getting ~2 suicidal",
			"@SELF|@CHILD|@PERSON ~4 suicide|suicidal ~2 thought|thoughts|feeling|feelings|attempt|note|plan|again",
			"attempt|attempted|tried ~2 suicide",
		}},
		{"suicide-kill-self", CatSuicide, fSlang, []string{
			"kill|hang|drown|shoot|stab|poison|suffocate|gas|end ~1 myself|herself|himself|themselves|themself|yourself|ourselves",
		}},
		{"suicide-end-life", CatSuicide, 0, []string{
			"end|ending|take|taking ~1 my|his|her|their ~1 own? life",
			"end it all",
			"want|ready|go|plan|planning|think|thinking|decide|decided|tempted|just ~3 end it !with|off|between|for|there",
			"end everything",
		}},
		{"suicide-want-die", CatSuicide, fSlang, []string{
			"want|wants|wanted|wish|wishing|ready|hope|rather|prefer|deserve ~3 die|dead",
			"better off ~2 dead|gone",
			"better off without me",
			"better off if i ~2 not|gone|dead|die",
			"i be go to die",
			"i ~3 do something stupid|silly",
		}},
		{"suicide-no-point", CatSuicide, 0, []string{
			"no point ~2 (going on|carrying on|being here|being alive|living|life|in life|existing|anymore|in anything)",
			"what be ~1 the point ~2 (living|in living|of living|life|of life|of me|anymore|being alive|being here|of being here|existing)",
			"nothing ~1 to live for",
			"no reason to (live|be here|be alive|keep going|carry on|stay alive)",
			"not worth (living|it anymore|being here|being alive)",
			"life be not worth",
		}},
		{"suicide-cant-go-on", CatSuicide, fSlang, []string{
			"can not go|carry on !the|a|an|my|his|her|their|that|this|holiday|trip|it|with|about|at|in|to|and|till|until|your",
			"can not keep going",
			"can not do this|it anymore|nolonger",
			"can not do this no more",
			"can not take ~1 this|it ~1 anymore|nolonger",
			"can not take ~1 this|it no more",
			"can not live (like this|anymore|with this)",
		}},
		{"suicide-not-be-here", CatSuicide, 0, []string{
			"not want to ~1 be here|around ~2 anymore|nolonger|no",
			"not want to ~1 be alive",
			"not want to ~1 live|exist !with|in|there|near|at|somewhere|like|here|round|around|nearby|close|on",
			"not want to ~1 wake up",
			"hope|wish|want ~3 not wake up",
			"go to sleep and never wake",
			"never wake up",
			"not be here ~2 tomorrow|much|for|by|soon|next",
			"disappear forever|permanently",
			"disappear for good",
			"disappear and never",
			"everyone|everybody|they|family|kids|world ~3 better|happier ~3 without me",
			"everyone|everybody|they|family|kids|world ~3 better|happier ~3 if i ~2 not|gone|dead|disappear|die",
			"nobody ~2 miss|notice|care ~2 (me|if i)",
			"burden to|on ~1 everyone|everybody|them|my|family|people",
			"i be ~1 a burden",
			"to not wake up",
			"would ~2 better off ~3 (without me|if i|with partner|with someone else|with their)",
		}},
		{"suicide-goodbye", CatSuicide, fUrgent, []string{
			"this be goodbye",
			"letters|notes ~2 for|to ~1 everyone|everybody|my family|the kids|my kids",
			"affairs in order",
			"sort|sorted|sorting ~2 my ~1 stuff|things|affairs|belongings ~2 out? && letters|goodbye|bye|thanks for|note|notes",
			"say|said|saying my goodbyes",
			"goodbye letter|letters|note|notes|message|text",
			"suicide note",
			"write|wrote|writing|left ~3 note|letter|letters ~3 (in case|for when|for after|goodbye|to say goodbye)",
			"give|giving|gave ~2 my|her|his|their|all ~1 stuff|things|belongings|possessions|games|clothes ~1 away",
			"give|giving|gave ~1 away ~2 my|her|his|their|all ~1 stuff|things|belongings|possessions|games|clothes",
		}},
		{"suicide-means", CatSuicide, fUrgent, []string{
			"stockpile|stockpiling|saving|saved|collect|collecting|hoard|hoarding|hiding|stash|stashing ~3 @DRUG",
			"take|took|swallow|swallowed|down|downed ~3 all|whole|lots|loads|load|packet|packets|box|boxes|bottle|handful|many ~3 @DRUG",
			"take|took|swallow|swallowed ~1 @AGEMINOR|@AGEADULT ~1 @DRUG",
			"take|took|taken|done|do ~2 an ~1 overdose|od|odd",
			"overdose|od|odd on",
			"jump|jumped|jumping|throw ~2 (off|from|in front of|under|into) ~3 bridge|train|building|roof|car|cliff|carpark|balcony|window|motorway|lorry|bus|river|sea|traffic",
			"step|stepping|walk|walking|lie|lay ~3 in front of ~2 train|car|bus|lorry|traffic",
			"walk|walking|drive|driving ~2 into the ~1 sea|river|canal|traffic",
			"noose|ligature",
			"rope ~4 neck|hang|myself|herself|himself|tie",
			"how many ~2 @DRUG ~6 (kill|die|fatal|lethal|overdose|not wake up|never wake up|end it)",
			"@DRUG ~2 saved|saving|stockpiled|stockpiling|hidden|stashed|collected|hoarded|ready",
			"@DRUG ~2 @DRUG ~2 @DRUG",
			"@DRUG ~3 bye|goodbye|sorry|night|forgive",
			"search|searched|googled|googling|google|look|looked|looking ~3 how to ~3 die|kill|hang|overdose",
		}},
		{"suicide-thoughts", CatSuicide, 0, []string{
			"thought|thoughts|thinking|think ~2 about|of ~2 die|dying|death|suicide|killing|ending",
			"dark|suicidal ~1 thought|thoughts|place",
		}},
		{"suicide-kys-told", CatSuicide, 0, []string{
			"tell|told|telling|say|said|saying|message|messaged|post|posted ~3 me|her|him|@CHILD ~3 kill yourself|herself|himself",
			"tell|told|telling|say|said|saying ~3 me|her|him|@CHILD ~3 (to die|go die|to go die)",
		}},

		// --- self-harm -----------------------------------------------------
		{"selfharm-term", CatSelfHarm, fTerm, []string{"selfharm"}},
		{"selfharm-personal", CatSelfHarm, fNeg, []string{
			"@SELF|@CHILD|@PERSON|@OBJ ~4 selfharm",
			"selfharm ~3 again|scars|marks|cuts",
			"relapse|relapsed|urge|urges ~3 selfharm|cut|cutting",
		}},
		{"selfharm-sh", CatSelfHarm, 0, []string{
			"do|doing|start|started|been|relapse|relapsed|stop|stopped|my|her|his|about|into|from|urge|urges|with ~1 =sh",
			"=sh ~2 again|scars|marks|cuts|wounds|urges|relapse|free|clean",
		}},
		{"selfharm-reflexive", CatSelfHarm, fNeg | fSlang, []string{
			"cut|cutting|slash|slashing|carve|carving|burn|burning|stab|starve|starving|hurt|hurting|harm|harming|punish ~1 myself|herself|himself|themselves|themself !on|by|shaving|cooking|chopping|opening|playing|accidentally|slightly|a|when|falling|out|up|laughing",
			"make|makes|making|made ~1 myself|herself|himself ~1 sick",
			"make|makes|making|made ~1 myself|herself|himself ~1 throw up",
			"(want to|urge to|urges to|feel like|tempted to) ~2 cut|hurt|harm|burn ~1 myself|herself|himself",
		}},
		{"selfharm-cutting", CatSelfHarm, 0, []string{
			"@CHILD|@PERSON|@SELF|@OBJ ~3 =cutting !@FOOD|up|out|class|school|lessons|paper|hair|back|down|teeth|tooth|the|a|an|some|it|off|grass|onions|shapes|cake|her|his|my|their|them|him|in|corners|ties|costs|loose|through",
			"=cutting ~1 again|herself|himself|myself",
			"cut|cutting|cuts|slash|slashing|slashed ~2 her|his|my|their ~1 arm|arms|wrist|wrists|legs|thighs|thigh|stomach|skin|tummy",
			"cut|cuts|scar|scars|mark|marks|scratch|scratches|burn|burns|wound|wounds ~3 on|up|all ~2 her|his|my|their|@CHILD ~1 arms|wrists|wrist|legs|thighs|thigh|stomach|tummy|hips|skin",
			"hide|hides|hiding|cover|covers|covering ~2 her|his|my|their ~1 arms|wrists|legs|thighs|cuts|scars|marks",
			"hide|hides|hiding|cover|covers|covering|conceal ~2 marks|cuts|scars|scratches|burns ~3 arm|arms|wrist|wrists|legs|thighs|stomach",
			"cuts|scars|scratches|slashes|burns|marks ~6 arms|wrists|wrist|thighs|thigh|stomach|hips",
			"fresh ~1 cuts|wounds|scars",
			"do|did|done ~1 it ~1 again ~4 blood|knife|blade|deeper|cut|cuts|sad",
			"deeper ~2 this time",
			"blood ~3 knife|blade|blades|razor",
			"knife|blade|blades|razor ~3 blood",
			"longsleeves ~6 (summer|hot|always|even|hide|hiding|cover|all the time|never)",
			"find|found|hiding|hide|hides|keep|keeps|got ~4 blade|blades|razor|razors|sharpener|sharpeners",
			"blade|blades ~3 (out of|from) ~2 sharpener|sharpeners|razor|razors",
		}},

		// --- physical abuse of a child or an adult -------------------------
		{"abuse-parent-hurts", CatChildAbuse, fNeg, []string{
			"@PARENT ~3!PERSON @HURT ~3!PERSON " + victim + " !@BODY|at|in|ball|feelings|each",
		}},
		{"abuse-adult-hurts-child", CatChildAbuse, fNeg, []string{
			"@ADULT ~3!PERSON @HURT ~3!PERSON @CHILD|them !@BODY|feelings|each",
		}},
		{"da-partner-hurts", CatDomesticAbuse, fNeg, []string{
			controller + " ~3!PERSON @HURT ~3!PERSON " + victim + " !@BODY|at|ball|feelings|each",
			controller + " ~3!PERSON @HURT when|if|whenever|sometimes|again !you",
			controller + " ~3!PERSON hit|punch|slap|kick|headbutt|stamp|whack|thump ~1 my ~1 @BODY",
		}},
		{"abuse-adult-hurts", CatDomesticAbuse, fNeg, []string{
			"@ADULT ~3!PERSON @HURT ~1 me|us|myself|@OBJ !@BODY|at|ball|feelings",
		}},
		{"abuse-passive", CatChildAbuse, fNeg, []string{
			"@SELF|@CHILD|@PERSON|@OBJ ~2 get|be|gets ~1 =hit|=beaten|=punched|=slapped|=smacked|=kicked|=strangled|=choked|=battered|=abused|=burnt|=burned|=thumped|=belted|=whacked|=hurt !by|at|in|playing|on|during|when|falling|accidentally|with|back|for|out|off|each|about|that|because",
			"@HURT ~1 by ~2 @PARENT|@PARTNER|@UNK|man|men|stepdad|uncle",
			"@HURT ~2 at home",
		}},
		{"abuse-throw", CatDomesticAbuse, fNeg, []string{
			"@ADULT ~3!PERSON throw|threw|chuck|chucked|hurl|hurled ~4 at ~1 me|her|him|us|@CHILD",
			"@ADULT ~3!PERSON throw|threw|chuck|chucked ~3!PERSON me|her|him|@CHILD ~2 against|across|down|into|onto|at",
			"@ADULT ~3!PERSON push|pushed|shove|shoved ~3!PERSON me|her|him|us|@CHILD ~2 down|over|against|into|onto|off|out|around|about|hard",
			"@ADULT ~3!PERSON grab|grabbed|grabs ~3!PERSON me|her|him|@CHILD ~3 by|round|around|throat|neck|hair|arm|arms|wrist|wrists",
			"@ADULT ~3!PERSON drag|dragged|drags ~3!PERSON me|her|him|@CHILD ~3 by|across|along|up|down|out|hair",
			"@ADULT ~3!PERSON pin|pinned|pins ~1 me|her|him|@CHILD ~1 down|against|to",
			"@ADULT ~3!PERSON burn|burnt|burned|scald|scalded ~1 me|her|him|@CHILD ~2 with|deliberately",
			"@ADULT ~3!PERSON spit|spat|spits ~1 at|on ~1 me|her|him|@CHILD",
			"@ADULT ~3!PERSON lock|locks|locked ~1 me|her|him|them|@CHILD|us ~1 in|out|inside|outside|up",
		}},
		{"da-strangle", CatDomesticAbuse, fNeg | fUrgent, []string{
			"hand|hands|fingers|arm|arms ~2 round|around|on ~2 my|her|his ~1 neck|throat",
			"@ADULT ~3!PERSON strangle|strangled|choke|choked|throttle|throttled|strangling|choking ~3!PERSON me|her|him|@CHILD",
		}},
		{"abuse-weapon-objects", CatChildAbuse, fNeg, []string{
			"@HURT ~3 with ~2 a|the|his|her ~1 belt|stick|slipper|shoe|spoon|cable|wire|hanger|hairbrush|bat|hammer|whip|ruler|lead|cane",
			"use|uses|used ~1 the|a|his|her ~1 belt|stick|cane|slipper|cable|wire ~1 on",
		}},
		{"abuse-injury-signs", CatChildAbuse, 0, []string{
			"bruise|bruises|bruising|bruised|welts|handprint|handprints|fingermarks ~3 on ~2 @BODY",
			"bruise|bruises|bruising|bruised|marks|injuries|burns ~5 not ~2 (explain|say|tell|know how)",
			"bruise|bruises|bruising|marks|injuries ~4 from|by|after ~2 falling|fell|fall|walked|walking|bumped|bumping|clumsy",
			"bruise|bruises|bruising|marks|injuries ~5 after ~3 contact|weekend|visit|staying|stay|dad|dads|stepdad|@PARTNER",
			"bruise|bruises|bruising ~3 finger|fingers|fingertip|shape|shaped|grip|belt|hand",
			"finger|fingertip|hand|belt|grip ~1 marks|mark|bruises|bruise|print|prints|shaped",
			"left|leave|leaves ~1 a|marks|bruises ~1 mark|marks|bruise|bruises",
			"give|gave|gives ~2 me|her|him|@CHILD ~1 a ~1 black ~1 eye",
			"black eye|eyes ~3 @PARTNER|@UNK|again|gave",
			"cigarette ~1 burns|burn|marks",
			"@CHILD|@SELF ~6 bruise|bruises|bruising|injuries ~4 again|always|another|new|more|keeps|every",
		}},
		{"abuse-fear-of-adult", CatChildAbuse, fNeg, []string{
			"@SCARED ~2 of ~2 @PARTNER|@UNK|@PARENT|stepdad|stepmum|man|men|uncle|grandad|lodger|stranger|neighbour",
			"@SCARED ~2 of what ~1 @ADULT ~3 will|might|could|would|do",
			"@SCARED ~3 go|going|come|coming ~1 home|back",
			"@SCARED ~4 when|if ~2 @PARTNER|@UNK|@PARENT ~3 drink|drinks|drinking|drunk|come|comes|get|gets|find|finds|angry|temper|back|home",
			"not want to go ~1 home ~3 because|when|scared|@ADULT",
			"@SCARED|unsafe ~2 at|in ~1 home|house",
			"not ~1 feel ~1 safe ~2 at|in ~1 home|house|my",
			"not ~1 feel ~1 safe ~2 with|around ~2 @PARTNER|@UNK|@PARENT",
		}},
		{"abuse-emotional", CatChildAbuse, 0, []string{
			"@PARTNER|@UNK|@PARENT ~3!PERSON call|calls|calling|called ~1 me|her|him|@CHILD ~3 worthless|useless|stupid|fat|ugly|pathetic|nothing|idiot|retard|slut|whore|bitch|cunt|thick|mistake",
			"@PARTNER|@UNK|@PARENT ~3!PERSON tell|tells|told|telling|say|says ~1 me|her|him|@CHILD ~4 worthless|useless|nothing|mistake|unfit|ugly|hate|unwanted",
			"@PARTNER|@UNK|@PARENT ~3!PERSON tell|tells|told|telling|say|says ~1 me|her|him|@CHILD ~4 wish ~3 never born",
			"@PARTNER|@UNK|@PARENT ~3!PERSON not ~2 let|allow ~2 me|her|him|us|@CHILD ~2 eat|food|drink|sleep|wash|toilet",
			"@PARTNER|@UNK|@PARENT ~3!PERSON make|makes|made ~1 me|her|him|@CHILD ~2 stand|kneel|sleep ~3 hours|night|outside|floor|garden|cold|corner",
		}},

		// --- sexual abuse --------------------------------------------------
		{"sexual-term", CatSexualAbuse, fTerm, []string{
			"rape|raped|raping|rapist|molest*|incest|paedo*|pedo*|pervert|indecent|indecently|upskirt*|sextortion|cse",
			"sexual|sexually ~2 assault|assaulted|abuse|abused|abusing|exploit*|touched|harass*",
			"groom|groomed|grooming|groomer",
			"revenge porn",
		}},
		{"sexual-personal", CatSexualAbuse, fNeg, []string{
			"@SELF|@CHILD|@PERSON|@OBJ ~4 rape|raped|molested|groomed|grooming|fondled|groped|flashed|sexually",
			"rape|raped|molest|molested|groom|groomed|grooming ~2 me|her|him|@CHILD",
			"@ADULT ~3!PERSON grope|groped|gropes|fondle|fondled|fondles|molest|molested|molests|flash|flashed|flashes ~1 me|her|him|@CHILD|themselves|himself",
		}},
		{"sexual-touching", CatSexualAbuse, fNeg, []string{
			"@ADULT ~3!PERSON touch|touches|touched|touching ~1 me|her|him|@CHILD|them|us !" + careParts,
			"@ADULT ~4 touch|touches|touched|touching ~3 @SEXUAL",
			"touch|touches|touched|touching ~2 me|her|him|@CHILD ~3 (down there|private|privates|inappropriately|where|under|weird|funny|uncomfortable|wrong|bad)",
			"inappropriate|inappropriately|weird|wrong ~2 touch|touching|touched",
			"feel|felt|feels ~1 me|her|him ~1 up",
			"@SELF|@CHILD|@PERSON|@OBJ ~2 be|get|got ~1 touched|groped|fondled",
		}},
		{"sexual-night-room", CatSexualAbuse, 0, []string{
			"@ADULT ~3!PERSON come|comes|came|coming|get|gets|got|climb|climbs|sneak|sneaks|creep|creeps ~2 in|into ~2 my|her|his|@CHILD|the|our ~1 room|bed|bedroom",
			"@ADULT ~4 watch|watches|watching|come|comes|walk|walks ~3 (bath|shower|changing|getting changed|undress|undressing)",
			"@ADULT ~4 sleep|sleeps|sleeping|get|gets ~2 in|into ~2 my|her|his|@CHILD ~1 bed",
		}},
		{"sexual-secret", CatSexualAbuse, 0, []string{
			"our ~1 little? secret !santa|recipe|ingredient|weapon|garden|menu",
			"@ADULT ~5 say|said|says|tell|told|tells|make|made|makes ~2 me|her|him|@CHILD ~3 (not to tell|not tell|keep it|keep quiet|secret)",
			"@ADULT ~6 if i|she|he|we ~1 tell|told|say|said ~3 anyone|anybody|mum|dad|someone|teacher|police",
			"keep|kept ~2 it ~1 a ~1 secret ~3 from ~2 mum|dad|my|parents|everyone",
			"secret ~1 game|games|cuddles|touching|tickling|club|special",
			"(not tell|not to tell|not say|not to say) ~2 mum|dad|anyone|anybody|nobody|teacher|parents && secret|touch|touching|touched|@SEXUAL|game|bed|bath",
			"@CHILD|she|he|i ~3 (have to|has to|had to|made to|make|makes|made) ~2 touch ~2 him|her|his|them",
			"@ADULT ~2 do|does|did|doing ~1 stuff|things ~4 when|while ~3 (mum|mums|dad|dads|nobody|asleep|alone|at work|out|gone|in bed)",
			"@ADULT ~2 do|does|did|doing ~1 stuff|things ~2 to ~1 me|her|him|@CHILD",
		}},
		{"sexual-images", CatSexualAbuse, fNeg, []string{
			"send|sent|sending|share|shared|sharing|ask|asked|asks|asking|want|wants|wanted|make|made|pressure|pressured|pressuring|beg|begging ~4 pic|pics|picture|pictures|photo|photos|video|videos|nudes|nude|selfie|selfies ~3 naked|nude|without|underwear|body|topless|rude|dirty|private|sexy|boobs|bra",
			"ask|asked|asks|asking|want|wants|pressure|pressured|send|sent|share|shared|leak|leaked|post|posted ~4 nudes|nude|naked",
			"threaten|threatened|threatening|threatens|blackmail|blackmailing|blackmailed ~6 share|post|send|leak|show ~3 pic|pics|photos|videos|nudes|pictures|picture|photo|video",
			"blackmail|blackmailing|blackmailed|sextort*",
			"show|showed|shows|showing ~2 me|her|him|@CHILD ~3 porn|rude|dirty|naked|sex|sexual|private|willy|penis",
			"make|makes|made|force|forces|forced ~2 me|her|him|@CHILD ~1 watch ~2 porn|videos|sex",
		}},
		{"sexual-coercion", CatSexualAbuse, fNeg, []string{
			"make|makes|made|force|forces|forced|pressure|pressures|pressured ~2 me|her|him|@CHILD ~3 do ~2 things|stuff|sexual|sex",
			"make|makes|made|force|forces|forced|pressure|pressures|pressured ~2 me|her|him|@CHILD ~3 into|have ~1 sex",
			"make|makes|made|force|forces|forced ~2 me|her|him|@CHILD ~2 touch ~2 him|her|his|them",
			"things|stuff ~3 (not want|not like|uncomfortable) ~3 @ADULT",
		}},

		// --- domestic abuse: coercive control, threats, stalking ------------
		{"da-control-location", CatDomesticAbuse, 0, []string{
			"have|need|want|must|demand|demands|insist|insists|always ~3 know ~2 where|who|what ~1 i",
			"track|tracks|tracking|tracked|tracker ~3 my ~1 phone|location|car|movements",
			"make|makes|made ~1 me ~2 share ~2 location",
		}},
		{"da-control-phone-money", CatDomesticAbuse, 0, []string{
			controller + " ~3!PERSON check|checks|checking|read|reads|go|goes|going|look|looks|monitor|monitors ~2 through? ~1 my ~1 phone|messages|texts|emails|whatsapp|snapchat|bank|account|statements|receipts|spending|search",
			controller + " ~3!PERSON keep|keeps|kept|take|takes|took|control|controls|hold|holds|hide|hides|hid ~3 my ~1 card|money|wages|benefits|passport|pin|bank|salary|pay|account|keys",
			controller + " ~3!PERSON take|takes|took|smash|smashed|hide|hid ~2 my ~1 phone",
			controller + " ~3!PERSON control|controls|controlled|controlling ~3 money|finances|everything|what|who|where|all|me",
			controller + " ~3!PERSON be|so|very ~2 controlling|coercive|possessive",
			"coercive ~1 control|controlling",
			"controlling ~1 behaviour|relationship|partner|husband|boyfriend",
			controller + " ~3!PERSON put|puts|taken|took|take ~4 debt|debts|loan|loans|credit ~3 in my name",
		}},
		{"da-isolation", CatDomesticAbuse, 0, []string{
			controller + " ~3!PERSON (not let|never let|not allow|never allow|stop|stops|stopped) ~1 me ~2 see|seeing|visit|contact|call|phone|text|talk|speak ~2 friends|family|mates|mum|dad|nan|sister|brother|parents|anyone|people|anybody",
			controller + " ~3!PERSON (not let|never let|not allow|never allow) ~1 me ~2 (go out|leave|work|drive|get a job|have friends|have money|have a phone|out)",
			"not allowed|allow ~3 to? ~1 see|go|leave|out|work|have|talk ~2 friends|family|money|phone|out|house|job|mum|anyone && @PARTNER|@UNK",
			"not allowed out && @PARTNER|@UNK",
		}},
		{"da-eggshells", CatDomesticAbuse, 0, []string{"walk|walking|tread|treading ~1 on eggshells"}},
		{"da-threats", CatDomesticAbuse, fNeg | fUrgent, []string{
			controller + " ~3!PERSON threaten|threatens|threatened|threatening ~4 kill|hurt|stab|hit|beat|burn|take|smash|throw|harm|report|share|post|send",
			"threat|threats ~3 kill|hurt|burn|stab|harm",
			controller + " ~3!PERSON go|will|would|say|said|says ~3 kill|hurt|stab|hit|beat|harm ~1 me|us|her|him|the|@CHILD|them",
			"@ADULT ~3!PERSON say|said|says|threaten|threatened ~3 will|would|go ~2 kill ~1 me|us|her|him|@CHILD",
			controller + " ~3!PERSON say|said|says|will|would|go ~4 take ~2 the|my ~1 kids|children|@CHILD|baby",
			"if i ~2 go|tell|leave|call|ring|report ~4 he|she|they ~1 will|would|go",
		}},
		{"da-intimidation", CatDomesticAbuse, 0, []string{
			controller + " ~3!PERSON smash|smashed|smashes|smashing|punch|punched|punches|kick|kicked|kicks|throw|threw|throws ~3 thing|things|stuff|door|doors|wall|walls|plates|plate|furniture|tv|telly|window|windows|hole|holes|house|glass|cup|mug|place",
			controller + " ~3!PERSON rage|rages|raging|temper|violent|aggressive|angry ~4 @SCARED|hide|hiding|walls",
			"@PARTNER|@UNK|@PARENT ~3!PERSON violent|aggressive|abusive",
		}},
		{"da-minimising", CatDomesticAbuse, 0, []string{
			"@NEG ~2 violent|physical|hit|hits|hurt|hurts|abusive|touched ~5 but|yet|though|just|only",
			"@NEG ~3 hit|hurt|touched ~2 me|her|him|@CHILD ~1 yet",
			"@NEG laid a finger",
			"only|once|just ~2 push|pushed|shove|shoved|slap|slapped|hit|grab|grabbed|choke|choked|strangle|strangled ~1 me|her|him|@CHILD",
			"be this|it ~1 abuse",
			"count as ~1 abuse",
			"not abuse ~2 be it|right",
		}},
		{"da-stalking", CatDomesticAbuse, 0, []string{
			"@PARTNER ~3!PERSON keep|keeps|kept|always ~3 turn|turning|show|showing|come|coming|wait|waiting|hang|hanging ~1 up|round|around|outside !late|early|on|for",
			controller + " ~3!PERSON follow|follows|following|followed|stalk|stalks|stalking|stalked|watching|watch|watches ~1 me|us|my !on|online",
			"@PARTNER ~3!PERSON not ~1 leave ~1 me|us ~1 alone",
			"@PARTNER ~3!PERSON not ~1 stop ~1 messaging|texting|calling|ringing|contacting|turning|harassing|following",
			"@PARTNER ~3 outside|at ~1 my|the ~1 house|door|work|flat|window",
			"stalk|stalking|stalker|stalked",
			"nonmol|injunction|bail ~4 breach|breached|breaching|breaking|broke|broken|ignore|ignoring|ignored",
			"nonmol|injunction|order ~3 run|ran|runs|expire|expired|expires|ended|ends|finish|finished ~1 out?",
			"know|knows|found|find ~2 out? ~1 where ~2 we|i ~1 live|be|stay|staying",
			controller + " ~2 get|gets|getting|got ~1 out ~3 (next week|next month|tomorrow|soon|on|of prison|of jail|this week|monday|friday)",
		}},
		{"da-leave", CatDomesticAbuse, 0, []string{
			"need|have|want|how|help|plan|planning|try|trying|safely ~3 leave|escape|flee ~1 " + controller + "|him|safely",
			"@SCARED|can not|too ~3 leave ~1 " + controller + "|him",
			"escape|escaped|flee|fled|fleeing ~3 from? ~1 " + controller + "|him|her|home|house|abuse",
			"nonmol",
			"refuge",
		}},
		{"da-term", CatDomesticAbuse, fTerm, []string{
			"domestic ~1 violence|abuse|abusive|abuser|incident|incidents",
			"abuse|abused|abusive|abusing|abuser|violence|violent",
		}},
		{"da-personal", CatDomesticAbuse, fNeg, []string{
			"@SELF|@CHILD|@PERSON|@OBJ ~4 abuse|abused|abusive|abusing|abuser",
			"abusive|violent ~2 relationship|partner|husband|boyfriend|marriage|ex|home",
			"@SELF|@CHILD|@PERSON|@OBJ ~3 domestic|victim",
		}},
		{"da-witnessed", CatDomesticAbuse, 0, []string{
			"kids|children|@CHILD ~3 see|saw|seen|hear|heard|watch|watched|witness|witnessed ~3 " + controller + "|him|everything|fight|fights|fighting|hitting|violence",
			"in front of ~2 the|my ~1 kids|children|@CHILD && @HURT",
			"police ~4 come|came|called|round|out ~4 " + controller + "|again|last|fight|row|argument|domestic",
			"call|called|ring|rang ~2 the ~1 police ~3 on ~1 " + controller + "|him",
		}},
		{"fgm-forced-marriage", CatFGMForcedMarry, 0, []string{
			"fgm|mutilation|mutilated",
			"female ~1 genital",
			"circumcis* ~3 @FEMALE",
			"@FEMALE ~3 circumcis*",
			"be|get|getting|been ~1 =cut ~6 holiday|abroad|aunt|auntie|tradition|ceremony|home|nan|summer|woman",
			"special ~1 procedure|ceremony|cutting",
			"become|becoming ~1 a woman && ceremony|cut|cutting|procedure|abroad|holiday|aunt|auntie|tradition",
			"force|forced|forcing|make|making|made|pressure|pressuring|pressured ~4 marry|marriage|married|wedding|engaged",
			"arrange|arranged ~1 marriage ~6 (not want|scared|forced|abroad|without|afraid|do not)",
			"marry ~2 me|her|him ~1 off",
			"married off",
			"take|taking|send|sending|took|sent ~2 me|her|him|@CHILD ~3 abroad|pakistan|india|bangladesh|somalia|nigeria|country|back ~6 marry|married|wedding|husband|wife|cut|cutting|ceremony",
			"honour|shame|dishonour ~4 family ~4 kill|hurt|marry|punish|disown|beat",
			"(take|taking|send|sending|took|sent|go|going) ~2 me|her|him|@CHILD|us ~3 abroad|pakistan|india|bangladesh|somalia|nigeria|country|back && marry|married|wedding|husband|wife|engaged|shaadi|rishta|nikah",
			"(getting married|get married|marry me|marrying me|married off|to marry|be married|arranged marriage|marriage) && (i be @AGEMINOR|@AGEMINOR yo|not want|scared|forced|force|abroad|pakistan|bangladesh|india|somalia|back home|help)",
		}},

		// --- exploitation --------------------------------------------------
		{"exploit-older", CatExploitation, 0, []string{
			"older ~1 boyfriend|man|men|guy|guys|lads|lad|friends|mates|bloke|blokes|boys|crowd|gang|people|girlfriend|fella|group",
			"@AGEMINOR ~8 boyfriend|girlfriend|man|guy|fella ~4 @AGEADULT",
			"@CHILD ~4 boyfriend|girlfriend|fella ~4 @AGEADULT",
			"boyfriend|girlfriend ~4 @AGEADULT ~8 @AGEMINOR",
			"@AGEMINOR ~8 @AGEADULT ~3 boyfriend|girlfriend|man|guy|fella|bloke",
			"@CHILD|@AGEMINOR ~6 boyfriend|girlfriend ~4 in ~1 his|her ~1 @AGEADULT",
			"@CHILD|@AGEMINOR ~6 boyfriend|girlfriend ~4 adult|drives|car|works|flat|married",
			"@CHILD|@SELF ~4 boyfriend|girlfriend ~3 (online|never met|not met)",
			"online ~1 boyfriend|girlfriend",
		}},
		{"exploit-stranger", CatExploitation, 0, []string{
			"man|men|guy|stranger|strangers|someone|somebody|bloke|adult|lad|lads ~8 ask|asks|asked|asking ~3 where ~2 @CHILD|he|she|they|i|we ~1 live|lives|go|goes",
			"man|men|guy|stranger|strangers|someone|somebody|bloke ~8!FAMILY,PARENT sweet|sweets|lift|lifts|vape|vapes|cigarette|cigarettes && @CHILD",
		}},
		{"exploit-gifts", CatExploitation, 0, []string{
			"@UNK|man|men|guy|guys|lad|lads|stranger|someone|somebody|older|boyfriend|they|people ~3!FAMILY,PARENT buy|buys|bought|give|gives|gave|get|gets|got|send|sends|sent ~2 me|her|him|@CHILD ~3 @GIFT && -birthday|christmas|xmas|eid|diwali|anniversary|@PARENT",
			"@GIFT ~3 from nowhere",
			"@GIFT ~6 not ~2 say|tell|explain ~2 where|who|how",
			"not ~1 say|tell|explain ~2 where|who ~4 @GIFT",
			"second|secret|burner|extra ~1 phone|phones|sim",
		}},
		{"exploit-holding", CatExploitation, 0, []string{
			"hold|holding|keep|keeping|hide|hiding|stash|stashing|carry|carrying|store|storing|mind|minding ~3 stuff|things|something|bag|bags|package|packages|parcel|parcels|drugs|weed|gear|box ~4 for ~2 someone|somebody|friend|mate|mates|them|people|older|these|lads|boys|man|men|guy|others",
			"look ~1 after ~2 stuff|something|bag|package|parcel|drugs|gear ~3 for ~2 someone|somebody|friend|mate|them|people|older",
		}},
		{"exploit-drugs-lines", CatExploitation, 0, []string{
			"@CHILD|@SELF|@PERSON|@OBJ ~5 countylines|cuckooing|cuckooed|traphouse|trapping",
			"trap house",
			"going|go|gone|went country",
			"run|running lines",
			"deal|dealing|sell|selling|drop|dropping|run|running ~2 drugs|weed|gear|coke|cocaine|crack|heroin ~3 for",
			"@CHILD|@SELF|@PERSON ~5 deal|dealing|sell|selling ~2 drugs|weed|coke|cocaine|crack|heroin|pills",
			"owe|owes|owed|owing ~4 to ~2 someone|dealer|dealers|people|older|them|gang|lads|man|men",
			"drug ~1 debt|debts",
			"work ~1 off ~2 debt",
			"pay ~1 back ~3 or else",
		}},
		{"exploit-missing-episodes", CatExploitation, 0, []string{
			"go|goes|going|went|gone ~1 missing ~3 for|days|nights|weekend|weekends|again|hours|overnight",
			"come|comes|came|coming ~1 home|back ~4 late|2am|3am|4am|5am|hours|middle ~6 (money|cash|new|stuff|drunk|smelling|high|not say|not tell|injuries|bruises|phone|trainers)",
			"stay|stays|staying|stayed ~1 out ~3 (all night|nights|overnight) ~4 not ~1 say|tell|know",
			"tickets ~3 to|for ~2 other|another|london|birmingham|manchester|liverpool|leeds|cities|towns",
			"@CHILD|@OBJ|@UNK ~5 found|picked|turned ~2 up? ~2 in ~2 another|other ~1 town|city|towns|cities|county",
			"men|man|older|lads|guys|strangers ~3 in ~1 car|cars",
			"get|gets|getting|got ~2 in|into ~2 car|cars ~2 with ~2 older|men|man|lads|strangers|guys",
			"men|man|lads|guys|stranger|strangers|someone|boys ~3 pick|picks|picking|picked ~2 her|him|@CHILD|me ~1 up",
			"party|parties|hotel|hotels ~3 with ~2 older|men|adults|lads|strangers",
			"party|parties ~4 at ~3 guy|guys|man|mans|men|older|lads|someone|someones|his|their ~1 flat|house|place",
			"@UNK|@PARTNER|they|guy|guys|man|men|lads|older|someone ~3 give|gives|gave|giving ~1 her|him|me|them|@CHILD ~1 vodka|alcohol|drink|drinks|weed|drugs|vapes|pills|cigarettes|spice",
			"can not ~1 remember ~2 (what happened|anything|stuff|last night|how i got|how she got|how he got)",
			"stay|sleep|come ~2 at|to|round ~1 his|her|their ~1 flat|house|place|hotel && @AGEMINOR|@CHILD",
			"pay|pays|paid|paying ~2 for ~2 (train|trains|tickets|ticket|taxi|uber|travel|hotel|the train) && man|guy|online|tiktok|snapchat|instagram|insta|someone|stranger|@UNK",
			"modelling|modeling ~2 offer|job|contract|agent|shoot|agency",
		}},
		{"exploit-online-grooming", CatExploitation, 0, []string{
			"met|meet|meeting|talk|talking|chat|chatting|message|messaging|messaged|messages|speak|speaking|add|added ~3 someone|somebody|man|guy|boy|lad|person|girl|stranger|him|her|people ~3 online|snapchat|snap|insta|instagram|tiktok|discord|roblox|fortnite|xbox|game|app|whatsapp|internet && meet|meeting|pic|pics|photos|photo|pictures|picture|nudes|secret|older|loves|gift|gifts|robux|vbucks|naked|webcam|facetime|address|alone|camera|delete",
			"someone|somebody|man|guy|stranger|@UNK ~3 online ~5 want|wants|asked|asking|ask|keep|keeps ~3 meet|pic|pics|photos|pictures|nudes|address|secret",
			"want|wants|wanted|ask|asked|asking ~2 to ~1 meet ~2 me|her|him|@CHILD|up ~3 (alone|secret|without|in person|not tell)",
			"mature for ~2 age",
			"(told me|tells me|asked me|asks me|wants me|saying|says|said|told her|told him|tells her|tells him) ~4 delete ~3 chats|chat|messages|texts|convo|conversation|conversations|dms|snaps|pics|photos|them",
			"@ADULT ~4 dm|dms|dming|message|messages|messaging|texting|texts|snapchat|snaps ~5 (late at night|at night|secret|private|every night)",
		}},
		{"exploit-term", CatExploitation, fTerm, []string{"countylines|cuckoo|cuckooing|cuckooed|traphouse"}},
		{"exploit-gang", CatExploitation, fTerm, []string{
			"gang|gangs ~4 join|joined|joining|in|involved|member|pressure|pressuring|recruit|recruiting|after|threatening|want|wants|run",
			"radicalis*|radicaliz*|extremis*|extremist|extremists|jihad*",
		}},
		{"exploit-threat", CatExploitation, 0, []string{
			"keep|hold|hide|carry|stash|store|keeping|holding|hiding ~2 the|this|their|his|her|some ~1 stuff|package|parcel|bag|gear|drugs|weed ~2 at ~1 mine|my|our|home|house|yours",
			"@UNK|they|someone|people|lads|he|she ~2 will|would|go ~1 to? ~1 do|hurt|get|stab|kill|batter ~1 my ~1 @CHILD|@PARENT|brother|sister|family|mum|nan",
			"if i ~2 not|do not ~3 keep|hold|hide|carry|deliver|drop|sell|move|pay ~3 they|he|she|them|theyll|hell ~1 will|would|go",
		}},
		{"exploit-labour", CatExploitation, 0, []string{
			"@ADULT|employer|boss|they ~3 take|took|keep|keeps|have|has ~2 my ~1 passport|documents",
			"someone|people|they|men|lads|@UNK ~3 use|using|took|taking|stay|staying|live|living ~2 my|her|his ~1 flat|house|home|place ~4 (sell|deal|drugs|not leave|scared)",
		}},

		// --- neglect ------------------------------------------------------
		{"neglect-adult-absent", CatNeglect, 0, []string{
			"@PARENT|@UNK|they ~3!PERSON not|never ~2 come|came|be|been|get|got ~1 home|back !on|in|late|early|before|till|until|til|yet|from|to",
			"@PARENT|@UNK ~3!PERSON go|gone|went|left|leave|out|away ~3 (days|since|weekend|ages|all night|nights|again) ~4 @CHILD|me|us|alone|food|nobody",
			"@PARENT ~3!PERSON go|gone|went|left|leave|disappear|disappeared ~3 and ~3 not|never|nobody ~2 come|back|home",
		}},
		{"neglect-no-food", CatNeglect, 0, []string{
			"no|nothing|not ~2 food|eat|eaten|milk|formula|dinner|meal|meals && @PARENT|@UNK ~4!PERSON gone|away|out|left|drunk|asleep|drinking|passed|disappeared|missing",
			"no|nothing|not ~2 food|eat|eaten|milk|formula|dinner|meal|meals && @PARENT|@UNK ~3!PERSON not|never ~2 come|came|be|been ~1 home|back|here|around|awake",
			"no|nothing|not ~2 food|eat|eaten|milk|formula|dinner|meal|meals && (alone|homealone|ourselves|themselves|by myself|on my own|on our own|on their own)",
			"@SELF|@CHILD ~3 not ~2 eat|eaten|fed ~4 since|in|for ~2 days|yesterday|ages|@AGEMINOR|two|three|2|3 && @PARENT|alone|nobody|homealone",
			"@CHILD ~4 not be ~1 fed|changed",
			"nobody|no ~2 feed|feeds|fed|look|looks|looking|care|cares ~2 after? ~1 me|us|them|@CHILD",
		}},
		{"neglect-incapacity", CatNeglect, 0, []string{
			"@PARENT|@UNK|they ~3!PERSON always|every|again|too|constantly|often|be|get|gets ~2 drunk|wasted|stoned|paralytic",
			"@PARENT|@UNK|they ~4!PERSON drink|drinks|drinking|using|takes|taking ~3 (all day|every day|every night|all the time|everyday|again) && @CHILD|me|us|@SELF",
			"drunk|wasted|stoned ~4 while|when|with ~3 look|looking|@CHILD|baby|kids",
			"look|looking ~1 after ~3 @CHILD|baby|kids ~3 drunk|wasted|stoned",
			"@PARENT ~3!PERSON not|never ~2 (get up|get out of bed|wake up|gets up|gets out of bed|wakes up) ~3 (all day|anymore|days|in the morning)",
			"@PARENT ~3!PERSON stay|stays|stayed ~1 in bed ~3 (all day|days)",
			"@PARENT ~3!PERSON asleep|sleeping|passed|drunk|comatose|unconscious ~6 (again|bottles|bottle|cans|everyday|always|all day|every day|will not wake|can not wake)",
			"same|dirty ~1 nappy|nappies|clothes ~4 (since|for|hours|days|yesterday|all day)",
			"look|looking ~1 after ~3 brother|brothers|sister|sisters|sibling|siblings|@CHILD && (for a week|for days|for a few days|on my own|by myself|alone|gone off|gone|left us|drunk|asleep|no food|no money|run out)",
			"@PARENT ~3!PERSON go|gone|went|disappear|disappeared|left ~2 off|somewhere && @CHILD|@AGEMINOR|food|money|alone",
		}},
		{"neglect-left-alone", CatNeglect, fTerm, []string{
			"leave|left|leaves|leaving ~1 me|us|them|@CHILD|her|him|my|the|baby ~4 (alone|homealone|overnight|themselves|ourselves|myself|on their own|on our own|on my own|by themselves)",
			"leave|left|leaves|leaving ~1 me|us|them|@CHILD|her|him|my|the|baby ~3 in the ~1 car|house ~2 (alone|while|for hours)",
			"homealone",
			"@CHILD|them|they ~3 be|get|gets|are ~1 left ~3 (alone|on their own|on our own|by themselves|homealone|overnight|every night|all night|in the car)",
			"leave|left|leaves|leaving ~2 baby|@CHILD|them|him|her ~3 in ~1 the|a ~1 car",
		}},
		{"neglect-seen", CatNeglect, 0, []string{
			"@CHILD ~6 always|every|constantly|often ~4 (hungry|dirty|smelly|filthy|alone|unwashed|starving|begging|out late|locked out|same clothes) && next|neighbour|neighbours|class|street|road|estate|friend|friends|across|flat",
			"@CHILD ~4 locked out ~3 (all night|hours|nobody|cold)",
		}},

		// --- a child missing ------------------------------------------------
		{"missing-child", CatMissingChild, fUrgent, []string{
			"@CHILD ~6!PERSON not|never ~2 come|came|be|been|get|got|turn|turned|make|made ~1 home|back|up !on|in|late|early|before|till|until|til|to|for|at|yet",
			"@CHILD ~3!PERSON be|go|gone|went ~1 missing !her|his|my|their|the|school|lessons|out|you|home|him|me|mum|dad|them|a|it|class|nursery|friends",
			"@CHILD|@OBJ|@UNK ~3!PERSON =ran|=run ~1 away|off !in|at|when|round|around|ahead|to|on|and|from|with",
			"@CHILD|@OBJ|@UNK ~3!PERSON =ran|=run ~1 away|off ~2 (last night|yesterday|again|since|from home|overnight|hours|this|with his|with her)",
			"run|ran|running ~1 away ~1 from ~1 home|care|foster",
			"@CHILD|@OBJ|@UNK ~2 missing ~2 since|for|again|hours|days|overnight|@NOW|last",
			"can not find ~2 @CHILD|him|her|them !@BODY|shoes|coat|phone|bag|keys|book|toy|homework|dummy|water|bottle|school|kit|trainers|jacket|uniform|glasses|charger|clothes|socks|a|any|the|place|nursery|childminder|support|help|anything|anywhere|someone",
			"not know where ~2 @CHILD|he|she ~1 be|gone|go|went",
			"not answer|answering ~3 phone|calls|messages|texts ~4 (hours|since|all night|last night|yesterday|days)",
			"nobody ~2 see|seen ~2 him|her|them ~2 since",
			"@CHILD|he|she ~3 still not ~1 home|back",
			"report|reported ~3 missing",
		}},

		// --- nowhere to sleep tonight ----------------------------------------
		{"homeless-tonight", CatHomelessness, 0, []string{
			"nowhere ~2 to? ~1 sleep|stay|go|live|kip|turn && -week|weeks|month|months|notice|section|if|next|might|could|soon|holiday|holidays|play|fun",
			"@SELF|@CHILD|we|they ~3 sleep|sleeping|slept|kip|kipping ~3 in ~1 the|my|a|our ~1 car|park|street|streets|doorway|stairwell|station|shed|garage",
			"sleep|sleeping|slept ~1 rough",
			"sleep|sleeping|slept ~1 on ~1 the|a ~1 street|streets|bench",
			"=kicked|=thrown|=threw|=chucked|=kicks ~1 me|us|him|her|@CHILD|them ~1 out !of",
			"=kicked|=thrown|=threw|=chucked ~1 me|us|him|her|@CHILD|them ~1 out of ~1 the? ~1 house|home|flat",
			"can not|not allowed ~2 go ~1 home !till|until|yet|before|early|for|til|to",
			"can not go back ~1 home|there",
			"evict|evicted|eviction|bailiffs ~4 today|tonight|now|rightnow",
			"change|changed ~1 the ~1 locks",
			"can not|not allowed to ~1 stay ~3 tonight|anymore|there|here",
			"sofa surf*|sofasurfing && tonight|nowhere|@AGEMINOR|kicked",
			"homeless && -will|go|might|could|threat|risk|weeks|months|notice|section|if|soon|facing|prevention|avoid|stop|become|becoming|council",
		}},

		// --- medical emergency ----------------------------------------------
		{"medical-breathing", CatMedical, fSlang, []string{
			"not|stop|stopped|struggling|struggle|can not|hard|difficulty|trouble|barely ~1 breathe|breathing",
			"breathing ~2 funny|weird|strange|fast|shallow|noisy|grunting|rattly|rattling|heavy",
			"gasping",
		}},
		{"medical-consciousness", CatMedical, fNeg, []string{
			"turn|turned|turning|going|gone ~1 blue",
			"lips|face|skin ~2 blue|grey",
			"floppy|unresponsive|unconscious|unrousable|lifeless",
			"passed|pass out",
			"collapse|collapsed",
			"not|never|can not ~1 (wake up|wake) !for|in|early|on|till|until|til|at|before|up|to|the|when|me|him|her|them|at|so|yet|every",
			"can not wake|rouse ~1 him|her|them|@CHILD|@PARENT|up",
		}},
		{"medical-seizure", CatMedical, 0, []string{
			"have|having ~1 a ~1 fit|seizure !last|before|when|as|once",
			"fitting|convulsing|convulsion|convulsions",
			"seizure|fit ~3 not ~1 stop|stopping",
			"first ~1 seizure|fit",
		}},
		{"medical-choking", CatMedical, 0, []string{
			"choke|choking|choked ~1 on",
			"@CHILD|@PERSON ~2 be ~1 choking",
			"stuck in ~2 throat|windpipe",
		}},
		{"medical-poisoning", CatMedical, 0, []string{
			"swallow|swallowed|eat|ate|eaten|drink|drank|drunk|lick|licked|chew|chewed ~3 battery|batteries|magnet|magnets|bleach|washing|pod|pods|capsule|capsules|liquitab|liquitabs|detergent|cleaner|poison|berries|coin|antifreeze|weedkiller|dishwasher|nicotine|fertiliser|mushroom|mushrooms",
			"swallow|swallowed|eat|ate|eaten|drink|drank|drunk ~3 (all|whole|bottle|packet|box|handful|load|loads|lots|some of|mums|dads|nans|grans) ~2 @DRUG",
			"got ~1 into ~2 medicine|tablets|pills|cupboard|bleach|@DRUG",
		}},
		{"medical-bleeding", CatMedical, 0, []string{
			"bleed|bleeding|blood ~3 not ~1 stop|stopping",
			"bleed|bleeding|blood ~2 everywhere|loads|heavily|heavy|pouring|lot|lots",
			"lots|loads|lot ~1 of ~1 blood",
			"pregnant ~8 bleed|bleeding",
			"bleed|bleeding ~8 pregnant",
			"waters ~2 broke|broken|gone|break",
			"baby ~4 not|stop|stopped|less|reduced ~2 moving|move|movements|kicking|kicks",
			"reduced ~1 movements|movement",
		}},
		{"medical-injury", CatMedical, 0, []string{
			"hit|bang|banged|bump|bumped|knock|knocked|fell ~3 head ~8 (sick|vomit|vomiting|drowsy|sleepy|unconscious|not right|not himself|not herself|not responding|blood|bleeding|fit|confused|floppy|passed out|pupils)",
			"fall|fell|fallen ~3 from|out ~2 window|balcony|height|roof|bunk|stairs ~5 not|unconscious|head|blood|bleeding|sick",
			"fall|fell|fallen ~2 out of ~2 window|balcony",
			"head ~8 (sick|vomit|vomiting|drowsy|not waking|will not wake|wont wake|floppy|unconscious|passed out) && fell|fall|fallen|rolled|roll|hit|bang|banged|bump|bumped|knock|knocked|dropped|off",
			"burn|burnt|burned|scald|scalded ~3 @CHILD|him|her|himself|herself|baby|his|their ~3 kettle|boiling|bath|oven|hob|iron|fire|hot|tea|coffee|water|chemical|blister|blisters|skin|face|badly",
			"drown|drowned|drowning",
		}},
		{"medical-other", CatMedical, 0, []string{
			"allergic reaction",
			"anaphylaxis|anaphylactic|epipen",
			"swell|swelling|swollen ~3 lips|tongue|throat",
			"rash ~6 not ~2 fade",
			"glass test",
			"meningitis|sepsis && -sign|signs|jab|vaccine|vaccination|jabs|injection",
			"chest ~1 pain|pains|tight|tightness",
			"heart attack",
			"have|having|had ~1 a ~1 stroke",
			"call|calling|ring|ringing|called|rang|wait|waiting ~3 ambulance|999",
			"no wet ~1 nappies|nappy",
			"sunken ~1 fontanelle|soft",
			"yobaby|newborn ~6 temperature|temp|fever",
			"temperature|temp|fever ~6 newborn|yobaby|floppy|rash|fitting|purple|blotchy",
			"@SCARED|think|thought ~4 go to die",
		}},

		// --- violence -------------------------------------------------------
		{"violence-weapon", CatViolence, fNeg, []string{
			"carry|carrying|carries|got|have|has|had|bring|brought|take|took|taking ~2 a? ~1 knife|knives|blade|machete|gun|weapon|shank|zombie|knuckleduster !block|set|sharpener|fork|drawer|skills",
			"find|found ~2 a? ~1 knife|knives|blade|machete|weapon|gun|shank ~4 in|under ~2 his|her|bag|room|pocket|coat|bed|drawer",
			"@WEAPON ~3 in|under ~1 his|her|my ~1 bag|room|pocket|pockets|coat|bed|drawer|wardrobe|shoes|car",
			"threaten|threatened|threatening|threatens|pull|pulled|wave|waved|waving|point|pointed ~4 @WEAPON",
			"@WEAPON ~3 for protection",
		}},
		{"violence-assault", CatViolence, 0, []string{
			"@CHILD|@SELF|@PERSON|@OBJ ~3 get|got|be|been|gets stab|stabbed|shot|jumped|mugged|robbed|attacked|battered|assaulted|glassed|slashed|spiked|knifed",
			"@CHILD|@SELF|@PERSON|@OBJ ~3 get|got|be|been|gets beaten|beat up",
			"stab|stabbed|stabbing ~1 me|him|her|@CHILD",
			"someone|they|people|lads|gang|boys|men|@ADULT ~3 be? ~1 after|out ~2 get|hurt|kill|stab ~1 him|her|me|us|@CHILD",
			"someone|they|people|lads|gang|boys|men|@ADULT ~3 be after ~1 him|her|me|us|@CHILD",
			"someone|they|people|lads|gang|boys|men|@ADULT ~3 threatening|threatened|threaten|want|wants ~2 to? ~1 hurt|kill|stab|beat ~1 him|her|me|us|@CHILD",
		}},
		{"violence-term", CatViolence, fTerm, []string{"@WEAPON|knife crime"}},

		// --- messages in other languages: order-free ------------------------
		{"foreign-hurt", CatDomesticAbuse, fForeign | fNeg, []string{
			"@HURT|beating|threat|threats|threatened|threatens && @SELF|@CHILD|@PARTNER|@PARENT|@OBJ|@PERSON",
		}},
		{"foreign-weapon", CatViolence, fForeign, []string{"@WEAPON"}},
		{"foreign-suicide", CatSuicide, fForeign, []string{"suicide|suicidal", "want ~3 die|dying|death", "kill ~2 myself|himself|herself"}},
		{"foreign-selfharm", CatSelfHarm, fForeign, []string{
			"cutting|cut|selfharm|blade|blades && @CHILD|@SELF|@PERSON|herself|himself|myself",
		}},
		{"foreign-scared", CatDomesticAbuse, fForeign | fNeg, []string{
			"@SCARED && home|@PARTNER|@PARENT|@HURT|hurt|go|night|tonight|kill|him|her|@WEAPON",
		}},
		{"foreign-sexual", CatSexualAbuse, fForeign, []string{
			"touch|touches|touched|raped|rape|molested|inappropriately && @PERSON|@CHILD|@SELF|@OBJ|secret",
			"secret && @CHILD|@ADULT && not tell",
		}},
		{"foreign-marriage", CatFGMForcedMarry, fForeign, []string{
			"marry|marriage|wedding|married && forced|force|forces|forcing|@AGEMINOR|help|not|scared|abroad",
			"fgm",
		}},
		{"foreign-neglect", CatNeglect, fForeign, []string{
			"alone && food|hungry", "hungry && @CHILD|@SELF",
			"drunk && @PARENT|@PARTNER|@UNK",
		}},
		{"foreign-urgent", CatMedical, fForeign, []string{
			"missing", "not breathing", "unconscious|seizure|bleeding", "kicked ~1 me|us|him|her ~1 out", "nowhere",
			"can not cope && @CHILD|alone|hurt",
		}},

		// --- a parent in crisis ------------------------------------------------
		{"parent-harm-child", CatParentCrisis, fNeg, []string{
			"i ~3!PERSON @HURT|shake|shook|shaken|shaking|smother|suffocate|drown|throw|threw|squeeze ~1 @CHILD|him|her|them|baby !@BODY|at|off|hands|hand|up|about|around|feelings|out",
			"thought|thoughts|thinking|urge|urges|image|images|picture ~4 hurt|hurting|harm|harming|shake|shaking|smother|smothering|drown|drowning|drop|dropping|throw|throwing|kill|killing ~2 @CHILD|him|her|baby|them|myself",
			"@SCARED ~3 i ~2 will|might|could|would|go|be ~2 hurt|harm|shake|smother|snap|lose ~1 @CHILD|him|her|them|baby|it",
			"@SCARED ~3 i ~2 will|might|could|would ~2 do something ~2 to ~1 @CHILD|him|her|them|baby|myself",
			"shake|shook|shaken|shaking ~1 the|my|a ~1 baby",
			"shaken baby",
			"intrusive|scary|horrible|awful|unwanted|bad ~1 thought|thoughts|images",
			"@SCARED ~2 what ~1 i ~1 will|might|would|could ~1 do",
			"grab|grabbed|squeezed|shook ~2 his|her ~1 arm|arms|wrist|neck ~2 too hard|hard",
			"close to|about to|going to ~1 snap|snapping|lose it|losing it && @SCARED|hurt|mark|grabbed|hit|shook",
		}},
		{"parent-cant-care", CatParentCrisis, 0, []string{
			"(can not|not) ~1 (look after|cope with|care for|parent) ~3 him|her|them|@CHILD|baby ~2 anymore|nolonger",
			"can not cope ~1 anymore|nolonger",
			"take ~2 him|her|them|@CHILD|baby ~2 (off me|away from me|into care)",
			"put|putting ~2 him|her|them|@CHILD|baby ~2 in|into ~1 care",
			"give|giving ~2 him|her|them|@CHILD|baby ~1 up ~1 for adoption",
			"walk|walking ~1 out ~3 (never come back|for good|and leave them|forever)",
			"leave|leaving ~2 @CHILD|them|him|her ~3 (never come back|for good|forever)",
			"wish ~3 @CHILD|he|she|they ~3 never ~1 born|existed",
			"not ~1 feel ~1 safe ~2 with|around ~2 @CHILD|baby|him|her|myself",
			"not ~1 safe ~2 with|around ~1 me",
			"someone ~3 take ~2 him|her|them|@CHILD|baby ~2 before i",
		}},
	}
}
