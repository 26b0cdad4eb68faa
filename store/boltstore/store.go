package boltstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Store is a store.Store in one bbolt file. It is safe for concurrent use;
// see the package documentation.
type Store struct {
	db  *bolt.DB
	now func() time.Time
}

var _ store.Store = (*Store)(nil)

// Open opens the store at path, creating the file (mode 0600) when it does
// not exist, and brings its schema up to date. Only one process may hold a
// store open: when another does, Open waits up to Options.Timeout and then
// fails with an error wrapping store.ErrLocked. A file that is not a Sieve
// store fails with ErrNotStore; one written by a newer Sieve with a
// *SchemaError (ErrUnsupportedSchema).
func Open(path string, opts Options) (*Store, error) {
	return open(path, opts, migrations)
}

func open(path string, opts Options, migs []migration) (*Store, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:      opts.Timeout,
		NoSync:       opts.NoSync,
		FreelistType: bolt.FreelistMapType,
	})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("boltstore: open %s: %w (waited %v)", path, store.ErrLocked, opts.Timeout)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, fmt.Errorf("boltstore: open %s: %w: %w", path, ErrNotStore, err)
	case err != nil:
		return nil, fmt.Errorf("boltstore: open %s: %w", path, err)
	}
	// Batched writes (runs, exports) wait at most this long for company:
	// long enough to share an fsync among concurrent writers, short enough
	// not to dominate a lone request's latency (bolt's default is 10 ms).
	db.MaxBatchDelay = 2 * time.Millisecond
	if err := db.Update(func(tx *bolt.Tx) error { return migrate(tx, path, migs) }); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return &Store{db: db, now: opts.Now}, nil
}

// Close closes the store's file, waiting for transactions in flight. Later
// calls fail with store.ErrClosed; closing again returns nil.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("boltstore: close: %w", err)
	}
	return nil
}

// Path returns the store's file.
func (s *Store) Path() string { return s.db.Path() }

// view runs fn in one read-only transaction.
func (s *Store) view(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return wrap(op, s.db.View(fn))
}

// update runs fn in one read-write transaction; it commits when fn returns
// nil and rolls back otherwise.
func (s *Store) update(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return wrap(op, s.db.Update(fn))
}

// batch is update for the hot run writes: concurrent calls are combined
// into one transaction and one fsync (bolt's Batch), which is what lets
// many workers finish runs per second. fn may run more than once (bolt
// retries a batch's functions one by one when one fails), so it must set
// every variable it writes on every run.
func (s *Store) batch(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return wrap(op, s.db.Batch(fn))
}

// clock returns the store's time in UTC.
func (s *Store) clock() time.Time { return s.now().UTC() }

// wrap names the operation in err; context errors are returned as is, and a
// closed database becomes store.ErrClosed.
func wrap(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return fmt.Errorf("boltstore: %s: %w", op, store.ErrClosed)
	}
	return fmt.Errorf("boltstore: %s: %w", op, err)
}

// ctxEvery is how many entries a scan visits between context checks.
const ctxEvery = 256
