package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sievekyc/sieve/engine"
)

// run executes the CLI in-process with args and returns stdout and the
// command's error.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCommand()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&bytes.Buffer{})
	root.SetArgs(append([]string{"--quiet", "--data-dir", t.TempDir()}, args...))
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func TestScreenBundledSamples(t *testing.T) {
	out, err := run(t, "screen", "--json", "Putin Vladimir")
	if err != nil {
		t.Fatal(err)
	}
	var res engine.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("screen --json printed %q: %v", out, err)
	}
	if !res.Matched || res.Lists[0].Matches[0].EntityID != "ofac-sdn:35096" {
		t.Errorf("screening the bundled samples: %+v", res)
	}
	if _, err := run(t, "screen", "--fail-on-match", "Putin Vladimir"); !isExit(err, 3) {
		t.Errorf("--fail-on-match on a match: %v, want exit 3", err)
	}
	out, err = run(t, "screen", "--fail-on-match", "Jane Austen")
	if err != nil || !strings.Contains(out, "No match.") {
		t.Errorf("no match: %q %v", out, err)
	}
}

func TestRulesTestCommand(t *testing.T) {
	templates, _ := filepath.Glob("../../testdata/templates/*.yaml")
	if len(templates) < 3 {
		t.Fatalf("want the three testdata templates, found %v", templates)
	}
	out, err := run(t, append([]string{"rules", "test"}, templates...)...)
	if err != nil {
		t.Fatalf("rules test on the testdata templates: %v\n%s", err, out)
	}
	// A deliberately broken expectation fails with a diff.
	b, err := os.ReadFile(templates[0])
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "decision: approved", "decision: rejected", 1)
	path := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(path, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "rules", "test", path)
	if !isExit(err, 1) || !strings.Contains(out, "FAIL") || !strings.Contains(out, "decision") {
		t.Errorf("broken case: err %v, output:\n%s", err, out)
	}
}

func TestRunSandboxCommand(t *testing.T) {
	out, err := run(t, "run", "--sandbox", "--template", "../../testdata/templates/pf_onboarding.yaml",
		"--param", "cpf=100.000.001-08", "--param", "name=Maria Silva")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "decision rejected") {
		t.Errorf("sandbox run ending in 8 should reject:\n%s", out)
	}
}

func isExit(err error, code int) bool {
	var ee *exitError
	return errors.As(err, &ee) && ee.code == code
}
