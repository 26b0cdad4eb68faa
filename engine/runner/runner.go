package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// Metadata limits of a submission.
const (
	MaxMetadataKeys     = 10
	MaxMetadataValueLen = 500
	MaxMetadataKeyLen   = 64
)

// Runner executes template runs. See the package documentation.
type Runner struct {
	eng       *engine.Engine
	st        store.Store
	templates *Templates
	opts      Options

	mu       sync.Mutex
	started  bool
	closing  bool
	queue    chan runRef
	cancel   context.CancelFunc
	workers  sync.WaitGroup
	janitor  sync.WaitGroup // the report purge of retention.go
	inflight map[runRef]context.CancelFunc
	changed  map[runRef]chan struct{}
}

// runRef names a run.
type runRef struct{ tenant, id string }

// New returns a runner over an engine (for screening sources; it may be
// nil when no template screens), a store and the templates it may run.
func New(eng *engine.Engine, st store.Store, templates *Templates, opts Options) (*Runner, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if st == nil || templates == nil {
		return nil, fmt.Errorf("%w: store and templates are required", ErrInvalidOptions)
	}
	o := opts.withDefaults()
	for _, t := range templates.All() {
		for _, s := range t.Sources() {
			if s.Kind == rules.SourceCustom && s.Custom != nil && !o.Sandbox {
				// Outside the sandbox every custom source must be registered.
				if _, ok := o.Custom[s.Custom.Name]; !ok {
					return nil, fmt.Errorf("%w: %q (template %s)", ErrUnknownCustomSource, s.Custom.Name, t.ID())
				}
			}
			if s.Kind == rules.SourceScreening && eng == nil && !o.Sandbox {
				return nil, fmt.Errorf("%w: template %s screens lists but no engine was given", ErrInvalidOptions, t.ID())
			}
		}
	}
	return &Runner{eng: eng, st: st, templates: templates, opts: o,
		inflight: map[runRef]context.CancelFunc{}, changed: map[runRef]chan struct{}{}}, nil
}

// Start launches the workers and resumes every run the store holds as
// queued or running (runs accepted before a crash or an unfinished Close).
// Unless Options.ReportRetention is negative, it also purges the reports
// older than the retention, at once and then daily until Close.
func (r *Runner) Start(ctx context.Context) error {
	r.mu.Lock()
	if r.started {
		r.mu.Unlock()
		return nil
	}
	wctx, cancel := context.WithCancel(context.Background())
	r.started, r.closing, r.cancel = true, false, cancel
	r.queue = make(chan runRef, r.opts.QueueSize)
	r.mu.Unlock()
	for range r.opts.Workers {
		r.workers.Add(1)
		go r.work(wctx)
	}
	if r.opts.ReportRetention > 0 {
		r.janitor.Add(1)
		go r.retainReports(wctx)
	}
	pending, err := r.st.PendingRuns(ctx)
	if err != nil {
		return fmt.Errorf("runner: resuming runs: %w", err)
	}
	for _, run := range pending {
		r.opts.Logger.Info("runner: resuming run", "run", run.ID, "tenant", run.Tenant, "status", run.Status.String())
		r.enqueue(runRef{run.Tenant, run.ID})
	}
	return nil
}

// Close stops accepting runs and waits until the runs in flight finish or
// ctx ends; runs still queued or running stay persisted and are resumed by
// the next Start.
func (r *Runner) Close(ctx context.Context) error {
	r.mu.Lock()
	if !r.started || r.closing {
		r.mu.Unlock()
		return nil
	}
	r.closing = true
	close(r.queue)
	r.mu.Unlock()
	done := make(chan struct{})
	go func() { r.workers.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		r.cancel() // abandon: the runs stay active in the store
		<-done
	}
	r.mu.Lock()
	r.started = false
	r.cancel()
	r.mu.Unlock()
	r.janitor.Wait()
	return ctx.Err()
}

// enqueue hands a run to the workers without blocking the caller.
func (r *Runner) enqueue(ref runRef) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.started || r.closing {
		return // persisted as queued: the next Start resumes it
	}
	select {
	case r.queue <- ref:
	default:
		q := r.queue
		r.workers.Add(1)
		go func() {
			defer r.workers.Done()
			defer func() { _ = recover() }() // the queue closed meanwhile: Start resumes the run
			q <- ref
		}()
	}
}

// SubmitRequest is a run to create.
type SubmitRequest struct {
	Tenant     string            `json:"-"`
	TemplateID string            `json:"template_id"`
	Params     map[string]any    `json:"parametros"`
	ExternalID string            `json:"external_id,omitempty"`
	Metadata   map[string]string `json:"metadata,omitempty"`
	// IdempotencyKey returns the original run for a repeated request with
	// the same key within 24 hours (store.IdempotencyWindow).
	IdempotencyKey string `json:"-"`
}

// Submission is the answer to a submission.
type Submission struct {
	RunID            string          `json:"run_id"`
	Status           store.RunStatus `json:"status"`
	EstimatedSeconds int             `json:"estimated_seconds"`
	Live             bool            `json:"live"`
	// Created is false when an idempotent retry returned the original run.
	Created bool      `json:"-"`
	Run     store.Run `json:"-"`
}

// Submit validates a request, persists the run as queued and hands it to
// the workers. Nothing is persisted when validation fails.
func (r *Runner) Submit(ctx context.Context, req SubmitRequest) (Submission, error) {
	var errs []error
	if !store.ValidID(req.Tenant) {
		errs = append(errs, fmt.Errorf("%w: tenant %q", ErrInvalidRequest, req.Tenant))
	}
	if req.ExternalID != "" && (!utf8.ValidString(req.ExternalID) || len(req.ExternalID) > store.MaxIDLen) {
		errs = append(errs, fmt.Errorf("%w: external_id longer than %d bytes or not UTF-8", ErrInvalidRequest, store.MaxIDLen))
	}
	if len(req.Metadata) > MaxMetadataKeys {
		errs = append(errs, fmt.Errorf("%w: metadata has %d keys, at most %d", ErrInvalidRequest, len(req.Metadata), MaxMetadataKeys))
	}
	for k, v := range req.Metadata {
		if k == "" || len(k) > MaxMetadataKeyLen {
			errs = append(errs, fmt.Errorf("%w: metadata key %q empty or longer than %d", ErrInvalidRequest, k, MaxMetadataKeyLen))
		}
		if utf8.RuneCountInString(v) > MaxMetadataValueLen {
			errs = append(errs, fmt.Errorf("%w: metadata %q value longer than %d characters", ErrInvalidRequest, k, MaxMetadataValueLen))
		}
	}
	t, err := r.templates.Published(req.TemplateID)
	if err != nil {
		errs = append(errs, err)
	} else if _, err := t.NormalizeSubject(req.Params); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return Submission{}, err
	}
	hash, err := requestHash(req)
	if err != nil {
		return Submission{}, err
	}
	run := store.Run{
		ID: r.opts.NewID(), Tenant: req.Tenant, TemplateID: t.ID(), TemplateVersion: t.Version(),
		Params: req.Params, ExternalID: req.ExternalID, Metadata: req.Metadata,
		IdempotencyKey: req.IdempotencyKey, Live: !r.opts.Sandbox, CreatedAt: r.opts.Now().UTC(),
		Status: store.StatusQueued, EstimatedSeconds: int(math.Ceil(t.EstimatedDuration().Seconds())),
	}
	if req.IdempotencyKey != "" {
		run.RequestHash = hash
	}
	stored, created, err := r.st.CreateRun(ctx, run)
	if err != nil {
		return Submission{}, fmt.Errorf("runner: %w", err)
	}
	if created {
		r.enqueue(runRef{stored.Tenant, stored.ID})
	}
	return Submission{RunID: stored.ID, Status: stored.Status, EstimatedSeconds: stored.EstimatedSeconds,
		Live: stored.Live, Created: created, Run: stored}, nil
}

// requestHash is the SHA-256 of the request's canonical JSON (map keys
// sorted by encoding/json).
func requestHash(req SubmitRequest) (string, error) {
	b, err := json.Marshal(struct {
		TemplateID string            `json:"template_id"`
		Params     map[string]any    `json:"parametros"`
		ExternalID string            `json:"external_id"`
		Metadata   map[string]string `json:"metadata"`
	}{req.TemplateID, req.Params, req.ExternalID, req.Metadata})
	if err != nil {
		return "", fmt.Errorf("%w: parameters are not JSON: %w", ErrInvalidRequest, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Get returns the tenant's run.
func (r *Runner) Get(ctx context.Context, tenant, id string) (store.Run, error) {
	run, err := r.st.GetRun(ctx, tenant, id)
	if err != nil {
		return store.Run{}, fmt.Errorf("runner: %w", err)
	}
	return run, nil
}

// List returns a page of the tenant's runs, newest first.
func (r *Runner) List(ctx context.Context, tenant string, f store.ListFilter) ([]store.Run, string, error) {
	page, next, err := r.st.ListRuns(ctx, tenant, f)
	if err != nil {
		return nil, "", fmt.Errorf("runner: %w", err)
	}
	return page, next, nil
}

// Analysis returns the stored analysis of a finished run (store.ErrNotFound
// before the run finished).
func (r *Runner) Analysis(ctx context.Context, tenant, id string) (*Analysis, error) {
	a, err := r.st.GetAnalysis(ctx, tenant, id)
	if err != nil {
		return nil, fmt.Errorf("runner: %w", err)
	}
	return decodeAnalysis(id, a.Body)
}

// Settled reports whether a run will not change without a person acting:
// a terminal status, or in review awaiting sign-off.
func Settled(s store.RunStatus) bool { return s.Terminal() || s == store.StatusInReview }

// Wait blocks until the run is settled (see Settled) or ctx ends, and
// returns the run as last seen. It is what long polling is built on.
func (r *Runner) Wait(ctx context.Context, tenant, id string) (store.Run, error) {
	ref := runRef{tenant, id}
	for {
		ch := r.watch(ref)
		run, err := r.Get(ctx, tenant, id)
		if err != nil || Settled(run.Status) {
			return run, err
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return run, ctx.Err()
		case <-time.After(time.Second): // another process may own the run
		}
	}
}

// watch returns a channel closed at the run's next status change.
func (r *Runner) watch(ref runRef) <-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	ch, ok := r.changed[ref]
	if !ok {
		ch = make(chan struct{})
		r.changed[ref] = ch
	}
	return ch
}

// notify wakes the waiters of a run.
func (r *Runner) notify(ref runRef) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ch, ok := r.changed[ref]; ok {
		close(ch)
		delete(r.changed, ref)
	}
}

// Cancel cancels a queued, running or in-review run. A run already
// finished is a store.ErrConflict error.
func (r *Runner) Cancel(ctx context.Context, tenant, id string) (store.Run, error) {
	ref := runRef{tenant, id}
	for range 5 {
		run, err := r.Get(ctx, tenant, id)
		if err != nil {
			return run, err
		}
		if run.Status.Terminal() {
			return run, fmt.Errorf("runner: %w: run %s is already %s", store.ErrConflict, id, run.Status)
		}
		r.mu.Lock()
		stop, running := r.inflight[ref]
		r.mu.Unlock()
		if running {
			stop() // the worker records the cancellation
			return r.Wait(ctx, tenant, id)
		}
		run.Status, run.CompletedAt = store.StatusCancelled, r.opts.Now().UTC()
		run.Error = "cancelled on request"
		updated, err := r.st.UpdateRun(ctx, run)
		if errors.Is(err, store.ErrConflict) {
			continue // raced with a worker; look again
		}
		if err == nil {
			r.notify(ref)
		}
		return updated, err
	}
	return store.Run{}, fmt.Errorf("runner: %w: run %s kept changing", store.ErrConflict, id)
}

// SignOffRequest is an analyst's decision on a run in review.
type SignOffRequest struct {
	Analyst string
	// Decision is rules.DecisionApproved or rules.DecisionRejected.
	Decision rules.Decision
	Note     string
}

// SignOff records an analyst's decision on a run in em_analise and
// completes it: the run's operative decision becomes the analyst's.
func (r *Runner) SignOff(ctx context.Context, tenant, id string, req SignOffRequest) (store.Run, error) {
	if req.Analyst == "" || (req.Decision != rules.DecisionApproved && req.Decision != rules.DecisionRejected) {
		return store.Run{}, fmt.Errorf("%w: sign-off needs an analyst and an approved or rejected decision", ErrInvalidRequest)
	}
	run, err := r.Get(ctx, tenant, id)
	if err != nil {
		return run, err
	}
	if run.Status != store.StatusInReview {
		return run, fmt.Errorf("%w: run %s is %s", ErrNotInReview, id, run.Status)
	}
	now := r.opts.Now().UTC()
	run.SignOff = store.SignOff{Analyst: req.Analyst, Decision: req.Decision.String(), Note: req.Note, At: now}
	run.OperativeDecision = req.Decision.Operative().String()
	run.Status, run.CompletedAt = store.StatusCompleted, now
	updated, err := r.st.UpdateRun(ctx, run)
	if err != nil {
		return updated, fmt.Errorf("runner: %w", err)
	}
	r.notify(runRef{tenant, id})
	return updated, nil
}
