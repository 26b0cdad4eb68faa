package httpapi

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestConcurrentRequests mixes every write and read route from several
// goroutines (run it with -race): one key's bucket, idempotent retries of
// one key, screenings and listings at once.
func TestConcurrentRequests(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	const workers, each = 8, 10
	ids := make(chan string, workers*each)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				body := map[string]any{"template_id": testTemplate, "parametros": map[string]any{"cpf": validCPF, "name": cleanName}}
				r := f.do("POST", "/api/v1/bureau/runs", keyAll, body, "Idempotency-Key", fmt.Sprintf("k-%d", i))
				if r.Status != http.StatusAccepted {
					t.Errorf("worker %d submit: %d %s", w, r.Status, r.Body)
					return
				}
				ids <- decode[submitView](t, r).RunID
				if r := f.do("POST", "/kyc", keyAll, map[string]any{"name": listedName}); r.Status != 200 {
					t.Errorf("kyc: %d", r.Status)
				}
				if r := f.do("GET", "/api/v1/bureau/runs?limit=5", keyReadOnly, nil); r.Status != 200 {
					t.Errorf("list: %d", r.Status)
				}
			}
		}()
	}
	wg.Wait()
	close(ids)
	distinct := map[string]bool{}
	for id := range ids {
		distinct[id] = true
	}
	// Every worker used the keys k-0…k-9 with the same body: ten runs.
	if len(distinct) != each {
		t.Fatalf("%d distinct runs for %d idempotency keys", len(distinct), each)
	}
	for id := range distinct {
		f.settle("acme", id)
	}
}
