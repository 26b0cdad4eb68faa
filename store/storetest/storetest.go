package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

// Opener opens a fresh, empty store for one test. The store must take every
// time it stamps (default creation times, idempotency ages) from now. The
// suite closes the store when the test ends; Close must tolerate being
// called twice.
type Opener func(t *testing.T, now func() time.Time) store.Store

// Run runs the conformance suite against stores from open, each subtest on
// a fresh store.
func Run(t *testing.T, open Opener) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, h *harness)
	}{
		{"CreateRun", testCreateRun},
		{"GetRun", testGetRun},
		{"UpdateRun", testUpdateRun},
		{"FinishRun", testFinishRun},
		{"Idempotency", testIdempotency},
		{"TenantIsolation", testTenantIsolation},
		{"ListRunsOrder", testListRunsOrder},
		{"ListRunsStableCursor", testListRunsStableCursor},
		{"ListRunsFilters", testListRunsFilters},
		{"ListRunsLimits", testListRunsLimits},
		{"ListRunsInvalidCursor", testListRunsInvalidCursor},
		{"PendingRuns", testPendingRuns},
		{"Analyses", testAnalyses},
		{"Reports", testReports},
		{"PurgeReports", testPurgeReports},
		{"Tenants", testTenants},
		{"APIKeys", testAPIKeys},
		{"ListAPIKeys", testListAPIKeys},
		{"Exports", testExports},
		{"Closed", testClosed},
		{"CancelledContext", testCancelledContext},
		{"ConcurrentIdempotentCreate", testConcurrentIdempotentCreate},
		{"ConcurrentUpdate", testConcurrentUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, newHarness(t, open))
		})
	}
}

// epoch is the suite clock's starting time.
var epoch = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// clock is a manual clock, safe for concurrent use.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// harness is one subtest's store and clock.
type harness struct {
	t     *testing.T
	s     store.Store
	clock *clock
	ctx   context.Context
}

func newHarness(t *testing.T, open Opener) *harness {
	t.Helper()
	c := &clock{now: epoch}
	s := open(t, c.Now)
	if s == nil {
		t.Fatal("open returned a nil store")
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return &harness{t: t, s: s, clock: c, ctx: t.Context()}
}

// newRun returns a valid run to create; fields a test needs are set after.
func newRun(tenant, id string) store.Run {
	return store.Run{
		ID:              id,
		Tenant:          tenant,
		TemplateID:      "kyc-pf",
		TemplateVersion: 2,
		Params: map[string]any{
			"name":  "Maria da Silva",
			"cpf":   "52998224725",
			"score": 7.5,
			"tags":  []any{"pep", "vip"},
		},
		ExternalID:       "ext-" + id,
		Metadata:         map[string]string{"channel": "web", "branch": "São Paulo"},
		Live:             true,
		EstimatedSeconds: 30,
	}
}

// create stores run and fails the test on any error.
func (h *harness) create(run store.Run) store.Run {
	h.t.Helper()
	got, created, err := h.s.CreateRun(h.ctx, run)
	if err != nil {
		h.t.Fatalf("CreateRun(%s/%s): %v", run.Tenant, run.ID, err)
	}
	if !created {
		h.t.Fatalf("CreateRun(%s/%s): created = false", run.Tenant, run.ID)
	}
	return got
}

// update stores run's progress and fails the test on any error.
func (h *harness) update(run store.Run) store.Run {
	h.t.Helper()
	got, err := h.s.UpdateRun(h.ctx, run)
	if err != nil {
		h.t.Fatalf("UpdateRun(%s/%s → %v): %v", run.Tenant, run.ID, run.Status, err)
	}
	return got
}

// get reads a run and fails the test on any error.
func (h *harness) get(tenant, id string) store.Run {
	h.t.Helper()
	got, err := h.s.GetRun(h.ctx, tenant, id)
	if err != nil {
		h.t.Fatalf("GetRun(%s/%s): %v", tenant, id, err)
	}
	return got
}

// putTenant stores a tenant and fails the test on any error.
func (h *harness) putTenant(id string) store.Tenant {
	h.t.Helper()
	got, err := h.s.PutTenant(h.ctx, store.Tenant{ID: id, Name: "Tenant " + id})
	if err != nil {
		h.t.Fatalf("PutTenant(%s): %v", id, err)
	}
	return got
}

// wantErr fails the test unless err wraps target.
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: error = %v, want %v", what, err, target)
	}
}

// sameJSON fails the test unless got and want encode to the same JSON,
// which compares records field by field with times as instants in UTC and
// maps in key order.
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("%s: encode got: %v", what, err)
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatalf("%s: encode want: %v", what, err)
	}
	if string(g) != string(w) {
		t.Errorf("%s differs\n got: %s\nwant: %s", what, g, w)
	}
}

// ids returns the IDs of runs, in order.
func ids(runs []store.Run) []string {
	out := make([]string, len(runs))
	for i, r := range runs {
		out[i] = r.ID
	}
	return out
}

// listAll pages through a listing and returns every run, failing on
// duplicates and on more pages than runs.
func (h *harness) listAll(tenant string, f store.ListFilter) []store.Run {
	h.t.Helper()
	var all []store.Run
	seen := map[string]bool{}
	for page := 0; ; page++ {
		if page > 1000 {
			h.t.Fatal("listing does not end")
		}
		got, next, err := h.s.ListRuns(h.ctx, tenant, f)
		if err != nil {
			h.t.Fatalf("ListRuns(%s, page %d): %v", tenant, page, err)
		}
		if len(got) > f.PageSize() {
			h.t.Fatalf("ListRuns page %d has %d runs, limit %d", page, len(got), f.PageSize())
		}
		if next != "" && len(got) == 0 {
			h.t.Fatalf("ListRuns page %d is empty but has a next cursor", page)
		}
		for _, r := range got {
			if seen[r.ID] {
				h.t.Fatalf("run %s listed twice", r.ID)
			}
			seen[r.ID] = true
		}
		all = append(all, got...)
		if next == "" {
			return all
		}
		f.Cursor = next
	}
}

// seq returns "prefix-00", "prefix-01", ... n IDs that sort in order.
func seq(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%02d", prefix, i)
	}
	return out
}
