package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// Test subjects. validCPF passes the check digits; the listed person is
// on the fixture's OFAC-SDN list.
const (
	validCPF     = "529.982.247-25"
	cleanName    = "Maria Aparecida da Silva"
	listedName   = "Ivan Sergeyevich VOLKOV"
	slowName     = "Slow Bureau Customer" // the bureau waits for the fixture's gate
	testTemplate = "pf_onboarding"
)

// Keys of the fixture: tenants "acme" and "globex" (both active) and
// "bankrupt" (suspended).
const (
	keyAll       = "sk_test_acme_all"
	keyReadOnly  = "sk_test_acme_read"
	keyGlobex    = "sk_test_globex_all"
	keySuspended = "sk_test_bankrupt"
	keyRevoked   = "sk_test_acme_revoked"
	keyTight     = "sk_test_acme_tight" // 6 requests a minute: a burst of 1
)

var allScopes = []string{store.ScopeRunsWrite, store.ScopeRunsRead, store.ScopeKYCWrite, store.ScopeKYCExport}

// clock is a settable clock for the handler (signed URL expiry).
type clock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
}

// fixture is a handler over a real engine, runner and bbolt store.
type fixture struct {
	t      testing.TB
	h      http.Handler
	st     *boltstore.Store
	runs   *runner.Runner
	eng    *engine.Engine
	clock  *clock
	logs   *lockedWriter
	gate   chan struct{}
	closed sync.Once
}

// fixtureEngine holds one listed person on OFAC-SDN and empty versions of
// the other lists pf_onboarding screens.
func fixtureEngine(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ls []*lists.List
	for _, src := range []lists.Source{lists.SourceOFACSDN, lists.SourceOFACCons, lists.SourceUNSC, lists.SourceEUFSF, lists.SourceUKHMT} {
		l := &lists.List{Source: src, SHA256: strings.Repeat("ab", 32), Published: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}
		if src == lists.SourceOFACSDN {
			p := lists.Entity{ID: "ofac-sdn:91044", Source: src, Type: lists.TypePerson,
				Programs: []string{"RUSSIA-EO14024"}, Nationalities: []string{"RU"},
				BirthDates: []lists.Birthdate{{Date: lists.PartialDate{Year: 1971, Month: 3, Day: 14}}}}
			p.AddName(listedName, lists.NamePrimary)
			p.AddName("Иван Сергеевич ВОЛКОВ", lists.NameAlias)
			l.Entities = append(l.Entities, p)
		}
		ls = append(ls, l)
	}
	if err := e.Reload(context.Background(), ls...); err != nil {
		t.Fatal(err)
	}
	return e
}

type fixtureOptions struct {
	opts    Options
	sandbox bool
	store   func(store.Store) store.Store // wraps the store the handler sees
	// fsync makes the store sync every commit, as in production (the
	// tests skip it for speed).
	fsync bool
}

func newFixture(t testing.TB, fo fixtureOptions) *fixture {
	t.Helper()
	f := &fixture{t: t, clock: &clock{}, logs: &lockedWriter{w: &bytes.Buffer{}}, gate: make(chan struct{})}
	f.eng = fixtureEngine(t)
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "sieve.db"), boltstore.Options{NoSync: !fo.fsync})
	if err != nil {
		t.Fatal(err)
	}
	f.st = st
	tpl, err := rules.LoadFile("../testdata/templates/pf_onboarding.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := runner.NewTemplates(tpl)
	if err != nil {
		t.Fatal(err)
	}
	bureau := func(ctx context.Context, s rules.Subject) (rules.SourceResult, error) {
		if name, _ := s["name"].(string); name == slowName {
			select {
			case <-f.gate:
			case <-ctx.Done():
				return rules.SourceResult{}, ctx.Err()
			}
		}
		return rules.SourceResult{Status: rules.StatusOK, Data: map[string]any{"situacao": "regular", "name_matches": true}}, nil
	}
	f.runs, err = runner.New(f.eng, st, ts, runner.Options{Workers: 4, Sandbox: fo.sandbox,
		Custom: map[string]runner.CustomSource{"receita_cpf": bureau}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.runs.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		f.release()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = f.runs.Close(ctx)
		_ = st.Close()
	})
	f.seedKeys()
	o := fo.opts
	if o.SigningKey == nil {
		o.SigningKey = bytes.Repeat([]byte{0x5e}, 32)
	}
	if o.Now == nil {
		o.Now = f.clock.Now
	}
	o.Logger = slog.New(slog.NewJSONHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	var hs store.Store = st
	if fo.store != nil {
		hs = fo.store(st)
	}
	f.h, err = NewHandler(f.eng, f.runs, hs, o)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// release lets slow bureau calls answer.
func (f *fixture) release() { f.closed.Do(func() { close(f.gate) }) }

func (f *fixture) seedKeys() {
	ctx := context.Background()
	for _, tn := range []store.Tenant{{ID: "acme", Name: "Acme"}, {ID: "globex", Name: "Globex"}, {ID: "bankrupt", Name: "Bankrupt", Suspended: true}} {
		if _, err := f.st.PutTenant(ctx, tn); err != nil {
			f.t.Fatal(err)
		}
	}
	for _, k := range []struct {
		id, tenant, secret string
		scopes             []string
		rate               int
		revoked            bool
	}{
		{"key_all", "acme", keyAll, allScopes, 100000, false},
		{"key_read", "acme", keyReadOnly, []string{store.ScopeRunsRead}, 0, false},
		{"key_globex", "globex", keyGlobex, allScopes, 100000, false},
		{"key_bankrupt", "bankrupt", keySuspended, allScopes, 0, false},
		{"key_revoked", "acme", keyRevoked, allScopes, 0, true},
		{"key_tight", "acme", keyTight, allScopes, 6, false},
	} {
		ak := store.APIKey{ID: k.id, Tenant: k.tenant, Hash: store.HashAPIKey(k.secret), Scopes: k.scopes, RatePerMinute: k.rate}
		if k.revoked {
			ak.RevokedAt = time.Now().Add(-time.Hour)
		}
		if _, err := f.st.PutAPIKey(ctx, ak); err != nil {
			f.t.Fatal(err)
		}
	}
}

// response is a recorded answer.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// do serves one request with the given key (none when empty).
func (f *fixture) do(method, target, key string, body any, hdr ...string) response {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(enc)
	}
	req := httptest.NewRequest(method, target, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("X-API-Key", key)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// decode decodes a JSON body.
func decode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("decoding %d body %q: %v", r.Status, r.Body, err)
	}
	return v
}

// bureauError is the bureau error envelope.
type bureauError struct {
	Error struct {
		Code          string         `json:"code"`
		Message       string         `json:"message"`
		InvalidParams []invalidParam `json:"invalid_params"`
		RequestID     string         `json:"request_id"`
	} `json:"error"`
}

// kycError is the KYC error envelope.
type kycError struct {
	Error     string `json:"error"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// wantBureauError checks a bureau error answer's status and code.
func wantBureauError(t testing.TB, r response, status int, code string) bureauError {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d; body %s", r.Status, status, r.Body)
	}
	e := decode[bureauError](t, r)
	if e.Error.Code != code {
		t.Fatalf("code %q, want %q; body %s", e.Error.Code, code, r.Body)
	}
	return e
}

// wantKYCError checks a KYC error answer's status and code.
func wantKYCError(t testing.TB, r response, status int, code string) kycError {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d; body %s", r.Status, status, r.Body)
	}
	e := decode[kycError](t, r)
	if e.Code != code || e.Error == "" {
		t.Fatalf("code %q, want %q (error %q); body %s", e.Code, code, e.Error, r.Body)
	}
	return e
}

// submit creates a run for name and returns its ID.
func (f *fixture) submit(key, name string) string {
	f.t.Helper()
	r := f.do("POST", "/api/v1/bureau/runs", key, map[string]any{
		"template_id": testTemplate, "parametros": map[string]any{"cpf": validCPF, "name": name}})
	if r.Status != http.StatusAccepted {
		f.t.Fatalf("submit: status %d: %s", r.Status, r.Body)
	}
	return decode[submitView](f.t, r).RunID
}

// settle waits for a run to settle.
func (f *fixture) settle(tenant, id string) store.Run {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	run, err := f.runs.Wait(ctx, tenant, id)
	if err != nil {
		f.t.Fatalf("waiting for run %s: %v", id, err)
	}
	return run
}

// lockedWriter serialises writes to a buffer shared by goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// logText returns what was logged so far.
func (f *fixture) logText() string {
	f.logs.mu.Lock()
	defer f.logs.mu.Unlock()
	return f.logs.w.(*bytes.Buffer).String()
}

// httpRequest builds a request bound to ctx with an API key.
func httpRequest(t testing.TB, ctx context.Context, method, target, key string) *http.Request {
	t.Helper()
	req := httptest.NewRequestWithContext(ctx, method, target, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	return req
}

// serve records h's answer to req.
func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
