package store

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error a Store returns about a record, a lookup or
// its own state wraps one of them; test with errors.Is, and use errors.As to
// reach the typed errors below.
var (
	// ErrNotFound means the record does not exist for the tenant asking. A
	// record that belongs to another tenant is reported the same way, so a
	// tenant can never learn that another tenant's record exists.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the write contradicts what is stored: an idempotency
	// key reused with a different request (*IdempotencyConflictError), a
	// stale Run.Revision, a status change the run's lifecycle forbids
	// (*TransitionError), an ID already taken, or different bytes for an
	// immutable report, analysis or export.
	ErrConflict = errors.New("conflict")
	// ErrInvalidRecord means a record breaks an invariant of its type: a
	// missing ID, a field too long, an out-of-range number (*RecordError).
	ErrInvalidRecord = errors.New("invalid record")
	// ErrInvalidValue means a text form names no known value of an
	// enumeration (a run status "done").
	ErrInvalidValue = errors.New("invalid value")
	// ErrInvalidFilter means a ListFilter is malformed: a limit outside
	// 0–MaxListLimit, an invalid status, CreatedAfter later than
	// CreatedBefore.
	ErrInvalidFilter = errors.New("invalid list filter")
	// ErrInvalidCursor means a listing cursor was not produced by this
	// listing: it is malformed, edited, or was issued for another tenant or
	// another filter.
	ErrInvalidCursor = errors.New("invalid cursor")
	// ErrClosed means the store was used after Close.
	ErrClosed = errors.New("store closed")
	// ErrLocked means the store's data is held by another process and could
	// not be opened within the configured timeout.
	ErrLocked = errors.New("store locked by another process")
)

// RecordError is one broken invariant of a record. Validate methods join one
// RecordError per problem with errors.Join, so a caller sees every problem
// at once. It unwraps to ErrInvalidRecord.
type RecordError struct {
	// Record names the record type: "run", "analysis", "report", "tenant",
	// "api key", "export".
	Record string
	// Field is the JSON name of the offending field, for example
	// "metadata" or "template_id".
	Field string
	// Reason says what is wrong, without echoing the value: records hold
	// personal data.
	Reason string
}

// Error renders "store: invalid run: field: reason".
func (e *RecordError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "store: invalid %s", e.Record)
	if e.Field != "" {
		fmt.Fprintf(&b, ": %s", e.Field)
	}
	fmt.Fprintf(&b, ": %s", e.Reason)
	return b.String()
}

// Unwrap returns ErrInvalidRecord.
func (e *RecordError) Unwrap() error { return ErrInvalidRecord }

// IdempotencyConflictError reports an idempotency key that a tenant already
// used, within IdempotencyWindow, for a request with a different body. It
// unwraps to ErrConflict.
type IdempotencyConflictError struct {
	// Key is the idempotency key.
	Key string
	// RunID is the run the key already names.
	RunID string
}

// Error renders the key and the run it names.
func (e *IdempotencyConflictError) Error() string {
	return fmt.Sprintf("store: %v: idempotency key %q already names run %q, created from a different request",
		ErrConflict, e.Key, e.RunID)
}

// Unwrap returns ErrConflict.
func (e *IdempotencyConflictError) Unwrap() error { return ErrConflict }

// TransitionError reports a status change that a run's lifecycle forbids,
// such as moving a completed run back to running. It unwraps to ErrConflict.
type TransitionError struct {
	// RunID is the run's ID.
	RunID string
	// From is the stored status; To the status asked for.
	From, To RunStatus
}

// Error renders the run and both statuses.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("store: %v: run %q cannot move from %s to %s", ErrConflict, e.RunID, e.From, e.To)
}

// Unwrap returns ErrConflict.
func (e *TransitionError) Unwrap() error { return ErrConflict }
