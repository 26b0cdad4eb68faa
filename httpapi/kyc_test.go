package httpapi

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/sievekyc/sieve/store"
)

func TestKYCScreen(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	r := f.do("POST", "/kyc", keyAll, map[string]any{"name": "Ivan Volkov", "type": "individual", "dob": "1971-03-14",
		"country": "Russia", "lists": []string{"OFAC-SDN", "UN-SC"}, "threshold": 0.7})
	if r.Status != http.StatusOK {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	v := decode[kycView](t, r)
	if !strings.HasPrefix(v.JobID, "kyc_") || v.Status != "completed" || !v.Matched || len(v.Lists) != 2 {
		t.Fatalf("result %s", r.Body)
	}
	if m := v.Lists[0].Matches; len(m) != 1 || m[0].EntityID != "ofac-sdn:91044" || m[0].Score < 0.7 || len(m[0].Factors) == 0 {
		t.Fatalf("OFAC-SDN matches %+v", v.Lists[0].Matches)
	}
	if r.Header.Get("Location") != "/exports/"+v.JobID {
		t.Errorf("Location %q", r.Header.Get("Location"))
	}

	// The export answers seed 000's shape and its URL serves the PDF.
	e := f.do("GET", "/exports/"+v.JobID, keyAll, nil)
	if e.Status != 200 {
		t.Fatalf("export: %d %s", e.Status, e.Body)
	}
	ev := decode[exportView](t, e)
	if ev.RequestID != v.JobID || ev.Bucket != DefaultBucket || ev.Key != "exports/tenants/acme/"+v.JobID+".pdf" ||
		!strings.HasPrefix(ev.PresignedURL, "http://example.com/files/") {
		t.Fatalf("export view %+v", ev)
	}
	pdf := f.download(t, ev.PresignedURL)
	again := f.download(t, decode[exportView](t, f.do("GET", "/exports/"+v.JobID, keyAll, nil)).PresignedURL)
	if !bytes.Equal(pdf, again) {
		t.Error("two downloads of one export differ")
	}
	wantKYCError(t, f.do("GET", "/exports/kyc_nope", keyAll, nil), 404, "not_found")
	if e := decode[kycError](t, f.do("GET", "/exports/kyc_nope", keyAll, nil)); e.Error != "Record not found" {
		t.Errorf("404 body %+v, want seed 000's \"Record not found\"", e)
	}
}

func TestKYCErrors(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	tests := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"no name", map[string]any{"country": "BR"}, 400, "invalid_query"},
		{"blank name", map[string]any{"name": "   "}, 400, "invalid_query"},
		{"bad type", map[string]any{"name": cleanName, "type": "alien"}, 400, "invalid_query"},
		{"bad dob", map[string]any{"name": cleanName, "dob": "1971-13-40"}, 400, "invalid_query"},
		{"unknown list", map[string]any{"name": cleanName, "lists": []string{"MARS-SDN"}}, 400, "invalid_query"},
		{"zero threshold", map[string]any{"name": cleanName, "threshold": 0}, 400, "invalid_query"},
		{"threshold above 1", map[string]any{"name": cleanName, "threshold": 1.5}, 400, "invalid_query"},
		{"unknown field", map[string]any{"name": cleanName, "nickname": "x"}, 400, "invalid_request"},
		{"name not a string", map[string]any{"name": 12}, 400, "invalid_request"},
		{"malformed", `{"name":`, 400, "invalid_request"},
		{"too large", `{"name":"` + strings.Repeat("a", DefaultMaxBodyBytes) + `"}`, 413, "request_too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantKYCError(t, f.do("POST", "/kyc", keyAll, tt.body), tt.status, tt.code)
		})
	}
}

func TestTenantIsolation(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, listedName)
	f.settle("acme", id)
	rep := decode[reportView](t, f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", keyAll, nil))
	job := decode[kycView](t, f.do("POST", "/kyc", keyAll, map[string]any{"name": listedName})).JobID

	// globex sees none of acme's records, exactly as if they did not exist.
	for _, target := range []string{
		"/api/v1/bureau/runs/" + id,
		"/api/v1/bureau/runs/" + id + "/analysis",
		"/api/v1/bureau/runs/" + id + "/analysis?waitForReport=true&timeoutSeconds=10",
		"/api/v1/bureau/runs/" + id + "/report?mode=resumido",
	} {
		wantBureauError(t, f.do("GET", target, keyGlobex, nil), 404, "not_found")
	}
	wantBureauError(t, f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=completo", keyGlobex, nil), 404, "not_found")
	wantKYCError(t, f.do("GET", "/exports/"+job, keyGlobex, nil), 404, "not_found")
	if l := decode[listView](t, f.do("GET", "/api/v1/bureau/runs", keyGlobex, nil)); len(l.Runs) != 0 {
		t.Fatalf("globex lists %d of acme's runs", len(l.Runs))
	}
	if l := decode[listView](t, f.do("GET", "/api/v1/bureau/runs?external_id=", keyGlobex, nil)); len(l.Runs) != 0 {
		t.Fatal("an empty filter leaked runs")
	}
	// The 404 of another tenant's run is byte-for-byte the 404 of a run
	// that does not exist (request IDs aside).
	a := decode[bureauError](t, f.do("GET", "/api/v1/bureau/runs/"+id, keyGlobex, nil))
	b := decode[bureauError](t, f.do("GET", "/api/v1/bureau/runs/run_000000000000000000000000", keyGlobex, nil))
	if a.Error.Code != b.Error.Code || a.Error.Message != b.Error.Message {
		t.Errorf("other tenant's 404 %+v differs from a missing run's %+v", a, b)
	}
	// Signed URLs name their tenant: acme's still works, and nothing in
	// globex's power turns it into globex's.
	f.download(t, rep.URL)
	if _, err := f.st.GetReport(t.Context(), "globex", id, "resumido"); err == nil {
		t.Fatal("globex has a report of acme's run")
	} else if !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
}
