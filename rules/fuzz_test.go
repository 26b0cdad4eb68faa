package rules

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sentinels are the errors every load or rule problem must wrap.
var sentinels = []error{ErrInvalidTemplate, ErrCompile, ErrUnknownSource, ErrBudgetExceeded, ErrMissingValue,
	ErrInvalidDocument, ErrInvalidValue}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"*.yaml", "broken/*.yaml"} {
		files, _ := filepath.Glob(filepath.Join(testdataDir, pattern))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(miniHead + miniRule("r", "sanctions.matched", "reject", 1)))
	f.Add([]byte("id: x\nrules: [{id: r, when: 'true'}]\n"))
	f.Add([]byte("{a: [b, {c: d}], e: !!str 1}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		tpl, err := Load("fuzz.yaml", data)
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("Load took %v", d)
		}
		if err != nil {
			if tpl != nil {
				t.Fatal("a template and an error")
			}
			for _, e := range flatten(err) {
				var le *LoadError
				if !errors.As(e, &le) || !wrapsSentinel(le) {
					t.Fatalf("error %v is not a positioned *LoadError wrapping a sentinel", e)
				}
			}
			return
		}
		// A loaded template can run its own tests and be checked.
		start = time.Now()
		for _, r := range RunTests(tpl) {
			if r.Err != nil && !wrapsSentinel(r.Err) && !errors.Is(r.Err, ErrMissingDocument) {
				t.Fatalf("case %q: %v", r.Case, r.Err)
			}
		}
		_ = Check(tpl)
		if time.Since(start) > 5*time.Second {
			t.Fatalf("tests and checks took %v", time.Since(start))
		}
	})
}

// fuzzTemplate is the mini template with typed custom data; FuzzCompile
// compiles against its environment.
func fuzzTemplate(f *testing.F) *Template {
	src := replaceOnceF(f, miniHead, "custom: {name: bureau}", "custom: {name: bureau, fields: {score: integer, tags: string_list}}") +
		miniRule("r", "sanctions.matched", "reject", 1)
	tpl, err := Load("fuzz.yaml", []byte(src))
	if err != nil {
		f.Fatal(err)
	}
	return tpl
}

func replaceOnceF(f *testing.F, s, old, new string) string {
	if !strings.Contains(s, old) {
		f.Fatalf("%q not found", old)
	}
	return strings.Replace(s, old, new, 1)
}

func FuzzCompile(f *testing.F) {
	for _, name := range []string{"pf_onboarding.yaml", "pj_kyb.yaml", "edd_person.yaml"} {
		tpl, err := LoadFile(filepath.Join(testdataDir, name))
		if err != nil {
			f.Fatal(err)
		}
		for _, r := range tpl.rules {
			f.Add(r.When)
		}
	}
	for _, s := range []string{
		"sanctions.matched && sanctions.best_score >= 0.9",
		"any(sanctions.hits, .score > 0.8 && 'SDGT' in .programs)",
		"present.age && subject.age < 18",
		"bureau.data.score < 300 || 'fraud' in bureau.data.tags",
		"subject.birth_date.AddDate(18, 0, 0) > as_of",
		"len(filter(sanctions.hits, .list == 'OFAC-SDN')) >= 2",
		`let n = lower(subject.name); n startsWith "ivan" || n contains "volkov"`,
		"subject.name matches '^[A-Z][a-z]+'",
		"1..1000000000 | any(# < 0)",
		`let a = subject.name + subject.name; let b = a + a; len(b + b) > 0`,
		"sanctions.match_count > 0 ? sanctions.best_score > 0.5 : false",
		"((((((((sanctions.ok))))))))",
		"sum(sanctions.hits, .score) / max(1, sanctions.match_count) > 0.7",
	} {
		f.Add(s)
	}
	tpl := fuzzTemplate(f)
	limits := tpl.limits
	rc := newRuleCompiler(tpl.env, tpl.sourceIndex, limits)
	results := []map[string]SourceResult{
		{"sanctions": {Status: StatusOK}, "bureau": {Status: StatusOK, Data: map[string]any{"score": 500, "tags": []any{"x"}}}},
		{"sanctions": {Status: StatusOK, Matched: true, MatchCount: 2, BestScore: 0.9, ListsHit: []string{"OFAC-SDN"},
			Hits: []Hit{{EntityID: "a", List: "OFAC-SDN", Name: "A", Score: 0.9, Programs: []string{"SDGT"}},
				{EntityID: "b", List: "UN-SC", Name: "B", Score: 0.8}}},
			"bureau": {Status: StatusFailed, Error: "down"}},
	}
	subjects := []map[string]any{
		{"cpf": "52998224725", "name": "Ivan Volkov"},
		{"cpf": "52998224725", "name": "Ivan Volkov", "age": 17, "birth_date": "2008-01-01", "nicknames": []any{"Vanya"}},
	}
	f.Fuzz(func(t *testing.T, src string) {
		cr, xerr := rc.compile(src)
		if xerr != nil {
			if !errors.Is(xerr.err, ErrCompile) {
				t.Fatalf("compile error %v does not wrap ErrCompile", xerr.err)
			}
			if xerr.offset < 0 {
				t.Fatalf("negative offset %d", xerr.offset)
			}
			return
		}
		// Run the compiled rule as the only rule of a copy of the template.
		one := *tpl
		one.rules = []Rule{{ID: "fuzz", When: src, Outcome: OutcomeReview, Finding: FindingSpec{Category: "x", Status: FindingWarning}}}
		one.compiled = []*compiledRule{cr}
		one.ruleIdx = map[string]int{"fuzz": 0}
		cr.findingID, cr.recommendationID = "af_fuzz", "ar_fuzz"
		for i := range cr.reads {
			cr.reads[i].slot = i
		}
		one.readSlots, one.readCount = len(cr.reads), len(cr.reads)
		for i, res := range results {
			start := time.Now()
			ev, err := Evaluate(context.Background(), &one, subjects[i], res)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("evaluation took %v", d)
			}
			r := ev.Rules[0]
			if r.State == RuleErrored && !errors.Is(r.Err, ErrMissingValue) && !errors.Is(r.Err, ErrBudgetExceeded) &&
				!errors.Is(r.Err, ErrRuleRuntime) && !errors.Is(r.Err, ErrInvalidResult) {
				t.Fatalf("rule error %v wraps no sentinel", r.Err)
			}
		}
	})
}
