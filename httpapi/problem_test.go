package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// problemCases are errors as handlers and the library return them, with
// the answer each must get.
var problemCases = []struct {
	err    error
	status int
	code   string
}{
	{&RateLimitError{Key: "k", RetryAfter: 1500 * time.Millisecond}, 429, "rate_limit_exceeded"},
	{ErrUnauthorized, 401, "unauthorized"},
	{fmt.Errorf("%w: revoked", ErrUnauthorized), 401, "unauthorized"},
	{ErrBillingSuspended, 402, "billing_suspended"},
	{fmt.Errorf("%w: runs:write", ErrInsufficientScope), 403, "insufficient_scope"},
	{ErrInvalidSignature, 403, "invalid_signature"},
	{ErrURLExpired, 403, "url_expired"},
	{ErrBodyTooLarge, 413, "request_too_large"},
	{ErrMissingTemplateID, 400, "missing_template_id"},
	{fmt.Errorf("runner: %w: %q", runner.ErrTemplateNotFound, "x"), 400, "template_not_found"},
	{runner.ErrTemplateNotPublished, 400, "template_not_found"},
	{errors.Join(&rules.ParamError{Param: "x", Err: rules.ErrUnknownParam}, &rules.ParamError{Param: "cpf", Err: rules.ErrMissingDocument}), 400, "missing_document"},
	{&rules.ParamError{Param: "cpf", Err: fmt.Errorf("%w: check digits", rules.ErrInvalidDocument)}, 400, "invalid_document"},
	{&rules.ParamError{Param: "name", Err: rules.ErrMissingParam}, 400, "invalid_parametros"},
	{&rules.ParamError{Param: "age", Err: rules.ErrInvalidParam}, 400, "invalid_parametros"},
	{ErrInvalidParametros, 400, "invalid_parametros"},
	{ErrInvalidBody, 400, "invalid_request"},
	{fmt.Errorf("%w: metadata", runner.ErrInvalidRequest), 400, "invalid_request"},
	{ErrInvalidParameter, 400, "invalid_parameter"},
	{fmt.Errorf("store: %w: limit", store.ErrInvalidFilter), 400, "invalid_parameter"},
	{store.ErrInvalidCursor, 400, "invalid_cursor"},
	{ErrInvalidIdempotencyKey, 400, "invalid_idempotency_key"},
	{ErrInvalidMode, 400, "invalid_mode"},
	{ErrRunNotSettled, 400, "run_not_settled"},
	{fmt.Errorf("%w: no name", engine.ErrInvalidQuery), 400, "invalid_query"},
	{fmt.Errorf("create: %w", &store.IdempotencyConflictError{Key: "k", RunID: "r"}), 409, "idempotency_conflict"},
	{ErrAnalysisUnavailable, 409, "analysis_unavailable"},
	{ErrReportNotGenerated, 404, "report_not_found"},
	{fmt.Errorf("get run: %w", store.ErrNotFound), 404, "not_found"},
	{engine.ErrNoLists, 503, "unavailable"},
	{runner.ErrNotRunning, 503, "unavailable"},
	{store.ErrClosed, 503, "unavailable"},
	{context.Canceled, 503, "unavailable"},
	{fs.ErrPermission, 500, "internal_error"},
	{errors.New("disk on fire"), 500, "internal_error"},
	// A store conflict that is not an idempotency conflict (a stale
	// revision) is the host's problem, not the caller's.
	{fmt.Errorf("update: %w", store.ErrConflict), 500, "internal_error"},
}

func allProblemCodes() []string {
	var out []string
	for _, c := range problemCases {
		out = append(out, c.code)
	}
	return out
}

func TestProblemFor(t *testing.T) {
	for _, c := range problemCases {
		p := problemFor(c.err)
		if p.Status != c.status || p.Code != c.code {
			t.Errorf("%v: %d %s, want %d %s", c.err, p.Status, p.Code, c.status, c.code)
		}
		if p.Message == "" {
			t.Errorf("%v: no message", c.err)
		}
		if (p.Status >= 500) != p.Internal {
			t.Errorf("%v: internal %t for status %d", c.err, p.Internal, p.Status)
		}
	}
	if p := problemFor(&RateLimitError{RetryAfter: 1500 * time.Millisecond}); p.RetryAfter != 1500*time.Millisecond {
		t.Errorf("retry after %s", p.RetryAfter)
	}
	p := problemFor(errors.Join(&rules.ParamError{Param: "a", Err: rules.ErrUnknownParam},
		fmt.Errorf("wrapped: %w", &rules.ParamError{Param: "b", Err: rules.ErrMissingParam})))
	if len(p.InvalidParams) != 2 || p.InvalidParams[0].Param != "a" || p.InvalidParams[1].Param != "b" {
		t.Errorf("invalid params %+v", p.InvalidParams)
	}
}

// failingStore fails the reads a test names with an I/O-like error.
type failingStore struct {
	store.Store
	err error
}

func (s failingStore) GetReport(ctx context.Context, tenant, runID, mode string) (store.Report, error) {
	return store.Report{}, s.err
}

func (s failingStore) GetExport(ctx context.Context, tenant, id string) (store.ExportJob, error) {
	return store.ExportJob{}, s.err
}

func TestInternalErrorsAreGeneric(t *testing.T) {
	secret := errors.New("boltstore: read /var/lib/sieve/sieve.db: input/output error at page 4411")
	f := newFixture(t, fixtureOptions{store: func(s store.Store) store.Store { return failingStore{Store: s, err: secret} }})
	id := f.submit(keyAll, cleanName)
	f.settle("acme", id)
	r := f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", keyAll, nil)
	e := wantBureauError(t, r, http.StatusInternalServerError, "internal_error")
	if strings.Contains(string(r.Body), "sieve.db") || !strings.Contains(e.Error.Message, e.Error.RequestID) || e.Error.RequestID == "" {
		t.Fatalf("500 body %s", r.Body)
	}
	if r.Header.Get("X-Request-Id") != e.Error.RequestID {
		t.Errorf("X-Request-Id %q, body %q", r.Header.Get("X-Request-Id"), e.Error.RequestID)
	}
	k := f.do("GET", "/exports/kyc_x", keyAll, nil)
	ke := wantKYCError(t, k, http.StatusInternalServerError, "internal_error")
	if ke.Error != "Internal error" || strings.Contains(string(k.Body), "sieve.db") {
		t.Fatalf("KYC 500 body %s", k.Body)
	}
	logs := f.logText()
	if n := strings.Count(logs, "page 4411"); n != 2 {
		t.Errorf("the details were logged %d times for two failures, want once each:\n%s", n, logs)
	}
}

func TestLogsNeverHoldSubjects(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, listedName)
	f.settle("acme", id)
	f.do("GET", "/api/v1/bureau/runs/"+id+"/analysis", keyAll, nil)
	f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=completo", keyAll, nil)
	f.do("POST", "/kyc", keyAll, map[string]any{"name": "Ivan Volkov", "document": "PASS-778899"})
	f.do("POST", "/api/v1/bureau/runs", keyAll, map[string]any{"template_id": testTemplate,
		"parametros": map[string]any{"cpf": "529.982.247-26", "name": "Joana Invalida"}})
	logs := f.logText()
	for _, secret := range []string{"Volkov", "VOLKOV", validCPF, "52998224725", "529.982.247-26", "PASS-778899", "Joana", keyAll} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs hold %q:\n%s", secret, logs)
		}
	}
	for _, want := range []string{`"route":"POST /api/v1/bureau/runs"`, `"route":"POST /kyc"`, `"tenant":"acme"`, `"status":202`, `"duration"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

func TestHealth(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	if r := f.do("GET", "/healthz", "", nil); r.Status != 200 {
		t.Fatalf("healthz %d", r.Status)
	}
	r := f.do("GET", "/readyz", "", nil)
	v := decode[readyView](t, r)
	if r.Status != 200 || v.Status != "ready" || len(v.Lists) != 5 || v.Entities != 1 {
		t.Fatalf("readyz %d %s", r.Status, r.Body)
	}
	// An engine without lists, or a closed store, is not ready.
	empty, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(empty, f.runs, f.st, Options{SigningKey: make([]byte, 32)})
	if err != nil {
		t.Fatal(err)
	}
	if rec := serve(h, httpRequest(t, t.Context(), "GET", "/readyz", "")); rec.Code != 503 {
		t.Fatalf("readyz without lists: %d", rec.Code)
	}
	f.st.Close()
	if r := f.do("GET", "/readyz", "", nil); r.Status != 503 || decode[readyView](t, r).Store != "unavailable" {
		t.Fatalf("readyz with a closed store: %d %s", r.Status, r.Body)
	}
	if r := f.do("GET", "/healthz", "", nil); r.Status != 200 {
		t.Fatalf("healthz with a closed store %d", r.Status)
	}
}

func TestNewHandlerValidates(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	bad := []struct {
		name string
		opts Options
	}{
		{"no signing key", Options{}},
		{"short key", Options{SigningKey: []byte("short")}},
		{"negative TTL", Options{SigningKey: make([]byte, 32), URLTTL: -time.Second}},
		{"relative base URL", Options{SigningKey: make([]byte, 32), BaseURL: "sieve.example.com"}},
		{"negative body", Options{SigningKey: make([]byte, 32), MaxBodyBytes: -1}},
	}
	for _, b := range bad {
		if _, err := NewHandler(f.eng, f.runs, f.st, b.opts); !errors.Is(err, ErrInvalidOptions) {
			t.Errorf("%s: %v", b.name, err)
		}
	}
	if _, err := NewHandler(nil, f.runs, f.st, Options{SigningKey: make([]byte, 32)}); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("nil engine: %v", err)
	}
}

func TestUnknownRoutes(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	if r := f.do("GET", "/api/v1/bureau/nothing", keyAll, nil); r.Status != http.StatusNotFound {
		t.Errorf("unknown path %d", r.Status)
	}
	if r := f.do("DELETE", "/api/v1/bureau/runs", keyAll, nil); r.Status != http.StatusMethodNotAllowed {
		t.Errorf("unknown method %d", r.Status)
	}
}
