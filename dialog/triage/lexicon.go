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

// needCues is how families write about needs, grouped as family-words.md
// groups them. Patterns match on word boundaries of the cleaned text.
func needCues() []cue {
	c := func(pattern string, terms []string, words string) cue {
		re := regexp.MustCompile(`\b(?:` + pattern + `)`)
		return cue{re: re, pre: newPrefilter(re), terms: terms, words: words}
	}
	t := func(terms ...string) []string { return terms }
	return []cue{
		// Pregnancy and birth
		c(`pregnan|expecting|bfp|bump|due in|due date|weeks pregnant|antenatal|ante natal|midwife|mw\b|\d+\s*(?:wks|weeks)\s+(?:with|pregnant|along)|\d+\+\d`, t("pregnancy", "start-for-life"), "pregnancy"),
		c(`(?:stop|quit|pack in|give up)\w*\s+(?:\w+\s+){0,3}smok|still smoking|smok\w* (?:in|during|while) pregnan`, t("pregnancy", "health"), "stop smoking smokefree"),
		c(`cot|mattress|safe sleep|safer sleep|sids|cot death`, t("start-for-life"), "safer sleep"),
		c(`no cot|no pram|nothing (?:ready|for (?:the )?baby)|baby (?:clothes|stuff|things)|nappies|pram|moses basket`, t("money", "start-for-life"), "baby bank essentials"),
		// Infant feeding
		c(`breast ?feed|breast ?fed|boob|latch|nipple|mastitis|cluster feed|tongue ?tie|tongue tied|express(?:ing)?\b|pumping|formula|bottle ?feed|combi feed|mixed feed|feeding is|feeds?\b|milk supply|not enough milk`, t("infant-feeding", "start-for-life"), "feeding breastfeeding infant feeding"),
		c(`weigh(?:ed|ing)?\b|weigh in|baby clinic|red book|not gaining`, t("health-visiting", "start-for-life"), "weigh health visitor clinic"),
		c(`\bhv\b|health visitor`, t("health-visiting"), "health visitor"),
		// Perinatal mental health
		c(`cr(?:y|ies|ying)\b.*(?:since|every day|all the time)|baby blues|pnd|post ?natal depression|feel nothing|dont feel anything|not bonding|bond(?:ing)? with|scary thoughts|birth (?:was )?traumatic|rubbish mum|bad mum|failure as a mum`, t("mental-health", "start-for-life"), "low mood bonding"),
		c(`lost (?:the|our|my) baby|miscarr|still ?born|stillbirth|baby loss|baby died|rainbow baby`, t("bereavement", "mental-health"), "baby loss miscarriage stillbirth"),
		c(`massage`, t("start-for-life"), "baby massage"),
		c(`dads?\b|fathers?\b|male carers?`, nil, "dads"),
		// Early years
		c(`(?:isnt|not|hardly|barely|doesnt|cant|wont|wasnt)\s+(?:really\s+|even\s+)?(?:talking|speaking|saying (?:any|many|much))|(?:talking|speaking|words) yet|(?:few|hardly any|barely any|only \w+|no|single|first|any) words|only says|late talker|speech|speach|language delay|salt\b|slt\b|speechie|stammer|stutter|grunts|babbl|pronounc|cant say|understand (?:him|her) when (?:he|she) talks`, t("speech-language", "early-years"), "speech language talking"),
		c(`toddler group|stay and play|playgroup|mix with other kids|play with other|groups?\b|dont know a soul|dont know anyone|lonely|isolated|stuck in|stir crazy|meet other`, t("early-years"), "stay and play group"),
		c(`nursery|nursary|childcare|childminder|free hours|30 hours|15 hours|funded|tax free childcare|free 2s|two year funding`, t("early-years"), "childcare funded hours"),
		c(`potty|toilet|pull ?ups?|nappies at|still in nappies`, t("early-years"), "toilet training potty"),
		c(`sleep|wakes?\b|waking|bedtime|wont settle|settle|up all night|night waking|insomnia`, t("early-years"), "sleep"),
		c(`beige|fussy eat|picky|only eats?|wont eat|wont touch|refuses food|healthy eating`, t("early-years", "health"), "healthy eating fussy"),
		c(`tantrum|paddy|paddies|throws? (?:himself|herself)|hits me|biting|terrible twos|threenager`, t("parenting", "early-years"), "behaviour parenting"),
		// Parenting
		c(`defiant|wont listen|kicking off|kicks off|behaviou?r|backchat|naughty|shouting|discipline|battle|what am i doing wrong|how do other parents|parenting`, t("parenting"), "parenting behaviour"),
		c(`slams? doors|barely speaks|teenager|out all hours|out till|moody|mardy`, t("parenting"), "parenting teenagers"),
		c(`punch(?:ed|es)?\b|shov(?:ed|es)\b|kick(?:ed|s) me|hits? me|violent (?:to|towards) (?:me|us)|scared of (?:my|our|him|her)\b|smash(?:es|ed)? (?:the house|things)|aggressi`, t("parenting"), "aggression violent to parents"),
		// Parental conflict and separation
		c(`argu|row(?:ing|s)?\b|at each others throats|screaming match|(?:screaming|shouting|yelling) at each other|fight\w* all the time|fighting in front|bicker|tension at home`, t("parental-conflict"), "arguing conflict couples"),
		c(`split (?:up|from)|separat|divorc|ex\b|exs|co ?parent|handover|pick ?ups?\b|contact arrangements|sons dad|daughters dad|kids dad|their dad|her mum|kids mum|childrens dad`, t("separation", "parental-conflict"), "separated parents"),
		c(`mediation|miam|court`, t("separation"), "mediation"),
		// SEND
		c(`autis|asd\b|asc\b|lines? (?:his|her|all his|all her|up)|no eye contact|wont look at|sensory|meltdown|stims?\b|pda\b`, t("autism", "send"), "autism autistic"),
		c(`adhd|add\b|cant sit still|hyperactive|impulsive`, t("adhd", "send"), "adhd"),
		c(`ehcp|ehc plan|ehc\b|statement|sen\b|send\b|senco|sendco|additional needs|special needs|learning difficult|learning disab|behind at school|years? behind|draft plan|annual review|assess(?:ed|ment)?\b|diagnos`, t("send"), "send ehcp"),
		c(`disab|downs|cerebral palsy|complex needs|wheelchair|global development|gdd|cant sit up|cant walk|medical needs|\bdla\b|\bpip\b|carers allowance`, t("disability", "send"), "disabled disability"),
		c(`respite|a break from caring|need a break|short breaks`, t("disability", "send"), "short breaks respite"),
		// Mental health
		c(`anxi|worr|panic|scared all the time|nervous|phobia`, t("mental-health"), "anxiety worries"),
		c(`low\b|depress|sad all the time|mess\b|head (?:has been|is) a mess|not coping|cant cope|struggling|burnt out|drowning|overwhelm|cant get out (?:of bed|the (?:front )?door)|someone to talk to|talk to someone|counsell|therap`, t("mental-health"), "low mood counselling talk"),
		c(`wont (?:leave|come out of) (?:her|his|their) room|stays? in (?:her|his|their) room|withdrawn|not (?:herself|himself)|eating disorder|calories|stopped eating|not eating|anorex|bulimi|self ?harm|cutting|camhs|cams|cahms`, t("mental-health"), "camhs mental health"),
		c(`died|passed away|death of|bereave|grief|grieving|funeral|lost (?:his|her|their|my) (?:dad|mum|grandad|nan|brother|sister)`, t("bereavement"), "bereavement grief"),
		// Youth
		c(`bored|nothing to do|anything to do|things to do|youth club|after school|friday night|of an evening|evenings|music|sports?\b|football|dance|drama|climbing|skate|gaming club|band\b|instruments?|where could (?:he|she|they) go|somewhere to go`, t("youth"), "youth club activities"),
		c(`look after my (?:mum|dad|brother|sister|nan)|care for my|caring for|young carer|help care|i care for`, t("young-carers"), "carers caring"),
		c(`gay|lesbian|bi\b|bisexual|trans\b|transgender|non ?binary|lgbt|queer|coming out|come out`, t("lgbtq", "youth"), "lgbtq"),
		c(`the pill|contracept|condom|morning after|sti\b|std\b|sexual health|pregnancy test`, t("sexual-health"), "contraception sexual health"),
		c(`vap|weed|cannabis|drugs?\b|drink\w*|alcohol|drunk|rehab|addict|gambl`, t("substance-misuse"), "drug alcohol"),
		c(`groom|county lines|older (?:lads|boys|men|friends|mates)|second phone|cash from nowhere|trainers from nowhere|new older|holding stuff|exploit`, t("exploitation", "safeguarding"), "exploitation"),
		c(`arrested|police|youth panel|youth offending|shoplift|court order|caution`, t("youth"), "youth justice"),
		c(`apprentice|no job|job\b|jobs|college|neet|dropped out|training|careers?\b|back to work|cv\b|employment|unemployed`, t("employment"), "employment careers"),
		// Domestic abuse
		c(`(?:partner|husband|boyfriend|bf|fella|ex|wife|girlfriend|gf|dh|dp|oh)\s+(?:\w+\s+){0,3}(?:hit|hits|hitting|punch\w*|kick\w*|slap\w*|push\w*|shov\w*|chok\w*|strangl\w*|threaten\w*|hurt\w*)\b`, t("domestic-abuse"), "domestic abuse"),
		c(`abus|controls? (?:all )?(?:the|my) money|checks my phone|controlling|coercive|walking on eggshells|scared of (?:him|her|my partner|my husband)|hit me|pushed me|hurts me|domestic|refuge|leave him|leaving him|left him|flee|safe place|somewhere safe|share my location|goes mad if|jealous`, t("domestic-abuse"), "domestic abuse"),
		c(`kids saw|children saw|saw (?:everything|it all)|witness|(?:did|done) to (?:me|us|mum|my mum)\b|put us through`, t("domestic-abuse"), "domestic abuse children recovery"),
		c(`lose my temper|smashing stuff|i want to change|stop shouting at my|stop being abusive`, t("domestic-abuse"), "behaviour change"),
		// Money
		c(`skint|money|afford|broke|debt|bailiff|arrears|council tax|loan|klarna|universal credit|\buc\b|benefits?\b|sanction|tight|payday|vouchers?`, t("money"), "money debt benefits"),
		c(`no food|food ?bank|nothing (?:in|to) (?:the cupboards|eat)|hungry|feeding them|cheap food|pantry|groceries|food shop`, t("food", "money"), "food"),
		c(`free school (?:meals|dinners)|fsm|school dinners|uniform`, t("money", "education"), "free school meals"),
		c(`holiday club|summer hol|holidays|half term|haf\b`, t("youth", "food"), "holiday activities"),
		c(`healthy start|milk tokens|vitamins|milk and fruit|vouchers for milk`, t("money", "start-for-life"), "healthy start vitamins"),
		c(`meter|leccy|electric|energy|gas\b|heating|emergency credit|mould|damp`, t("money", "housing"), "energy damp mould"),
		// Housing
		c(`section 21|evict|kicked (?:me |us )?out|landlord|notice to|homeless|sofa surf|nowhere to (?:live|stay|go)|temporary accommodation|behind on rent|rent arrears|housing|get out by`, t("housing"), "housing homelessness"),
		// Health
		c(`deaf|hearing|glue ear|cant hear|eyesight|squint|glasses`, t("health", "send"), "health"),
		c(`bull(?:y|ied|ying)|picked on|teased|no friends|left out`, t("mental-health", "education"), "bullying friendships"),
		c(`wets? the bed|bed ?wetting|wetting|dry (?:at|through the|in the) night|not dry|soiling|poo accidents|constipat|bladder|bowel`, t("health"), "bladder bowel wetting"),
		c(`overweight|weight|obes|healthier|fitness|exercise`, t("health"), "healthy weight"),
		c(`jab|jabs|vaccin|immunis|hpv|mmr`, t("health"), "immunisations vaccines"),
		c(`school nurse|nits|head ?lice|eczema|asthma|rash|poorly|ill\b|sick\b`, t("health"), "school nursing"),
		// Education
		c(`refus\w* (?:to go to |to go in|to go )?school|school refus|skip\w* school|skiving school|not going to school|wont go (?:in|to school)|crying at the gate|clings|missed (?:loads of |a lot of )?school|attendance|fine\b|wagging|skiving|bunking|sagging|mitching|truant`, t("education"), "school attendance anxiety"),
		c(`excluded|exclusion|suspended|suspension|sent home`, t("education"), "exclusions"),
		c(`home ed|home school|teach (?:him|her|them) at home|deregist|out of school`, t("education"), "elective home education"),
		c(`phonics|reading|sounds|homework|how they teach|times tables`, t("education", "adult-learning"), "family learning phonics reading"),
		// Adult learning
		c(`english|esol|learn english|my english`, t("adult-learning"), "english esol classes"),
		c(`gcse|maths|qualification|course for adults|adult learning|computer skills|read or write`, t("adult-learning"), "adult learning courses"),
		// Carers
		c(`caring for|carer\b|care for (?:my )?(?:dad|mum|husband|wife|partner)|dementia`, t("young-carers"), "carers"),
		c(`leav\w* school|finish\w* school|adult ?hood|transition|post ?16|turns? 18|when (?:he|she|they) (?:is|turns) 18`, t("send"), "preparing for adulthood"),
		// Whole family
		c(`falling apart|everything at once|whole family|early help`, t("parenting", "safeguarding"), "early help whole family support"),
	}
}
