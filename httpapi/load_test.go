package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Load test bounds: loopback only, a fixed number of requests, a time cap.
const (
	loadRequests = 2000
	loadClients  = 8
	loadTimeout  = 90 * time.Second
)

// loadScenario is one kind of request the load test sends.
type loadScenario struct {
	name   string
	bench  string // the sub-benchmark's name
	method string
	path   string
	body   func(i int) []byte
	want   int
}

func loadScenarios() []loadScenario {
	return []loadScenario{
		{"POST /kyc", "kyc", "POST", "/kyc", func(i int) []byte {
			names := []string{"Ivan Volkov", "Maria Aparecida da Silva", "Vladimir Putin", "Acme Trading LLC"}
			b, _ := json.Marshal(map[string]any{"name": names[i%len(names)], "country": "RU"})
			return b
		}, http.StatusOK},
		{"POST /api/v1/bureau/runs", "submit_run", "POST", "/api/v1/bureau/runs", func(i int) []byte {
			b, _ := json.Marshal(map[string]any{"template_id": testTemplate,
				"parametros": map[string]any{"cpf": validCPF, "name": cleanName}, "external_id": fmt.Sprintf("load-%d", i)})
			return b
		}, http.StatusAccepted},
	}
}

// loadResult summarises one scenario.
type loadResult struct {
	requests  int
	failures  int
	elapsed   time.Duration
	p50, p99  time.Duration
	perSecond float64
}

// runLoad sends n requests of a scenario from c concurrent clients over
// loopback and measures them.
func runLoad(ctx context.Context, client *http.Client, base string, sc loadScenario, n, c int) loadResult {
	var next atomic.Int64
	lat := make([]time.Duration, n)
	var failures atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				req, _ := http.NewRequestWithContext(ctx, sc.method, base+sc.path, bytes.NewReader(sc.body(i)))
				req.Header.Set("X-API-Key", keyAll)
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				lat[i] = time.Since(t0)
				if err != nil || resp.StatusCode != sc.want {
					failures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	done := min(int(next.Load()), n)
	lat = lat[:done]
	slices.Sort(lat)
	r := loadResult{requests: done, failures: int(failures.Load()), elapsed: elapsed}
	if done > 0 {
		r.p50, r.p99 = lat[done/2], lat[min(done-1, done*99/100)]
		r.perSecond = float64(done) / elapsed.Seconds()
	}
	return r
}

// TestLoad measures POST /kyc and run submission over loopback: 2,000
// requests each from 8 concurrent clients, against a store that fsyncs
// every commit as in production.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	f := newFixture(t, fixtureOptions{fsync: true})
	srv := httptest.NewServer(f.h) // 127.0.0.1 only
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
	defer cancel()
	for _, sc := range loadScenarios() {
		r := runLoad(ctx, client, srv.URL, sc, loadRequests, loadClients)
		t.Logf("%-26s %d requests, %d clients: %6.0f req/s, p50 %s, p99 %s, %d failed",
			sc.name, r.requests, loadClients, r.perSecond, r.p50.Round(10*time.Microsecond), r.p99.Round(10*time.Microsecond), r.failures)
		if r.requests != loadRequests || r.failures != 0 {
			t.Errorf("%s: %d of %d requests sent, %d failed", sc.name, r.requests, loadRequests, r.failures)
		}
	}
}

// BenchmarkHandler measures the two write routes over loopback with
// b.RunParallel (GOMAXPROCS clients), store fsync on.
func BenchmarkHandler(b *testing.B) {
	f := newFixture(b, fixtureOptions{fsync: true})
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	for _, sc := range loadScenarios() {
		b.Run(sc.bench, func(b *testing.B) {
			b.ReportAllocs()
			var i atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest(sc.method, srv.URL+sc.path, bytes.NewReader(sc.body(int(i.Add(1)))))
					req.Header.Set("X-API-Key", keyAll)
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != sc.want {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
		})
	}
}
