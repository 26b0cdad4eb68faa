package engine

import "errors"

// Sentinel errors. Test them with errors.Is.
var (
	// ErrInvalidQuery means a Query failed validation (no name, a threshold
	// outside [0,1], an unknown list).
	ErrInvalidQuery = errors.New("engine: invalid query")
	// ErrInvalidOptions means Options failed validation.
	ErrInvalidOptions = errors.New("engine: invalid options")
	// ErrNoLists means the engine has no lists loaded.
	ErrNoLists = errors.New("engine: no lists loaded")
	// ErrDuplicateSource means Reload was given two lists of one source.
	ErrDuplicateSource = errors.New("engine: duplicate list source")
)
