package safety

// tag is a word class a token can carry: the roles (who is speaking, who
// is a child, who is an adult) and the semantic groups the rules use.
type tag uint8

// The word classes. Their words are listed in rules/lexicon.yaml
// (word_classes, person_nouns, pronouns), under these names as patterns
// write them ("@HURT"). Person classes on pronouns are copied from the
// noun the pronoun most likely refers to (see resolvePronouns).
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
	tAgeMinor // a number 7..17 that may be an age
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
