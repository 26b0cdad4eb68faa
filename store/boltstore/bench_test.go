package boltstore

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// benchRun is a run as the bureau API creates it: a person's parameters,
// an external ID, two metadata pairs and an idempotency key.
func benchRun(i int) store.Run {
	return store.Run{
		ID:              fmt.Sprintf("run_%016x", i),
		Tenant:          "tenant-0001",
		TemplateID:      "kyc-pf-standard",
		TemplateVersion: 3,
		Params: map[string]any{
			"cpf":           "52998224725",
			"nome":          "Maria Aparecida da Silva Santos",
			"nascimento":    "1984-07-21",
			"nacionalidade": "BR",
		},
		ExternalID:       fmt.Sprintf("order-%08d", i),
		Metadata:         map[string]string{"channel": "mobile", "branch": "sao-paulo-centro"},
		IdempotencyKey:   fmt.Sprintf("idem-%016x", i),
		RequestHash:      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		Live:             true,
		EstimatedSeconds: 45,
	}
}

func benchOpen(b *testing.B, noSync bool) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "sieve.db"), Options{NoSync: noSync})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkCreateRun measures CreateRun with an idempotency key, each call
// its own transaction, with and without fsync.
func BenchmarkCreateRun(b *testing.B) {
	for _, mode := range []struct {
		name   string
		noSync bool
	}{{"sync", false}, {"nosync", true}} {
		b.Run(mode.name, func(b *testing.B) {
			s := benchOpen(b, mode.noSync)
			ctx := context.Background()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, _, err := s.CreateRun(ctx, benchRun(i)); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkFileSize creates 100,000 runs (NoSync) and reports the file size
// per run, just created and after each run went queued → running →
// completed with a decision. Run it with -benchtime 1x.
func BenchmarkFileSize(b *testing.B) {
	const n = 100_000
	for _, complete := range []bool{false, true} {
		name := "created"
		if complete {
			name = "completed"
		}
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			var size, used int64
			for b.Loop() {
				s := benchOpen(b, true)
				for i := range n {
					r, _, err := s.CreateRun(ctx, benchRun(i))
					if err != nil {
						b.Fatal(err)
					}
					if !complete {
						continue
					}
					r.Status, r.Attempts, r.StartedAt = store.StatusRunning, 1, time.Now()
					if r, err = s.UpdateRun(ctx, r); err != nil {
						b.Fatal(err)
					}
					r.Status, r.CompletedAt = store.StatusCompleted, time.Now()
					r.Decision, r.OperativeDecision, r.RiskScore, r.RiskBand = "approved", "approved", 12, "low"
					if _, err = s.UpdateRun(ctx, r); err != nil {
						b.Fatal(err)
					}
				}
				fi, err := os.Stat(s.Path())
				if err != nil {
					b.Fatal(err)
				}
				size = fi.Size()
				if err := s.db.View(func(tx *bolt.Tx) error { used = tx.Size(); return nil }); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
			// bytes/run is the file's size; used-bytes/run leaves out the
			// space bbolt preallocates at the end of the file.
			b.ReportMetric(float64(size)/n, "bytes/run")
			b.ReportMetric(float64(used)/n, "used-bytes/run")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/run")
		})
	}
}

// BenchmarkListRuns lists one page of 20 from a tenant with 10,000 runs:
// the newest page, a page deep in the listing, and a filter that keeps one
// run in ten.
func BenchmarkListRuns(b *testing.B) {
	const n = 10_000
	s := benchOpen(b, true)
	ctx := context.Background()
	for i := range n {
		r, _, err := s.CreateRun(ctx, benchRun(i))
		if err != nil {
			b.Fatal(err)
		}
		if i%10 == 0 {
			r.Status = store.StatusRunning
			if _, err := s.UpdateRun(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
	}
	deep, _, err := s.ListRuns(ctx, "tenant-0001", store.ListFilter{Limit: 100})
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		f    store.ListFilter
	}{
		{"newest", store.ListFilter{}},
		{"cursor", store.ListFilter{Cursor: store.EncodeCursor("tenant-0001", store.ListFilter{}, deep[99])}},
		{"status-1-in-10", store.ListFilter{Status: store.StatusRunning}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				page, _, err := s.ListRuns(ctx, "tenant-0001", c.f)
				if err != nil || len(page) != store.DefaultListLimit {
					b.Fatalf("ListRuns: %d runs, %v", len(page), err)
				}
			}
		})
	}
}

// BenchmarkGetRun reads one run.
func BenchmarkGetRun(b *testing.B) {
	s := benchOpen(b, true)
	ctx := context.Background()
	for i := range 1000 {
		if _, _, err := s.CreateRun(ctx, benchRun(i)); err != nil {
			b.Fatal(err)
		}
	}
	id := benchRun(500).ID
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.GetRun(ctx, "tenant-0001", id); err != nil {
			b.Fatal(err)
		}
	}
}
