package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/sievekyc/sieve/lists"
)

// Query is one screening request.
type Query struct {
	// Name is required: a person's or organization's name in any script.
	Name string `json:"name"`
	// Type restricts nothing but scores: a known type that conflicts with
	// the listed entity's type lowers the score. TypeUnknown means any.
	Type lists.EntityType `json:"type"`
	// BirthDate is the subject's date of birth, full or partial.
	BirthDate lists.PartialDate `json:"birth_date,omitzero"`
	// Country is a nationality, citizenship or country of residence, as an
	// ISO 3166 alpha-2 code or a country name.
	Country string `json:"country,omitempty"`
	// Document is a passport, national ID, tax ID, IMO or other number.
	Document string `json:"document,omitempty"`
	// Lists restricts the search to these sources; empty means all loaded.
	Lists []lists.Source `json:"lists,omitempty"`
	// Threshold overrides the engine's threshold when non-zero.
	Threshold float64 `json:"threshold,omitempty"`
	// Limit overrides the engine's per-list match limit when non-zero.
	Limit int `json:"limit,omitempty"`
}

// LogValue logs a hash of the subject, never the name or document: queries
// are personal data.
func (q Query) LogValue() slog.Value {
	h := sha256.Sum256([]byte(q.Name + "\x00" + q.Document + "\x00" + q.BirthDate.String()))
	return slog.GroupValue(
		slog.String("subject", hex.EncodeToString(h[:6])),
		slog.String("type", q.Type.String()),
		slog.Int("lists", len(q.Lists)),
	)
}

// Validate reports every problem with the query at once.
func (q Query) Validate() error {
	var errs []error
	if strings.TrimSpace(q.Name) == "" && strings.TrimSpace(q.Document) == "" {
		errs = append(errs, fmt.Errorf("%w: name is required", ErrInvalidQuery))
	}
	if len(q.Name) > 1024 {
		errs = append(errs, fmt.Errorf("%w: name longer than 1024 bytes", ErrInvalidQuery))
	}
	if q.Threshold < 0 || q.Threshold > 1 {
		errs = append(errs, fmt.Errorf("%w: threshold %v outside [0,1]", ErrInvalidQuery, q.Threshold))
	}
	if q.Limit < 0 {
		errs = append(errs, fmt.Errorf("%w: negative limit %d", ErrInvalidQuery, q.Limit))
	}
	if q.Country != "" {
		if _, ok := lists.NormalizeCountry(q.Country); !ok {
			errs = append(errs, fmt.Errorf("%w: unknown country %q", ErrInvalidQuery, q.Country))
		}
	}
	for _, s := range q.Lists {
		if s.Prefix() == "" {
			errs = append(errs, fmt.Errorf("%w: unknown list %q", ErrInvalidQuery, string(s)))
		}
	}
	return errors.Join(errs...)
}
