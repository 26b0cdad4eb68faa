package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

func testIdempotency(t *testing.T, h *harness) {
	first := newRun("acme", "run-1")
	first.IdempotencyKey, first.RequestHash = "key-1", "hash-a"
	orig := h.create(first)

	// A retry with the same request returns the original run, as stored now.
	orig.Status = store.StatusRunning
	orig = h.update(orig)
	h.clock.Advance(store.IdempotencyWindow - time.Nanosecond)
	retry := newRun("acme", "run-2")
	retry.IdempotencyKey, retry.RequestHash = "key-1", "hash-a"
	got, created, err := h.s.CreateRun(h.ctx, retry)
	if err != nil || created {
		t.Fatalf("CreateRun retry: created = %v, error = %v; want the original run", created, err)
	}
	sameJSON(t, "retried run", got, orig)
	_, err = h.s.GetRun(h.ctx, "acme", "run-2")
	wantErr(t, "GetRun of the retry's ID", err, store.ErrNotFound)

	// The same key with a different request is a conflict.
	misuse := newRun("acme", "run-3")
	misuse.IdempotencyKey, misuse.RequestHash = "key-1", "hash-b"
	_, _, err = h.s.CreateRun(h.ctx, misuse)
	var ice *store.IdempotencyConflictError
	if !errors.As(err, &ice) || !errors.Is(err, store.ErrConflict) || ice.Key != "key-1" || ice.RunID != "run-1" {
		t.Errorf("CreateRun with a different request: error = %v, want *IdempotencyConflictError for run-1", err)
	}

	// Keys are per tenant.
	other := newRun("globex", "run-9")
	other.IdempotencyKey, other.RequestHash = "key-1", "hash-b"
	h.create(other)

	// After the window the key starts a new run, even for another request,
	// and then names the new run.
	h.clock.Advance(time.Nanosecond)
	late := newRun("acme", "run-4")
	late.IdempotencyKey, late.RequestHash = "key-1", "hash-b"
	fresh := h.create(late)
	if fresh.ID != "run-4" || !fresh.CreatedAt.Equal(h.clock.Now()) {
		t.Errorf("CreateRun after the window returned %s created %v", fresh.ID, fresh.CreatedAt)
	}
	again := newRun("acme", "run-5")
	again.IdempotencyKey, again.RequestHash = "key-1", "hash-b"
	got, created, err = h.s.CreateRun(h.ctx, again)
	if err != nil || created || got.ID != "run-4" {
		t.Errorf("CreateRun retry of the new run: %s, created = %v, error = %v; want run-4", got.ID, created, err)
	}
	if all := h.listAll("acme", store.ListFilter{}); len(all) != 2 {
		t.Errorf("tenant has runs %v, want run-4 and run-1", ids(all))
	}

	// A failed creation does not claim its key.
	bad := newRun("acme", "run-1") // taken ID
	bad.IdempotencyKey, bad.RequestHash = "key-2", "hash-a"
	_, _, err = h.s.CreateRun(h.ctx, bad)
	wantErr(t, "CreateRun with a taken ID", err, store.ErrConflict)
	good := newRun("acme", "run-6")
	good.IdempotencyKey, good.RequestHash = "key-2", "hash-c"
	h.create(good)
}
