package httpapi

import (
	"errors"
	"net/http"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/store"
)

// healthz answers 200 while the process serves requests.
func (h *handler) healthz(w http.ResponseWriter, r *http.Request, _ principal) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// readyView is the answer to GET /readyz.
type readyView struct {
	Status   string            `json:"status"`
	Lists    []engine.ListInfo `json:"lists"`
	Entities int               `json:"entities"`
	Store    string            `json:"store"`
}

// readyProbeTenant is the tenant the readiness probe looks up: any answer
// but ErrNotFound means the store cannot serve.
const readyProbeTenant = "sieve-readiness-probe"

// readyz answers 200 when lists are loaded and the store answers, 503
// otherwise, saying which check failed.
func (h *handler) readyz(w http.ResponseWriter, r *http.Request, _ principal) error {
	stats := h.eng.Stats()
	v := readyView{Status: "ready", Lists: stats.Lists, Entities: stats.Entities, Store: "ok"}
	if v.Lists == nil {
		v.Lists = []engine.ListInfo{}
	}
	status := http.StatusOK
	if len(stats.Lists) == 0 {
		v.Status, status = "not_ready", http.StatusServiceUnavailable
	}
	if _, err := h.st.GetTenant(r.Context(), readyProbeTenant); err != nil && !errors.Is(err, store.ErrNotFound) {
		v.Status, v.Store, status = "not_ready", "unavailable", http.StatusServiceUnavailable
	}
	writeJSON(w, status, v)
	return nil
}
