package httpapi_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeEndToEnd builds the sieve binary, creates a key with `sieve keys
// create`, starts `sieve serve --sandbox` on a free loopback port, drives a
// run from submission to its PDF through the signed URL, screens a subject
// and downloads its export, and stops the server with SIGTERM, expecting a
// clean exit.
func TestServeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "sieve")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sieve")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "sieve.db")
	dataDir := filepath.Join(dir, "data") // empty: the bundled sample lists
	keyFile := filepath.Join(dir, "signing.key")
	if err := os.WriteFile(keyFile, bytes.Repeat([]byte("s"), 40), 0o600); err != nil {
		t.Fatal(err)
	}

	create := exec.Command(bin, "keys", "create", "--data", data, "--data-dir", dataDir, "--tenant", "acme",
		"--scopes", "runs:write,runs:read,kyc:write,kyc:export", "--rate", "6000")
	var createErr bytes.Buffer
	create.Stderr = &createErr
	out, err := create.Output()
	if err != nil {
		t.Fatalf("keys create: %v\n%s", err, createErr.String())
	}
	key := strings.TrimSpace(string(out))
	if !regexp.MustCompile(`^sk_[A-Za-z0-9_-]{43}$`).MatchString(key) {
		t.Fatalf("key %q", key)
	}
	for _, args := range [][]string{
		{"--scopes", "runs:admin"},
		{"--scopes", "runs:read", "--rate", "-1"},
		{"--scopes", "runs:read", "--tenant", strings.Repeat("t", 200)},
	} {
		bad := exec.Command(bin, append([]string{"keys", "create", "--data", data, "--data-dir", dataDir, "--tenant", "acme"}, args...)...)
		out, err := bad.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || !strings.Contains(string(out), "--") {
			t.Errorf("keys create %v: %v, %s; want a non-zero exit naming the flag", args, err, out)
		}
	}
	list, err := exec.Command(bin, "keys", "list", "--data", data, "--data-dir", dataDir).CombinedOutput()
	if err != nil || !strings.Contains(string(list), "acme") || strings.Contains(string(list), key) {
		t.Fatalf("keys list (%v):\n%s", err, list)
	}

	srv := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data, "--data-dir", dataDir,
		"--templates", "../testdata/templates", "--sandbox", "--signing-key-file", keyFile, "--log-format", "json")
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := false
	t.Cleanup(func() {
		if !exited {
			_ = srv.Process.Kill()
			_ = srv.Wait()
		}
	})
	var logMu sync.Mutex
	var logs strings.Builder
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)`)
		for sc.Scan() {
			logMu.Lock()
			logs.WriteString(sc.Text() + "\n")
			logMu.Unlock()
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(60 * time.Second):
		t.Fatal("the server did not say where it listens")
	}

	client := &http.Client{Timeout: 60 * time.Second}
	do := func(method, path string, body any, out any) *http.Response {
		t.Helper()
		var rd io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
		req, _ := http.NewRequest(method, base+path, rd)
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if out != nil {
			if err := json.Unmarshal(b, out); err != nil {
				t.Fatalf("%s %s: %d %q: %v", method, path, resp.StatusCode, b, err)
			}
		}
		return resp
	}

	// Readiness, then a run from submission to report.
	if resp := do("GET", "/readyz", nil, nil); resp.StatusCode != 200 {
		t.Fatalf("readyz %d", resp.StatusCode)
	}
	var sub struct {
		RunID string `json:"run_id"`
		Live  bool   `json:"live"`
	}
	if resp := do("POST", "/api/v1/bureau/runs", map[string]any{"template_id": "pf_onboarding",
		"parametros": map[string]any{"cpf": "529.982.247-25", "name": "Maria Aparecida da Silva"}}, &sub); resp.StatusCode != 202 || sub.Live {
		t.Fatalf("submit: %d %+v", resp.StatusCode, sub)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		var run struct {
			Status string `json:"status"`
		}
		resp := do("GET", "/api/v1/bureau/runs/"+sub.RunID, nil, &run)
		if resp.StatusCode == 200 {
			if run.Status != "em_analise" {
				t.Fatalf("run settled %s, want em_analise (sandbox bureau: name_matches false)", run.Status)
			}
			break
		}
		if resp.StatusCode != 202 || time.Now().After(deadline) {
			t.Fatalf("polling: %d %+v", resp.StatusCode, run)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var analysis struct {
		Analysis struct {
			Decision string `json:"decision"`
			Audit    []any  `json:"audit_log"`
		} `json:"analysis"`
	}
	if resp := do("GET", "/api/v1/bureau/runs/"+sub.RunID+"/analysis", nil, &analysis); resp.StatusCode != 200 ||
		analysis.Analysis.Decision != "review" || len(analysis.Analysis.Audit) == 0 {
		t.Fatalf("analysis: %d %+v", resp.StatusCode, analysis)
	}
	var rep struct {
		URL    string `json:"url"`
		SHA256 string `json:"sha256"`
	}
	if resp := do("POST", "/api/v1/bureau/runs/"+sub.RunID+"/report?mode=completo", nil, &rep); resp.StatusCode != 201 {
		t.Fatalf("report: %d", resp.StatusCode)
	}
	// GET redirects to the signed URL; the client follows it without a key.
	req, _ := http.NewRequest("GET", base+"/api/v1/bureau/runs/"+sub.RunID+"/report?mode=completo", nil)
	req.Header.Set("X-API-Key", key)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("report download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if got := fmt.Sprintf("%x", sha256Sum(pdf)); got != rep.SHA256 {
		t.Fatalf("downloaded %s, stored %s", got, rep.SHA256)
	}

	// KYC screening and its export.
	var kyc struct {
		JobID   string `json:"job_id"`
		Matched bool   `json:"matched"`
	}
	if resp := do("POST", "/kyc", map[string]any{"name": "Vladimir Putin"}, &kyc); resp.StatusCode != 200 || !kyc.Matched {
		t.Fatalf("kyc: %d %+v", resp.StatusCode, kyc)
	}
	var exp struct {
		PresignedURL string `json:"presigned_url"`
	}
	if resp := do("GET", "/exports/"+kyc.JobID, nil, &exp); resp.StatusCode != 200 {
		t.Fatalf("export: %d", resp.StatusCode)
	}
	eresp, err := http.Get(exp.PresignedURL)
	if err != nil {
		t.Fatal(err)
	}
	epdf, _ := io.ReadAll(eresp.Body)
	eresp.Body.Close()
	if eresp.StatusCode != 200 || !bytes.HasPrefix(epdf, []byte("%PDF-")) {
		t.Fatalf("export download: %d", eresp.StatusCode)
	}

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Wait() }()
	select {
	case err := <-done:
		exited = true
		if err != nil {
			logMu.Lock()
			t.Fatalf("the server exited with %v:\n%s", err, logs.String())
		}
	case <-time.After(40 * time.Second):
		t.Fatal("the server did not stop within 40 s of SIGTERM")
	}
	logMu.Lock()
	defer logMu.Unlock()
	text := logs.String()
	for _, want := range []string{"sieve: stopped", `"route":"POST /api/v1/bureau/runs"`, `"tenant":"acme"`} {
		if !strings.Contains(text, want) {
			t.Errorf("stderr lacks %s:\n%s", want, text)
		}
	}
	for _, secret := range []string{"Maria Aparecida", "529.982.247-25", "Putin", key} {
		if strings.Contains(text, secret) {
			t.Errorf("stderr holds %q", secret)
		}
	}
}

func sha256Sum(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}
