package content

import (
	"regexp"
	"strings"
	"unicode"
)

// normTerm turns a taxonomy term name into the form the bot uses: lower
// case, words joined by hyphens ("Speech and Language" gives
// "speech-and-language", "speech-language" stays as it is).
func normTerm(name string) string {
	name = html2text(name)
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return unicode.IsSpace(r) || r == '_' })
	return strings.Join(f, "-")
}

// html2text is cleanText without the changed flag.
func html2text(s string) string {
	out, _ := cleanText(s)
	return out
}

// pregnancyTerms are taxonomy term names, other than "pregnancy" itself,
// that mean a service is for expectant parents.
var pregnancyTerms = map[string]bool{
	"antenatal":           true,
	"antenatal-care":      true,
	"antenatal-classes":   true,
	"expectant-parents":   true,
	"pregnancy-and-birth": true,
	"pregnancy-support":   true,
}

// pregnancyWords finds wording that says a service is for people who are
// pregnant. It is only consulted when a record's ages are 0 to 0, which on
// their own could as well mean "babies under one" or a data-entry slip.
// Midwives are not in the list: they also see new mothers after the birth.
var pregnancyWords = regexp.MustCompile(`(?i)\b(pregnan\w*|antenatal|ante-natal|expectant|expecting a baby|mums?-to-be|parents?-to-be|unborn)\b`)

// dropInWords finds wording that says a family can come without booking.
// It is only consulted when a record has no structured access field (the
// 3.0 profile has none). It is kept narrow on purpose: "drop-in" alone also
// appears in services that are booked ("nurses run drop-ins in schools").
var dropInWords = regexp.MustCompile(`(?i)\b(no need to book|no booking (?:is )?(?:needed|required|necessary)|no appointment (?:is )?(?:needed|required|necessary)|just (?:turn up|drop in|walk in)|drop in (?:to|on|any))\b`)

// accessFromTerm maps a taxonomy term that names a way in to its Access.
func accessFromTerm(term string) (Access, bool) {
	switch term {
	case "self-referral":
		return AccessSelfReferral, true
	case "professional-referral":
		return AccessReferral, true
	case "drop-in":
		return AccessDropIn, true
	case "booking":
		return AccessBooking, true
	}
	return "", false
}

// accessFromAttending maps the classic attending_access values: the
// fixture's "Drop-in", "Booking", "Referral" and the older reference
// implementation's "drop-in", "appointment", "referral".
func accessFromAttending(v string) (Access, bool) {
	switch strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(v, "-", " "))), " ") {
	case "drop in", "dropin", "walk in":
		return AccessDropIn, true
	case "booking", "appointment", "book":
		return AccessBooking, true
	case "referral", "professional referral":
		return AccessReferral, true
	case "self referral":
		return AccessSelfReferral, true
	}
	return "", false
}

// appendUnique appends v to list unless it is already there.
func appendUnique[T comparable](list []T, v T) []T {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
