package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/store"
)

// exportView is the answer to GET /exports/{jobId} (seed 000): where the
// export PDF is and a signed URL to download it.
type exportView struct {
	RequestID    string    `json:"request_id"`
	Bucket       string    `json:"bucket"`
	Key          string    `json:"key"`
	PresignedURL string    `json:"presigned_url"`
	ExpiresAt    time.Time `json:"expires_at"`
}

// getExport answers the signed URL of a KYC job's export PDF. The PDF is
// rendered when the URL is fetched, from the stored job, with the job's
// creation time as its date, so every download is the same document.
func (h *handler) getExport(w http.ResponseWriter, r *http.Request, p principal) error {
	if _, err := queryParams(r.URL.RawQuery); err != nil {
		return err
	}
	job, err := h.export(r, p.Tenant, r.PathValue("jobId"))
	if err != nil {
		return err
	}
	// Check the job maps to a printable document now rather than when
	// the URL is fetched.
	doc, err := exportDocument(job)
	if err != nil {
		return err
	}
	if err := doc.Validate(); err != nil {
		return fmt.Errorf("httpapi: export %s: %w", job.ID, err)
	}
	token, exp := h.signer.sign(object{Tenant: p.Tenant, Kind: objectExport, ID: job.ID})
	writeJSON(w, http.StatusOK, exportView{RequestID: job.ID, Bucket: h.opts.Bucket,
		Key:          "exports/tenants/" + url.PathEscape(p.Tenant) + "/" + url.PathEscape(job.ID) + ".pdf",
		PresignedURL: h.fileURL(r, token), ExpiresAt: exp})
	return nil
}

// export loads a tenant's KYC job.
func (h *handler) export(r *http.Request, tenant, id string) (store.ExportJob, error) {
	if !store.ValidID(id) {
		return store.ExportJob{}, fmt.Errorf("export %q: %w", id, store.ErrNotFound)
	}
	return h.st.GetExport(r.Context(), tenant, id)
}

// exportDocument decodes a stored KYC job into its report document.
func exportDocument(job store.ExportJob) (report.Document, error) {
	var req kycBody
	var rec kycRecord
	if err := json.Unmarshal(job.Request, &req); err != nil {
		return report.Document{}, fmt.Errorf("httpapi: stored KYC request %s: %w", job.ID, err)
	}
	if err := json.Unmarshal(job.Result, &rec); err != nil {
		return report.Document{}, fmt.Errorf("httpapi: stored KYC result %s: %w", job.ID, err)
	}
	return kycDocument(job, req, rec), nil
}

// fileURL is the absolute URL of a signed file: Options.BaseURL, else the
// request's own scheme and host.
func (h *handler) fileURL(r *http.Request, token string) string {
	base := h.opts.BaseURL
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return base + "/files/" + token
}
