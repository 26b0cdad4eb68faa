package rules

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRunTestsTestdata(t *testing.T) {
	for _, f := range []string{"pf_onboarding.yaml", "pj_kyb.yaml", "edd_person.yaml"} {
		tpl := loadTestdata(t, f)
		results := RunTests(tpl)
		if len(results) != len(tpl.Tests()) {
			t.Fatalf("%s: %d results for %d cases", f, len(results), len(tpl.Tests()))
		}
		outcomes := map[string]bool{}
		for _, r := range results {
			if !r.Passed || r.Err != nil {
				var buf bytes.Buffer
				_ = FormatCaseResults(&buf, []CaseResult{r}, false)
				t.Errorf("%s: case failed:\n%s", f, buf.String())
			}
			outcomes[r.Evaluation.Decision.String()] = true
			outcomes[r.Evaluation.Operative.String()] = true
		}
		for _, want := range []string{"approved", "review", "rejected", "hold"} {
			if !outcomes[want] {
				t.Errorf("%s: no case produces %s", f, want)
			}
		}
		if !AllPassed(results) {
			t.Errorf("%s: AllPassed is false", f)
		}
	}
}

const failingCases = `  - id: sanctions_match
    when: sanctions.matched
    outcome: reject
    risk_points: 100
    finding: {category: sanctions, status: failed}
  - id: age_check
    when: subject.age < 18
    outcome: review
    risk_points: 20
    finding: {category: identity, status: warning}
tests:
  - name: passes
    subject: {cpf: "52998224725", name: Ana, age: 30}
    sources: {sanctions: ok, bureau: ok}
    expect: {decision: approved, band: low, score: 0, fired: []}
  - name: wrong expectations
    subject: {cpf: "52998224725", name: Ana, age: 12}
    sources:
      sanctions: {status: ok, hits: [{entity_id: "un-sc:1", list: UN-SC, name: ANA, score: 0.9}]}
      bureau: ok
    expect:
      decision: review
      band: medium
      score: [10, 30]
      fired: [age_check]
  - name: unexpected hold and rule error
    subject: {cpf: "52998224725", name: Ana}
    sources: {sanctions: timeout, bureau: ok}
    expect: {decision: approved}
`

func TestRunTestsDiffs(t *testing.T) {
	tpl := mustLoad(t, miniHead+failingCases)
	results := RunTests(tpl)
	if len(results) != 3 || !results[0].Passed || results[1].Passed || results[2].Passed || AllPassed(results) {
		t.Fatalf("results %+v", results)
	}
	diffs := map[string]Diff{}
	for _, d := range results[1].Diffs {
		diffs[d.Field] = d
	}
	want := map[string]Diff{
		"decision":           {"decision", "review", "rejected"},
		"operative_decision": {"operative_decision", "review", "rejected"},
		"band":               {"band", "medium", "high"},
		"score":              {"score", "[10, 30]", "100"},
		"fired":              {"fired", "[age_check]", "[age_check, sanctions_match]"},
	}
	if len(diffs) != len(want) {
		t.Errorf("diffs %+v", results[1].Diffs)
	}
	for k, w := range want {
		if diffs[k] != w {
			t.Errorf("diff %s = %+v, want %+v", k, diffs[k], w)
		}
	}
	diffs = map[string]Diff{}
	for _, d := range results[2].Diffs {
		diffs[d.Field] = d
	}
	if diffs["operative_decision"].Got != "hold" || diffs["rule_errors"].Got != "[age_check]" || diffs["decision"].Got != "review" {
		t.Errorf("case 3 diffs %+v", results[2].Diffs)
	}

	var buf bytes.Buffer
	if err := FormatCaseResults(&buf, results, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, line := range []string{
		"=== mini v1 (test.yaml)",
		"--- PASS  passes",
		"--- FAIL  wrong expectations (line 39)",
		"    decision            want review",
		"                        got  rejected",
		"                        + sanctions_match",
		"    rule sanctions_match: fired (reject, +100)",
		"        sanctions.matched = true",
		"    hold: source sanctions timeout",
		"    rule age_check: error (rule \"age_check\": missing value: subject.age",
		"FAIL mini: 2 of 3 cases failed",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("output lacks %q:\n%s", line, out)
		}
	}
	if strings.Contains(out, "--- PASS  passes\n    actual") {
		t.Errorf("a passing case shows detail without verbose:\n%s", out)
	}
	buf.Reset()
	_ = FormatCaseResults(&buf, results[:1], true)
	if !strings.Contains(buf.String(), "ok   mini: 1 cases passed") || !strings.Contains(buf.String(), "    actual: decision approved") {
		t.Errorf("verbose output:\n%s", buf.String())
	}
}

func TestRunTestsCaseError(t *testing.T) {
	tpl := mustLoad(t, miniHead+miniRule("r", "sanctions.matched", "reject", 1))
	// A case built by hand (not loaded) can fail to evaluate at all.
	tpl.tests = []TestCase{{Name: "broken", Subject: map[string]any{}, Expect: Expectation{Decision: DecisionApproved}}}
	results := RunTests(tpl)
	if len(results) != 1 || results[0].Passed || !errors.Is(results[0].Err, ErrMissingDocument) {
		t.Fatalf("results %+v", results)
	}
	var buf bytes.Buffer
	_ = FormatCaseResults(&buf, results, false)
	if !strings.Contains(buf.String(), "--- ERROR broken") {
		t.Errorf("output:\n%s", buf.String())
	}
}

func TestTestCaseValidation(t *testing.T) {
	tests := []struct {
		name     string
		cases    string
		path     string
		sentinel error
	}{
		{"missing source result", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].sources.bureau", ErrMissingValue},
		{"unknown source", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok, pep: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].sources.pep", ErrUnknownSource},
		{"bad subject", "  - name: c\n    subject: {cpf: '52998224720', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].subject.cpf", ErrInvalidDocument},
		{"unquoted cpf", "  - name: c\n    subject: {cpf: 52998224725, name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].subject.cpf", ErrInvalidDocument},
		{"unknown fired rule", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved, fired: [nope]}\n",
			"$.tests[0].expect.fired[0]", ErrInvalidTemplate},
		{"hold on tier 2", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved, holds: [bureau]}\n",
			"$.tests[0].expect.holds[0]", ErrInvalidTemplate},
		{"bad decision", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approve}\n",
			"$.tests[0].expect.decision", ErrInvalidTemplate},
		{"bad score range", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved, score: [50, 10]}\n",
			"$.tests[0].expect.score", ErrInvalidTemplate},
		{"field of other kind", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: {status: ok, valid: true}, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].sources.sanctions.valid", ErrInvalidTemplate},
		{"bad status", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: down, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].sources.sanctions", ErrInvalidTemplate},
		{"hit score above one", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: {status: ok, hits: [{score: 2}]}, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].sources.sanctions", ErrInvalidTemplate},
		{"duplicate name", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved}\n" +
			"  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[1].name", ErrInvalidTemplate},
		{"as_of needed", "  - name: c\n    subject: {cpf: '52998224725', name: A}\n    sources: {sanctions: ok, bureau: ok}\n    expect: {decision: approved}\n",
			"$.tests[0].as_of", ErrInvalidTemplate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := miniRule("r", "sanctions.matched", "reject", 1)
			if tt.name == "as_of needed" {
				rules = miniRule("r", "as_of.Year() > 2000 && sanctions.matched", "reject", 1)
			}
			_, err := Load("t.yaml", []byte(miniHead+rules+"tests:\n"+tt.cases))
			for _, e := range loadErrors(t, err) {
				if e.Path == tt.path && errors.Is(e, tt.sentinel) {
					return
				}
			}
			t.Errorf("no %v at %s among:\n%v", tt.sentinel, tt.path, err)
		})
	}
}
