package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/report"
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
// immutably (runner.StoredReport): 201 the first time, 200 with the
// stored report afterwards (the same bytes, whatever happened to the run
// since).
func (h *handler) createReport(w http.ResponseWriter, r *http.Request, p principal) error {
	mode, err := reportMode(r)
	if err != nil {
		return err
	}
	run, err := h.settledRun(r, p)
	if err != nil {
		return err
	}
	rep, created, err := runner.StoredReport(r.Context(), h.st, run, mode, h.opts.Render)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
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
