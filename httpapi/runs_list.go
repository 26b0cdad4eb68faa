package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/sievekyc/sieve/store"
)

// listView is the answer to GET /api/v1/bureau/runs.
type listView struct {
	Runs       []runView `json:"runs"`
	HasMore    bool      `json:"has_more"`
	NextCursor string    `json:"next_cursor,omitempty"`
	// Live is true when every listed run ran against live sources; it is
	// absent for an empty page.
	Live *bool `json:"live,omitempty"`
}

// listRuns lists the tenant's runs, newest first, a page at a time.
func (h *handler) listRuns(w http.ResponseWriter, r *http.Request, p principal) error {
	f, err := listFilter(r)
	if err != nil {
		return err
	}
	page, next, err := h.runs.List(r.Context(), p.Tenant, f)
	if err != nil {
		return err
	}
	out := listView{Runs: make([]runView, 0, len(page)), HasMore: next != "", NextCursor: next}
	live := len(page) > 0
	for _, run := range page {
		out.Runs = append(out.Runs, newRunView(run, run.Status.WireName()))
		live = live && run.Live
	}
	if len(page) > 0 {
		out.Live = &live
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// listFilter parses the listing's query parameters.
func listFilter(r *http.Request) (store.ListFilter, error) {
	q, err := queryParams(r.URL.RawQuery, "cursor", "limit", "status", "template_id", "external_id", "created_after", "created_before")
	if err != nil {
		return store.ListFilter{}, err
	}
	f := store.ListFilter{Cursor: q.Get("cursor"), TemplateID: q.Get("template_id"), ExternalID: q.Get("external_id")}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxListLimit {
			return f, fmt.Errorf("%w: limit must be an integer from 1 to %d", ErrInvalidParameter, store.MaxListLimit)
		}
		f.Limit = n
	}
	if s := q.Get("status"); s != "" {
		st, err := store.ParseWireStatus(s)
		if err != nil {
			return f, fmt.Errorf("%w: status must be one of pending, running, em_analise, completed, failed, partial, cancelado", ErrInvalidParameter)
		}
		f.Status = st
	}
	for _, b := range []struct {
		name string
		dst  *time.Time
	}{{"created_after", &f.CreatedAfter}, {"created_before", &f.CreatedBefore}} {
		s := q.Get(b.name)
		if s == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return f, fmt.Errorf("%w: %s must be an RFC 3339 timestamp such as 2024-01-15T00:00:00Z", ErrInvalidParameter, b.name)
		}
		*b.dst = t.UTC()
	}
	if err := f.Validate(); err != nil {
		return f, err
	}
	return f, nil
}
