package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/store"
)

func TestSubmitRunErrors(t *testing.T) {
	f := newFixture(t, fixtureOptions{opts: Options{MaxBodyBytes: 4096}})
	metadata := map[string]string{}
	for i := range 11 {
		metadata[fmt.Sprintf("k%d", i)] = "v"
	}
	params := func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name       string
		body       any
		hdr        []string
		status     int
		code       string
		wantParams []string
	}{
		{"no template_id", map[string]any{"parametros": params("cpf", validCPF, "name", cleanName)}, nil, 400, "missing_template_id", nil},
		{"template_id not a string", map[string]any{"template_id": 7, "parametros": params("cpf", validCPF, "name", cleanName)}, nil, 400, "missing_template_id", nil},
		{"empty template_id", map[string]any{"template_id": "", "parametros": params("cpf", validCPF, "name", cleanName)}, nil, 400, "missing_template_id", nil},
		{"unknown template", map[string]any{"template_id": "nope", "parametros": params("cpf", validCPF, "name", cleanName)}, nil, 400, "template_not_found", nil},
		{"no document", map[string]any{"template_id": testTemplate, "parametros": params("name", cleanName)}, nil, 400, "missing_document", []string{"cpf"}},
		{"no parametros at all", map[string]any{"template_id": testTemplate}, nil, 400, "missing_document", []string{"cpf", "name"}},
		{"bad check digits", map[string]any{"template_id": testTemplate, "parametros": params("cpf", "529.982.247-26", "name", cleanName)}, nil, 400, "invalid_document", []string{"cpf"}},
		{"short document", map[string]any{"template_id": testTemplate, "parametros": params("cpf", "1234", "name", cleanName)}, nil, 400, "invalid_document", []string{"cpf"}},
		{"unknown parameter", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName, "shoe_size", "42")}, nil, 400, "invalid_parametros", []string{"shoe_size"}},
		{"missing required", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF)}, nil, 400, "invalid_parametros", []string{"name"}},
		{"wrong type", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName, "pep_declared", "yes")}, nil, 400, "invalid_parametros", []string{"pep_declared"}},
		{"parametros not an object", map[string]any{"template_id": testTemplate, "parametros": "cpf=1"}, nil, 400, "invalid_parametros", []string{"parametros"}},
		{"unknown field", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName), "callback": "x"}, nil, 400, "invalid_request", nil},
		{"metadata value not a string", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName), "metadata": map[string]any{"a": 1}}, nil, 400, "invalid_request", nil},
		{"too many metadata keys", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName), "metadata": metadata}, nil, 400, "invalid_request", nil},
		{"malformed JSON", `{"template_id": "pf_onboarding",`, nil, 400, "invalid_request", nil},
		{"two objects", `{"template_id": "pf_onboarding"} {}`, nil, 400, "invalid_request", nil},
		{"empty body", ``, nil, 400, "invalid_request", nil},
		{"JSON array", `[]`, nil, 400, "invalid_request", nil},
		{"body too large", `{"template_id": "` + strings.Repeat("x", 5000) + `"}`, nil, 413, "request_too_large", nil},
		{"idempotency key with spaces", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName)}, []string{"Idempotency-Key", "a b"}, 400, "invalid_idempotency_key", nil},
		{"idempotency key too long", map[string]any{"template_id": testTemplate, "parametros": params("cpf", validCPF, "name", cleanName)}, []string{"Idempotency-Key", strings.Repeat("k", 257)}, 400, "invalid_idempotency_key", nil},
		{"multipart body", map[string]any{"template_id": testTemplate}, []string{"Content-Type", "multipart/form-data; boundary=x"}, 400, "invalid_request", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.do("POST", "/api/v1/bureau/runs", keyAll, tt.body, tt.hdr...)
			e := wantBureauError(t, r, tt.status, tt.code)
			if e.Error.Message == "" {
				t.Error("empty message")
			}
			var got []string
			for _, p := range e.Error.InvalidParams {
				got = append(got, p.Param)
				if p.Reason == "" {
					t.Errorf("invalid param %s without a reason", p.Param)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.wantParams, ",") {
				t.Errorf("invalid_params %v, want %v", got, tt.wantParams)
			}
		})
	}
	// Nothing was persisted by any of them.
	page, _, err := f.runs.List(context.Background(), "acme", store.ListFilter{})
	if err != nil || len(page) != 0 {
		t.Fatalf("runs after invalid submissions: %d, %v", len(page), err)
	}
}

func TestSubmitRunAccepted(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	r := f.do("POST", "/api/v1/bureau/runs", keyAll, map[string]any{
		"template_id": testTemplate, "parametros": map[string]any{"cpf": validCPF, "name": cleanName},
		"external_id": "cust-1", "metadata": map[string]string{"channel": "app"}})
	if r.Status != http.StatusAccepted {
		t.Fatalf("status %d: %s", r.Status, r.Body)
	}
	sub := decode[submitView](t, r)
	if !strings.HasPrefix(sub.RunID, "run_") || sub.Status != "queued" || !sub.Live || sub.EstimatedSeconds != 3 {
		t.Errorf("submission %+v, want run_…, queued, live, 3 s (the slowest source)", sub)
	}
	if loc := r.Header.Get("Location"); loc != "/api/v1/bureau/runs/"+sub.RunID {
		t.Errorf("Location %q", loc)
	}
	run := f.settle("acme", sub.RunID)
	if run.Status != store.StatusCompleted || run.Decision != "approved" || run.ExternalID != "cust-1" || run.Metadata["channel"] != "app" {
		t.Errorf("run %+v", run)
	}
}

func TestSubmitRunIdempotency(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	body := map[string]any{"template_id": testTemplate, "parametros": map[string]any{"cpf": validCPF, "name": cleanName}}
	first := f.do("POST", "/api/v1/bureau/runs", keyAll, body, "Idempotency-Key", "order-42")
	second := f.do("POST", "/api/v1/bureau/runs", keyAll, body, "Idempotency-Key", "order-42")
	if first.Status != 202 || second.Status != 202 {
		t.Fatalf("statuses %d %d: %s", first.Status, second.Status, second.Body)
	}
	a, b := decode[submitView](t, first), decode[submitView](t, second)
	if a.RunID != b.RunID {
		t.Fatalf("retry created run %s, want the original %s", b.RunID, a.RunID)
	}
	if first.Header.Get("Idempotent-Replayed") != "" || second.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("Idempotent-Replayed headers %q, %q", first.Header.Get("Idempotent-Replayed"), second.Header.Get("Idempotent-Replayed"))
	}
	// Another tenant may use the same key for its own run.
	other := f.do("POST", "/api/v1/bureau/runs", keyGlobex, body, "Idempotency-Key", "order-42")
	if other.Status != 202 || decode[submitView](t, other).RunID == a.RunID {
		t.Fatalf("globex with the same key: %d %s", other.Status, other.Body)
	}
	body["parametros"] = map[string]any{"cpf": validCPF, "name": "Someone Else"}
	conflict := f.do("POST", "/api/v1/bureau/runs", keyAll, body, "Idempotency-Key", "order-42")
	wantBureauError(t, conflict, http.StatusConflict, "idempotency_conflict")
}

func TestGetRunPollsUntilSettled(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, slowName)
	r := f.do("GET", "/api/v1/bureau/runs/"+id, keyAll, nil)
	if r.Status != http.StatusAccepted {
		t.Fatalf("status %d while the bureau is slow: %s", r.Status, r.Body)
	}
	v := decode[runView](t, r)
	if v.RetryAfterSeconds < 1 || v.RetryAfterSeconds > maxRetryAfter || r.Header.Get("Retry-After") == "" {
		t.Errorf("retry hint %d, header %q", v.RetryAfterSeconds, r.Header.Get("Retry-After"))
	}
	if v.Status != "queued" && v.Status != "running" || v.CompletedAt != nil || v.Decision != nil {
		t.Errorf("in-progress view %+v", v)
	}
	f.release()
	f.settle("acme", id)
	r = f.do("GET", "/api/v1/bureau/runs/"+id, keyAll, nil)
	if r.Status != http.StatusOK {
		t.Fatalf("status %d after settling: %s", r.Status, r.Body)
	}
	v = decode[runView](t, r)
	if v.Status != "completed" || v.Decision == nil || *v.Decision != "approved" || *v.OperativeDecision != "approved" ||
		v.RiskBand == nil || *v.RiskBand != "baixo" || v.CompletedAt == nil || v.Environment != "live" || v.RetryAfterSeconds != 0 {
		t.Errorf("settled view %s", r.Body)
	}
	wantBureauError(t, f.do("GET", "/api/v1/bureau/runs/run_missing", keyAll, nil), 404, "not_found")
	wantBureauError(t, f.do("GET", "/api/v1/bureau/runs/"+id+"?verbose=1", keyAll, nil), 400, "invalid_parameter")
}

func TestGetRunReviewIsSettled(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, listedName)
	if run := f.settle("acme", id); run.Status != store.StatusCompleted && run.Status != store.StatusInReview {
		t.Fatalf("run ended %s", run.Status)
	}
	r := f.do("GET", "/api/v1/bureau/runs/"+id, keyAll, nil)
	v := decode[runView](t, r)
	if r.Status != 200 || *v.Decision != "rejected" || *v.RiskBand != "alto" {
		t.Fatalf("listed person: %d %s", r.Status, r.Body)
	}
}

func TestListRuns(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	var ids []string
	for i := range 5 {
		r := f.do("POST", "/api/v1/bureau/runs", keyAll, map[string]any{"template_id": testTemplate,
			"parametros": map[string]any{"cpf": validCPF, "name": cleanName}, "external_id": fmt.Sprintf("ext-%d", i%2)})
		ids = append(ids, decode[submitView](t, r).RunID)
		time.Sleep(2 * time.Millisecond) // distinct creation times
	}
	for _, id := range ids {
		f.settle("acme", id)
	}
	f.submit(keyGlobex, cleanName) // never listed for acme

	// Page through two at a time: newest first, every run once.
	var seen []string
	cursor := ""
	for pages := 0; ; pages++ {
		target := "/api/v1/bureau/runs?limit=2"
		if cursor != "" {
			target += "&cursor=" + url.QueryEscape(cursor)
		}
		r := f.do("GET", target, keyReadOnly, nil)
		if r.Status != 200 {
			t.Fatalf("page %d: %d %s", pages, r.Status, r.Body)
		}
		l := decode[listView](t, r)
		for _, v := range l.Runs {
			seen = append(seen, v.RunID)
		}
		if l.HasMore != (l.NextCursor != "") {
			t.Fatalf("has_more %t with cursor %q", l.HasMore, l.NextCursor)
		}
		if !l.HasMore {
			break
		}
		cursor = l.NextCursor
	}
	if len(seen) != 5 {
		t.Fatalf("listed %v, want the 5 acme runs", seen)
	}
	for i, id := range seen {
		if id != ids[len(ids)-1-i] {
			t.Fatalf("order %v, want newest first of %v", seen, ids)
		}
	}

	filters := []struct {
		query string
		want  int
	}{
		{"external_id=ext-0", 3},
		{"external_id=ext-1&limit=1", 1},
		{"template_id=" + testTemplate, 5},
		{"template_id=other", 0},
		{"status=completed", 5},
		{"status=pending", 0},
		{"created_after=" + url.QueryEscape(time.Now().Add(time.Hour).UTC().Format(time.RFC3339)), 0},
		{"created_before=" + url.QueryEscape(time.Now().Add(time.Hour).UTC().Format(time.RFC3339)), 5},
	}
	for _, tt := range filters {
		r := f.do("GET", "/api/v1/bureau/runs?"+tt.query, keyAll, nil)
		l := decode[listView](t, r)
		if r.Status != 200 || len(l.Runs) != tt.want {
			t.Errorf("%s: %d, %d runs, want %d", tt.query, r.Status, len(l.Runs), tt.want)
		}
		if len(l.Runs) > 0 && (l.Live == nil || !*l.Live) {
			t.Errorf("%s: live %v", tt.query, l.Live)
		}
	}

	bad := []struct{ query, code string }{
		{"limit=0", "invalid_parameter"},
		{"limit=101", "invalid_parameter"},
		{"limit=ten", "invalid_parameter"},
		{"status=done", "invalid_parameter"},
		{"created_after=yesterday", "invalid_parameter"},
		{"created_after=2025-01-02T00:00:00Z&created_before=2025-01-01T00:00:00Z", "invalid_parameter"},
		{"limt=2", "invalid_parameter"},
		{"limit=2&limit=3", "invalid_parameter"},
		{"cursor=bm90LWEtY3Vyc29y", "invalid_cursor"},
	}
	for _, tt := range bad {
		wantBureauError(t, f.do("GET", "/api/v1/bureau/runs?"+tt.query, keyAll, nil), 400, tt.code)
	}
	// A cursor is bound to its tenant: globex cannot use acme's.
	r := f.do("GET", "/api/v1/bureau/runs?limit=2", keyAll, nil)
	wantBureauError(t, f.do("GET", "/api/v1/bureau/runs?limit=2&cursor="+url.QueryEscape(decode[listView](t, r).NextCursor), keyGlobex, nil), 400, "invalid_cursor")
}

func TestListRunsPendingWireName(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	// A run stored queued and never picked up (as after a crash) lists as
	// pending and filters as pending.
	_, _, err := f.st.CreateRun(context.Background(), store.Run{ID: "run_queued", Tenant: "acme", TemplateID: testTemplate,
		TemplateVersion: 3, Status: store.StatusQueued, Live: true, Params: map[string]any{"cpf": validCPF, "name": cleanName}})
	if err != nil {
		t.Fatal(err)
	}
	l := decode[listView](t, f.do("GET", "/api/v1/bureau/runs?status=pending", keyAll, nil))
	if len(l.Runs) != 1 || l.Runs[0].Status != "pending" {
		t.Fatalf("pending listing %+v", l.Runs)
	}
	v := decode[runView](t, f.do("GET", "/api/v1/bureau/runs/run_queued", keyAll, nil))
	if v.Status != "queued" {
		t.Errorf("single run status %q, want queued", v.Status)
	}
}

func TestAnalysis(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, slowName)
	base := "/api/v1/bureau/runs/" + id + "/analysis"

	r := f.do("GET", base, keyAll, nil)
	if r.Status != http.StatusAccepted || r.Header.Get("Retry-After") == "" {
		t.Fatalf("unsettled analysis: %d %s", r.Status, r.Body)
	}
	for _, q := range []string{"?timeoutSeconds=9", "?timeoutSeconds=301", "?timeoutSeconds=abc", "?waitForReport=maybe", "?wait=true"} {
		wantBureauError(t, f.do("GET", base+q, keyAll, nil), 400, "invalid_parameter")
	}

	// Long polling returns as soon as the run settles.
	go func() {
		time.Sleep(200 * time.Millisecond)
		f.release()
	}()
	start := time.Now()
	r = f.do("GET", base+"?waitForReport=true&timeoutSeconds=30", keyAll, nil)
	if r.Status != http.StatusOK {
		t.Fatalf("long poll: %d %s", r.Status, r.Body)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("long poll took %s", d)
	}
	v := decode[analysisView](t, r)
	if v.Meta.RunID != id || v.Meta.Status != "completed" || v.Analysis == nil || v.Analysis.Decision.String() != "approved" ||
		len(v.Analysis.Audit) == 0 || len(v.Analysis.Findings) == 0 {
		t.Fatalf("analysis %s", r.Body)
	}
	if strings.Contains(string(r.Body), validCPF) || strings.Contains(string(r.Body), "52998224725") {
		t.Error("the analysis shows the unmasked document")
	}
	wantBureauError(t, f.do("GET", "/api/v1/bureau/runs/run_nope/analysis", keyAll, nil), 404, "not_found")
}

func TestAnalysisLongPollTimesOut(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, slowName)
	// The shortest allowed timeout, with the request's own deadline
	// shorter still: the handler answers when the request context ends.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req := httpRequest(t, ctx, "GET", "/api/v1/bureau/runs/"+id+"/analysis?waitForReport=true&timeoutSeconds=10", keyAll)
	rec := serve(f.h, req)
	if rec.Code == http.StatusOK {
		t.Fatalf("a cancelled long poll answered 200: %s", rec.Body)
	}
	if !strings.Contains(f.logText(), `"status":503`) {
		t.Errorf("the cancelled poll was not logged: %s", f.logText())
	}
}

func TestAnalysisOfCancelledRun(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, slowName)
	if _, err := f.runs.Cancel(context.Background(), "acme", id); err != nil {
		t.Fatal(err)
	}
	r := f.do("GET", "/api/v1/bureau/runs/"+id, keyAll, nil)
	if r.Status != 200 || decode[runView](t, r).Status != "cancelado" {
		t.Fatalf("cancelled run: %d %s", r.Status, r.Body)
	}
	wantBureauError(t, f.do("GET", "/api/v1/bureau/runs/"+id+"/analysis", keyAll, nil), http.StatusConflict, "analysis_unavailable")
	wantBureauError(t, f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", keyAll, nil), http.StatusConflict, "analysis_unavailable")
}

func TestAnalysisLongPollTimeoutAnswers202(t *testing.T) {
	if testing.Short() {
		t.Skip("waits the shortest long-poll timeout (10 s)")
	}
	f := newFixture(t, fixtureOptions{})
	// A run stored queued that no worker was handed (as after a crash,
	// before the next Start) stays unsettled however long the poll.
	id := "run_stuck"
	if _, _, err := f.st.CreateRun(context.Background(), store.Run{ID: id, Tenant: "acme", TemplateID: testTemplate,
		TemplateVersion: 3, Status: store.StatusQueued, Live: true, EstimatedSeconds: 3}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := f.do("GET", "/api/v1/bureau/runs/"+id+"/analysis?waitForReport=true&timeoutSeconds=10", keyAll, nil)
	if d := time.Since(start); d < 10*time.Second || d > 15*time.Second {
		t.Errorf("long poll returned after %s, want about 10 s", d)
	}
	if r.Status != http.StatusAccepted || decode[runView](t, r).RetryAfterSeconds == 0 {
		t.Fatalf("timed-out long poll: %d %s", r.Status, r.Body)
	}
}
