package content

// Reasons a record is kept but noted in a Report (Report.Note): the import
// repaired it, read it loosely, or derived something the feed did not say
// outright. Each is counted in Report.Notes.
const (
	// NoteUnknownField: the record has a top-level field that is not in the
	// standard field list of its version; the field is ignored, the record kept.
	NoteUnknownField = "unknown-field"
	// NoteNoAges: the record states no ages; it is kept as 0 to DefaultMaxAge.
	NoteNoAges = "no-ages"
	// NoteAgeAsText: an age came as a string such as "5" or "18 months".
	NoteAgeAsText = "age-as-text"
	// NoteBadAge: an age could not be read (or was negative) and is ignored.
	NoteBadAge = "bad-age"
	// NoteAgesZeroUnclear: ages 0 to 0 with nothing saying the service is for
	// pregnancy; kept as given and not marked as a pregnancy service.
	NoteAgesZeroUnclear = "ages-0-0-unclear"
	// NotePregnancyDerived: the "pregnancy" term was added from a pregnancy
	// taxonomy term under another name, or from ages 0 to 0 together with
	// pregnancy words in the description or eligibility.
	NotePregnancyDerived = "pregnancy-derived"
	// NoteAccessDerived: drop-in access was read from the description
	// ("no need to book", "just turn up") because the record has no field for it.
	NoteAccessDerived = "access-derived"
	// NoteMarkup: HTML tags or entities were removed from the record's text.
	NoteMarkup = "markup-removed"
	// NoteNoStatus: the record has no status; it is kept as active.
	NoteNoStatus = "no-status"
	// NoteNoArea: the record names neither a service area nor a location, so
	// the bot treats it as open to the whole borough.
	NoteNoArea = "no-area"
	// NoteUnnamedTerm: a taxonomy term had no name; its term text or id stands in.
	NoteUnnamedTerm = "unnamed-term"
	// NoteUnknownAccess: an attending_access value the importer cannot map.
	NoteUnknownAccess = "unknown-access"
)
