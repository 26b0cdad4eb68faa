package store

import (
	"fmt"
	"strings"
)

// RunStatus is where a run stands in its lifecycle. Its zero value is
// invalid, so a forgotten field never reads as a real status.
//
// A run is created StatusQueued, moves to StatusRunning when a worker picks
// it up, and finishes StatusCompleted, StatusFailed, StatusPartial or
// StatusCancelled, or StatusInReview when its decision awaits an analyst's
// sign-off. See CanTransitionTo for the moves a store accepts.
type RunStatus uint8

// The run statuses. Their numeric values are persisted by implementations:
// never renumber them, only append.
const (
	// StatusQueued: accepted, waiting for a worker. The bureau API lists it
	// as "pending" (see WireName).
	StatusQueued RunStatus = iota + 1
	// StatusRunning: a worker is executing the run's sources.
	StatusRunning
	// StatusInReview ("em_analise"): executed, decision "review", waiting
	// for an analyst's sign-off.
	StatusInReview
	// StatusCompleted: executed, every source answered.
	StatusCompleted
	// StatusFailed: the run could not be executed.
	StatusFailed
	// StatusPartial: executed, but some sources did not answer.
	StatusPartial
	// StatusCancelled ("cancelado"): cancelled before it finished.
	StatusCancelled
)

var statusNames = [...]string{"", "queued", "running", "em_analise", "completed", "failed", "partial", "cancelado"}

// wirePending is the bureau API's name for StatusQueued in run listings.
const wirePending = "pending"

// ParseRunStatus parses a status by its canonical name: "queued", "running",
// "em_analise", "completed", "failed", "partial" or "cancelado". Unknown
// names are an error wrapping ErrInvalidValue.
func ParseRunStatus(s string) (RunStatus, error) {
	for i := 1; i < len(statusNames); i++ {
		if statusNames[i] == s {
			return RunStatus(i), nil
		}
	}
	return 0, fmt.Errorf("store: %w: run status %q (want one of %s)",
		ErrInvalidValue, s, strings.Join(statusNames[1:], ", "))
}

// ParseWireStatus parses a status as the bureau API spells it in run
// listings and their status filter: "pending" means StatusQueued; every
// canonical name ParseRunStatus accepts is accepted too.
func ParseWireStatus(s string) (RunStatus, error) {
	if s == wirePending {
		return StatusQueued, nil
	}
	return ParseRunStatus(s)
}

// String returns the canonical name ("queued", "em_analise", ...), or
// "RunStatus(n)" for an invalid value.
func (s RunStatus) String() string {
	if !s.valid() {
		return fmt.Sprintf("RunStatus(%d)", uint8(s))
	}
	return statusNames[s]
}

// WireName returns the name the bureau API's run listing uses: "pending"
// for StatusQueued, the canonical name otherwise. Creation responses use
// String ("queued").
func (s RunStatus) WireName() string {
	if s == StatusQueued {
		return wirePending
	}
	return s.String()
}

// MarshalText implements encoding.TextMarshaler with the canonical name; it
// rejects invalid values.
func (s RunStatus) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("store: %w: run status %d", ErrInvalidValue, uint8(s))
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the
// canonical names only and rejects unknown ones.
func (s *RunStatus) UnmarshalText(b []byte) error {
	v, err := ParseRunStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Active reports whether the run still needs a worker: queued or running.
// Active runs are the ones a host resumes after a crash (Store.PendingRuns).
func (s RunStatus) Active() bool { return s == StatusQueued || s == StatusRunning }

// Terminal reports whether the run is finished for good: completed, failed,
// partial or cancelled. A terminal run is never modified again.
// StatusInReview is neither active nor terminal: it waits for a person.
func (s RunStatus) Terminal() bool {
	switch s {
	case StatusCompleted, StatusFailed, StatusPartial, StatusCancelled:
		return true
	}
	return false
}

// CanTransitionTo reports whether a run in status s may be updated to
// status next:
//
//	queued     → queued, running, failed, cancelado
//	running    → queued (requeued after a crash), running, em_analise,
//	             completed, failed, partial, cancelado
//	em_analise → em_analise, completed (signed off), cancelado
//	completed, failed, partial, cancelado → nothing
func (s RunStatus) CanTransitionTo(next RunStatus) bool {
	if !next.valid() {
		return false
	}
	switch s {
	case StatusQueued:
		return next == StatusQueued || next == StatusRunning || next == StatusFailed || next == StatusCancelled
	case StatusRunning:
		return true
	case StatusInReview:
		return next == StatusInReview || next == StatusCompleted || next == StatusCancelled
	}
	return false
}

func (s RunStatus) valid() bool { return s >= StatusQueued && int(s) < len(statusNames) }
