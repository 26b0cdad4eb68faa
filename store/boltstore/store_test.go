package boltstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/storetest"
	bolt "go.etcd.io/bbolt"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Store {
		s, err := Open(filepath.Join(t.TempDir(), "sieve.db"), Options{Now: now})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return s
	})
}

var epoch = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func openAt(t *testing.T, path string, now time.Time) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

// TestReopen writes every kind of record, closes the file, and reads them
// all back from a new Store: nothing lives only in memory.
func TestReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sieve.db")
	s := openAt(t, path, epoch)
	if _, err := s.PutTenant(ctx, store.Tenant{ID: "acme", Name: "Acme"}); err != nil {
		t.Fatal(err)
	}
	key := store.APIKey{ID: "key-1", Tenant: "acme", Hash: store.HashAPIKey("secret"), Scopes: []string{store.ScopeRunsRead}}
	if _, err := s.PutAPIKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	var runs []store.Run
	for i, id := range []string{"run-1", "run-2", "run-3"} {
		r := store.Run{ID: id, Tenant: "acme", TemplateID: "kyc-pf", TemplateVersion: 1,
			Params: map[string]any{"cpf": "52998224725"}, IdempotencyKey: "idem-" + id, RequestHash: "h",
			CreatedAt: epoch.Add(time.Duration(i) * time.Minute)}
		got, _, err := s.CreateRun(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, got)
	}
	runs[0].Status = store.StatusRunning
	runs[0], _ = s.UpdateRun(ctx, runs[0])
	runs[0].Status = store.StatusCompleted
	runs[0], _ = s.FinishRun(ctx, runs[0], store.Analysis{Body: []byte(`{"ok":true}`)})
	rep, err := s.PutReport(ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: []byte("%PDF-1.7")})
	if err != nil {
		t.Fatal(err)
	}
	job, err := s.PutExport(ctx, store.ExportJob{ID: "job-1", Tenant: "acme", Request: []byte("q"), Result: []byte("r")})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, epoch.Add(time.Hour))
	defer s.Close()
	for _, want := range runs {
		got, err := s.GetRun(ctx, "acme", want.ID)
		if err != nil || got.Revision != want.Revision || got.Status != want.Status {
			t.Errorf("GetRun(%s) after reopen = %+v, %v; want %+v", want.ID, got, err, want)
		}
	}
	page, _, err := s.ListRuns(ctx, "acme", store.ListFilter{})
	if err != nil || len(page) != 3 || page[0].ID != "run-3" {
		t.Errorf("ListRuns after reopen = %d runs, %v", len(page), err)
	}
	pending, err := s.PendingRuns(ctx)
	if err != nil || len(pending) != 2 || pending[0].ID != "run-2" {
		t.Errorf("PendingRuns after reopen = %v, %v", pending, err)
	}
	if a, err := s.GetAnalysis(ctx, "acme", "run-1"); err != nil || string(a.Body) != `{"ok":true}` {
		t.Errorf("GetAnalysis after reopen = %+v, %v", a, err)
	}
	if r, err := s.GetReport(ctx, "acme", "run-1", "resumido"); err != nil || r.SHA256 != rep.SHA256 || string(r.PDF) != "%PDF-1.7" {
		t.Errorf("GetReport after reopen = %+v, %v", r, err)
	}
	if j, err := s.GetExport(ctx, "acme", "job-1"); err != nil || string(j.Result) != string(job.Result) {
		t.Errorf("GetExport after reopen = %+v, %v", j, err)
	}
	if k, err := s.APIKeyByHash(ctx, key.Hash); err != nil || k.ID != "key-1" {
		t.Errorf("APIKeyByHash after reopen = %+v, %v", k, err)
	}
	if tn, err := s.GetTenant(ctx, "acme"); err != nil || !tn.CreatedAt.Equal(epoch) {
		t.Errorf("GetTenant after reopen = %+v, %v", tn, err)
	}
	// Idempotency keys survive too.
	retry := store.Run{ID: "run-x", Tenant: "acme", TemplateID: "kyc-pf", TemplateVersion: 1, IdempotencyKey: "idem-run-2", RequestHash: "h"}
	if got, created, err := s.CreateRun(ctx, retry); err != nil || created || got.ID != "run-2" {
		t.Errorf("CreateRun retry after reopen = %s, created %v, %v", got.ID, created, err)
	}
}

// TestOpenLocked opens a store held by another handle: Open gives up after
// its timeout with store.ErrLocked instead of hanging, and succeeds once the
// holder closes. (flock locks are per open file, so a second handle in one
// process stands in for a second process.)
func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sieve.db")
	first, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(path, Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open: error = %v, want store.ErrLocked", err)
	}
	// bbolt retries the lock every 50ms and gives up one retry early.
	if waited := time.Since(start); waited < 40*time.Millisecond || waited > 5*time.Second {
		t.Errorf("second Open waited %v, want about 100ms", waited)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second, err := Open(path, Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after the holder closed: %v", err)
	}
	second.Close()
}

func TestOpenDefaultTimeoutIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("waits DefaultTimeout")
	}
	path := filepath.Join(t.TempDir(), "sieve.db")
	first, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	_, err = Open(path, Options{})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open: error = %v, want store.ErrLocked", err)
	}
	if waited := time.Since(start); waited < DefaultTimeout-100*time.Millisecond || waited > DefaultTimeout+3*time.Second {
		t.Errorf("second Open waited %v, want about %v", waited, DefaultTimeout)
	}
}

func TestSchemaVersion(t *testing.T) {
	if SchemaVersion != len(migrations) {
		t.Fatalf("SchemaVersion = %d, but there are %d migrations", SchemaVersion, len(migrations))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "sieve.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if v := readVersion(t, path); v != SchemaVersion {
		t.Errorf("new store has schema version %d, want %d", v, SchemaVersion)
	}

	// A store written by a newer Sieve is refused, and left untouched.
	writeVersion(t, path, SchemaVersion+1)
	_, err = Open(path, Options{})
	var se *SchemaError
	if !errors.As(err, &se) || !errors.Is(err, ErrUnsupportedSchema) || se.Found != SchemaVersion+1 || se.Supported != SchemaVersion || se.Path != path {
		t.Fatalf("Open of a newer store: error = %v, want *SchemaError", err)
	}
	if v := readVersion(t, path); v != SchemaVersion+1 {
		t.Errorf("refused store now has version %d", v)
	}

	// A store with the current version reopens.
	writeVersion(t, path, SchemaVersion)
	if s, err := Open(path, Options{}); err != nil {
		t.Errorf("Open after restoring the version: %v", err)
	} else {
		s.Close()
	}
}

// TestOpenNotStore refuses files that are not Sieve stores.
func TestOpenNotStore(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		setup func(path string)
	}{
		{"text file", func(path string) {
			if err := os.WriteFile(path, []byte("hello, this is not a database, not at all, honestly"+string(make([]byte, 8192))), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"another program's bbolt file", func(path string) {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Update(func(tx *bolt.Tx) error {
				_, err := tx.CreateBucket([]byte("widgets"))
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}},
		{"meta bucket without version", func(path string) {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Update(func(tx *bolt.Tx) error {
				_, err := tx.CreateBucket(bucketMeta)
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			tt.setup(path)
			s, err := Open(path, Options{})
			if !errors.Is(err, ErrNotStore) {
				if s != nil {
					s.Close()
				}
				t.Fatalf("Open: error = %v, want ErrNotStore", err)
			}
		})
	}
}

// TestMigrations runs a store through a later schema version: migrations
// run in order, once, and a failing one leaves the store as it was.
func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sieve.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutTenant(t.Context(), store.Tenant{ID: "acme"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var ran []int
	v2 := func(tx *bolt.Tx) error {
		ran = append(ran, 2)
		_, err := tx.CreateBucket([]byte("v2"))
		return err
	}
	broken := func(tx *bolt.Tx) error {
		ran = append(ran, 3)
		if _, err := tx.CreateBucket([]byte("v3")); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}
	_, err = open(path, Options{}, append(migrations[:1:1], v2, broken))
	if err == nil {
		t.Fatal("open with a failing migration succeeded")
	}
	if v := readVersion(t, path); v != 1 {
		t.Errorf("failed migration left version %d, want 1", v)
	}
	if hasBucket(t, path, "v2") || hasBucket(t, path, "v3") {
		t.Error("failed migration left buckets behind")
	}

	ran = nil
	s2, err := open(path, Options{}, append(migrations[:1:1], v2))
	if err != nil {
		t.Fatalf("open with migration 2: %v", err)
	}
	if _, err := s2.GetTenant(t.Context(), "acme"); err != nil {
		t.Errorf("data lost in migration: %v", err)
	}
	s2.Close()
	if v := readVersion(t, path); v != 2 || len(ran) != 1 || !hasBucket(t, path, "v2") {
		t.Errorf("after migration: version %d, ran %v", v, ran)
	}
	ran = nil
	s2, err = open(path, Options{}, append(migrations[:1:1], v2))
	if err != nil || len(ran) != 0 {
		t.Errorf("reopen at version 2: ran %v, error %v", ran, err)
	}
	s2.Close()
	// The released version (1) refuses the migrated store.
	if _, err := Open(path, Options{}); !errors.Is(err, ErrUnsupportedSchema) {
		t.Errorf("Open of a version-2 store: error = %v, want ErrUnsupportedSchema", err)
	}
}

func TestOptionsValidate(t *testing.T) {
	err := Options{Timeout: -time.Second}.Validate()
	if !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("Validate() = %v, want ErrInvalidOptions", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "x.db"), Options{Timeout: -1}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("Open with invalid options: error = %v, want ErrInvalidOptions", err)
	}
	if err := (Options{}).Validate(); err != nil {
		t.Errorf("zero Options: %v", err)
	}
}

// TestIdempotencyRace creates one request from many goroutines through two
// rounds, with -race: one run per key, every caller gets it.
func TestIdempotencyRace(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "sieve.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, key := range []string{"k1", "k2", "k3"} {
		var wg sync.WaitGroup
		results := make([]string, 64)
		createdBy := make([]bool, 64)
		for i := range results {
			wg.Go(func() {
				r := store.Run{ID: fmt.Sprintf("%s-%02d", key, i), Tenant: "acme", TemplateID: "t", TemplateVersion: 1,
					IdempotencyKey: key, RequestHash: "h"}
				got, created, err := s.CreateRun(ctx, r)
				if err != nil {
					t.Errorf("CreateRun: %v", err)
					return
				}
				results[i], createdBy[i] = got.ID, created
			})
		}
		wg.Wait()
		n := 0
		for i := range results {
			if createdBy[i] {
				n++
			}
			if results[i] != results[0] {
				t.Errorf("key %s: caller %d got %s, caller 0 got %s", key, i, results[i], results[0])
			}
		}
		if n != 1 {
			t.Errorf("key %s: %d runs created, want 1", key, n)
		}
	}
	page, _, err := s.ListRuns(ctx, "acme", store.ListFilter{})
	if err != nil || len(page) != 3 {
		t.Errorf("ListRuns = %d runs, %v; want 3", len(page), err)
	}
}

func readVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v uint64
	if err := db.View(func(tx *bolt.Tx) error {
		v = binary.BigEndian.Uint64(tx.Bucket(bucketMeta).Get(keySchemaVersion))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return int(v)
}

func writeVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, uint64(v)))
	}); err != nil {
		t.Fatal(err)
	}
}

func hasBucket(t *testing.T, path, name string) bool {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	found := false
	db.View(func(tx *bolt.Tx) error {
		found = tx.Bucket([]byte(name)) != nil
		return nil
	})
	return found
}
