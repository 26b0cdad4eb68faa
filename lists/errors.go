package lists

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors wrapped by every *ParseError. Test them with errors.Is.
var (
	// ErrSyntax means the bytes are not well-formed for the format (bad CSV
	// quoting, broken XML, a truncated zip container).
	ErrSyntax = errors.New("syntax error")
	// ErrMissingField means a field the format requires is absent or empty.
	ErrMissingField = errors.New("missing required field")
	// ErrInvalidValue means a field is present but its value cannot be used
	// (an ent_num that is not a number, a type code nobody defined).
	ErrInvalidValue = errors.New("invalid value")
	// ErrUnknownFormat means the content is not any format this package reads.
	ErrUnknownFormat = errors.New("unknown list format")
	// ErrEmpty means the input held no entities at all.
	ErrEmpty = errors.New("list holds no entities")
	// ErrTooLarge means the input exceeded a size limit.
	ErrTooLarge = errors.New("input too large")
)

// ParseError is a positioned parse failure, in the manner of encoding/csv's
// ParseError. Source names the input (a file name when known, else the
// format); Line is 1-based and zero when the format has no lines worth
// naming; Element is the XML element path or the spreadsheet cell; Field
// names the column, attribute or child that was wrong.
type ParseError struct {
	Source  string
	Line    int
	Element string
	Field   string
	Err     error
}

// Error renders the position and the cause, for example
// `OFAC-SDN sdn.csv: line 12, field "ent_num": invalid value: "x1"`.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	sep := ": "
	if e.Line > 0 {
		fmt.Fprintf(&b, "%sline %d", sep, e.Line)
		sep = ", "
	}
	if e.Element != "" {
		fmt.Fprintf(&b, "%selement %s", sep, e.Element)
		sep = ", "
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "%sfield %q", sep, e.Field)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the cause, so errors.Is(err, ErrSyntax) works.
func (e *ParseError) Unwrap() error { return e.Err }

// valueError wraps ErrInvalidValue with the offending value quoted.
func valueError(value string) error {
	if len(value) > 80 {
		value = value[:80] + "…"
	}
	return fmt.Errorf("%w: %q", ErrInvalidValue, value)
}
