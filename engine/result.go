package engine

import "github.com/sievekyc/sieve/lists"

// Result is the outcome of one Screen: a ListResult for every list scanned,
// in the order of lists.Sources().
type Result struct {
	Lists []ListResult `json:"lists"`
	// Matched is true when any list matched.
	Matched bool `json:"matched"`
	// MatchCount is the total number of matches over all lists.
	MatchCount int `json:"match_count"`
	// Threshold is the threshold applied.
	Threshold float64 `json:"threshold"`
	// Fingerprint identifies the options and scorer (Options.Fingerprint).
	Fingerprint string `json:"fingerprint"`
}

// ListResult is the outcome for one list.
type ListResult struct {
	Source lists.Source `json:"source"`
	// Version is the list version screened against (lists.List.Version).
	Version    string  `json:"version"`
	Matched    bool    `json:"matched"`
	MatchCount int     `json:"match_count"`
	Matches    []Match `json:"matches"`
}

// Match is one listed entity that scored at or above the threshold.
type Match struct {
	EntityID string           `json:"entity_id"`
	Source   lists.Source     `json:"source"`
	Type     lists.EntityType `json:"type"`
	// Name is the listed name that matched best (possibly an alias);
	// NameKind says which kind of name it is.
	Name     string         `json:"name"`
	NameKind lists.NameKind `json:"name_kind"`
	// PrimaryName is the entity's primary name.
	PrimaryName string `json:"primary_name"`
	// Score is the confidence in [0,1].
	Score float64 `json:"score"`
	// Factors explain the score: the name factor first, then every
	// attribute that raised or lowered it.
	Factors []Factor `json:"factors"`
	// Entity is the full listed record.
	Entity *lists.Entity `json:"entity,omitempty"`
}

// FactorKind names what a Factor is about.
type FactorKind string

// The factor kinds.
const (
	FactorName       FactorKind = "name"
	FactorNameKind   FactorKind = "name_kind"
	FactorBirthDate  FactorKind = "birth_date"
	FactorCountry    FactorKind = "country"
	FactorIdentifier FactorKind = "identifier"
	FactorType       FactorKind = "type"
)

// Factor is one piece of a score's explanation.
type Factor struct {
	Kind FactorKind `json:"kind"`
	// Effect is the score change the factor caused (negative lowers it);
	// for the name factor it is the name score itself.
	Effect float64 `json:"effect"`
	// Evidence says in words what was compared.
	Evidence string `json:"evidence"`
	// Tokens, on the name factor, pair query tokens with listed tokens.
	Tokens []TokenMatch `json:"tokens,omitempty"`
}

// TokenMatch says which query token met which listed token, how, and how
// strongly. Listed is empty for a query token that met nothing.
type TokenMatch struct {
	Query      string  `json:"query"`
	Listed     string  `json:"listed"`
	How        string  `json:"how"`
	Similarity float64 `json:"similarity"`
}

// How values of a TokenMatch.
const (
	HowExact     = "exact"
	HowVariant   = "variant"  // same name-variant group (Mohammed/Muhammad)
	HowNickname  = "nickname" // nickname of (Bill/William)
	HowPhonetic  = "phonetic" // same phonetic key or consonant skeleton
	HowTypo      = "typo"     // edit-distance similar
	HowInitial   = "initial"  // an initial met a token with that letter
	HowJoined    = "joined"   // one token met two adjacent tokens joined
	HowLegalForm = "legal_form"
	HowMissing   = "missing"
)
