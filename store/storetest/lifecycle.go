package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

// calls invokes every Store method once with valid arguments and returns
// each one's error by method name.
func calls(ctx context.Context, s store.Store) map[string]error {
	run := newRun("acme", "run-1")
	run.Revision = 1
	done := run
	done.Status = store.StatusCompleted
	errs := map[string]error{}
	_, _, errs["CreateRun"] = s.CreateRun(ctx, newRun("acme", "run-new"))
	_, errs["GetRun"] = s.GetRun(ctx, "acme", "run-1")
	_, errs["UpdateRun"] = s.UpdateRun(ctx, run)
	_, errs["FinishRun"] = s.FinishRun(ctx, done, store.Analysis{Body: []byte(`{}`)})
	_, _, errs["ListRuns"] = s.ListRuns(ctx, "acme", store.ListFilter{})
	_, errs["PendingRuns"] = s.PendingRuns(ctx)
	_, errs["PutAnalysis"] = s.PutAnalysis(ctx, store.Analysis{RunID: "run-1", Tenant: "acme", Body: []byte(`{}`)})
	_, errs["GetAnalysis"] = s.GetAnalysis(ctx, "acme", "run-1")
	_, errs["PutReport"] = s.PutReport(ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: []byte("%PDF")})
	_, errs["GetReport"] = s.GetReport(ctx, "acme", "run-1", "resumido")
	_, errs["PurgeReports"] = s.PurgeReports(ctx, epoch)
	_, errs["PutTenant"] = s.PutTenant(ctx, store.Tenant{ID: "acme"})
	_, errs["GetTenant"] = s.GetTenant(ctx, "acme")
	_, errs["PutAPIKey"] = s.PutAPIKey(ctx, store.APIKey{ID: "k", Tenant: "acme", Hash: store.HashAPIKey("k")})
	_, errs["GetAPIKey"] = s.GetAPIKey(ctx, "acme", "k")
	_, errs["APIKeyByHash"] = s.APIKeyByHash(ctx, store.HashAPIKey("k"))
	_, errs["ListAPIKeys"] = s.ListAPIKeys(ctx, "acme")
	_, errs["PutExport"] = s.PutExport(ctx, store.ExportJob{ID: "j", Tenant: "acme"})
	_, errs["GetExport"] = s.GetExport(ctx, "acme", "j")
	_, errs["PurgeExports"] = s.PurgeExports(ctx, epoch)
	return errs
}

func testClosed(t *testing.T, h *harness) {
	h.putTenant("acme")
	h.create(newRun("acme", "run-1"))
	if err := h.s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	for name, err := range calls(h.ctx, h.s) {
		wantErr(t, name+" after Close", err, store.ErrClosed)
	}
	if err := h.s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func testCancelledContext(t *testing.T, h *harness) {
	h.putTenant("acme")
	h.create(newRun("acme", "run-1"))
	ctx, cancel := context.WithCancel(h.ctx)
	cancel()
	for name, err := range calls(ctx, h.s) {
		wantErr(t, name+" with a cancelled context", err, context.Canceled)
	}
	expired, cancel2 := context.WithDeadline(h.ctx, time.Now().Add(-time.Second))
	defer cancel2()
	_, err := h.s.GetRun(expired, "acme", "run-1")
	wantErr(t, "GetRun past its deadline", err, context.DeadlineExceeded)
	// Nothing was written.
	if _, err := h.s.GetRun(h.ctx, "acme", "run-new"); err == nil {
		t.Error("CreateRun with a cancelled context stored the run")
	}
	if got := h.get("acme", "run-1"); got.Revision != 1 {
		t.Errorf("UpdateRun with a cancelled context changed the run: %+v", got)
	}
}
