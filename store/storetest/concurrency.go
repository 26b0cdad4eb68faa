package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/sievekyc/sieve/store"
)

// testConcurrentIdempotentCreate sends one request, with one idempotency
// key, from many goroutines at once: exactly one run is created and every
// caller gets it.
func testConcurrentIdempotentCreate(t *testing.T, h *harness) {
	const n = 32
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		created int
		seen    = map[string]int{}
	)
	for i := range n {
		wg.Go(func() {
			r := newRun("acme", fmt.Sprintf("run-%02d", i))
			r.IdempotencyKey, r.RequestHash = "same-key", "same-hash"
			got, ok, err := h.s.CreateRun(h.ctx, r)
			if err != nil {
				t.Errorf("CreateRun %d: %v", i, err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if ok {
				created++
			}
			seen[got.ID]++
		})
	}
	wg.Wait()
	if created != 1 || len(seen) != 1 {
		t.Errorf("%d runs created, callers saw %v; want one run for all", created, seen)
	}
	if all := h.listAll("acme", store.ListFilter{}); len(all) != 1 {
		t.Errorf("tenant lists %v, want one run", ids(all))
	}
}

// testConcurrentUpdate races updates made from one revision: exactly one
// wins, the others conflict.
func testConcurrentUpdate(t *testing.T, h *harness) {
	base := h.create(newRun("acme", "run-1"))
	const n = 16
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		wins      int
		conflicts int
	)
	for i := range n {
		wg.Go(func() {
			u := base
			u.Status = store.StatusRunning
			u.Attempts = i + 1
			_, err := h.s.UpdateRun(h.ctx, u)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errors.Is(err, store.ErrConflict):
				conflicts++
			default:
				t.Errorf("UpdateRun %d: %v", i, err)
			}
		})
	}
	// Meanwhile, distinct runs are created and listed.
	for i := range n {
		wg.Go(func() {
			if _, _, err := h.s.CreateRun(h.ctx, newRun("acme", fmt.Sprintf("other-%02d", i))); err != nil {
				t.Errorf("CreateRun other-%02d: %v", i, err)
			}
			if _, _, err := h.s.ListRuns(h.ctx, "acme", store.ListFilter{}); err != nil {
				t.Errorf("ListRuns: %v", err)
			}
		})
	}
	wg.Wait()
	if wins != 1 || conflicts != n-1 {
		t.Errorf("%d updates won, %d conflicted; want 1 and %d", wins, conflicts, n-1)
	}
	if got := h.get("acme", "run-1"); got.Revision != 2 || got.Status != store.StatusRunning {
		t.Errorf("run after racing updates: revision %d, status %v", got.Revision, got.Status)
	}
	if all := h.listAll("acme", store.ListFilter{Limit: 100}); len(all) != n+1 {
		t.Errorf("tenant lists %d runs, want %d", len(all), n+1)
	}
}
