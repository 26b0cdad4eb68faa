package runner

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/report/pdf"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// countingRenderer renders with pdf.Render and counts the calls.
func countingRenderer(n *atomic.Int32) Renderer {
	return func(d report.Document) ([]byte, error) {
		n.Add(1)
		return pdf.Render(d)
	}
}

func TestStoredReportIsRenderedOnce(t *testing.T) {
	f := newFixture(t, Options{})
	run, _ := submitAndWait(t, f.r, map[string]any{"cpf": "111.444.777-35", "name": "Ivan Volkov"})
	if run.Status != store.StatusInReview {
		t.Fatalf("run %s, want em_analise", run.Status)
	}
	ctx := t.Context()
	for _, mode := range []report.Mode{report.ModeSummary, report.ModeComplete} {
		t.Run(string(mode), func(t *testing.T) {
			var calls atomic.Int32
			first, created, err := f.r.Report(ctx, "acme", run.ID, mode, countingRenderer(&calls))
			if err != nil {
				t.Fatal(err)
			}
			if !created || calls.Load() != 1 || !bytes.HasPrefix(first.PDF, []byte("%PDF-")) || first.Mode != string(mode) ||
				first.SHA256 == "" || first.CreatedAt.IsZero() {
				t.Fatalf("first report: created %v, %d renders, mode %s, %d bytes", created, calls.Load(), first.Mode, len(first.PDF))
			}
			second, created, err := f.r.Report(ctx, "acme", run.ID, mode, countingRenderer(&calls))
			if err != nil {
				t.Fatal(err)
			}
			if created || calls.Load() != 1 || !bytes.Equal(second.PDF, first.PDF) || second.SHA256 != first.SHA256 ||
				!second.CreatedAt.Equal(first.CreatedAt) {
				t.Errorf("second report: created %v, %d renders, same bytes %v", created, calls.Load(), bytes.Equal(second.PDF, first.PDF))
			}
		})
	}

	// A sign-off changes the run, not its stored reports; a new mode's
	// first report shows it.
	var calls atomic.Int32
	before, _, err := f.r.Report(ctx, "acme", run.ID, report.ModeSummary, countingRenderer(&calls))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.r.SignOff(ctx, "acme", run.ID, SignOffRequest{Analyst: "ana@acme", Decision: rules.DecisionApproved, Note: "homonym"}); err != nil {
		t.Fatal(err)
	}
	after, created, err := f.r.Report(ctx, "acme", run.ID, report.ModeSummary, func(report.Document) ([]byte, error) {
		return nil, errors.New("must not render a stored report")
	})
	if err != nil || created || !bytes.Equal(after.PDF, before.PDF) {
		t.Errorf("after sign-off: created %v, same bytes %v, %v", created, bytes.Equal(after.PDF, before.PDF), err)
	}
	if calls.Load() != 0 {
		t.Errorf("a stored report was rendered again %d times", calls.Load())
	}
}

func TestStoredReportErrors(t *testing.T) {
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
	defer st.Close()
	// Never started: a submitted run stays queued.
	r, err := New(testEngine(t), st, ts, Options{Custom: map[string]CustomSource{"receita_cpf": receita("regular", 0)}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sub, err := r.Submit(ctx, SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding", Params: listedParams})
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	render := countingRenderer(&calls)
	if _, _, err := r.Report(ctx, "acme", sub.RunID, report.ModeSummary, render); !errors.Is(err, ErrRunNotSettled) {
		t.Errorf("report of a queued run: %v, want ErrRunNotSettled", err)
	}
	if _, _, err := r.Report(ctx, "globex", sub.RunID, report.ModeSummary, render); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("report of another tenant's run: %v, want store.ErrNotFound", err)
	}
	if _, err := r.Cancel(ctx, "acme", sub.RunID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		mode   report.Mode
		render Renderer
		want   error
	}{
		{"cancelled run", report.ModeSummary, render, ErrNoAnalysis},
		{"export mode", report.ModeExport, render, report.ErrInvalidMode},
		{"no renderer", report.ModeComplete, nil, ErrInvalidRequest},
	}
	for _, tt := range tests {
		if _, _, err := r.Report(ctx, "acme", sub.RunID, tt.mode, tt.render); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if calls.Load() != 0 {
		t.Errorf("rendered %d reports of runs without an analysis", calls.Load())
	}
}

func TestStoredReportRenderFailureStoresNothing(t *testing.T) {
	f := newFixture(t, Options{})
	run, _ := submitAndWait(t, f.r, listedParams)
	ctx := t.Context()
	broken := errors.New("renderer broke")
	_, _, err := f.r.Report(ctx, "acme", run.ID, report.ModeComplete, func(report.Document) ([]byte, error) { return nil, broken })
	if !errors.Is(err, broken) {
		t.Fatalf("render failure: %v", err)
	}
	if _, err := f.st.GetReport(ctx, "acme", run.ID, string(report.ModeComplete)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a failed render stored a report: %v", err)
	}
}
