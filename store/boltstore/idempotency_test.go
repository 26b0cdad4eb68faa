package boltstore

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
	bolt "go.etcd.io/bbolt"
)

// TestIdempotencyKeysExpire checks that expired idempotency keys are
// deleted as runs are created, and that a key reused after expiring keeps
// its new record when its old entry is deleted.
func TestIdempotencyKeysExpire(t *testing.T) {
	now := epoch
	s, err := Open(filepath.Join(t.TempDir(), "sieve.db"), Options{NoSync: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	create := func(id, key string) store.Run {
		t.Helper()
		r := store.Run{ID: id, Tenant: "acme", TemplateID: "t", TemplateVersion: 1, IdempotencyKey: key}
		if key != "" {
			r.RequestHash = "h"
		}
		got, _, err := s.CreateRun(ctx, r)
		if err != nil {
			t.Fatalf("CreateRun(%s, %q): %v", id, key, err)
		}
		return got
	}
	counts := func() (keys, index int) {
		t.Helper()
		if err := s.db.View(func(tx *bolt.Tx) error {
			keys = tx.Bucket(bucketIdempotency).Stats().KeyN
			index = tx.Bucket(bucketIdempotencyByTime).Stats().KeyN
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return keys, index
	}

	for i := range 5 {
		create(fmt.Sprintf("old-%d", i), fmt.Sprintf("k%d", i))
	}
	if k, i := counts(); k != 5 || i != 5 {
		t.Fatalf("after 5 keyed runs: %d keys, %d index entries", k, i)
	}
	// Within the window nothing expires.
	now = epoch.Add(store.IdempotencyWindow - time.Second)
	create("plain-1", "")
	if k, i := counts(); k != 5 || i != 5 {
		t.Fatalf("inside the window: %d keys, %d index entries; want 5 and 5", k, i)
	}
	// Past it, each creation deletes up to expireBatch (4) expired keys:
	// k0–k3 go, then k4 is claimed afresh for a new run.
	now = epoch.Add(store.IdempotencyWindow)
	fresh := create("new-4", "k4")
	if k, i := counts(); k != 1 || i != 2 {
		t.Fatalf("after reusing k4: %d keys, %d index entries; want 1 and 2", k, i)
	}
	// The next creation deletes k4's old index entry but keeps its new
	// record.
	create("plain-2", "")
	if k, i := counts(); k != 1 || i != 1 {
		t.Fatalf("after the stale entry of k4: %d keys, %d index entries; want 1 and 1", k, i)
	}
	got, created, err := s.CreateRun(ctx, store.Run{ID: "retry", Tenant: "acme", TemplateID: "t", TemplateVersion: 1, IdempotencyKey: "k4", RequestHash: "h"})
	if err != nil || created || got.ID != fresh.ID {
		t.Errorf("retry of k4 = %s, created %v, %v; want %s", got.ID, created, err, fresh.ID)
	}
	// Expiry never deletes runs.
	for i := range 4 {
		if _, err := s.GetRun(ctx, "acme", fmt.Sprintf("old-%d", i)); err != nil {
			t.Errorf("GetRun(old-%d): %v", i, err)
		}
	}
}
