package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/store"
)

// Renderer renders a report document to bytes, as pdf.Render does. The
// runner takes it from the host rather than importing a renderer, so that
// importing the engine does not compile one.
type Renderer func(report.Document) ([]byte, error)

// ReportStore is what StoredReport needs of a store; every store.Store
// has it.
type ReportStore interface {
	GetAnalysis(ctx context.Context, tenant, runID string) (store.Analysis, error)
	GetReport(ctx context.Context, tenant, runID, mode string) (store.Report, error)
	PutReport(ctx context.Context, r store.Report) (store.Report, error)
}

// StoredReport returns the report of a settled run in a mode (resumido or
// completo): the one st holds or, the first time, one rendered from the
// run's stored analysis (ReportDocument) and stored. Reports are
// immutable per (tenant, run, mode): every later call returns the stored
// bytes, byte for byte, whatever happened to the run since (a sign-off
// recorded after the first report does not show in it) and whichever
// renderer it passes. created reports whether this call stored the
// report; when calls race, one stores and every one returns the stored
// report.
//
// run is the run as the caller loaded it for its tenant; the report is
// kept under run.Tenant. It is the logic behind the HTTP API's report
// routes and `sieve report`. Errors: ErrRunNotSettled for a run still
// queued or running, ErrNoAnalysis for one that settled without an
// analysis, report.ErrInvalidMode for another mode, ErrInvalidRequest
// without a renderer; store and renderer errors are returned wrapped.
func StoredReport(ctx context.Context, st ReportStore, run store.Run, mode report.Mode, render Renderer) (rep store.Report, created bool, err error) {
	if mode != report.ModeSummary && mode != report.ModeComplete {
		return store.Report{}, false, fmt.Errorf("runner: report of run %s: %w: %q (want resumido or completo)", run.ID, report.ErrInvalidMode, mode)
	}
	if render == nil {
		return store.Report{}, false, fmt.Errorf("%w: a report needs a renderer", ErrInvalidRequest)
	}
	if !Settled(run.Status) {
		return store.Report{}, false, fmt.Errorf("%w: run %s is %s", ErrRunNotSettled, run.ID, run.Status)
	}
	rep, err = st.GetReport(ctx, run.Tenant, run.ID, string(mode))
	if err == nil {
		return rep, false, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return store.Report{}, false, fmt.Errorf("runner: %w", err)
	}
	sa, err := st.GetAnalysis(ctx, run.Tenant, run.ID)
	if errors.Is(err, store.ErrNotFound) {
		return store.Report{}, false, fmt.Errorf("%w: run %s ended %s", ErrNoAnalysis, run.ID, run.Status)
	}
	if err != nil {
		return store.Report{}, false, fmt.Errorf("runner: %w", err)
	}
	a, err := decodeAnalysis(run.ID, sa.Body)
	if err != nil {
		return store.Report{}, false, err
	}
	doc, err := ReportDocument(run, a, mode)
	if err != nil {
		return store.Report{}, false, err
	}
	pdf, err := render(doc)
	if err != nil {
		return store.Report{}, false, fmt.Errorf("runner: rendering the %s report of run %s: %w", mode, run.ID, err)
	}
	rep, err = st.PutReport(ctx, store.Report{Tenant: run.Tenant, RunID: run.ID, Mode: string(mode), PDF: pdf})
	if errors.Is(err, store.ErrConflict) {
		// Another call stored this report meanwhile: return that one.
		if rep, err = st.GetReport(ctx, run.Tenant, run.ID, string(mode)); err != nil {
			return store.Report{}, false, fmt.Errorf("runner: %w", err)
		}
		return rep, false, nil
	}
	if err != nil {
		return store.Report{}, false, fmt.Errorf("runner: %w", err)
	}
	return rep, true, nil
}

// Report is StoredReport for the tenant's run in the runner's store.
func (r *Runner) Report(ctx context.Context, tenant, id string, mode report.Mode, render Renderer) (rep store.Report, created bool, err error) {
	run, err := r.Get(ctx, tenant, id)
	if err != nil {
		return store.Report{}, false, err
	}
	return StoredReport(ctx, r.st, run, mode, render)
}

// decodeAnalysis decodes a stored analysis body.
func decodeAnalysis(runID string, body []byte) (*Analysis, error) {
	var a Analysis
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fmt.Errorf("runner: stored analysis of %s: %w", runID, err)
	}
	return &a, nil
}
