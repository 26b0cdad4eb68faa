package httpapi

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/store"
)

// getRun answers one run: 200 once it has settled (a terminal status, or
// em_analise awaiting sign-off), else 202 with a polling hint in
// retry_after_seconds and Retry-After.
func (h *handler) getRun(w http.ResponseWriter, r *http.Request, p principal) error {
	if _, err := queryParams(r.URL.RawQuery); err != nil {
		return err
	}
	run, err := h.run(r, p)
	if err != nil {
		return err
	}
	v := newRunView(run, run.Status.String())
	status := http.StatusOK
	if !runner.Settled(run.Status) {
		status = http.StatusAccepted
		v.RetryAfterSeconds = retryAfterSeconds(run, h.opts.Now())
		w.Header().Set("Retry-After", strconv.Itoa(v.RetryAfterSeconds))
	}
	writeJSON(w, status, v)
	return nil
}

// run loads the run named by the path's {id} for the principal's tenant;
// another tenant's run is store.ErrNotFound, like a missing one.
func (h *handler) run(r *http.Request, p principal) (store.Run, error) {
	id := r.PathValue("id")
	if !store.ValidID(id) {
		return store.Run{}, fmt.Errorf("run %q: %w", id, store.ErrNotFound)
	}
	return h.runs.Get(r.Context(), p.Tenant, id)
}
