package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// bench50Rules builds a person template with 50 rules of the kinds real
// templates use: score thresholds, closures over hits, parameter checks
// guarded by present, typed custom data, list membership, string tests.
func bench50Rules(tb testing.TB) *Template {
	kinds := []string{
		"sanctions.matched && sanctions.best_score >= 0.%d",
		"any(sanctions.hits, .score >= 0.%d && .list == 'OFAC-SDN')",
		"count(sanctions.hits, .score > 0.%d) >= 2",
		"present.age && subject.age < 1%d",
		"bureau.data.score < %d00",
		"'RUSSIA-EO14024' in sanctions.lists_hit || sanctions.match_count > %d",
		"any(sanctions.hits, any(.programs, # == 'SDGT')) && sanctions.best_score > 0.%d",
		"subject.name startsWith 'Iv' && len(subject.name) > %d",
		"present.birth_date && subject.birth_date.AddDate(%d, 0, 0) > as_of",
		"!bureau.ok || bureau.data.score == %d",
	}
	var b strings.Builder
	b.WriteString(strings.Replace(miniHead, "custom: {name: bureau}", "custom: {name: bureau, fields: {score: integer}}", 1))
	for i := 0; i < 50; i++ {
		when := fmt.Sprintf(kinds[i%len(kinds)], 5+i%5)
		outcome := []string{"approve", "review", "reject"}[i%3]
		b.WriteString(miniRule(fmt.Sprintf("rule_%02d", i), when, outcome, i%7))
	}
	tpl, err := Load("bench.yaml", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return tpl
}

func benchInputs() (map[string]any, map[string]SourceResult) {
	subject := map[string]any{"cpf": "529.982.247-25", "name": "Ivan Sergeyevich Volkov", "age": 44, "birth_date": "1981-02-03"}
	hits := make([]Hit, 10)
	for i := range hits {
		hits[i] = Hit{EntityID: fmt.Sprintf("ofac-sdn:%d", 1000+i), List: []string{"OFAC-SDN", "UN-SC", "EU-FSF"}[i%3],
			Name: "Ivan VOLKOV", Score: 0.80 + float64(i)/100, Type: "person", Programs: []string{"RUSSIA-EO14024", "SDGT"}}
	}
	results := map[string]SourceResult{
		"sanctions": {Status: StatusOK, Matched: true, MatchCount: len(hits), BestScore: 0.89,
			ListsHit: []string{"EU-FSF", "OFAC-SDN", "UN-SC"}, Hits: hits},
		"bureau": {Status: StatusOK, Data: map[string]any{"score": 640}},
	}
	return subject, results
}

// BenchmarkEvaluate50Rules measures one evaluation of a 50-rule template:
// subject validation (a CPF check included), environment construction,
// every rule with its audit reads, decision, findings.
func BenchmarkEvaluate50Rules(b *testing.B) {
	tpl := bench50Rules(b)
	subject, results := benchInputs()
	ctx := context.Background()
	at := WithAsOf(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if _, err := Evaluate(ctx, tpl, subject, results, at); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Evaluate(ctx, tpl, subject, results, at); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/50, "ns/rule")
}

// BenchmarkLoad measures loading and compiling the KYB template.
func BenchmarkLoad(b *testing.B) {
	data := mustRead(b, "pj_kyb.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("pj_kyb.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBench50RulesTemplate(t *testing.T) {
	tpl := bench50Rules(t)
	subject, results := benchInputs()
	ev, err := Evaluate(context.Background(), tpl, subject, results, WithAsOf(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	states := map[RuleState]int{}
	for _, r := range ev.Rules {
		states[r.State]++
	}
	if len(ev.Rules) != 50 || states[RuleErrored] != 0 || states[RuleFired] == 0 || states[RuleNotFired] == 0 {
		t.Errorf("the benchmark template does not exercise its rules: %v", states)
	}
}
