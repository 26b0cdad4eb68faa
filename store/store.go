package store

import (
	"context"
	"time"
)

// RunStore keeps runs: creation with idempotency, optimistic updates,
// tenant-scoped listing, and the active runs to resume after a crash.
type RunStore interface {
	// CreateRun stores a new run. Status zero means StatusQueued (the only
	// status a run may be created in); a zero CreatedAt is set from the
	// store's clock; Revision is set to 1. It returns the stored run and
	// created=true.
	//
	// When run.IdempotencyKey is set and the tenant used the same key less
	// than IdempotencyWindow ago, nothing is created: CreateRun returns the
	// original run (as currently stored) and created=false if its
	// RequestHash equals run.RequestHash, and a *IdempotencyConflictError
	// (ErrConflict) otherwise. After the window the key starts a new run.
	// The check and the insert are atomic: concurrent calls with one key
	// create one run. A run ID the tenant already uses is ErrConflict.
	CreateRun(ctx context.Context, run Run) (stored Run, created bool, err error)
	// GetRun returns the tenant's run, or ErrNotFound.
	GetRun(ctx context.Context, tenant, id string) (Run, error)
	// UpdateRun stores the progress fields of run (see ApplyUpdate) if
	// run.Revision is the stored revision, and returns the stored run with
	// its new Revision. A stale revision or a status change the lifecycle
	// forbids is ErrConflict; an unknown run is ErrNotFound.
	UpdateRun(ctx context.Context, run Run) (Run, error)
	// FinishRun is UpdateRun and PutAnalysis in one atomic step, for a run
	// reaching StatusInReview or a terminal status with its analysis: either
	// both are stored or neither is. Any other status is ErrInvalidRecord.
	// The analysis's RunID and Tenant, when empty, are taken from run.
	FinishRun(ctx context.Context, run Run, analysis Analysis) (Run, error)
	// ListRuns returns one page of the tenant's runs matching f, newest
	// first (ties: highest ID first), and the cursor of the next page, ""
	// when there is none. A malformed filter is ErrInvalidFilter; a cursor
	// not issued for this tenant and filter is ErrInvalidCursor.
	ListRuns(ctx context.Context, tenant string, f ListFilter) (page []Run, next string, err error)
	// PendingRuns returns every active run (queued or running) of every
	// tenant, oldest first: the runs a host resumes after a restart.
	PendingRuns(ctx context.Context) ([]Run, error)
}

// AnalysisStore keeps one immutable analysis per run.
type AnalysisStore interface {
	// PutAnalysis stores the analysis of an existing run (ErrNotFound
	// otherwise). Storing the same Body again returns the stored analysis;
	// a different Body is ErrConflict.
	PutAnalysis(ctx context.Context, a Analysis) (Analysis, error)
	// GetAnalysis returns the analysis of the tenant's run, or ErrNotFound.
	GetAnalysis(ctx context.Context, tenant, runID string) (Analysis, error)
}

// ReportStore keeps rendered reports, immutable per (tenant, run, mode).
type ReportStore interface {
	// PutReport stores the report of an existing run (ErrNotFound
	// otherwise). Storing the same PDF again returns the stored report
	// (with its original CreatedAt); a different PDF is ErrConflict.
	PutReport(ctx context.Context, r Report) (Report, error)
	// GetReport returns the tenant's report of a run in a mode, or
	// ErrNotFound.
	GetReport(ctx context.Context, tenant, runID, mode string) (Report, error)
	// PurgeReports deletes every report created before olderThan and
	// returns how many it deleted.
	PurgeReports(ctx context.Context, olderThan time.Time) (int, error)
}

// KeyStore keeps tenants and their API keys.
type KeyStore interface {
	// PutTenant creates or replaces a tenant and returns it as stored.
	PutTenant(ctx context.Context, t Tenant) (Tenant, error)
	// GetTenant returns a tenant, or ErrNotFound.
	GetTenant(ctx context.Context, id string) (Tenant, error)
	// PutAPIKey creates or replaces a key (to revoke one, store it with
	// RevokedAt set) and returns it as stored. The tenant must exist
	// (ErrNotFound); a key may not move to another tenant, nor take a hash
	// another key has (ErrConflict).
	PutAPIKey(ctx context.Context, k APIKey) (APIKey, error)
	// GetAPIKey returns the tenant's key by ID, or ErrNotFound.
	GetAPIKey(ctx context.Context, tenant, id string) (APIKey, error)
	// APIKeyByHash returns the key whose Hash is hash (see HashAPIKey), or
	// ErrNotFound. Revoked keys are returned too: check APIKey.Revoked.
	APIKeyByHash(ctx context.Context, hash string) (APIKey, error)
	// ListAPIKeys returns the tenant's keys, revoked ones included, by ID;
	// tenant "" lists every tenant's keys, by tenant then ID (an
	// operator's listing: request paths always name a tenant). A tenant
	// without keys, unknown or not a valid ID, has an empty list, not an
	// error.
	ListAPIKeys(ctx context.Context, tenant string) ([]APIKey, error)
}

// ExportStore keeps the jobs of synchronous KYC screenings.
type ExportStore interface {
	// PutExport stores a job. Storing the same job again returns the stored
	// one; different bytes under its ID are ErrConflict.
	PutExport(ctx context.Context, j ExportJob) (ExportJob, error)
	// GetExport returns the tenant's job, or ErrNotFound.
	GetExport(ctx context.Context, tenant, id string) (ExportJob, error)
	// PurgeExports deletes every job created before olderThan and returns
	// how many it deleted.
	PurgeExports(ctx context.Context, olderThan time.Time) (int, error)
}

// Store is everything Sieve persists. Implementations are safe for
// concurrent use, and pass the conformance suite in package storetest.
type Store interface {
	RunStore
	AnalysisStore
	ReportStore
	KeyStore
	ExportStore
	// Close releases the store. Every later call fails with ErrClosed;
	// closing again returns nil.
	Close() error
}
