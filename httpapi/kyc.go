package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/store"
)

// kycBody is the body of POST /kyc, and the request a KYC job stores.
type kycBody struct {
	// Name is required: the person's or organization's name, any script.
	Name string `json:"name"`
	// Type is person, organization, vessel or aircraft (or the publishers'
	// words: individual, entity, company...); empty means unknown.
	Type string `json:"type,omitempty"`
	// DOB is a full or partial date of birth: 1962-07-21, 1962-07, 1962.
	DOB string `json:"dob,omitempty"`
	// Country is a nationality or country, as a name or ISO alpha-2 code.
	Country string `json:"country,omitempty"`
	// Document is a passport, national ID or other identifier number.
	Document string `json:"document,omitempty"`
	// Lists restricts the screening to these list codes (OFAC-SDN, UN-SC,
	// ...); empty means every loaded list.
	Lists []string `json:"lists,omitempty"`
	// Threshold overrides the engine's match threshold, in (0,1].
	Threshold *float64 `json:"threshold,omitempty"`
}

// query validates the body and turns it into an engine query. Every
// problem wraps engine.ErrInvalidQuery, and all are reported at once.
func (b kycBody) query() (engine.Query, error) {
	q := engine.Query{Name: b.Name, Country: b.Country, Document: b.Document}
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: %s", engine.ErrInvalidQuery, fmt.Sprintf(format, args...)))
	}
	if b.Type != "" {
		t, err := lists.ParseEntityType(b.Type)
		if err != nil {
			bad("type must be person, organization, vessel or aircraft")
		}
		q.Type = t
	}
	if b.DOB != "" {
		d, err := lists.ParseDate(b.DOB)
		if err != nil || d.IsZero() {
			bad("dob must be a date such as 1962-07-21, 1962-07 or 1962")
		}
		q.BirthDate = d
	}
	for _, code := range b.Lists {
		src, err := lists.ParseSource(code)
		if err != nil {
			bad("unknown list %q", code)
			continue
		}
		q.Lists = append(q.Lists, src)
	}
	if b.Threshold != nil {
		if t := *b.Threshold; !(t > 0 && t <= 1) {
			bad("threshold must be greater than 0 and at most 1")
		}
		q.Threshold = *b.Threshold
	}
	if len(errs) == 0 {
		if err := q.Validate(); err != nil {
			return q, err
		}
	}
	return q, errors.Join(errs...)
}

// kycView is the answer to POST /kyc: the job's ID (for GET /exports) and
// the screening result.
type kycView struct {
	JobID            string    `json:"job_id"`
	Status           string    `json:"status"`
	CreatedAt        time.Time `json:"created_at"`
	ProcessingTimeMS int64     `json:"processing_time_ms"`
	engine.Result
}

// screenKYC screens a subject synchronously and keeps the outcome as a job
// whose export GET /exports/{jobId} renders.
func (h *handler) screenKYC(w http.ResponseWriter, r *http.Request, p principal) error {
	var body kycBody
	if err := decodeJSON(r, h.opts.MaxBodyBytes, &body); err != nil {
		return err
	}
	q, err := body.query()
	if err != nil {
		return err
	}
	start := h.opts.Now()
	res, err := h.eng.Screen(r.Context(), q)
	if err != nil {
		return err
	}
	elapsed := h.opts.Now().Sub(start)
	reqJSON, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("httpapi: encoding a KYC request: %w", err)
	}
	resJSON, err := json.Marshal(kycRecord{Result: res, ProcessingTimeMS: elapsed.Milliseconds()})
	if err != nil {
		return fmt.Errorf("httpapi: encoding a KYC result: %w", err)
	}
	job, err := h.st.PutExport(r.Context(), store.ExportJob{ID: h.opts.NewID(), Tenant: p.Tenant,
		Request: reqJSON, Result: resJSON, CreatedAt: start.UTC()})
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/exports/"+job.ID)
	writeJSON(w, http.StatusOK, kycView{JobID: job.ID, Status: "completed", CreatedAt: job.CreatedAt,
		ProcessingTimeMS: elapsed.Milliseconds(), Result: res})
	return nil
}

// kycRecord is what a KYC job stores as its result.
type kycRecord struct {
	engine.Result
	ProcessingTimeMS int64 `json:"processing_time_ms"`
}
