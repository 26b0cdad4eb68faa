package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/store"
)

// submitBody is the body of POST /api/v1/bureau/runs. template_id and
// parametros are kept raw so that a wrong type gets its own wire code
// (missing_template_id, invalid_parametros) instead of a generic one.
type submitBody struct {
	TemplateID json.RawMessage   `json:"template_id"`
	Parametros json.RawMessage   `json:"parametros"`
	ExternalID string            `json:"external_id"`
	Metadata   map[string]string `json:"metadata"`
}

// submitView is the 202 answer to a run creation.
type submitView struct {
	RunID            string    `json:"run_id"`
	Status           string    `json:"status"`
	EstimatedSeconds int       `json:"estimated_seconds"`
	Live             bool      `json:"live"`
	CreatedAt        time.Time `json:"created_at"`
}

// submitRun creates a run: 202 with the run's ID, also for an idempotent
// retry (marked with the Idempotent-Replayed header).
func (h *handler) submitRun(w http.ResponseWriter, r *http.Request, p principal) error {
	var body submitBody
	if err := decodeJSON(r, h.opts.MaxBodyBytes, &body); err != nil {
		return err
	}
	req := runner.SubmitRequest{Tenant: p.Tenant, ExternalID: body.ExternalID, Metadata: body.Metadata}
	if err := json.Unmarshal(body.TemplateID, &req.TemplateID); err != nil || req.TemplateID == "" {
		return ErrMissingTemplateID
	}
	if len(body.Parametros) > 0 && !bytes.Equal(body.Parametros, []byte("null")) {
		if err := json.Unmarshal(body.Parametros, &req.Params); err != nil {
			return fmt.Errorf("%w: %s", ErrInvalidParametros, jsonProblem(err))
		}
	}
	key, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	req.IdempotencyKey = key
	sub, err := h.runs.Submit(r.Context(), req)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/bureau/runs/"+sub.RunID)
	if !sub.Created {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeJSON(w, http.StatusAccepted, submitView{RunID: sub.RunID, Status: sub.Status.String(),
		EstimatedSeconds: sub.EstimatedSeconds, Live: sub.Live, CreatedAt: sub.Run.CreatedAt})
	return nil
}

// idempotencyKey returns the Idempotency-Key header: absent, or 1 to
// store.MaxExternalIDLen printable ASCII characters.
func idempotencyKey(r *http.Request) (string, error) {
	vs := r.Header.Values("Idempotency-Key")
	switch {
	case len(vs) == 0:
		return "", nil
	case len(vs) > 1:
		return "", fmt.Errorf("%w: send the header once", ErrInvalidIdempotencyKey)
	}
	k := vs[0]
	if k == "" || len(k) > store.MaxExternalIDLen {
		return "", fmt.Errorf("%w: it must have 1 to %d characters", ErrInvalidIdempotencyKey, store.MaxExternalIDLen)
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return "", fmt.Errorf("%w: only printable ASCII without spaces is allowed", ErrInvalidIdempotencyKey)
		}
	}
	return k, nil
}
