package boltstore

import (
	"errors"
	"fmt"
)

// Sentinel errors of this package; the errors about records, lookups and
// listings are the store package's (store.ErrNotFound, ...).
var (
	// ErrInvalidOptions means Options failed validation.
	ErrInvalidOptions = errors.New("invalid options")
	// ErrNotStore means the file is not a Sieve store: not a bbolt file,
	// a corrupted one, or a bbolt file written by another program.
	ErrNotStore = errors.New("not a sieve store")
	// ErrUnsupportedSchema means the store was written by a newer version
	// of Sieve, with a schema this version cannot read (*SchemaError).
	ErrUnsupportedSchema = errors.New("unsupported schema version")
)

// SchemaError reports a store whose schema version this version of Sieve
// cannot read. It unwraps to ErrUnsupportedSchema.
type SchemaError struct {
	// Path is the store's file.
	Path string
	// Found is the schema version in the file; Supported the newest this
	// version of Sieve reads.
	Found, Supported uint64
}

// Error names the file and both versions.
func (e *SchemaError) Error() string {
	return fmt.Sprintf("boltstore: %s: %v: the file has schema version %d, this version of Sieve reads up to %d; upgrade Sieve",
		e.Path, ErrUnsupportedSchema, e.Found, e.Supported)
}

// Unwrap returns ErrUnsupportedSchema.
func (e *SchemaError) Unwrap() error { return ErrUnsupportedSchema }
