package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// reportView is the answer to POST .../report: the stored report and a
// signed URL to download it.
type reportView struct {
	RunID     string    `json:"run_id"`
	Mode      string    `json:"mode"`
	SHA256    string    `json:"sha256"`
	SizeBytes int       `json:"size_bytes"`
	CreatedAt time.Time `json:"created_at"`
	URL       string    `json:"url"`
	ExpiresAt time.Time `json:"expires_at"`
}

// createReport renders a settled run's report in a mode and stores it
// immutably: 201 the first time, 200 with the stored report afterwards
// (the same bytes, whatever happened to the run since).
func (h *handler) createReport(w http.ResponseWriter, r *http.Request, p principal) error {
	mode, err := reportMode(r)
	if err != nil {
		return err
	}
	run, err := h.settledRun(r, p)
	if err != nil {
		return err
	}
	status := http.StatusOK
	rep, err := h.st.GetReport(r.Context(), p.Tenant, run.ID, string(mode))
	if errors.Is(err, store.ErrNotFound) {
		status = http.StatusCreated
		rep, err = h.renderReport(r.Context(), run, mode)
		if errors.Is(err, store.ErrConflict) {
			// Another request stored this report meanwhile: answer it.
			status = http.StatusOK
			rep, err = h.st.GetReport(r.Context(), p.Tenant, run.ID, string(mode))
		}
	}
	if err != nil {
		return err
	}
	token, exp := h.signer.sign(object{Tenant: p.Tenant, Kind: objectReport, ID: run.ID, Mode: string(mode)})
	u := h.fileURL(r, token)
	w.Header().Set("Location", u)
	writeJSON(w, status, reportView{RunID: run.ID, Mode: rep.Mode, SHA256: rep.SHA256, SizeBytes: len(rep.PDF),
		CreatedAt: rep.CreatedAt, URL: u, ExpiresAt: exp})
	return nil
}

// getReport redirects (302) to a signed URL of a report generated before.
func (h *handler) getReport(w http.ResponseWriter, r *http.Request, p principal) error {
	mode, err := reportMode(r)
	if err != nil {
		return err
	}
	run, err := h.settledRun(r, p)
	if err != nil {
		return err
	}
	if _, err := h.st.GetReport(r.Context(), p.Tenant, run.ID, string(mode)); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("%w: run %s, mode %s", ErrReportNotGenerated, run.ID, mode)
		}
		return err
	}
	token, _ := h.signer.sign(object{Tenant: p.Tenant, Kind: objectReport, ID: run.ID, Mode: string(mode)})
	http.Redirect(w, r, h.fileURL(r, token), http.StatusFound)
	return nil
}

// reportMode parses ?mode=, resumido or completo.
func reportMode(r *http.Request) (report.Mode, error) {
	q, err := queryParams(r.URL.RawQuery, "mode")
	if err != nil {
		return "", err
	}
	m, err := report.ParseMode(q.Get("mode"))
	if err != nil || m == report.ModeExport {
		return "", ErrInvalidMode
	}
	return m, nil
}

// settledRun loads the path's run and requires it to have settled.
func (h *handler) settledRun(r *http.Request, p principal) (store.Run, error) {
	run, err := h.run(r, p)
	if err != nil {
		return run, err
	}
	if !runner.Settled(run.Status) {
		return run, fmt.Errorf("%w: run %s is %s", ErrRunNotSettled, run.ID, run.Status)
	}
	return run, nil
}

// renderReport renders and stores a run's report.
func (h *handler) renderReport(ctx context.Context, run store.Run, mode report.Mode) (store.Report, error) {
	a, err := h.runs.Analysis(ctx, run.Tenant, run.ID)
	if errors.Is(err, store.ErrNotFound) {
		return store.Report{}, fmt.Errorf("%w: the run ended %s", ErrAnalysisUnavailable, run.Status)
	}
	if err != nil {
		return store.Report{}, err
	}
	doc := runDocument(run, a, mode, h.hitDetails(ctx))
	pdf, err := h.opts.Render(doc)
	if err != nil {
		return store.Report{}, fmt.Errorf("httpapi: rendering report %s/%s: %w", run.ID, mode, err)
	}
	return h.st.PutReport(ctx, store.Report{Tenant: run.Tenant, RunID: run.ID, Mode: string(mode), PDF: pdf})
}

// hitDetails completes a run's hits from the engine: the listed entity's
// details and the name comparison's explanation. It does so only while
// the engine holds the very list version the run screened, so a report
// never shows a record that changed since; sandbox hits name no listed
// entity and stay as recorded.
func (h *handler) hitDetails(ctx context.Context) hitDetails {
	loaded := map[string]string{}
	for _, l := range h.eng.Stats().Lists {
		loaded[string(l.Source)] = l.Version
	}
	return func(hit rules.Hit, version string) (report.Match, bool) {
		if version == "" || loaded[hit.List] != version || hit.Query == "" {
			return report.Match{}, false
		}
		res, err := h.eng.Screen(ctx, engine.Query{Name: hit.Query, Lists: []lists.Source{lists.Source(hit.List)},
			Threshold: 0.3, Limit: 100})
		if err != nil {
			return report.Match{}, false
		}
		for _, l := range res.Lists {
			for _, m := range l.Matches {
				if m.EntityID == hit.EntityID {
					note := "score " + strconv.FormatFloat(hit.Score, 'f', 3, 64) +
						" at run time; the name comparison below was recomputed for this report"
					return engineMatch(m, note), true
				}
			}
		}
		return report.Match{}, false
	}
}
