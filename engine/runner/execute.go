package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// work executes queued runs until the queue closes.
func (r *Runner) work(ctx context.Context) {
	defer r.workers.Done()
	for ref := range r.queue {
		if ctx.Err() != nil {
			continue // abandoned by Close: stays active in the store
		}
		if err := r.execute(ctx, ref); err != nil {
			r.opts.Logger.Error("runner: run failed to execute", "run", ref.id, "tenant", ref.tenant, "err", err)
		}
	}
}

// execute runs one run from queued (or running, after a crash) to its
// final status.
func (r *Runner) execute(ctx context.Context, ref runRef) error {
	run, err := r.st.GetRun(ctx, ref.tenant, ref.id)
	if err != nil {
		return err
	}
	if !run.Status.Active() {
		return nil // cancelled or finished meanwhile
	}
	run.Status, run.StartedAt = store.StatusRunning, r.opts.Now().UTC()
	run.Attempts++
	if run, err = r.st.UpdateRun(ctx, run); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return nil // cancelled meanwhile
		}
		return err
	}
	r.notify(ref)

	runCtx, stop := context.WithCancel(ctx)
	r.mu.Lock()
	r.inflight[ref] = stop
	r.mu.Unlock()
	defer func() {
		stop()
		r.mu.Lock()
		delete(r.inflight, ref)
		r.mu.Unlock()
	}()

	t, err := r.templates.Version(run.TemplateID, run.TemplateVersion)
	if err != nil {
		return r.fail(ctx, run, err)
	}
	a, err := r.Execute(runCtx, t, run)
	switch {
	case ctx.Err() != nil:
		return nil // the runner is closing: the run stays running and resumes at Start
	case runCtx.Err() != nil:
		run.Status, run.Error = store.StatusCancelled, "cancelled on request"
		run.CompletedAt = r.opts.Now().UTC()
		_, err := r.st.UpdateRun(ctx, run)
		r.notify(ref)
		return err
	case err != nil:
		return r.fail(ctx, run, err)
	}
	body, err := json.Marshal(a)
	if err != nil {
		return r.fail(ctx, run, err)
	}
	run.Status = a.Status
	run.Error = a.Error
	run.Decision, run.OperativeDecision = a.Decision.String(), a.OperativeDecision.String()
	run.RiskScore, run.RiskBand = a.Risk.Score, a.Risk.Band.String()
	run.CompletedAt = a.CompletedAt
	if _, err := r.st.FinishRun(ctx, run, store.Analysis{Body: body, CreatedAt: a.CompletedAt}); err != nil {
		return err
	}
	r.notify(ref)
	r.opts.Logger.Info("runner: run finished", "run", run.ID, "tenant", run.Tenant, "status", run.Status.String(),
		"decision", run.Decision, "operative", run.OperativeDecision)
	return nil
}

// fail records a run that could not be executed.
func (r *Runner) fail(ctx context.Context, run store.Run, cause error) error {
	run.Status, run.Error = store.StatusFailed, cause.Error()
	run.CompletedAt = r.opts.Now().UTC()
	_, err := r.st.UpdateRun(ctx, run)
	r.notify(runRef{run.Tenant, run.ID})
	return errors.Join(cause, err)
}

// Execute runs a template for a stored run's subject without touching the
// store: the sources concurrently, then the rules, and returns the
// analysis. Workers call it; so does `sieve run` for a local run.
func (r *Runner) Execute(ctx context.Context, t *rules.Template, run store.Run) (*Analysis, error) {
	subject, err := t.NormalizeSubject(run.Params)
	if err != nil {
		return nil, err
	}
	started := r.opts.Now().UTC()
	execs := r.executeSources(ctx, t, subject)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	results := make(map[string]rules.SourceResult, len(execs))
	for _, x := range execs {
		results[x.ID] = x.Result
	}
	evaluated := r.opts.Now().UTC()
	eval, err := rules.Evaluate(ctx, t, subject, results, rules.WithAsOf(run.CreatedAt), rules.WithClock(r.opts.Now))
	if err != nil {
		return nil, fmt.Errorf("evaluating %s v%d: %w", t.ID(), t.Version(), err)
	}
	return buildAnalysis(t, run, subject, execs, eval, timing{started, evaluated, r.opts.Now().UTC()}), nil
}

// sourceExecution is one source's execution: when it started and what it
// produced.
type sourceExecution struct {
	ID      string
	Source  rules.Source
	Started time.Time
	sourceOutput
}

// sourceOutput is what a source produced: the result rules read and, for
// screenings, what reports need besides.
type sourceOutput struct {
	Result rules.SourceResult
	// ListVersions are the list versions a screening ran against.
	ListVersions []ListVersion
	// Threshold and Fingerprint are the screening's threshold and engine
	// options fingerprint.
	Threshold   float64
	Fingerprint string
	// HitDetails are the matched entities' details and score
	// explanations, one per hit.
	HitDetails []HitDetail
}
