package httpapi

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestAuthentication(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, cleanName)
	tests := []struct {
		name   string
		method string
		target string
		hdr    []string
		status int
		code   string
	}{
		{"no key", "GET", "/api/v1/bureau/runs", nil, 401, "unauthorized"},
		{"unknown key", "GET", "/api/v1/bureau/runs", []string{"X-API-Key", "sk_nobody"}, 401, "unauthorized"},
		{"revoked key", "GET", "/api/v1/bureau/runs", []string{"X-API-Key", keyRevoked}, 401, "unauthorized"},
		{"empty bearer", "GET", "/api/v1/bureau/runs", []string{"Authorization", "Bearer "}, 401, "unauthorized"},
		{"basic auth", "GET", "/api/v1/bureau/runs", []string{"Authorization", "Basic " + keyAll}, 401, "unauthorized"},
		{"bearer", "GET", "/api/v1/bureau/runs", []string{"Authorization", "Bearer " + keyAll}, 200, ""},
		{"lower-case bearer", "GET", "/api/v1/bureau/runs/" + id, []string{"Authorization", "bearer " + keyAll}, 0, ""},
		{"read key writes", "POST", "/api/v1/bureau/runs", []string{"X-API-Key", keyReadOnly}, 403, "insufficient_scope"},
		{"read key screens", "POST", "/kyc", []string{"X-API-Key", keyReadOnly}, 403, "insufficient_scope"},
		{"read key exports", "GET", "/exports/kyc_x", []string{"X-API-Key", keyReadOnly}, 403, "insufficient_scope"},
		{"read key reports", "POST", "/api/v1/bureau/runs/" + id + "/report?mode=resumido", []string{"X-API-Key", keyReadOnly}, 403, "insufficient_scope"},
		{"suspended tenant", "GET", "/api/v1/bureau/runs", []string{"X-API-Key", keySuspended}, 402, "billing_suspended"},
		{"suspended tenant screens", "POST", "/kyc", []string{"X-API-Key", keySuspended}, 402, "billing_suspended"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body any
			if tt.method == "POST" {
				body = map[string]any{}
			}
			r := f.do(tt.method, tt.target, "", body, tt.hdr...)
			switch {
			case tt.code == "" && tt.status == 0:
				if r.Status >= 400 {
					t.Fatalf("status %d: %s", r.Status, r.Body)
				}
			case tt.code == "":
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d: %s", r.Status, tt.status, r.Body)
				}
			case tt.target == "/kyc" || tt.target[:8] == "/exports":
				wantKYCError(t, r, tt.status, tt.code)
			default:
				wantBureauError(t, r, tt.status, tt.code)
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	// keyTight allows 6 requests a minute, a burst of one.
	if r := f.do("GET", "/api/v1/bureau/runs", keyTight, nil); r.Status != 200 {
		t.Fatalf("first request: %d %s", r.Status, r.Body)
	}
	r := f.do("GET", "/api/v1/bureau/runs", keyTight, nil)
	wantBureauError(t, r, http.StatusTooManyRequests, "rate_limit_exceeded")
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 10 {
		t.Fatalf("Retry-After %q, want 1–10 s", r.Header.Get("Retry-After"))
	}
	// KYC routes answer the flat envelope, with the same header.
	r = f.do("POST", "/kyc", keyTight, map[string]any{"name": cleanName})
	wantKYCError(t, r, http.StatusTooManyRequests, "rate_limit_exceeded")
	if r.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After on the KYC route")
	}
	logged := false
	for _, line := range strings.Split(f.logText(), "\n") {
		logged = logged || strings.Contains(line, `"status":429`) && strings.Contains(line, `"tenant":"acme"`)
	}
	if !logged {
		t.Errorf("no 429 logged with its tenant:\n%s", f.logText())
	}
	// Other keys have their own buckets.
	if r := f.do("GET", "/api/v1/bureau/runs", keyAll, nil); r.Status != 200 {
		t.Fatalf("another key: %d", r.Status)
	}
	f.clock.Advance(time.Duration(secs) * time.Second)
	if r := f.do("GET", "/api/v1/bureau/runs", keyTight, nil); r.Status != 200 {
		t.Fatalf("after Retry-After: %d %s", r.Status, r.Body)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	// 60 a minute: one a second, a burst of 10.
	for i := range 10 {
		if ok, _ := l.allow("k", 60); !ok {
			t.Fatalf("request %d of the burst refused", i)
		}
	}
	ok, wait := l.allow("k", 60)
	if ok || wait <= 0 || wait > time.Second {
		t.Fatalf("11th request: %t, wait %s", ok, wait)
	}
	now = now.Add(wait)
	if ok, _ := l.allow("k", 60); !ok {
		t.Fatal("refused after waiting Retry-After")
	}
	if ok, _ := l.allow("k", 60); ok {
		t.Fatal("a token appeared from nowhere")
	}
	// A bucket never holds more than its burst.
	now = now.Add(time.Hour)
	n := 0
	for {
		if ok, _ := l.allow("k", 60); !ok {
			break
		}
		n++
	}
	if n != 10 {
		t.Fatalf("burst after an idle hour %d, want 10", n)
	}
	if ok, _ := l.allow("unlimited", 0); !ok {
		t.Fatal("a zero budget means no limit")
	}
}

func TestLimiterPrunesFullBuckets(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for i := range maxIdleBuckets {
		l.allow(strconv.Itoa(i), 600)
	}
	now = now.Add(time.Minute)
	l.allow("new", 600)
	if len(l.buckets) != 1 {
		t.Fatalf("%d buckets after pruning, want 1", len(l.buckets))
	}
}
