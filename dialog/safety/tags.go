package safety

// tag is a word class a token can carry: the roles (who is speaking, who
// is a child, who is an adult) and the semantic groups the rules use.
type tag uint8

// The word classes. Person classes on pronouns are copied from the noun
// the pronoun most likely refers to (see resolvePronouns).
const (
	tBound   tag = iota // sentence boundary; patterns never cross it
	tSelf               // i, me, my, we, us: the speaker
	tObj                // an object pronoun: me, us, him, her, them
	tPerson             // any person noun or pronoun
	tChild              // a child: son, baby, toddler, a pronoun for one
	tAdult              // an adult, or an unknown "he"/"she"
	tPartner            // partner, husband, boyfriend, ex
	tParent             // mum, dad, step-parent, grandparent, carer
	tFamily             // relatives who might give a child presents
	tUnknown            // a pronoun with no person named before it
	tMale               // grammatical gender, for pronoun resolution
	tFemale
	tPlural
	tHurt     // verbs of physical violence
	tScared   // fear
	tNeg      // negators
	tBody     // body parts
	tNow      // immediacy: now, tonight, today
	tLaugh    // a laughing emoji or lol/haha
	tTrivial  // the small stuff a joke is about: homework, wifi, exams
	tGift     // what groomers give: phones, trainers, cash
	tDrug     // medicines and drugs someone could take too many of
	tWeapon   // knives and guns
	tAgeMinor // a number 8..17 that may be an age
	tAgeAdult // a number 18..70 that may be an age
	tTopic    // words that make a message about a subject, not an event
	tMoney    // money and bank cards
	tHome     // home, house, flat
	tNight    // night, bed, bedroom
	tFood     // food and eating
	tSexual   // sexual body words and acts
	tCount
)

var tagNames = [...]string{
	tBound: "BOUND", tSelf: "SELF", tObj: "OBJ", tPerson: "PERSON", tChild: "CHILD",
	tAdult: "ADULT", tPartner: "PARTNER", tParent: "PARENT", tFamily: "FAMILY",
	tUnknown: "UNK", tMale: "MALE", tFemale: "FEMALE", tPlural: "PLURAL",
	tHurt: "HURT", tScared: "SCARED", tNeg: "NEG", tBody: "BODY", tNow: "NOW",
	tLaugh: "LAUGH", tTrivial: "TRIVIAL", tGift: "GIFT", tDrug: "DRUG",
	tWeapon: "WEAPON", tAgeMinor: "AGEMINOR", tAgeAdult: "AGEADULT",
	tTopic: "TOPIC", tMoney: "MONEY", tHome: "HOME", tNight: "NIGHT",
	tFood: "FOOD", tSexual: "SEXUAL",
}

func tagByName(name string) (tag, bool) {
	for i, n := range tagNames {
		if n == name {
			return tag(i), true
		}
	}
	return 0, false
}

// tagSet is a set of word classes.
type tagSet [2]uint64

func (s tagSet) has(t tag) bool { return s[t/64]&(1<<(t%64)) != 0 }

func (s *tagSet) add(t tag) { s[t/64] |= 1 << (t % 64) }

func (s tagSet) any(o tagSet) bool { return s[0]&o[0] != 0 || s[1]&o[1] != 0 }

func (s *tagSet) union(o tagSet) { s[0] |= o[0]; s[1] |= o[1] }

func tagsOf(ts ...tag) tagSet {
	var s tagSet
	for _, t := range ts {
		s.add(t)
	}
	return s
}

// personClasses are the tags a pronoun inherits from its noun.
var personClasses = tagsOf(tChild, tAdult, tPartner, tParent, tFamily, tPlural)

// lexiconEntries lists the words of each class, in base form: the stemmer
// maps inflections onto them. Person nouns are listed in personNouns.
func lexiconEntries() map[tag]string {
	return map[tag]string{
		tSelf: "i me my myself mine we us our ourselves",
		tObj:  "me myself us him her them",
		tHurt: "hit beat punch kick slap smack strangle choke throttle batter thump whack wallop " +
			"hurt harm attack assault push shove pin grab drag headbutt stab burn scald bruise " +
			"lamp deck belt leather kill murder abuse rape injure strangulate chuck",
		tScared: "scared afraid terrified frightened petrified fear scare frighten terrify unsafe",
		tNeg:    "not never no nobody nor without neither",
		tBody: "arm arms wrist wrists leg legs thigh thighs stomach tummy belly skin face neck throat " +
			"back chest head hand hands ribs ear ears eye eyes lip lips nose bum bottom hip shoulder " +
			"finger fingers foot feet knee knees elbow body cheek",
		tNow: "rightnow tonight immediately tonite outside",
		tLaugh: "_laugh_ lol lmao lmfao lool lolol loool rofl haha hahaha hahahaha hehe ahaha " +
			"jk joking joke kidding kmsl",
		tTrivial: "homework exam exams test tests teacher maths math english science school pe kit bus " +
			"wifi phone battery charger game games fifa match football crush cringe embarrassing " +
			"embarrassed forgot forget hair haircut spelling result results report detention lesson " +
			"lessons class mock mocks essay tiktok snap snapchat streak netflix episode spoiler " +
			"traffic queue monday diet gym pizza chocolate coffee brew biscuit cake period uniform " +
			"dentist tooth driving revision quiz assignment coursework deadline meme posted post pics " +
			"photos photo fb facebook insta instagram video omg cringe awkward selfie baby",
		tGift: "phone phones iphone trainers clothes vape vapes weed alcohol vodka money cash " +
			"sim jewellery present presents gift gifts designer gucci nails fags cigarettes " +
			"lifts lift robux vbucks airpods",
		tDrug: "pill pills tablet tablets paracetamol ibuprofen meds medication medicine antidepressant " +
			"antidepressants sertraline codeine insulin painkiller painkillers calpol tabs",
		tWeapon: "knife knives blade blades machete gun guns weapon shank zombie",
		tTopic: "course courses training leaflet leaflets information info awareness lesson lessons " +
			"assembly project essay dissertation film movie documentary episode series " +
			"article policy policies volunteer volunteering professional workshop workshops " +
			"prevention research campaign charity fundraiser fundraising sponsored statistics " +
			"guidance guide quiz lecture module webinar",
		tMoney: "money card cards bank wages benefits uc pay payment salary account pin cash " +
			"passport keys pension allowance",
		tHome:  "home house flat room",
		tNight: "night nights bed bedroom tonight midnight",
		tFood:  "food eat eaten eating fed feed meal meals dinner breakfast lunch hungry starving milk formula",
		tSexual: "private privates willy penis vagina fanny minnie boobs breasts chest bum bottom " +
			"naked nude nudes sex sexual genitals parts underwear knickers pants",
	}
}

// personNoun describes a word naming a person.
type personNoun struct {
	words  string
	tags   []tag
	gender tag // tMale, tFemale, or 0 for either
}

// personNouns lists the person words, in base form, with their classes.
func personNouns() []personNoun {
	return []personNoun{
		{"son boy lad grandson stepson nephew brother", []tag{tChild}, tMale},
		{"daughter girl lass granddaughter stepdaughter niece sister", []tag{tChild}, tFemale},
		{"child kid baby toddler teen teenager infant newborn bairn wean babby sibling twin " +
			"youngest eldest oldest pupil tot yo yobaby littleun", []tag{tChild}, 0},
		{"kids children babies twins siblings teenagers teens", []tag{tChild, tPlural}, 0},
		{"dad stepdad grandad uncle", []tag{tAdult, tParent, tFamily}, tMale},
		{"mum stepmum nan auntie aunt", []tag{tAdult, tParent, tFamily}, tFemale},
		{"parent carer guardian", []tag{tAdult, tParent, tFamily}, 0},
		{"parents grandparents", []tag{tAdult, tParent, tFamily, tPlural}, 0},
		{"cousin", []tag{tAdult, tFamily}, 0},
		{"husband boyfriend fiance fella hubby", []tag{tAdult, tPartner}, tMale},
		{"wife girlfriend fiancee", []tag{tAdult, tPartner}, tFemale},
		{"partner ex", []tag{tAdult, tPartner}, 0},
		{"man bloke guy gentleman", []tag{tAdult}, tMale},
		{"woman lady", []tag{tAdult}, tFemale},
		{"men guys blokes lads adults people strangers", []tag{tAdult, tPlural}, 0},
		{"adult stranger someone somebody neighbour teacher coach landlord lodger " +
			"tutor leader instructor", []tag{tAdult}, 0},
		{"friend mate bestie", nil, 0},
		{"friends mates", []tag{tPlural}, 0},
	}
}
