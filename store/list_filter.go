package store

import (
	"errors"
	"fmt"
	"time"
)

// Listing page sizes.
const (
	// DefaultListLimit is the page size when ListFilter.Limit is 0.
	DefaultListLimit = 20
	// MaxListLimit is the largest page size.
	MaxListLimit = 100
)

// ListFilter selects and pages a tenant's runs. Its zero value lists the
// newest DefaultListLimit runs. Every set field must match.
type ListFilter struct {
	// Status keeps runs in this status; zero means any.
	Status RunStatus
	// TemplateID keeps runs of this template; empty means any.
	TemplateID string
	// ExternalID keeps runs with this external ID; empty means any.
	ExternalID string
	// CreatedAfter keeps runs created at or after it; zero means no bound.
	CreatedAfter time.Time
	// CreatedBefore keeps runs created at or before it; zero means no
	// bound.
	CreatedBefore time.Time
	// Limit is the page size, 1 to MaxListLimit; 0 means
	// DefaultListLimit.
	Limit int
	// Cursor continues a listing: the next cursor a previous page returned
	// for the same tenant and filter. Empty starts from the newest run.
	Cursor string
}

// Validate reports every problem of the filter, joined; each wraps
// ErrInvalidFilter. It does not decode Cursor (see DecodeCursor).
func (f ListFilter) Validate() error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("store: %w: %s", ErrInvalidFilter, fmt.Sprintf(format, args...)))
	}
	if f.Limit < 0 || f.Limit > MaxListLimit {
		fail("limit %d outside 1–%d", f.Limit, MaxListLimit)
	}
	if f.Status != 0 && !f.Status.valid() {
		fail("invalid status %d", uint8(f.Status))
	}
	if len(f.TemplateID) > MaxIDLen {
		fail("template_id longer than %d bytes", MaxIDLen)
	}
	if len(f.ExternalID) > MaxExternalIDLen {
		fail("external_id longer than %d bytes", MaxExternalIDLen)
	}
	for _, b := range []struct {
		name string
		t    time.Time
	}{{"created_after", f.CreatedAfter}, {"created_before", f.CreatedBefore}} {
		if !b.t.IsZero() && (b.t.Before(minTime) || b.t.After(maxTime)) {
			fail("%s outside the years 1678 to 2262", b.name)
		}
	}
	if !f.CreatedAfter.IsZero() && !f.CreatedBefore.IsZero() && f.CreatedAfter.After(f.CreatedBefore) {
		fail("created_after is later than created_before")
	}
	return errors.Join(errs...)
}

// PageSize returns Limit, or DefaultListLimit when Limit is 0.
func (f ListFilter) PageSize() int {
	if f.Limit == 0 {
		return DefaultListLimit
	}
	return f.Limit
}

// Match reports whether r passes every set field of the filter (Cursor and
// Limit aside). It reads only Status, TemplateID, ExternalID and CreatedAt.
func (f ListFilter) Match(r Run) bool {
	switch {
	case f.Status != 0 && r.Status != f.Status,
		f.TemplateID != "" && r.TemplateID != f.TemplateID,
		f.ExternalID != "" && r.ExternalID != f.ExternalID,
		!f.CreatedAfter.IsZero() && r.CreatedAt.Before(f.CreatedAfter),
		!f.CreatedBefore.IsZero() && r.CreatedAt.After(f.CreatedBefore):
		return false
	}
	return true
}
