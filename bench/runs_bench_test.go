package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// BenchmarkRunsToCompletion submits runs of the onboarding template
// (a sanctions screening over every real list plus an instant bureau
// source) from 256 clients and waits for each to finish; it reports
// completed runs per second and the store file's bytes per run.
func BenchmarkRunsToCompletion(b *testing.B) {
	for _, noSync := range []bool{false, true} {
		b.Run(fmt.Sprintf("fsync=%t", !noSync), func(b *testing.B) { benchRuns(b, noSync) })
	}
}

func benchRuns(b *testing.B, noSync bool) {
	eng := realEngine(b)
	tpl, err := rules.LoadFile(filepath.Join("..", "testdata", "templates", "pf_onboarding.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	ts, _ := runner.NewTemplates(tpl)
	path := filepath.Join(b.TempDir(), "runs.db")
	st, err := boltstore.Open(path, boltstore.Options{NoSync: noSync})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	bureau := func(ctx context.Context, s rules.Subject) (rules.SourceResult, error) {
		return rules.SourceResult{Status: rules.StatusOK, Data: map[string]any{"situacao": "regular", "name_matches": true}}, nil
	}
	r, err := runner.New(eng, st, ts, runner.Options{Workers: 64, Custom: map[string]runner.CustomSource{"receita_cpf": bureau}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := r.Start(ctx); err != nil {
		b.Fatal(err)
	}
	defer r.Close(ctx)
	names := Workload(realLists(b), 512, 3)
	const clients = 256
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	work := make(chan int)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				sub, err := r.Submit(ctx, runner.SubmitRequest{Tenant: "bench", TemplateID: "pf_onboarding",
					Params: map[string]any{"cpf": "529.982.247-25", "name": names[i%len(names)].Name}})
				if err != nil {
					b.Error(err)
					return
				}
				run, err := r.Wait(ctx, "bench", sub.RunID)
				if err != nil || !runner.Settled(run.Status) || run.Status == store.StatusFailed {
					b.Errorf("run %s: %s %v", sub.RunID, run.Status, err)
					return
				}
			}
		}()
	}
	for i := 0; i < b.N; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "runs/s")
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/float64(b.N), "file-bytes/run")
	}
}
