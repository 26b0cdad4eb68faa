package store

import (
	"errors"
	"fmt"
	"math"
	"time"
	"unicode"
	"unicode/utf8"
)

// Bounds on record fields. Identifiers are used inside implementations'
// composite keys, so they may not contain control characters (in particular
// the NUL byte).
const (
	// MaxIDLen bounds IDs, tenants, template IDs and hashes, in bytes.
	MaxIDLen = 128
	// MaxExternalIDLen bounds Run.ExternalID and Run.IdempotencyKey, in
	// bytes.
	MaxExternalIDLen = 256
	// MaxMetadataKeys bounds the number of Run.Metadata pairs.
	MaxMetadataKeys = 10
	// MaxMetadataKeyLen bounds a metadata key, in characters.
	MaxMetadataKeyLen = 100
	// MaxMetadataValueLen bounds a metadata value, in characters.
	MaxMetadataValueLen = 500
	// MaxModeLen bounds Report.Mode and the short strings of a Run
	// (decision, operative decision, risk band), in bytes.
	MaxModeLen = 32
)

// The range of times a store can index: what fits in int64 Unix nanoseconds
// (years 1678 to 2262).
var (
	minTime = time.Unix(0, math.MinInt64).UTC()
	maxTime = time.Unix(0, math.MaxInt64).UTC()
)

// checker collects every broken invariant of one record.
type checker struct {
	record string
	errs   []error
}

func (c *checker) fail(field, format string, args ...any) {
	c.errs = append(c.errs, &RecordError{Record: c.record, Field: field, Reason: fmt.Sprintf(format, args...)})
}

// id checks a required identifier.
func (c *checker) id(field, v string, max int) {
	if v == "" {
		c.fail(field, "required")
		return
	}
	c.optionalID(field, v, max)
}

// optionalID checks an identifier that may be empty.
func (c *checker) optionalID(field, v string, max int) {
	switch {
	case len(v) > max:
		c.fail(field, "%d bytes, at most %d", len(v), max)
	case !utf8.ValidString(v):
		c.fail(field, "not valid UTF-8")
	case hasControl(v):
		c.fail(field, "contains a control character")
	}
}

// text checks free text: valid UTF-8 of at most max characters (0: no
// bound).
func (c *checker) text(field, v string, max int) {
	if !utf8.ValidString(v) {
		c.fail(field, "not valid UTF-8")
		return
	}
	if n := utf8.RuneCountInString(v); max > 0 && n > max {
		c.fail(field, "%d characters, at most %d", n, max)
	}
}

// time checks that t is set (when required) and indexable.
func (c *checker) time(field string, t time.Time, required bool) {
	if t.IsZero() {
		if required {
			c.fail(field, "required")
		}
		return
	}
	if t.Before(minTime) || t.After(maxTime) {
		c.fail(field, "outside the years 1678 to 2262")
	}
}

func (c *checker) nonNegative(field string, n int) {
	if n < 0 {
		c.fail(field, "negative")
	}
}

func (c *checker) err() error { return errors.Join(c.errs...) }

func hasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// ValidID reports whether s can be an ID, a tenant or a template ID: 1 to
// MaxIDLen bytes of UTF-8 without control characters. Implementations use
// it to refuse lookups that could never match (answering ErrNotFound);
// adapters may use it to reject malformed path parameters early.
func ValidID(s string) bool { return validKey(s, MaxIDLen) }

// validKey reports whether s is a valid required identifier of at most max
// bytes.
func validKey(s string, max int) bool {
	return s != "" && len(s) <= max && utf8.ValidString(s) && !hasControl(s)
}

// utc returns t in UTC without a monotonic reading; the zero time stays
// zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// isHexSHA256 reports whether s is 64 lowercase hexadecimal digits.
func isHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}
