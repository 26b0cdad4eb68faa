package rules

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestHostileExpressionsAtRunTime runs expressions that compile but would
// hang or exhaust memory if nothing bounded them. Each must end quickly in
// a rule error wrapping ErrBudgetExceeded, and the evaluation must go on.
func TestHostileExpressionsAtRunTime(t *testing.T) {
	tests := []struct {
		name string
		when string
	}{
		{"huge range", "1..1000000000 | any(# < 0)"},
		{"huge range len", "len(1..1000000000) > 0"},
		{"range from data", "len(1..(sanctions.match_count * 100000000)) > 0"},
		{"ranges in a loop", "any(1..40000, len(1..40000) == 0)"},
		{"string doubling", `let a = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; let b = a + a; let c = b + b; let d = c + c;
      let e = d + d; let f = e + e; let g = f + f; let h = g + g; let i = h + h; let j = i + i; let k = j + j;
      let l = k + k; let m = l + l; let n = m + m; let o = n + n; let p = o + o; let q = p + p; let r = q + q;
      let s = r + r; let t = s + s; let u = t + t; let v = u + u; let w = v + v; let x = w + w; let y = x + x;
      len(y) > 0`},
		{"concatenation in a loop", `let s = "0123456789abcdef0123456789abcdef"; any(1..40000, len(s + s + s + s) == 0)`},
		{"concatenation of data", `any(1..40000, len(subject.name + sanctions.error) < 0)`},
		{"big array literal in a loop", "any(1..20000, len([#, #, #, #, #, #, #, #]) == 0)"},
		{"big map literal in a loop", "any(1..20000, len({a: 1, b: 2, c: 3, d: 4}) == 0)"},
		{"filter over huge range", "len(filter(1..100000000, # % 2 == 0)) > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Reading sanctions.ok keeps the condition from being a constant,
			// which Load would run (and refuse) itself.
			when := "sanctions.ok && (" + tt.when + ")"
			tpl := mustLoad(t, miniHead+miniRule("hostile", when, "reject", 100)+miniRule("ok", "sanctions.ok", "approve", 0))
			res := okResults()
			res["sanctions"] = SourceResult{Status: StatusOK, MatchCount: 50, Error: strings.Repeat("e", 100)}
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			ev, err := Evaluate(context.Background(), tpl, person(), res)
			elapsed := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			r := ev.Rules[0]
			if r.State != RuleErrored || !errors.Is(r.Err, ErrBudgetExceeded) {
				t.Errorf("state %v, error %v; want ErrBudgetExceeded", r.State, r.Err)
			}
			if ev.Rules[1].State != RuleFired {
				t.Errorf("the next rule did not run: %v", ev.Rules[1].State)
			}
			if ev.Decision != DecisionReview || !ev.Escalated {
				t.Errorf("decision %v escalated %v, want review", ev.Decision, ev.Escalated)
			}
			if elapsed > 2*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 256<<20 {
				t.Errorf("allocated %d MiB", grown>>20)
			}
		})
	}
}

// TestHostileConstantsAtLoad runs hostile conditions that read nothing:
// Load evaluates such constants itself, under the run-time budgets, and
// refuses them.
func TestHostileConstantsAtLoad(t *testing.T) {
	for _, when := range []string{
		"1..1000000000 | any(# < 0)",
		`let a = "xxxxxxxxxxxxxxxx"; let b = a + a; let c = b + b; let d = c + c; let e = d + d; let f = e + e;
      let g = f + f; let h = g + g; let i = h + h; let j = i + i; let k = j + j; let l = k + k; let m = l + l; len(m) > 0`,
		"any(1..20000, len([#, #, #, #, #, #, #, #]) == 0)",
	} {
		start := time.Now()
		_, err := Load("c.yaml", []byte(miniHead+miniRule("c", when, "reject", 1)))
		if !errors.Is(err, ErrCompile) || !errors.Is(err, ErrBudgetExceeded) || time.Since(start) > 2*time.Second {
			t.Errorf("%.40s: got %v after %v, want ErrCompile and ErrBudgetExceeded", when, err, time.Since(start))
		}
	}
	if _, err := Load("c.yaml", []byte(miniHead+miniRule("c", `int("x") > 0`, "reject", 1))); !errors.Is(err, ErrCompile) {
		t.Errorf("a condition that always fails: %v", err)
	}
}

// TestHostileExpressionsAtCompileTime covers what must be refused before
// anything runs.
func TestHostileExpressionsAtCompileTime(t *testing.T) {
	deepParens := strings.Repeat("(", 5000) + "sanctions.matched" + strings.Repeat(")", 5000)
	deepNot := strings.Repeat("!", 3000) + "sanctions.matched"
	manyNodes := "sanctions.matched" + strings.Repeat(" || sanctions.ok", 190)
	tests := []struct {
		name   string
		when   string
		budget bool // the error also wraps ErrBudgetExceeded
	}{
		{"deep parentheses", deepParens, true},
		{"deep negation", deepNot, false},
		{"too many nodes", manyNodes, true},
		{"three nested closures", "any(sanctions.hits, any(.programs, any(sanctions.lists_hit, # == 'x')))", true},
		{"repeat", `repeat("x", 1000000) != ""`, false},
		{"reduce", "reduce(1..100, #acc + #acc, 1) > 0", false},
		{"join", `join(sanctions.lists_hit, ",") != ""`, false},
		{"replace", `replace(subject.name, "a", "aa") != ""`, false},
		{"sort", "len(sort(sanctions.lists_hit)) > 0", false},
		{"now", "now() > as_of", false},
		{"json", `toJSON(sanctions) != ""`, false},
		{"regex from data", "subject.name matches sanctions.error", false},
		{"float range", "len(1..1e9) > 0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Load("hostile.yaml", []byte(miniHead+miniRule("hostile", tt.when, "reject", 100)))
			if time.Since(start) > 2*time.Second {
				t.Errorf("compiling took %v", time.Since(start))
			}
			if !errors.Is(err, ErrCompile) {
				t.Fatalf("got %v, want ErrCompile", err)
			}
			if tt.budget && !errors.Is(err, ErrBudgetExceeded) {
				t.Errorf("got %v, want ErrBudgetExceeded too", err)
			}
		})
	}
}

// TestBudgetsAllowOrdinaryRules makes sure the budgets leave room for what
// real rules do.
func TestBudgetsAllowOrdinaryRules(t *testing.T) {
	// Brackets inside string literals do not count as nesting.
	mustLoad(t, miniHead+miniRule("parens", `subject.name != "((((((((((((((((((((((((((((((((((((((((" && sanctions.ok`, "review", 10))
	hits := make([]Hit, 200)
	for i := range hits {
		hits[i] = Hit{EntityID: fmt.Sprintf("ofac-sdn:%d", i), List: "OFAC-SDN", Name: "Name", Score: 0.5, Type: "person",
			Programs: []string{"SDGT", "IRAN", "RUSSIA-EO14024"}}
	}
	tpl := mustLoad(t, miniHead+
		miniRule("nested", "any(sanctions.hits, any(.programs, # == 'RUSSIA-EO14024') && .score >= 0.5)", "review", 10)+
		miniRule("pairs", "count(sanctions.hits, .score > 0.4) > 100 && len(1..1000) == 1000", "review", 10)+
		miniRule("concat", `subject.name + " " + subject.name != ""`, "review", 10)+
		miniRule("hit_fields", `any(sanctions.hits, .type == "person" && .list == "OFAC-SDN" && .entity_id startsWith "ofac-sdn:")`, "review", 10))
	res := okResults()
	res["sanctions"] = SourceResult{Status: StatusOK, Matched: true, MatchCount: len(hits), BestScore: 0.5, Hits: hits}
	ev := evaluate(t, tpl, person(), res)
	for _, r := range ev.Rules {
		if r.State != RuleFired {
			t.Errorf("rule %s: %v %v", r.ID, r.State, r.Err)
		}
	}
}
