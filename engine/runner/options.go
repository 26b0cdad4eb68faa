package runner

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// CustomSource executes a host-registered source for a subject. It must
// honour ctx: the runner cancels it at the source's timeout.
type CustomSource func(ctx context.Context, subject rules.Subject) (rules.SourceResult, error)

// Options configure a Runner. Zero values mean defaults.
type Options struct {
	// Workers is how many runs execute at once (32). Sources of one run
	// execute concurrently besides.
	Workers int
	// QueueSize bounds the runs waiting for a worker (4096); a full queue
	// still accepts runs (they are persisted) and picks them up as workers
	// free up.
	QueueSize int
	// Sandbox makes every source return a deterministic simulated result
	// (SandboxResult) and marks runs live=false.
	Sandbox bool
	// Custom are the host's custom sources by name.
	Custom map[string]CustomSource
	// Now is the clock (time.Now).
	Now func() time.Time
	// NewID returns a new run ID (random "run_" + 24 hex digits).
	NewID func() string
	// Logger receives run lifecycle events; subjects are logged hashed.
	Logger *slog.Logger
	// ReportRetention is how long stored reports are kept
	// (store.DefaultReportRetention, 90 days). A started runner deletes
	// the reports older than that when it starts and then daily until it
	// closes (PurgeReports); a negative value keeps them until the host
	// purges them.
	ReportRetention time.Duration
}

func (o Options) withDefaults() Options {
	if o.Workers == 0 {
		o.Workers = 32
	}
	if o.QueueSize == 0 {
		o.QueueSize = 4096
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.NewID == nil {
		o.NewID = newRunID
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.ReportRetention == 0 {
		o.ReportRetention = store.DefaultReportRetention
	}
	return o
}

// Validate reports every problem at once.
func (o Options) Validate() error {
	var errs []error
	if o.Workers < 0 {
		errs = append(errs, fmt.Errorf("%w: negative workers %d", ErrInvalidOptions, o.Workers))
	}
	if o.QueueSize < 0 {
		errs = append(errs, fmt.Errorf("%w: negative queue size %d", ErrInvalidOptions, o.QueueSize))
	}
	for name, f := range o.Custom {
		if f == nil {
			errs = append(errs, fmt.Errorf("%w: custom source %q is nil", ErrInvalidOptions, name))
		}
	}
	return errors.Join(errs...)
}

func newRunID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return "run_" + hex.EncodeToString(b[:])
}
