package storetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

func testAnalyses(t *testing.T, h *harness) {
	h.create(newRun("acme", "run-1"))
	// Large enough that a store keeping it in shared or mapped memory
	// would hand out that memory.
	analysisBody := func() []byte {
		return []byte(`{"dimensions":[{"name":"sanctions","score":0}],"log":"` + strings.Repeat("x", 16<<10) + `"}`)
	}
	body := analysisBody()
	a, err := h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-1", Tenant: "acme", Body: body})
	if err != nil {
		t.Fatalf("PutAnalysis: %v", err)
	}
	want := store.Analysis{RunID: "run-1", Tenant: "acme", Body: body, CreatedAt: epoch}
	sameJSON(t, "stored analysis", a, want)
	got, err := h.s.GetAnalysis(h.ctx, "acme", "run-1")
	if err != nil {
		t.Fatalf("GetAnalysis: %v", err)
	}
	sameJSON(t, "GetAnalysis", got, want)

	// The returned body is the caller's.
	got.Body[0] = 'X'
	a.Body[0] = 'X'
	body[1] = 'X'
	got, _ = h.s.GetAnalysis(h.ctx, "acme", "run-1")
	want.Body = analysisBody()
	sameJSON(t, "GetAnalysis after changing returned bodies", got, want)

	// Writing the same body again is a no-op; a different one conflicts.
	h.clock.Advance(time.Hour)
	again, err := h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-1", Tenant: "acme", Body: want.Body})
	if err != nil {
		t.Fatalf("PutAnalysis again: %v", err)
	}
	sameJSON(t, "analysis written twice", again, want)
	_, err = h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-1", Tenant: "acme", Body: []byte(`{}`)})
	wantErr(t, "PutAnalysis with a different body", err, store.ErrConflict)

	_, err = h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-2", Tenant: "acme", Body: body})
	wantErr(t, "PutAnalysis of an unknown run", err, store.ErrNotFound)
	_, err = h.s.PutAnalysis(h.ctx, store.Analysis{RunID: "run-1", Tenant: "acme"})
	wantErr(t, "PutAnalysis without a body", err, store.ErrInvalidRecord)
	_, err = h.s.GetAnalysis(h.ctx, "acme", "run-2")
	wantErr(t, "GetAnalysis of an unknown run", err, store.ErrNotFound)
}

func testReports(t *testing.T, h *harness) {
	h.create(newRun("acme", "run-1"))
	pdf := []byte("%PDF-1.7\nresumido\n" + strings.Repeat("stream ", 4<<10) + "%%EOF")
	sum := sha256.Sum256(pdf)
	want := store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: pdf, SHA256: hex.EncodeToString(sum[:]), CreatedAt: epoch}
	r, err := h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: bytes.Clone(pdf)})
	if err != nil {
		t.Fatalf("PutReport: %v", err)
	}
	sameJSON(t, "stored report", r, want)
	got, err := h.s.GetReport(h.ctx, "acme", "run-1", "resumido")
	if err != nil {
		t.Fatalf("GetReport: %v", err)
	}
	sameJSON(t, "GetReport", got, want)
	got.PDF[0] = 'X'
	r.PDF[0] = 'X'
	got, _ = h.s.GetReport(h.ctx, "acme", "run-1", "resumido")
	sameJSON(t, "GetReport after changing returned PDFs", got, want)

	// Same bytes later: the stored report, with its original time.
	h.clock.Advance(time.Hour)
	again, err := h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: bytes.Clone(pdf), SHA256: want.SHA256})
	if err != nil {
		t.Fatalf("PutReport again: %v", err)
	}
	sameJSON(t, "report written twice", again, want)
	// Different bytes: a conflict, and the stored report stays.
	_, err = h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "resumido", PDF: []byte("%PDF-1.7\nother")})
	wantErr(t, "PutReport with different bytes", err, store.ErrConflict)
	got, _ = h.s.GetReport(h.ctx, "acme", "run-1", "resumido")
	sameJSON(t, "report after a conflicting write", got, want)

	// Another mode is another report.
	full, err := h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "completo", PDF: []byte("%PDF-1.7\ncompleto")})
	if err != nil || full.Mode != "completo" || !full.CreatedAt.Equal(h.clock.Now()) {
		t.Errorf("PutReport completo = %+v, %v", full, err)
	}

	_, err = h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "x", PDF: pdf, SHA256: hex.EncodeToString(make([]byte, 32))})
	wantErr(t, "PutReport with a wrong SHA256", err, store.ErrInvalidRecord)
	_, err = h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", Mode: "x"})
	wantErr(t, "PutReport without a PDF", err, store.ErrInvalidRecord)
	_, err = h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-1", PDF: pdf})
	wantErr(t, "PutReport without a mode", err, store.ErrInvalidRecord)
	_, err = h.s.PutReport(h.ctx, store.Report{Tenant: "acme", RunID: "run-9", Mode: "resumido", PDF: pdf})
	wantErr(t, "PutReport of an unknown run", err, store.ErrNotFound)
	_, err = h.s.GetReport(h.ctx, "acme", "run-1", "x")
	wantErr(t, "GetReport of an unknown mode", err, store.ErrNotFound)
}

func testPurgeReports(t *testing.T, h *harness) {
	h.create(newRun("acme", "run-1"))
	h.create(newRun("globex", "run-1"))
	put := func(tenant, mode string, at time.Time) {
		t.Helper()
		_, err := h.s.PutReport(h.ctx, store.Report{Tenant: tenant, RunID: "run-1", Mode: mode, PDF: []byte(mode), CreatedAt: at})
		if err != nil {
			t.Fatalf("PutReport(%s, %s): %v", tenant, mode, err)
		}
	}
	day := 24 * time.Hour
	put("acme", "old", epoch)
	put("globex", "old", epoch.Add(time.Hour))
	put("acme", "edge", epoch.Add(day))
	put("acme", "new", epoch.Add(100*day))

	n, err := h.s.PurgeReports(h.ctx, epoch.Add(day))
	if err != nil || n != 2 {
		t.Fatalf("PurgeReports = %d, %v; want 2 (strictly older only)", n, err)
	}
	for _, gone := range [][2]string{{"acme", "old"}, {"globex", "old"}} {
		_, err := h.s.GetReport(h.ctx, gone[0], "run-1", gone[1])
		wantErr(t, "GetReport of a purged report", err, store.ErrNotFound)
	}
	for _, kept := range []string{"edge", "new"} {
		if _, err := h.s.GetReport(h.ctx, "acme", "run-1", kept); err != nil {
			t.Errorf("GetReport(%s) after purge: %v", kept, err)
		}
	}
	if n, err := h.s.PurgeReports(h.ctx, epoch.Add(day)); err != nil || n != 0 {
		t.Errorf("second PurgeReports = %d, %v; want 0", n, err)
	}
	// A purged report can be rendered and stored again.
	put("acme", "old", epoch.Add(2*day))
	if n, err := h.s.PurgeReports(h.ctx, epoch.Add(1000*day)); err != nil || n != 3 {
		t.Errorf("PurgeReports of everything = %d, %v; want 3", n, err)
	}
}

func testTenants(t *testing.T, h *harness) {
	got := h.putTenant("acme")
	want := store.Tenant{ID: "acme", Name: "Tenant acme", CreatedAt: epoch}
	sameJSON(t, "stored tenant", got, want)
	h.clock.Advance(time.Hour)
	upd, err := h.s.PutTenant(h.ctx, store.Tenant{ID: "acme", Name: "Acme Ltda", Suspended: true})
	if err != nil {
		t.Fatalf("PutTenant update: %v", err)
	}
	want.Name, want.Suspended = "Acme Ltda", true
	sameJSON(t, "updated tenant", upd, want)
	read, err := h.s.GetTenant(h.ctx, "acme")
	if err != nil {
		t.Fatalf("GetTenant: %v", err)
	}
	sameJSON(t, "GetTenant", read, want)
	_, err = h.s.GetTenant(h.ctx, "globex")
	wantErr(t, "GetTenant of an unknown tenant", err, store.ErrNotFound)
	_, err = h.s.PutTenant(h.ctx, store.Tenant{Name: "no id"})
	wantErr(t, "PutTenant without an ID", err, store.ErrInvalidRecord)
}

func testAPIKeys(t *testing.T, h *harness) {
	hash := store.HashAPIKey("sk_live_secret")
	key := store.APIKey{ID: "key-1", Tenant: "acme", Hash: hash, Scopes: []string{store.ScopeRunsRead, store.ScopeRunsWrite}, RatePerMinute: 60}
	_, err := h.s.PutAPIKey(h.ctx, key)
	wantErr(t, "PutAPIKey for an unknown tenant", err, store.ErrNotFound)
	h.putTenant("acme")
	h.putTenant("globex")
	got, err := h.s.PutAPIKey(h.ctx, key)
	if err != nil {
		t.Fatalf("PutAPIKey: %v", err)
	}
	want := key
	want.CreatedAt = epoch
	sameJSON(t, "stored key", got, want)
	byHash, err := h.s.APIKeyByHash(h.ctx, hash)
	if err != nil {
		t.Fatalf("APIKeyByHash: %v", err)
	}
	sameJSON(t, "APIKeyByHash", byHash, want)
	if !byHash.HasScope(store.ScopeRunsWrite) || byHash.HasScope(store.ScopeKYCExport) || byHash.Revoked() {
		t.Errorf("key scopes or revocation wrong: %+v", byHash)
	}
	byID, err := h.s.GetAPIKey(h.ctx, "acme", "key-1")
	if err != nil {
		t.Fatalf("GetAPIKey: %v", err)
	}
	sameJSON(t, "GetAPIKey", byID, want)

	for _, h2 := range []string{store.HashAPIKey("wrong"), "", hash[:63], "SK_LIVE_SECRET"} {
		_, err := h.s.APIKeyByHash(h.ctx, h2)
		wantErr(t, "APIKeyByHash of an unknown hash", err, store.ErrNotFound)
	}

	// Revocation keeps the key findable, marked revoked, with its
	// creation time.
	h.clock.Advance(time.Hour)
	revoked := want
	revoked.RevokedAt = h.clock.Now()
	revoked.CreatedAt = time.Time{}
	if _, err := h.s.PutAPIKey(h.ctx, revoked); err != nil {
		t.Fatalf("PutAPIKey revoke: %v", err)
	}
	byHash, err = h.s.APIKeyByHash(h.ctx, hash)
	if err != nil || !byHash.Revoked() || !byHash.CreatedAt.Equal(epoch) {
		t.Errorf("revoked key = %+v, %v", byHash, err)
	}

	// Rotating the secret moves the hash.
	rotated := want
	rotated.Hash = store.HashAPIKey("sk_live_new")
	if _, err := h.s.PutAPIKey(h.ctx, rotated); err != nil {
		t.Fatalf("PutAPIKey rotate: %v", err)
	}
	_, err = h.s.APIKeyByHash(h.ctx, hash)
	wantErr(t, "APIKeyByHash of the old hash", err, store.ErrNotFound)
	if k, err := h.s.APIKeyByHash(h.ctx, rotated.Hash); err != nil || k.ID != "key-1" {
		t.Errorf("APIKeyByHash of the new hash = %+v, %v", k, err)
	}

	// A hash belongs to one key; a key to one tenant.
	_, err = h.s.PutAPIKey(h.ctx, store.APIKey{ID: "key-2", Tenant: "globex", Hash: rotated.Hash})
	wantErr(t, "PutAPIKey with another key's hash", err, store.ErrConflict)
	moved := rotated
	moved.Tenant = "globex"
	_, err = h.s.PutAPIKey(h.ctx, moved)
	wantErr(t, "PutAPIKey moving a key", err, store.ErrConflict)

	invalid := []store.APIKey{
		{ID: "k", Tenant: "acme", Hash: "not-hex"},
		{ID: "k", Tenant: "acme", Hash: hash[:10]},
		{ID: "k", Tenant: "acme", Hash: store.HashAPIKey("x"), Scopes: []string{"runs:delete"}},
		{ID: "", Tenant: "acme", Hash: store.HashAPIKey("x")},
		{ID: "k", Tenant: "acme", Hash: store.HashAPIKey("x"), RatePerMinute: -1},
	}
	for _, k := range invalid {
		_, err := h.s.PutAPIKey(h.ctx, k)
		wantErr(t, "PutAPIKey invalid", err, store.ErrInvalidRecord)
	}
}

func testExports(t *testing.T, h *harness) {
	job := store.ExportJob{ID: "job-1", Tenant: "acme", Request: []byte(`{"name":"x"}`), Result: []byte(`{"matches":[]}`)}
	got, err := h.s.PutExport(h.ctx, job)
	if err != nil {
		t.Fatalf("PutExport: %v", err)
	}
	want := job
	want.CreatedAt = epoch
	sameJSON(t, "stored export", got, want)
	read, err := h.s.GetExport(h.ctx, "acme", "job-1")
	if err != nil {
		t.Fatalf("GetExport: %v", err)
	}
	sameJSON(t, "GetExport", read, want)

	h.clock.Advance(time.Hour)
	if again, err := h.s.PutExport(h.ctx, job); err != nil {
		t.Errorf("PutExport again: %v", err)
	} else {
		sameJSON(t, "export written twice", again, want)
	}
	changed := job
	changed.Result = []byte(`{"matches":[1]}`)
	_, err = h.s.PutExport(h.ctx, changed)
	wantErr(t, "PutExport with different bytes", err, store.ErrConflict)
	_, err = h.s.PutExport(h.ctx, store.ExportJob{Tenant: "acme"})
	wantErr(t, "PutExport without an ID", err, store.ErrInvalidRecord)
	_, err = h.s.GetExport(h.ctx, "acme", "job-2")
	wantErr(t, "GetExport of an unknown job", err, store.ErrNotFound)

	// Another tenant may use the same job ID.
	other := job
	other.Tenant = "globex"
	other.Result = []byte(`{"globex":true}`)
	if _, err := h.s.PutExport(h.ctx, other); err != nil {
		t.Errorf("PutExport for another tenant: %v", err)
	}
	if n, err := h.s.PurgeExports(h.ctx, epoch.Add(time.Minute)); err != nil || n != 1 {
		t.Errorf("PurgeExports = %d, %v; want 1", n, err)
	}
	_, err = h.s.GetExport(h.ctx, "acme", "job-1")
	wantErr(t, "GetExport of a purged job", err, store.ErrNotFound)
	if _, err := h.s.GetExport(h.ctx, "globex", "job-1"); err != nil {
		t.Errorf("GetExport of a newer job after purge: %v", err)
	}
}
