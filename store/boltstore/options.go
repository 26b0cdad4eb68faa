package boltstore

import (
	"errors"
	"fmt"
	"time"
)

// DefaultTimeout is how long Open waits for another process to release the
// file when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Second

// Options configure Open. The zero value means defaults throughout.
type Options struct {
	// Timeout bounds how long Open waits for the file lock another process
	// holds (DefaultTimeout). Open then fails with an error wrapping
	// store.ErrLocked instead of hanging.
	Timeout time.Duration `json:"timeout"`
	// NoSync skips fsync after each commit. A crash may then lose or
	// corrupt recent writes: use it for benchmarks and throwaway stores
	// only.
	NoSync bool `json:"no_sync"`
	// Now is the clock that stamps records and ages idempotency keys
	// (time.Now).
	Now func() time.Time `json:"-"`
}

// Validate reports every problem of the options, joined; each wraps
// ErrInvalidOptions.
func (o Options) Validate() error {
	var errs []error
	if o.Timeout < 0 {
		errs = append(errs, fmt.Errorf("boltstore: %w: negative timeout %v", ErrInvalidOptions, o.Timeout))
	}
	return errors.Join(errs...)
}

func (o Options) withDefaults() Options {
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}
