// Package store defines what Sieve persists and the interface a storage
// backend implements: runs, their analyses, rendered reports, tenants and
// API keys, and KYC export jobs.
//
// The package holds the record types, the [Store] interface (composed of
// the small [RunStore], [AnalysisStore], [ReportStore], [KeyStore] and
// [ExportStore]), the sentinel errors, and the rules every implementation
// shares: record validation, the run lifecycle ([RunStatus.CanTransitionTo],
// [ApplyUpdate]) and the opaque listing cursor ([EncodeCursor],
// [DecodeCursor]). It imports only the standard library. The bbolt
// implementation is package store/boltstore; package store/storetest is the
// conformance suite every implementation must pass.
//
// # Records
//
// Records are plain, JSON-serialisable values with UTC times. A zero time
// means "not set". Run parameters, external IDs and metadata may hold
// personal data: [Run.LogValue] leaves them out.
//
// # Tenancy
//
// Every record belongs to one tenant, and every read names the tenant
// asking. A record of another tenant is reported as [ErrNotFound], exactly
// as a record that does not exist, so a tenant never learns of another's
// records. Only [KeyStore.APIKeyByHash], which authenticates a request
// before its tenant is known, [RunStore.PendingRuns], which a host calls
// at start-up, and [KeyStore.ListAPIKeys] with an empty tenant, an
// operator's listing, cross tenants.
//
// # Idempotency and revisions
//
// A run created with an idempotency key is created once per tenant and key
// within [IdempotencyWindow]: a retry with the same request hash returns
// the original run, a reuse with a different one is a
// [*IdempotencyConflictError]. Runs carry a Revision; an update made from a
// stale copy fails with [ErrConflict], so two workers can never both
// advance one run. Analyses, reports and export jobs are written once:
// writing identical bytes again is a no-op, different bytes a conflict.
//
// # Concurrency
//
// Implementations of [Store] are safe for concurrent use by multiple
// goroutines. Each method is atomic: it sees and leaves the store in a
// consistent state, and the idempotency check and insert of
// [RunStore.CreateRun] happen in one step. The record values returned are
// the caller's to modify.
//
// # Errors
//
// Errors about records, lookups and the store's state wrap one of the
// sentinels in errors.go — [ErrNotFound], [ErrConflict], [ErrInvalidRecord],
// [ErrInvalidValue], [ErrInvalidFilter], [ErrInvalidCursor], [ErrClosed],
// [ErrLocked] — and a cancelled context's error is returned as is. The typed
// errors [*RecordError], [*IdempotencyConflictError] and [*TransitionError]
// carry the details; reach them with errors.As. Any other error is a failure
// of the storage underneath (I/O, corruption): a host answers it as an
// internal error.
package store
