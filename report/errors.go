package report

import (
	"errors"
	"fmt"
)

// Sentinel errors. Test them with errors.Is.
var (
	// ErrInvalidMode means a report mode is not one of resumido, completo
	// or export.
	ErrInvalidMode = errors.New("report: invalid mode")
	// ErrInvalidDocument means a Document failed validation. Every problem
	// Validate finds is a *FieldError wrapping it.
	ErrInvalidDocument = errors.New("report: invalid document")
)

// FieldError is one problem Validate found in a Document: the path of the
// field (for example "sources[0].lists[1].matches[2].score") and what is
// wrong with it. It unwraps to ErrInvalidDocument.
type FieldError struct {
	// Field is the path of the offending field, in JSON-like notation.
	Field string
	// Problem says what is wrong, in words.
	Problem string
}

// Error implements error.
func (e *FieldError) Error() string {
	return fmt.Sprintf("%v: %s: %s", ErrInvalidDocument, e.Field, e.Problem)
}

// Unwrap returns ErrInvalidDocument.
func (e *FieldError) Unwrap() error { return ErrInvalidDocument }
