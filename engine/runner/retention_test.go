package runner

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// retentionStore returns a store holding one run with a report created
// long ago ("resumido", 91 days old) and one created now ("completo").
func retentionStore(t *testing.T, now time.Time) (*boltstore.Store, *Templates) {
	t.Helper()
	tpl, err := rules.LoadFile(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := NewTemplates(tpl)
	if err != nil {
		t.Fatal(err)
	}
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "sieve.db"), boltstore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	ctx := context.Background()
	run := store.Run{ID: "run_1", Tenant: "acme", TemplateID: tpl.ID(), TemplateVersion: tpl.Version(), Params: map[string]any{}}
	if _, _, err := st.CreateRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	for mode, age := range map[string]time.Duration{"resumido": 91 * 24 * time.Hour, "completo": 0} {
		rep := store.Report{Tenant: "acme", RunID: "run_1", Mode: mode, PDF: []byte("%PDF-" + mode), CreatedAt: now.Add(-age)}
		if _, err := st.PutReport(ctx, rep); err != nil {
			t.Fatal(err)
		}
	}
	return st, ts
}

func TestReportRetention(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	st, ts := retentionStore(t, now)
	r, err := New(nil, st, ts, Options{Sandbox: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := r.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer r.Close(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := st.GetReport(ctx, "acme", "run_1", "resumido")
		if errors.Is(err, store.ErrNotFound) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the 91-day-old report was not purged at Start (default retention 90 days): %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := st.GetReport(ctx, "acme", "run_1", "completo"); err != nil {
		t.Errorf("a fresh report was purged: %v", err)
	}
}

func TestReportRetentionDisabled(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	st, ts := retentionStore(t, now)
	r, err := New(nil, st, ts, Options{Sandbox: true, Now: func() time.Time { return now }, ReportRetention: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := r.Start(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // time enough for a purge at Start (see TestReportRetention)
	if err := r.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.GetReport(ctx, "acme", "run_1", "resumido"); err != nil {
		t.Errorf("retention disabled, yet the old report is gone: %v", err)
	}
	// The host purges when it chooses.
	n, err := r.PurgeReports(ctx, now.Add(-store.DefaultReportRetention))
	if err != nil || n != 1 {
		t.Errorf("PurgeReports = %d, %v; want the one old report", n, err)
	}
	if _, err := st.GetReport(ctx, "acme", "run_1", "completo"); err != nil {
		t.Errorf("PurgeReports deleted a fresh report: %v", err)
	}
}
