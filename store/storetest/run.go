package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

func testCreateRun(t *testing.T, h *harness) {
	in := newRun("acme", "run-1")
	got := h.create(in)
	want := in
	want.Status = store.StatusQueued
	want.CreatedAt = epoch
	want.Revision = 1
	sameJSON(t, "created run", got, want)
	if got.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt location = %v, want UTC", got.CreatedAt.Location())
	}
	sameJSON(t, "GetRun after CreateRun", h.get("acme", "run-1"), want)

	// A creation time in another zone is stored as the same instant in UTC.
	in2 := newRun("acme", "run-2")
	in2.CreatedAt = epoch.Add(-time.Hour).In(time.FixedZone("BRT", -3*3600))
	got2 := h.create(in2)
	if !got2.CreatedAt.Equal(in2.CreatedAt) || got2.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt = %v, want %v in UTC", got2.CreatedAt, in2.CreatedAt)
	}

	// The values returned are the caller's: changing them changes nothing
	// stored.
	got.Params["name"] = "changed"
	got.Metadata["channel"] = "changed"
	sameJSON(t, "GetRun after changing the returned run", h.get("acme", "run-1"), want)

	// The same ID is taken within a tenant, free in another.
	_, _, err := h.s.CreateRun(h.ctx, newRun("acme", "run-1"))
	wantErr(t, "CreateRun with a taken ID", err, store.ErrConflict)
	h.create(newRun("globex", "run-1"))

	invalid := []struct {
		name  string
		edit  func(*store.Run)
		field string
	}{
		{"no id", func(r *store.Run) { r.ID = "" }, "id"},
		{"id with NUL", func(r *store.Run) { r.ID = "a\x00b" }, "id"},
		{"no tenant", func(r *store.Run) { r.Tenant = "" }, "tenant"},
		{"no template", func(r *store.Run) { r.TemplateID = "" }, "template_id"},
		{"eleven metadata keys", func(r *store.Run) {
			for i := range store.MaxMetadataKeys + 1 {
				r.Metadata[fmt.Sprint("k", i)] = "v"
			}
		}, "metadata"},
		{"metadata value of 501 characters", func(r *store.Run) {
			r.Metadata["note"] = strings.Repeat("ã", store.MaxMetadataValueLen+1)
		}, "metadata"},
		{"idempotency key without request hash", func(r *store.Run) { r.IdempotencyKey = "k" }, "request_hash"},
		{"created running", func(r *store.Run) { r.Status = store.StatusRunning }, "status"},
		{"created completed", func(r *store.Run) { r.Status = store.StatusCompleted }, "status"},
		{"invalid status", func(r *store.Run) { r.Status = 200 }, "status"},
		{"risk score above 100", func(r *store.Run) { r.RiskScore = 101 }, "risk_score"},
		{"created before 1678", func(r *store.Run) { r.CreatedAt = time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC) }, "created_at"},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			r := newRun("acme", "bad")
			tt.edit(&r)
			_, _, err := h.s.CreateRun(h.ctx, r)
			var re *store.RecordError
			if !errors.Is(err, store.ErrInvalidRecord) || !errors.As(err, &re) || re.Field != tt.field {
				t.Fatalf("CreateRun: error = %v, want a *RecordError on %q", err, tt.field)
			}
			if r.Tenant != "" && r.ID != "" {
				_, err := h.s.GetRun(h.ctx, r.Tenant, r.ID)
				wantErr(t, "GetRun of a rejected run", err, store.ErrNotFound)
			}
		})
	}
}

func testGetRun(t *testing.T, h *harness) {
	h.create(newRun("acme", "run-1"))
	for _, id := range []string{"run-2", "", "run-1\x00", "RUN-1", strings.Repeat("x", store.MaxIDLen+1)} {
		_, err := h.s.GetRun(h.ctx, "acme", id)
		wantErr(t, fmt.Sprintf("GetRun(%q)", id), err, store.ErrNotFound)
	}
	_, err := h.s.GetRun(h.ctx, "", "run-1")
	wantErr(t, "GetRun with no tenant", err, store.ErrNotFound)
}

func testUpdateRun(t *testing.T, h *harness) {
	created := h.create(newRun("acme", "run-1"))

	// queued → running: progress applied, revision incremented.
	u := created
	u.Status = store.StatusRunning
	u.StartedAt = epoch.Add(time.Second).In(time.FixedZone("CET", 3600))
	u.Attempts = 1
	running := h.update(u)
	if running.Revision != 2 || running.Status != store.StatusRunning || running.Attempts != 1 ||
		!running.StartedAt.Equal(epoch.Add(time.Second)) || running.StartedAt.Location() != time.UTC {
		t.Errorf("UpdateRun returned %+v", running)
	}
	sameJSON(t, "GetRun after UpdateRun", h.get("acme", "run-1"), running)

	// An update made from the stale copy conflicts and changes nothing.
	stale := created
	stale.Status = store.StatusCancelled
	_, err := h.s.UpdateRun(h.ctx, stale)
	wantErr(t, "UpdateRun from a stale revision", err, store.ErrConflict)
	sameJSON(t, "run after a stale update", h.get("acme", "run-1"), running)

	// Creation fields are kept as stored.
	u = running
	u.TemplateID = "other"
	u.Params = map[string]any{"name": "someone else"}
	u.ExternalID = "other"
	u.Metadata = nil
	u.CreatedAt = epoch.Add(time.Hour)
	u.Status = store.StatusInReview
	u.Decision, u.OperativeDecision, u.RiskScore, u.RiskBand = "review", "review", 55, "medium"
	review := h.update(u)
	want := running
	want.Status = store.StatusInReview
	want.Decision, want.OperativeDecision, want.RiskScore, want.RiskBand = "review", "review", 55, "medium"
	want.Revision = 3
	sameJSON(t, "run after updating creation fields", review, want)

	// A run in review waits for a person: no worker may take it back.
	for _, next := range []store.RunStatus{store.StatusRunning, store.StatusQueued, store.StatusFailed} {
		u := review
		u.Status = next
		_, err := h.s.UpdateRun(h.ctx, u)
		wantErr(t, "UpdateRun em_analise → "+next.String(), err, store.ErrConflict)
	}

	// Invalid progress is rejected and changes nothing.
	u = review
	u.Attempts = -1
	_, err = h.s.UpdateRun(h.ctx, u)
	wantErr(t, "UpdateRun with negative attempts", err, store.ErrInvalidRecord)

	// Sign-off: em_analise → completed.
	u = review
	u.Status = store.StatusCompleted
	u.Decision, u.OperativeDecision = "approved", "approved"
	u.CompletedAt = epoch.Add(time.Minute)
	u.SignOff = store.SignOff{Analyst: "ana", Decision: "approved", Note: "documents checked", At: epoch.Add(time.Minute)}
	done := h.update(u)
	sameJSON(t, "signed-off run", h.get("acme", "run-1"), done)

	// A terminal run never changes again.
	for _, next := range []store.RunStatus{store.StatusCompleted, store.StatusRunning, store.StatusQueued, store.StatusCancelled} {
		u := done
		u.Status = next
		_, err := h.s.UpdateRun(h.ctx, u)
		var te *store.TransitionError
		if !errors.As(err, &te) || !errors.Is(err, store.ErrConflict) || te.From != store.StatusCompleted || te.To != next {
			t.Errorf("UpdateRun completed → %v: error = %v, want a *TransitionError", next, err)
		}
	}
	// queued → em_analise skips running: forbidden.
	q := h.create(newRun("acme", "run-2"))
	q.Status = store.StatusInReview
	_, err = h.s.UpdateRun(h.ctx, q)
	wantErr(t, "UpdateRun queued → em_analise", err, store.ErrConflict)

	// Unknown runs and other tenants' runs are not found.
	ghost := done
	ghost.ID = "ghost"
	_, err = h.s.UpdateRun(h.ctx, ghost)
	wantErr(t, "UpdateRun of an unknown run", err, store.ErrNotFound)
	other := q
	other.Tenant = "globex"
	other.Status = store.StatusRunning
	_, err = h.s.UpdateRun(h.ctx, other)
	wantErr(t, "UpdateRun of another tenant's run", err, store.ErrNotFound)
	if got := h.get("acme", "run-2"); got.Status != store.StatusQueued || got.Revision != 1 {
		t.Errorf("another tenant changed run-2: %+v", got)
	}
}

func testFinishRun(t *testing.T, h *harness) {
	run := h.create(newRun("acme", "run-1"))
	run.Status = store.StatusRunning
	run = h.update(run)

	// Not a finishing status.
	_, err := h.s.FinishRun(h.ctx, run, store.Analysis{Body: []byte(`{}`)})
	wantErr(t, "FinishRun still running", err, store.ErrInvalidRecord)
	// An analysis of another run.
	done := run
	done.Status = store.StatusCompleted
	_, err = h.s.FinishRun(h.ctx, done, store.Analysis{RunID: "run-2", Body: []byte(`{}`)})
	wantErr(t, "FinishRun with another run's analysis", err, store.ErrInvalidRecord)
	// A stale revision stores neither the run nor the analysis.
	stale := done
	stale.Revision = 1
	_, err = h.s.FinishRun(h.ctx, stale, store.Analysis{Body: []byte(`{"v":1}`)})
	wantErr(t, "FinishRun from a stale revision", err, store.ErrConflict)
	_, err = h.s.GetAnalysis(h.ctx, "acme", "run-1")
	wantErr(t, "GetAnalysis after a failed FinishRun", err, store.ErrNotFound)

	h.clock.Advance(time.Minute)
	done.CompletedAt = h.clock.Now()
	done.Decision, done.OperativeDecision, done.RiskScore, done.RiskBand = "approved", "approved", 10, "low"
	body := []byte(`{"findings":[],"risk":{"score":10}}`)
	got, err := h.s.FinishRun(h.ctx, done, store.Analysis{Body: body})
	if err != nil {
		t.Fatalf("FinishRun: %v", err)
	}
	if got.Status != store.StatusCompleted || got.Revision != run.Revision+1 {
		t.Errorf("FinishRun returned %+v", got)
	}
	sameJSON(t, "GetRun after FinishRun", h.get("acme", "run-1"), got)
	a, err := h.s.GetAnalysis(h.ctx, "acme", "run-1")
	if err != nil {
		t.Fatalf("GetAnalysis after FinishRun: %v", err)
	}
	sameJSON(t, "analysis stored by FinishRun", a, store.Analysis{RunID: "run-1", Tenant: "acme", Body: body, CreatedAt: h.clock.Now()})

	// A run whose analysis conflicts is not updated either.
	r2 := h.create(newRun("acme", "run-2"))
	r2.Status = store.StatusRunning
	r2 = h.update(r2)
	if _, err := h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-2", Tenant: "acme", Body: []byte(`{"v":1}`)}); err != nil {
		t.Fatalf("PutAnalysis: %v", err)
	}
	p := r2
	p.Status = store.StatusPartial
	_, err = h.s.FinishRun(h.ctx, p, store.Analysis{Body: []byte(`{"v":2}`)})
	wantErr(t, "FinishRun with a conflicting analysis", err, store.ErrConflict)
	sameJSON(t, "run after a conflicting FinishRun", h.get("acme", "run-2"), r2)
	// The same analysis again is accepted.
	if _, err := h.s.FinishRun(h.ctx, p, store.Analysis{Body: []byte(`{"v":1}`)}); err != nil {
		t.Errorf("FinishRun with the stored analysis: %v", err)
	}
}
