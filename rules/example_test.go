package rules_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/sievekyc/sieve/rules"
)

const exampleTemplate = `
id: example_onboarding
version: 1
status: published
subject: person
requires_signoff: true
parameters:
  fields:
    name: {type: string, required: true}
sources:
  - id: sanctions
    kind: screening
    tier: 1
    timeout: 10s
    expected_duration: 2s
    screening: {lists: [OFAC-SDN, UN-SC], threshold: 0.85, name: name}
rules:
  - id: sanctions_exact
    when: sanctions.best_score >= 0.95
    outcome: reject
    risk_points: 100
    risk_factor: Match on a sanctions list
    finding: {category: sanctions, status: failed, details: The subject matches a listed person}
    recommendation: {content: Do not onboard; escalate to compliance, priority: 1}
  - id: sanctions_probable
    when: sanctions.matched && sanctions.best_score < 0.95
    outcome: review
    risk_points: 50
    finding: {category: sanctions, status: warning, details: Probable match}
risk_bands: {medium: 30, high: 70}
tests:
  - name: clean subject
    subject: {cpf: "529.982.247-25", name: Maria da Silva}
    sources: {sanctions: {status: ok}}
    expect: {decision: approved, band: low, fired: []}
  - name: probable match
    subject: {cpf: "529.982.247-25", name: Joao Mendes}
    sources:
      sanctions: {status: ok, hits: [{entity_id: "un-sc:QDi.1", list: UN-SC, name: Joao MENDEZ, score: 0.88}]}
    expect: {decision: review, band: high, fired: [sanctions_exact]}
`

func ExampleLoad() {
	tpl, err := rules.Load("example.yaml", []byte(exampleTemplate))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tpl.ID(), tpl.Version(), tpl.Kind(), tpl.Document().Param)
	fmt.Println("estimated:", tpl.EstimatedDuration())
	for _, s := range tpl.Sources() {
		fmt.Println("source", s.ID, s.Kind, "tier", s.Tier, "lists", s.Screening.Lists)
	}

	// A typo is a load error naming the rule, the line and the column.
	_, err = rules.Load("typo.yaml", []byte(`
id: typo
version: 1
status: draft
subject: person
parameters: {fields: {name: {type: string, required: true}}}
sources:
  - {id: sanctions, kind: screening, tier: 1, timeout: 5s, screening: {name: name}}
rules:
  - id: exact
    when: sanctions.best_scor >= 0.95
    outcome: reject
    finding: {category: sanctions, status: failed}
risk_bands: {medium: 30, high: 70}
`))
	var le *rules.LoadError
	if errors.As(err, &le) && errors.Is(err, rules.ErrCompile) {
		fmt.Printf("%s:%d:%d %s rule %s\n%s\n", le.File, le.Line, le.Column, le.Path, le.Rule, le.Snippet)
	}
	// Output:
	// example_onboarding 1 person cpf
	// estimated: 2s
	// source sanctions screening tier 1 lists [OFAC-SDN UN-SC]
	// typo.yaml:11:21 $.rules[0].when rule exact
	//  11 |     when: sanctions.best_scor >= 0.95
	//     |                     ^
}

func ExampleEvaluate() {
	tpl, err := rules.Load("example.yaml", []byte(exampleTemplate))
	if err != nil {
		fmt.Println(err)
		return
	}
	subject := map[string]any{"cpf": "529.982.247-25", "name": "Ivan Volkov"}
	results := map[string]rules.SourceResult{
		"sanctions": {
			Status: rules.StatusOK, Matched: true, MatchCount: 1, BestScore: 0.97, ListsHit: []string{"OFAC-SDN"},
			Hits: []rules.Hit{{EntityID: "ofac-sdn:91044", List: "OFAC-SDN", Name: "Ivan VOLKOV", Score: 0.97, Type: "person"}},
		},
	}
	asOf := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	ev, err := rules.Evaluate(context.Background(), tpl, subject, results, rules.WithAsOf(asOf))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("decision:", ev.Decision, "operative:", ev.Operative)
	fmt.Println("score:", ev.Score, "band:", ev.Band, "/", ev.Band.BureauString())
	fmt.Println("fired:", ev.Fired)
	for _, f := range ev.Findings {
		fmt.Println("finding:", f.ID, f.Status, f.Details)
	}
	for _, r := range ev.Recommendations {
		fmt.Println("recommendation:", r.ID, r.Priority, r.Content)
	}
	r, _ := ev.Rule("sanctions_exact")
	fmt.Println("read:", r.Reads[0].Path, "=", r.Reads[0].Value)

	// A critical source that timed out holds the run.
	results["sanctions"] = rules.SourceResult{Status: rules.StatusTimeout, Error: "no answer within 10s"}
	ev, _ = rules.Evaluate(context.Background(), tpl, subject, results, rules.WithAsOf(asOf))
	fmt.Println("decision:", ev.Decision, "operative:", ev.Operative, "hold:", ev.Holds[0].Source, ev.Holds[0].Status)
	// Output:
	// decision: rejected operative: rejected
	// score: 100 band: high / alto
	// fired: [sanctions_exact]
	// finding: af_sanctions_exact failed The subject matches a listed person
	// recommendation: ar_sanctions_exact 1 Do not onboard; escalate to compliance
	// read: sanctions.best_score = 0.97
	// decision: approved operative: hold hold: sanctions timeout
}

func ExampleValidateCPF() {
	fmt.Println(rules.ValidateCPF("529.982.247-25"))
	_, err := rules.ValidateCPF("529.982.247-26")
	fmt.Println(errors.Is(err, rules.ErrInvalidDocument))
	_, err = rules.ValidateCPF("111.111.111-11")
	fmt.Println(err)
	// Output:
	// 52998224725 <nil>
	// true
	// cpf: invalid document: all digits are the same
}

func ExampleValidateCNPJ() {
	fmt.Println(rules.ValidateCNPJ("12.345.678/0001-95"))
	fmt.Println(rules.ValidateCNPJ("12.ABC.345/01DE-35")) // alphanumeric CNPJ
	_, err := rules.ValidateCNPJ("12.345.678/0001-96")
	fmt.Println(err)
	// Output:
	// 12345678000195 <nil>
	// 12ABC34501DE35 <nil>
	// cnpj: invalid document: check digits do not match
}

func ExampleDocuments_RegisterDocument() {
	docs := rules.NewDocuments()
	err := docs.RegisterDocument("nif_pt", func(s string) (string, error) {
		if len(s) != 9 {
			return "", fmt.Errorf("want 9 digits, got %d", len(s))
		}
		return s, nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	loader := &rules.Loader{Documents: docs}
	tpl, err := loader.Load("pt.yaml", []byte(`
id: pt_onboarding
version: 1
status: draft
subject: person
parameters:
  document: nif_pt
  fields: {name: {type: string, required: true}}
rules:
  - {id: always, when: "present.name", outcome: approve, finding: {category: x, status: passed}}
risk_bands: {medium: 30, high: 70}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = tpl.NormalizeSubject(map[string]any{"nif_pt": "12345", "name": "Ana"})
	fmt.Println(errors.Is(err, rules.ErrInvalidDocument))
	// Output:
	// true
}

func ExampleRunTests() {
	tpl, err := rules.Load("example.yaml", []byte(exampleTemplate))
	if err != nil {
		fmt.Println(err)
		return
	}
	results := rules.RunTests(tpl)
	_ = rules.FormatCaseResults(os.Stdout, results, false)
	fmt.Println("all passed:", rules.AllPassed(results))
	// Output:
	// === example_onboarding v1 (example.yaml)
	// --- PASS  clean subject
	// --- FAIL  probable match (line 36)
	//     band   want high
	//            got  medium
	//     fired  want [sanctions_exact]
	//            got  [sanctions_probable]
	//            - sanctions_exact
	//            + sanctions_probable
	//     actual: decision review, operative review, score 50, band medium
	//     rule sanctions_probable: fired (review, +50)
	//         sanctions.matched = true
	//         sanctions.best_score = 0.88
	// FAIL example_onboarding: 1 of 2 cases failed
	// all passed: false
}

func ExampleCheck() {
	tpl, err := rules.Load("example.yaml", []byte(exampleTemplate))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range rules.Check(tpl) {
		fmt.Println(l)
	}
	// Output:
	// example.yaml: untested-decision: no test case expects the decision rejected
	// example.yaml: untested-decision: no test case expects a hold, though the template has critical sources
	// example.yaml:19:11: untested-rule: rule sanctions_exact fires in none of the test cases
}
