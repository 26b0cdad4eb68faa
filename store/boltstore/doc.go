// Package boltstore is the store.Store implementation on bbolt: every
// record of a Sieve host in one file, opened by one process at a time.
//
// # Layout
//
// Each record kind has its bucket, keyed by tenant and ID joined with a NUL
// byte (IDs never contain one). Values are JSON, except analysis bodies and
// report PDFs, which are kept as raw bytes in buckets of their own. Index
// buckets serve the queries: runs by tenant and creation time (with a small
// summary of status, template and external ID, so listings filter without
// decoding runs), idempotency keys by tenant, active runs by creation time
// (for store.RunStore.PendingRuns), reports and exports by creation time
// (for purges), and API keys by hash. Times in keys are Unix nanoseconds
// with the sign bit flipped, big-endian, so byte order is time order.
//
// The file records its schema version in a meta bucket. Open migrates an
// older file forward in the same transaction that opens it, and refuses a
// file written by a newer Sieve ([SchemaError]) or by another program
// ([ErrNotStore]).
//
// # Concurrency
//
// A [Store] is safe for concurrent use by multiple goroutines. Every method
// is a single bbolt transaction: reads run in parallel, writes one at a
// time, and each method sees and leaves the file consistent — in
// particular the idempotency check and the insert of CreateRun are one
// transaction, so concurrent requests with one key create one run. Values
// are copied out of the transaction before a method returns. Writes are
// fsynced before they return unless [Options].NoSync is set.
//
// Only one process can open a file: bbolt holds an exclusive lock on it.
// Open waits [Options].Timeout (two seconds by default) for the lock and
// then fails with an error wrapping store.ErrLocked.
//
// # Errors
//
// Methods return the store package's errors (store.ErrNotFound,
// store.ErrConflict, store.ErrInvalidRecord, store.ErrInvalidCursor, ...),
// wrapped with the operation's name, and store.ErrClosed after Close; a
// cancelled context's error is returned as is. Open adds store.ErrLocked,
// [ErrInvalidOptions], [ErrNotStore] and [ErrUnsupportedSchema].
package boltstore
