package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
)

// DefaultThreshold is the score at or above which a candidate is reported as
// a match. It was chosen from the evaluation over testdata/eval (see
// README, "Accuracy"): it is the highest threshold that keeps recall at or
// above 0.98 on the dev set, which also keeps the false-positive rate on
// negatives under 2%.
const DefaultThreshold = 0.80

// scorerVersion changes whenever scoring changes in a way that can move a
// score; it is part of the options fingerprint so that recorded decisions
// name the scorer that made them.
const scorerVersion = "6"

// Weights are the attribute adjustments applied after the name score. Zero
// values mean "default"; see DefaultWeights.
type Weights struct {
	// DOBExact is added (scaled by the room left below 1) when the query's
	// full date of birth equals a listed one.
	DOBExact float64 `json:"dob_exact"`
	// DOBYear is added the same way when only the years agree.
	DOBYear float64 `json:"dob_year"`
	// DOBConflict multiplies the score when every listed date of birth
	// conflicts with the query's by more than a year.
	DOBConflict float64 `json:"dob_conflict"`
	// CountryMatch is added when the query country is among the entity's
	// nationalities, citizenships or address countries.
	CountryMatch float64 `json:"country_match"`
	// CountryConflict multiplies the score when the entity lists
	// nationalities and none agrees with the query country.
	CountryConflict float64 `json:"country_conflict"`
	// TypeConflict multiplies the score when the query type and the entity
	// type are both known and differ (person vs organization).
	TypeConflict float64 `json:"type_conflict"`
	// IdentifierMatch is the share of the remaining distance to 1 added when
	// the query's document number equals a listed identifier.
	IdentifierMatch float64 `json:"identifier_match"`
	// WeakAlias multiplies the score of a match through a low-quality alias.
	WeakAlias float64 `json:"weak_alias"`
}

// DefaultWeights returns the weights used when Options.Weights is zero.
func DefaultWeights() Weights {
	return Weights{
		DOBExact:        0.5,
		DOBYear:         0.2,
		DOBConflict:     0.88,
		CountryMatch:    0.2,
		CountryConflict: 0.95,
		TypeConflict:    0.85,
		IdentifierMatch: 0.8,
		WeakAlias:       0.95,
	}
}

// Options configure an Engine. The zero value means defaults throughout.
// Options are JSON-serialisable; their Fingerprint is recorded on every
// result so a decision names the thresholds and weights behind it.
type Options struct {
	// Threshold is the default match threshold in [0,1] (DefaultThreshold).
	Threshold float64 `json:"threshold"`
	// Limit is the default number of matches kept per list (10).
	Limit int `json:"limit"`
	// MaxCandidates bounds how many distinct listed names are fully scored
	// per query (48); a name that normalizes alike on several lists counts
	// once. Raising it trades speed for recall on very common names.
	MaxCandidates int `json:"max_candidates"`
	// Weights are the attribute adjustments (DefaultWeights).
	Weights Weights `json:"weights"`
	// Logger receives index build summaries; discarded when nil.
	Logger *slog.Logger `json:"-"`
}

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.Limit == 0 {
		o.Limit = 10
	}
	if o.MaxCandidates == 0 {
		o.MaxCandidates = 48
	}
	if o.Weights == (Weights{}) {
		o.Weights = DefaultWeights()
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Validate reports every problem with the options at once.
func (o Options) Validate() error {
	var errs []error
	if o.Threshold < 0 || o.Threshold > 1 {
		errs = append(errs, fmt.Errorf("%w: threshold %v outside [0,1]", ErrInvalidOptions, o.Threshold))
	}
	if o.Limit < 0 {
		errs = append(errs, fmt.Errorf("%w: negative limit %d", ErrInvalidOptions, o.Limit))
	}
	if o.MaxCandidates < 0 {
		errs = append(errs, fmt.Errorf("%w: negative max_candidates %d", ErrInvalidOptions, o.MaxCandidates))
	}
	w := o.Weights
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"dob_exact", w.DOBExact}, {"dob_year", w.DOBYear}, {"dob_conflict", w.DOBConflict},
		{"country_match", w.CountryMatch}, {"country_conflict", w.CountryConflict},
		{"type_conflict", w.TypeConflict}, {"identifier_match", w.IdentifierMatch},
		{"weak_alias", w.WeakAlias},
	} {
		if f.v < 0 || f.v > 1 {
			errs = append(errs, fmt.Errorf("%w: weight %s %v outside [0,1]", ErrInvalidOptions, f.name, f.v))
		}
	}
	return errors.Join(errs...)
}

// Fingerprint is a short hash of the effective options and the scorer
// version: two results with the same fingerprint were scored alike.
func (o Options) Fingerprint() string {
	o = o.withDefaults()
	b, _ := json.Marshal(struct {
		Options
		Scorer string `json:"scorer"`
	}{o, scorerVersion})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}
