package report

// SourceSection is the result of one source of a run: a list screening, a
// document validation or a host's custom source.
type SourceSection struct {
	// ID is the source's ID in the template.
	ID string
	// Kind is the kind of source (screening, document, custom...).
	Kind string
	// Tier is the source's tier; 1 is critical.
	Tier int
	// Status is how the source ended: ok, failed, timeout, skipped...
	Status string
	// DurationMS is how long the source ran, in milliseconds.
	DurationMS int64
	// Error is the source's error, when it failed.
	Error string
	// Details are the source's other results (for example a document
	// validation's outcome), in order.
	Details []KV
	// Lists are the lists a screening source scanned, in order.
	Lists []ListSection
}

// ListSection is the result of screening one list.
type ListSection struct {
	// Code is the list's source code (OFAC-SDN, UN-SC...).
	Code string
	// Version is the list version screened against.
	Version string
	// Matched is true when the list had at least one match.
	Matched bool
	// MatchCount is the number of matches; it may exceed len(Matches)
	// when the screening's limit cut the list short.
	MatchCount int
	// Matches are the matches, best first.
	Matches []Match
}

// Match is one listed entity that matched the subject.
type Match struct {
	// EntityID is the listed entity's stable ID (ofac-sdn:36).
	EntityID string
	// Name is the entity's primary name; Transliteration is its Latin
	// transliteration when Name is not in Latin script.
	Name            string
	Transliteration string
	// MatchedName is the listed name that matched (possibly an alias);
	// MatchedTransliteration is its Latin transliteration.
	MatchedName            string
	MatchedTransliteration string
	// NameKind says which kind of name matched (primary, alias...).
	NameKind string
	// Type is the entity type (person, organization, vessel...).
	Type string
	// Score is the confidence, in [0,1].
	Score float64
	// Programs are the sanctions programmes or regimes.
	Programs []string
	// BirthDates, Nationalities and Identifiers are the entity's details
	// as display strings.
	BirthDates    []string
	Nationalities []string
	Identifiers   []string
	// Explanation explains the score, one line per factor.
	Explanation []string
}
