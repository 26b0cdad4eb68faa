package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestReports(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	slow := f.submit(keyAll, slowName)
	base := "/api/v1/bureau/runs/" + slow + "/report"
	wantBureauError(t, f.do("POST", base+"?mode=resumido", keyAll, nil), 400, "run_not_settled")
	wantBureauError(t, f.do("GET", base+"?mode=resumido", keyAll, nil), 400, "run_not_settled")
	f.release()
	f.settle("acme", slow)

	id := f.submit(keyAll, listedName)
	f.settle("acme", id)
	base = "/api/v1/bureau/runs/" + id + "/report"
	for _, tt := range []struct{ query, code string }{
		{"", "invalid_mode"},
		{"?mode=", "invalid_mode"},
		{"?mode=export", "invalid_mode"},
		{"?mode=RESUMIDO", "invalid_mode"},
		{"?mode=resumido&mode=completo", "invalid_parameter"},
		{"?format=pdf", "invalid_parameter"},
	} {
		wantBureauError(t, f.do("POST", base+tt.query, keyAll, nil), 400, tt.code)
		wantBureauError(t, f.do("GET", base+tt.query, keyAll, nil), 400, tt.code)
	}
	wantBureauError(t, f.do("GET", base+"?mode=resumido", keyAll, nil), 404, "report_not_found")
	wantBureauError(t, f.do("POST", "/api/v1/bureau/runs/run_missing/report?mode=resumido", keyAll, nil), 404, "not_found")

	for _, mode := range []string{"resumido", "completo"} {
		t.Run(mode, func(t *testing.T) {
			first := f.do("POST", base+"?mode="+mode, keyAll, nil)
			if first.Status != http.StatusCreated {
				t.Fatalf("first POST: %d %s", first.Status, first.Body)
			}
			a := decode[reportView](t, first)
			if a.Mode != mode || len(a.SHA256) != 64 || a.SizeBytes == 0 || a.URL == "" ||
				time.Until(a.ExpiresAt) > time.Hour || time.Until(a.ExpiresAt) < 59*time.Minute {
				t.Fatalf("report view %+v", a)
			}
			second := f.do("POST", base+"?mode="+mode, keyAll, nil)
			if second.Status != http.StatusOK || decode[reportView](t, second).SHA256 != a.SHA256 {
				t.Fatalf("second POST: %d %s", second.Status, second.Body)
			}
			// GET redirects to a signed URL serving the same bytes.
			g := f.do("GET", base+"?mode="+mode, keyReadOnly, nil)
			if g.Status != http.StatusFound {
				t.Fatalf("GET: %d %s", g.Status, g.Body)
			}
			pdf := f.download(t, g.Header.Get("Location"))
			sum := sha256.Sum256(pdf)
			if hex.EncodeToString(sum[:]) != a.SHA256 {
				t.Fatal("downloaded bytes differ from the stored report")
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
			}
		})
	}
}

// download fetches a signed URL through the handler and returns the PDF.
func (f *fixture) download(t testing.TB, signed string) []byte {
	t.Helper()
	u, err := url.Parse(signed)
	if err != nil || !strings.HasPrefix(u.Path, "/files/") {
		t.Fatalf("signed URL %q", signed)
	}
	r := f.do("GET", u.Path, "", nil)
	if r.Status != http.StatusOK || r.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("download: %d %s %q", r.Status, r.Header.Get("Content-Type"), r.Body[:min(len(r.Body), 200)])
	}
	return r.Body
}

func TestReportOfRunInReview(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	// A declared PEP is a review decision; the template needs a sign-off.
	r := f.do("POST", "/api/v1/bureau/runs", keyAll, map[string]any{"template_id": testTemplate,
		"parametros": map[string]any{"cpf": validCPF, "name": cleanName, "pep_declared": true}})
	id := decode[submitView](t, r).RunID
	if run := f.settle("acme", id); run.Status.String() != "em_analise" {
		t.Fatalf("run ended %s, want em_analise", run.Status)
	}
	if r := f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", keyAll, nil); r.Status != http.StatusCreated {
		t.Fatalf("report of a run in review: %d %s", r.Status, r.Body)
	}
}

func TestSignedURLs(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, cleanName)
	f.settle("acme", id)
	v := decode[reportView](t, f.do("POST", "/api/v1/bureau/runs/"+id+"/report?mode=resumido", keyAll, nil))
	u, _ := url.Parse(v.URL)
	token := strings.TrimPrefix(u.Path, "/files/")
	f.download(t, v.URL)

	payload, mac, _ := strings.Cut(token, ".")
	flip := func(s string) string {
		b := []byte(s)
		if b[len(b)/2] == 'A' {
			b[len(b)/2] = 'B'
		} else {
			b[len(b)/2] = 'A'
		}
		return string(b)
	}
	tampered := []string{
		flip(payload) + "." + mac,
		payload + "." + flip(mac),
		payload,
		"not-a-token",
		payload + "." + mac + "x",
	}
	for _, tok := range tampered {
		wantKYCError(t, f.do("GET", "/files/"+tok, "", nil), http.StatusForbidden, "invalid_signature")
	}
	// A token naming another tenant's report cannot be forged without
	// the key: re-signing with another key fails.
	other := signer{key: bytes.Repeat([]byte{1}, 32), ttl: time.Hour, now: time.Now}
	forged, _ := other.sign(object{Tenant: "acme", Kind: objectReport, ID: id, Mode: "resumido"})
	wantKYCError(t, f.do("GET", "/files/"+forged, "", nil), http.StatusForbidden, "invalid_signature")

	f.clock.Advance(time.Hour + time.Second)
	wantKYCError(t, f.do("GET", "/files/"+token, "", nil), http.StatusForbidden, "url_expired")
}

func TestSignerRoundTrip(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	s := signer{key: bytes.Repeat([]byte{7}, 32), ttl: time.Hour, now: func() time.Time { return now }}
	objs := []object{
		{Tenant: "acme", Kind: objectReport, ID: "run_1", Mode: "completo"},
		{Tenant: "tenant/with.dots and spaces", Kind: objectExport, ID: "kyc_é"},
	}
	for _, o := range objs {
		tok, exp := s.sign(o)
		if !exp.Equal(now.Add(time.Hour)) {
			t.Errorf("expiry %s", exp)
		}
		got, err := s.verify(tok)
		if err != nil || got != o {
			t.Errorf("verify(sign(%+v)) = %+v, %v", o, got, err)
		}
		if strings.ContainsAny(tok, "/?#%+ ") {
			t.Errorf("token %q is not URL-safe", tok)
		}
	}
}
