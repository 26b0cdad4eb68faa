package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/store"
)

// Long-polling bounds of GET .../analysis (seconds).
const (
	minWaitSeconds     = 10
	maxWaitSeconds     = 300
	defaultWaitSeconds = 120
)

// analysisView is the 200 answer of GET .../analysis: an envelope, the
// run's metadata and the analysis itself.
type analysisView struct {
	Meta     analysisMeta      `json:"meta"`
	Metadata map[string]string `json:"metadata"`
	Analysis *runner.Analysis  `json:"analysis"`
}

// analysisMeta describes the answer: which run, where it stands now (the
// analysis records the status the run finished in; a signed-off run has
// moved on to completed since).
type analysisMeta struct {
	RunID           string       `json:"run_id"`
	Status          string       `json:"status"`
	TemplateID      string       `json:"template_id"`
	TemplateVersion int          `json:"template_version"`
	Live            bool         `json:"live"`
	Environment     string       `json:"environment"`
	CreatedAt       time.Time    `json:"created_at"`
	CompletedAt     *time.Time   `json:"completed_at"`
	SignOff         *signOffView `json:"sign_off,omitempty"`
}

// getAnalysis answers a run's analysis. With waitForReport=true it holds
// the request until the run settles or timeoutSeconds (10–300, default 120)
// pass, bound to the request's context; a run that has not settled by then
// is answered 202 like GET /runs/{id}.
func (h *handler) getAnalysis(w http.ResponseWriter, r *http.Request, p principal) error {
	wait, timeout, err := waitParams(r)
	if err != nil {
		return err
	}
	run, err := h.run(r, p)
	if err != nil {
		return err
	}
	if !runner.Settled(run.Status) && wait {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		run, err = h.runs.Wait(ctx, p.Tenant, run.ID)
		cancel()
		if err != nil && (r.Context().Err() != nil || !errors.Is(err, context.DeadlineExceeded)) {
			return err
		}
	}
	if !runner.Settled(run.Status) {
		v := newRunView(run, run.Status.String())
		v.RetryAfterSeconds = retryAfterSeconds(run, h.opts.Now())
		w.Header().Set("Retry-After", strconv.Itoa(v.RetryAfterSeconds))
		writeJSON(w, http.StatusAccepted, v)
		return nil
	}
	a, err := h.runs.Analysis(r.Context(), p.Tenant, run.ID)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w: the run ended %s: %s", ErrAnalysisUnavailable, run.Status, run.Error)
	}
	if err != nil {
		return err
	}
	v := analysisView{Metadata: run.Metadata, Analysis: a, Meta: analysisMeta{RunID: run.ID, Status: run.Status.String(),
		TemplateID: run.TemplateID, TemplateVersion: run.TemplateVersion, Live: run.Live, Environment: environment(run.Live),
		CreatedAt: run.CreatedAt, CompletedAt: optionalTime(run.CompletedAt)}}
	if v.Metadata == nil {
		v.Metadata = map[string]string{}
	}
	if !run.SignOff.IsZero() {
		v.Meta.SignOff = &signOffView{Analyst: run.SignOff.Analyst, Decision: run.SignOff.Decision, Note: run.SignOff.Note, At: run.SignOff.At}
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// waitParams parses waitForReport and timeoutSeconds.
func waitParams(r *http.Request) (bool, time.Duration, error) {
	q, err := queryParams(r.URL.RawQuery, "waitForReport", "timeoutSeconds")
	if err != nil {
		return false, 0, err
	}
	wait := false
	if s := q.Get("waitForReport"); s != "" {
		if wait, err = strconv.ParseBool(s); err != nil {
			return false, 0, fmt.Errorf("%w: waitForReport must be true or false", ErrInvalidParameter)
		}
	}
	secs := defaultWaitSeconds
	if s := q.Get("timeoutSeconds"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < minWaitSeconds || n > maxWaitSeconds {
			return false, 0, fmt.Errorf("%w: timeoutSeconds must be an integer from %d to %d", ErrInvalidParameter, minWaitSeconds, maxWaitSeconds)
		}
		secs = n
	}
	return wait, time.Duration(secs) * time.Second, nil
}
