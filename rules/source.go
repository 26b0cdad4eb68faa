package rules

import (
	"slices"
	"time"

	"github.com/sievekyc/sieve/lists"
)

// SourceKind is what kind of check a source is.
type SourceKind uint8

// The source kinds. The zero value is invalid.
const (
	// SourceScreening searches sanctions lists for the subject's name(s).
	SourceScreening SourceKind = iota + 1
	// SourceDocument validates a document parameter.
	SourceDocument
	// SourceCustom is a check a host registers in Go under a name (a bureau
	// lookup, an internal database).
	SourceCustom
)

var sourceKindNames = []string{"", "screening", "document", "custom"}

// ParseSourceKind parses "screening", "document" or "custom".
func ParseSourceKind(s string) (SourceKind, error) {
	v, err := enumParse("source kind", sourceKindNames, s)
	return SourceKind(v), err
}

// String returns "screening", "document" or "custom".
func (k SourceKind) String() string { return enumString("SourceKind", sourceKindNames, uint8(k)) }

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (k SourceKind) MarshalText() ([]byte, error) {
	return enumMarshal("source kind", sourceKindNames, uint8(k))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (k *SourceKind) UnmarshalText(b []byte) error {
	v, err := ParseSourceKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Source tiers and durations.
const (
	// TierCritical is the tier of a critical source: when it fails, times
	// out or is skipped, the operative decision is hold.
	TierCritical = 1
	// MaxTier is the largest tier.
	MaxTier = 3
	// MaxSourceTimeout bounds a source's timeout.
	MaxSourceTimeout = 5 * time.Minute
	// MaxSources bounds the sources of a template.
	MaxSources = 32
)

// Source declares one check of a template. The run orchestrator executes
// it; rules read its SourceResult under its ID. Exactly one of Screening,
// Document and Custom is set, matching Kind.
type Source struct {
	ID          string     `json:"id"`
	Kind        SourceKind `json:"kind"`
	Description string     `json:"description,omitempty"`
	// Tier is 1 (critical) to MaxTier.
	Tier int `json:"tier"`
	// Timeout bounds the source's execution.
	Timeout time.Duration `json:"timeout"`
	// ExpectedDuration is how long the source usually takes; a run's
	// estimate is the largest over the enabled sources. It defaults to
	// Timeout.
	ExpectedDuration time.Duration `json:"expected_duration"`
	// Enabled is false for a source the template declares but does not
	// run; rules that read it are skipped. Defaults to true.
	Enabled bool `json:"enabled"`

	Screening *ScreeningSource `json:"screening,omitempty"`
	Document  *DocumentSource  `json:"document,omitempty"`
	Custom    *CustomSource    `json:"custom,omitempty"`
}

// Critical reports whether the source is tier 1.
func (s Source) Critical() bool { return s.Tier == TierCritical }

func (s Source) clone() Source {
	if s.Screening != nil {
		c := *s.Screening
		c.Lists = slices.Clone(c.Lists)
		s.Screening = &c
	}
	if s.Document != nil {
		c := *s.Document
		s.Document = &c
	}
	if s.Custom != nil {
		c := *s.Custom
		c.Fields = slices.Clone(c.Fields)
		s.Custom = &c
	}
	return s
}

// ScreeningSource is a list screening of the subject's name, or of each
// name of a string_list parameter (a company's partners). The orchestrator
// folds every name's matches into one SourceResult, with Hit.Query naming
// the screened name.
type ScreeningSource struct {
	// Lists are the lists to search; empty means every loaded list.
	Lists []lists.Source `json:"lists,omitempty"`
	// Threshold is the minimum score of a match in (0,1]; zero means the
	// engine's default.
	Threshold float64 `json:"threshold,omitempty"`
	// Limit bounds the matches per name; zero means the engine's default.
	Limit int `json:"limit,omitempty"`
	// NameParam names the string parameter holding the name; NamesParam
	// the string_list parameter holding several. Exactly one is set.
	NameParam  string `json:"name_param,omitempty"`
	NamesParam string `json:"names_param,omitempty"`
	// DOBParam names an optional date parameter holding the date of birth.
	DOBParam string `json:"dob_param,omitempty"`
	// CountryParam names an optional string parameter holding a country
	// (nationality, country of incorporation).
	CountryParam string `json:"country_param,omitempty"`
	// EntityType is the type of party searched for: person for a person
	// template by default, organization for a company template, and person
	// for partners' names.
	EntityType lists.EntityType `json:"entity_type"`
}

// DocumentSource validates the document in Param against the registered
// document Type; its result sets Valid.
type DocumentSource struct {
	Param string `json:"param"`
	Type  string `json:"type"`
}

// CustomSource is a check a host registers in Go under Name. Fields
// optionally declares the keys of its result's Data with their types, so
// rules that read them are type-checked when the template loads; without
// Fields, Data is an untyped map.
type CustomSource struct {
	Name   string      `json:"name"`
	Fields []DataField `json:"fields,omitempty"`
}

// DataField is one declared key of a custom source's data.
type DataField struct {
	Name string    `json:"name"`
	Type ParamType `json:"type"`
}
