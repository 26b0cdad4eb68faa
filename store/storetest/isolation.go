package storetest

import (
	"testing"

	"github.com/sievekyc/sieve/store"
)

// testTenantIsolation checks that one tenant's records are invisible to
// another: every read answers ErrNotFound, as for a record that does not
// exist.
func testTenantIsolation(t *testing.T, h *harness) {
	h.putTenant("acme")
	h.putTenant("globex")
	run := h.create(newRun("acme", "run-1"))
	run.Status = store.StatusRunning
	run = h.update(run)
	if _, err := h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-1", Tenant: "acme", Body: []byte(`{}`)}); err != nil {
		t.Fatalf("PutAnalysis: %v", err)
	}
	if _, err := h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: []byte("%PDF-1.7 a")}); err != nil {
		t.Fatalf("PutReport: %v", err)
	}
	if _, err := h.s.PutExport(h.ctx, store.ExportJob{ID: "job-1", Tenant: "acme", Request: []byte(`{}`), Result: []byte(`{}`)}); err != nil {
		t.Fatalf("PutExport: %v", err)
	}
	if _, err := h.s.PutAPIKey(h.ctx, store.APIKey{ID: "key-1", Tenant: "acme", Hash: store.HashAPIKey("s3cret")}); err != nil {
		t.Fatalf("PutAPIKey: %v", err)
	}

	_, err := h.s.GetRun(h.ctx, "globex", "run-1")
	wantErr(t, "GetRun", err, store.ErrNotFound)
	_, err = h.s.GetAnalysis(h.ctx, "globex", "run-1")
	wantErr(t, "GetAnalysis", err, store.ErrNotFound)
	_, err = h.s.GetReport(h.ctx, "globex", "run-1", "resumido")
	wantErr(t, "GetReport", err, store.ErrNotFound)
	_, err = h.s.GetExport(h.ctx, "globex", "job-1")
	wantErr(t, "GetExport", err, store.ErrNotFound)
	_, err = h.s.GetAPIKey(h.ctx, "globex", "key-1")
	wantErr(t, "GetAPIKey", err, store.ErrNotFound)

	// Writes naming another tenant's run do not reach it.
	u := run
	u.Tenant = "globex"
	u.Status = store.StatusCancelled
	_, err = h.s.UpdateRun(h.ctx, u)
	wantErr(t, "UpdateRun", err, store.ErrNotFound)
	_, err = h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-1", Tenant: "globex", Body: []byte(`{}`)})
	wantErr(t, "PutAnalysis", err, store.ErrNotFound)
	_, err = h.s.PutReport(h.ctx, store.Report{Tenant: "globex", RunID: "run-1", Mode: "resumido", PDF: []byte("%PDF-1.7 b")})
	wantErr(t, "PutReport", err, store.ErrNotFound)
	_, err = h.s.FinishRun(h.ctx, u, store.Analysis{Body: []byte(`{}`)})
	wantErr(t, "FinishRun", err, store.ErrNotFound)
	// A key ID is global: another tenant cannot take it over.
	_, err = h.s.PutAPIKey(h.ctx, store.APIKey{ID: "key-1", Tenant: "globex", Hash: store.HashAPIKey("other")})
	wantErr(t, "PutAPIKey over another tenant's key", err, store.ErrConflict)

	if got := h.listAll("globex", store.ListFilter{}); len(got) != 0 {
		t.Errorf("globex lists %v", ids(got))
	}
	sameJSON(t, "acme's run", h.get("acme", "run-1"), run)
}
