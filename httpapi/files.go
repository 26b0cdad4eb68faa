package httpapi

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"time"
)

// getFile serves the file a signed URL names. The URL is the credential:
// no API key is needed, and an altered or expired URL is 403.
func (h *handler) getFile(w http.ResponseWriter, r *http.Request, _ principal) error {
	obj, err := h.signer.verify(r.PathValue("token"))
	if err != nil {
		return err
	}
	var pdf []byte
	var name string
	var created time.Time
	switch obj.Kind {
	case objectReport:
		rep, err := h.st.GetReport(r.Context(), obj.Tenant, obj.ID, obj.Mode)
		if err != nil {
			return err
		}
		pdf, created, name = rep.PDF, rep.CreatedAt, obj.ID+"-"+obj.Mode+".pdf"
	case objectExport:
		job, err := h.export(r, obj.Tenant, obj.ID)
		if err != nil {
			return err
		}
		doc, err := exportDocument(job)
		if err != nil {
			return err
		}
		if pdf, err = h.opts.Render(doc); err != nil {
			return fmt.Errorf("httpapi: rendering export %s: %w", job.ID, err)
		}
		created, name = job.CreatedAt, job.ID+".pdf"
	default:
		return ErrInvalidSignature // a genuine token never names another kind
	}
	hd := w.Header()
	hd.Set("Content-Type", "application/pdf")
	hd.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	hd.Set("Cache-Control", "private, max-age="+strconv.Itoa(int(h.opts.URLTTL/time.Second)))
	hd.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, name, created, bytes.NewReader(pdf))
	return nil
}
