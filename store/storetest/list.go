package storetest

import (
	"cmp"
	"encoding/base64"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

// wantIDs fails the test unless runs have exactly the IDs want, in order.
func wantIDs(t *testing.T, what string, runs []store.Run, want []string) {
	t.Helper()
	if got := ids(runs); !slices.Equal(got, want) {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

// newestFirst sorts runs in listing order: newest first, then highest ID.
func newestFirst(runs []store.Run) []string {
	runs = slices.Clone(runs)
	slices.SortFunc(runs, func(a, b store.Run) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return ids(runs)
}

func testListRunsOrder(t *testing.T, h *harness) {
	var created []store.Run
	// Runs one second apart, and groups sharing a creation time, inserted in
	// an order unrelated to either.
	for i, id := range []string{"m", "c", "x", "a", "q", "b", "z", "k", "d", "y", "e", "f", "g"} {
		r := newRun("acme", id)
		r.CreatedAt = epoch.Add(time.Duration(i%5) * time.Second)
		created = append(created, h.create(r))
	}
	want := newestFirst(created)
	for _, limit := range []int{1, 2, 3, 5, 13, 20} {
		wantIDs(t, "all pages", h.listAll("acme", store.ListFilter{Limit: limit}), want)
	}
	page, next, err := h.s.ListRuns(h.ctx, "acme", store.ListFilter{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "first page", page, want[:4])
	if next == "" {
		t.Error("first page has no next cursor")
	}
	sameJSON(t, "listed run", page[0], h.get("acme", page[0].ID))

	// A page that ends exactly at the last run has no next cursor.
	page, next, err = h.s.ListRuns(h.ctx, "acme", store.ListFilter{Limit: len(created)})
	if err != nil || len(page) != len(created) || next != "" {
		t.Errorf("ListRuns with limit = count: %d runs, next %q, error %v; want all, no cursor", len(page), next, err)
	}
	// An empty tenant lists nothing.
	page, next, err = h.s.ListRuns(h.ctx, "nobody", store.ListFilter{})
	if err != nil || len(page) != 0 || next != "" {
		t.Errorf("ListRuns of an empty tenant = %v, %q, %v", ids(page), next, err)
	}
}

// testListRunsStableCursor pages through a listing while runs are created:
// a cursor keeps its place, nothing is listed twice, and runs created after
// the listing began never shift it.
func testListRunsStableCursor(t *testing.T, h *harness) {
	var created []store.Run
	for _, id := range seq("run", 12) {
		h.clock.Advance(time.Second)
		created = append(created, h.create(newRun("acme", id)))
	}
	want := newestFirst(created)
	f := store.ListFilter{Limit: 5}
	var got []store.Run
	for page := 'a'; ; page++ {
		runs, next, err := h.s.ListRuns(h.ctx, "acme", f)
		if err != nil {
			t.Fatalf("page %c: %v", page, err)
		}
		got = append(got, runs...)
		if next == "" {
			break
		}
		f.Cursor = next
		// Between pages, create: a newer run (never listed: the listing
		// began before it); a run as old as the last one listed with a
		// higher ID (it sorts before the cursor: never listed); and one as
		// old with a lower ID (it sorts after the cursor: listed next).
		last := runs[len(runs)-1]
		h.clock.Advance(time.Second)
		h.create(newRun("acme", "new-"+string(page)))
		before := newRun("acme", last.ID+"~"+string(page))
		before.CreatedAt = last.CreatedAt
		h.create(before)
		after := newRun("acme", last.ID[:len(last.ID)-1]+"!"+string(page))
		after.CreatedAt = last.CreatedAt
		h.create(after)
		want = slices.Insert(want, len(got), after.ID)
	}
	wantIDs(t, "pages while inserting", got, want)
}

func testListRunsFilters(t *testing.T, h *harness) {
	var all []store.Run
	for i, id := range seq("run", 12) {
		h.clock.Advance(time.Minute)
		r := newRun("acme", id)
		r.TemplateID = []string{"kyc-pf", "kyc-pj", "kyc-pf-lite"}[i%3]
		r.ExternalID = []string{"order-1", "order-2"}[i%2]
		run := h.create(r)
		switch i % 4 {
		case 1:
			run.Status = store.StatusRunning
			run = h.update(run)
		case 2:
			run.Status = store.StatusRunning
			run = h.update(run)
			run.Status = store.StatusCompleted
			run = h.update(run)
		case 3:
			run.Status = store.StatusRunning
			run = h.update(run)
			run.Status = store.StatusInReview
			run = h.update(run)
		}
		all = append(all, run)
	}
	h.create(newRun("globex", "run-00"))
	t3, t8 := all[3].CreatedAt, all[8].CreatedAt
	tests := []struct {
		name string
		f    store.ListFilter
	}{
		{"status queued", store.ListFilter{Status: store.StatusQueued}},
		{"status running", store.ListFilter{Status: store.StatusRunning}},
		{"status completed", store.ListFilter{Status: store.StatusCompleted}},
		{"status em_analise", store.ListFilter{Status: store.StatusInReview}},
		{"status failed (none)", store.ListFilter{Status: store.StatusFailed}},
		{"template", store.ListFilter{TemplateID: "kyc-pf"}},
		{"template, no prefix match", store.ListFilter{TemplateID: "kyc"}},
		{"external id", store.ListFilter{ExternalID: "order-2"}},
		{"created after, inclusive", store.ListFilter{CreatedAfter: t3}},
		{"created before, inclusive", store.ListFilter{CreatedBefore: t8}},
		{"created between", store.ListFilter{CreatedAfter: t3, CreatedBefore: t8}},
		{"created at one instant", store.ListFilter{CreatedAfter: t3, CreatedBefore: t3}},
		{"created between, off the instants", store.ListFilter{CreatedAfter: t3.Add(time.Nanosecond), CreatedBefore: t8.Add(-time.Nanosecond)}},
		{"created after everything", store.ListFilter{CreatedAfter: h.clock.Now().Add(time.Hour)}},
		{"created before everything", store.ListFilter{CreatedBefore: epoch}},
		{"everything", store.ListFilter{Status: store.StatusQueued, TemplateID: "kyc-pf", ExternalID: "order-1", CreatedAfter: t3, CreatedBefore: t8.Add(time.Hour)}},
		{"everything, other zone", store.ListFilter{CreatedAfter: t3.In(time.FixedZone("X", 7200)), CreatedBefore: t8.In(time.FixedZone("Y", -7200))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []store.Run
			for _, r := range all {
				if tt.f.Match(r) {
					want = append(want, r)
				}
			}
			for _, limit := range []int{0, 1, 2} {
				f := tt.f
				f.Limit = limit
				got := h.listAll("acme", f)
				wantIDs(t, "filtered listing", got, newestFirst(want))
				for _, r := range got {
					if !tt.f.Match(r) {
						t.Errorf("run %s does not match the filter", r.ID)
					}
				}
			}
		})
	}
	// Sanity: the table exercises non-trivial selections.
	if n := len(h.listAll("acme", store.ListFilter{Status: store.StatusCompleted})); n != 3 {
		t.Errorf("%d completed runs, want 3", n)
	}
	if n := len(h.listAll("acme", store.ListFilter{CreatedAfter: t3, CreatedBefore: t8})); n != 6 {
		t.Errorf("%d runs between run-03 and run-08, want 6", n)
	}
	_, _, err := h.s.ListRuns(h.ctx, "acme", store.ListFilter{CreatedAfter: t8, CreatedBefore: t3})
	wantErr(t, "ListRuns with after > before", err, store.ErrInvalidFilter)
	_, _, err = h.s.ListRuns(h.ctx, "acme", store.ListFilter{Status: 99})
	wantErr(t, "ListRuns with an invalid status", err, store.ErrInvalidFilter)
}

func testListRunsLimits(t *testing.T, h *harness) {
	for _, id := range seq("run", store.MaxListLimit+5) {
		h.create(newRun("acme", id))
	}
	tests := []struct {
		limit, want int
	}{
		{0, store.DefaultListLimit},
		{1, 1},
		{store.MaxListLimit, store.MaxListLimit},
	}
	for _, tt := range tests {
		page, next, err := h.s.ListRuns(h.ctx, "acme", store.ListFilter{Limit: tt.limit})
		if err != nil || len(page) != tt.want || next == "" {
			t.Errorf("limit %d: %d runs, next %q, error %v; want %d runs and a cursor", tt.limit, len(page), next, err, tt.want)
		}
	}
	for _, limit := range []int{-1, store.MaxListLimit + 1, 1 << 30} {
		_, _, err := h.s.ListRuns(h.ctx, "acme", store.ListFilter{Limit: limit})
		wantErr(t, "ListRuns with limit out of range", err, store.ErrInvalidFilter)
	}
}

func testListRunsInvalidCursor(t *testing.T, h *harness) {
	for _, id := range seq("run", 5) {
		h.clock.Advance(time.Second)
		h.create(newRun("acme", id))
		h.create(newRun("globex", id))
	}
	f := store.ListFilter{Limit: 2, TemplateID: "kyc-pf"}
	_, next, err := h.s.ListRuns(h.ctx, "acme", f)
	if err != nil || next == "" {
		t.Fatalf("ListRuns: next %q, error %v", next, err)
	}
	raw, err := base64.RawURLEncoding.DecodeString(next)
	if err != nil {
		t.Fatalf("cursor %q is not base64url: %v", next, err)
	}
	flip := func(i int) string {
		b := slices.Clone(raw)
		b[i] ^= 0x20
		return base64.RawURLEncoding.EncodeToString(b)
	}
	tests := []struct {
		name   string
		tenant string
		f      store.ListFilter
		cursor string
	}{
		{"garbage", "acme", f, "hello, world"},
		{"truncated", "acme", f, next[:len(next)/2]},
		{"extended", "acme", f, next + "AA"},
		{"first byte edited", "acme", f, flip(0)},
		{"middle byte edited", "acme", f, flip(len(raw) / 2)},
		{"last byte edited", "acme", f, flip(len(raw) - 1)},
		{"another tenant", "globex", f, next},
		{"another filter", "acme", store.ListFilter{Limit: 2, TemplateID: "kyc-pj"}, next},
		{"filter dropped", "acme", store.ListFilter{Limit: 2}, next},
		{"huge", "acme", f, strings.Repeat("A", 100000)},
	}
	for _, tt := range tests {
		tt.f.Cursor = tt.cursor
		_, _, err := h.s.ListRuns(h.ctx, tt.tenant, tt.f)
		wantErr(t, "ListRuns with a cursor "+tt.name, err, store.ErrInvalidCursor)
	}
	// The limit may change between pages.
	f.Cursor, f.Limit = next, 3
	page, _, err := h.s.ListRuns(h.ctx, "acme", f)
	if err != nil || len(page) != 3 || page[0].ID != "run-02" {
		t.Errorf("ListRuns with a new limit: %v, %v; want run-02 to run-00", ids(page), err)
	}
}

func testPendingRuns(t *testing.T, h *harness) {
	if got, err := h.s.PendingRuns(h.ctx); err != nil || len(got) != 0 {
		t.Fatalf("PendingRuns of an empty store = %v, %v", ids(got), err)
	}
	// Interleave tenants; statuses cycle through the lifecycle.
	var want []string
	for i, id := range seq("run", 10) {
		h.clock.Advance(time.Second)
		tenant := []string{"acme", "globex"}[i%2]
		run := h.create(newRun(tenant, id))
		switch i % 5 {
		case 0:
			want = append(want, id) // queued
		case 1:
			run.Status = store.StatusRunning
			h.update(run)
			want = append(want, id)
		case 2:
			run.Status = store.StatusRunning
			run = h.update(run)
			run.Status = store.StatusCompleted
			h.update(run)
		case 3:
			run.Status = store.StatusRunning
			run = h.update(run)
			run.Status = store.StatusInReview
			h.update(run)
		case 4:
			run.Status = store.StatusFailed
			h.update(run)
		}
	}
	got, err := h.s.PendingRuns(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "pending runs, oldest first", got, want)
	sameJSON(t, "pending run", got[1], h.get("globex", "run-01"))

	// Finishing one removes it; requeueing a running one keeps it.
	done := h.get("acme", "run-00")
	done.Status = store.StatusCancelled
	h.update(done)
	requeued := h.get("globex", "run-01")
	requeued.Status = store.StatusQueued
	h.update(requeued)
	got, err = h.s.PendingRuns(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "pending runs after cancel and requeue", got, want[1:])
	if got[0].Status != store.StatusQueued {
		t.Errorf("requeued run has status %v", got[0].Status)
	}
}
