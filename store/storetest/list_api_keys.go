package storetest

import (
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

func testListAPIKeys(t *testing.T, h *harness) {
	list := func(tenant string) []string {
		t.Helper()
		keys, err := h.s.ListAPIKeys(h.ctx, tenant)
		if err != nil {
			t.Fatalf("ListAPIKeys(%q): %v", tenant, err)
		}
		if keys == nil {
			t.Errorf("ListAPIKeys(%q) = nil, want a non-nil empty list", tenant)
		}
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = k.Tenant + "/" + k.ID
		}
		return out
	}
	same := func(what string, got []string, want ...string) {
		t.Helper()
		sameJSON(t, what, got, append([]string{}, want...))
	}
	same("ListAPIKeys of an empty store", list(""))

	h.putTenant("globex")
	h.putTenant("acme")
	h.putTenant("initech")
	for _, k := range []struct{ id, tenant string }{
		{"key-c", "acme"}, {"key-a", "globex"}, {"key-b", "acme"}, {"key-d", "globex"}, {"key-0", "acme"},
	} {
		if _, err := h.s.PutAPIKey(h.ctx, store.APIKey{ID: k.id, Tenant: k.tenant, Hash: store.HashAPIKey("secret-" + k.id),
			Scopes: []string{store.ScopeRunsRead}}); err != nil {
			t.Fatalf("PutAPIKey(%s): %v", k.id, err)
		}
	}
	same("ListAPIKeys of every tenant", list(""), "acme/key-0", "acme/key-b", "acme/key-c", "globex/key-a", "globex/key-d")
	same("ListAPIKeys(acme)", list("acme"), "acme/key-0", "acme/key-b", "acme/key-c")
	same("ListAPIKeys(globex)", list("globex"), "globex/key-a", "globex/key-d")
	for _, tenant := range []string{"initech", "unknown", "ACME", "acme\x00", "a\x00b"} {
		same("ListAPIKeys("+tenant+")", list(tenant))
	}

	// A revoked key is listed, marked revoked, with every stored field.
	h.clock.Advance(time.Minute)
	k, err := h.s.GetAPIKey(h.ctx, "globex", "key-d")
	if err != nil {
		t.Fatalf("GetAPIKey: %v", err)
	}
	k.RevokedAt = h.clock.Now()
	k.RatePerMinute = 30
	if _, err := h.s.PutAPIKey(h.ctx, k); err != nil {
		t.Fatalf("PutAPIKey revoke: %v", err)
	}
	keys, err := h.s.ListAPIKeys(h.ctx, "globex")
	if err != nil || len(keys) != 2 {
		t.Fatalf("ListAPIKeys(globex) after revoking = %v, %v", keys, err)
	}
	want := k
	want.CreatedAt = epoch
	sameJSON(t, "listed revoked key", keys[1], want)
	if !keys[1].Revoked() || keys[0].Revoked() {
		t.Errorf("revocation not listed: %+v", keys)
	}

	// The listing is a copy: changing it changes nothing stored.
	keys[0].Scopes[0] = store.ScopeKYCExport
	if again, _ := h.s.ListAPIKeys(h.ctx, "globex"); len(again) == 0 || again[0].Scopes[0] != store.ScopeRunsRead {
		t.Errorf("a listed key shares memory with the store: %+v", again)
	}
}
