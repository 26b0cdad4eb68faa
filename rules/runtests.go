package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// CaseResult is the outcome of one test case.
type CaseResult struct {
	// Template and Version identify the template; File is where it came
	// from.
	Template string `json:"template"`
	Version  int    `json:"version"`
	File     string `json:"file"`
	// Case is the case's name, Index its position (0-based) and Line its
	// line in the file.
	Case  string `json:"case"`
	Index int    `json:"index"`
	Line  int    `json:"line"`
	// Passed reports that the evaluation matched every expectation.
	Passed bool `json:"passed"`
	// Diffs lists the expectations the evaluation missed, field by field.
	Diffs []Diff `json:"diffs,omitempty"`
	// Evaluation is the actual evaluation; nil when Err is set.
	Evaluation *Evaluation `json:"evaluation,omitempty"`
	// Err is set when the case could not be evaluated at all.
	Err error `json:"-"`
}

// Diff is one expectation an evaluation missed.
type Diff struct {
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got"`
}

// RunTests evaluates every test case of a template and compares the
// evaluation with the case's expectation. It never stops early: every case
// has a result, in file order.
func RunTests(t *Template) []CaseResult {
	if t == nil {
		return nil
	}
	out := make([]CaseResult, 0, len(t.tests))
	for i, c := range t.tests {
		out = append(out, t.runCase(i, c))
	}
	return out
}

func (t *Template) runCase(i int, c TestCase) CaseResult {
	res := CaseResult{Template: t.id, Version: t.version, File: t.file, Case: c.Name, Index: i, Line: c.Line}
	var opts []EvalOption
	if !c.AsOf.IsZero() {
		opts = append(opts, WithAsOf(c.AsOf))
	}
	ev, err := Evaluate(context.Background(), t, c.Subject, c.Results, opts...)
	if err != nil {
		res.Err = err
		return res
	}
	res.Evaluation = ev
	res.Diffs = diffExpectation(c.Expect, ev)
	res.Passed = len(res.Diffs) == 0
	return res
}

// diffExpectation compares an expectation with an evaluation, field by
// field.
func diffExpectation(x Expectation, ev *Evaluation) []Diff {
	var out []Diff
	add := func(field, want, got string) {
		if want != got {
			out = append(out, Diff{Field: field, Want: want, Got: got})
		}
	}
	add("decision", x.Decision.String(), ev.Decision.String())
	add("operative_decision", x.Operative.String(), ev.Operative.String())
	if x.Band != 0 {
		add("band", x.Band.String(), ev.Band.String())
	}
	if x.Score != nil && (ev.Score < x.Score.Min || ev.Score > x.Score.Max) {
		want := fmt.Sprintf("[%d, %d]", x.Score.Min, x.Score.Max)
		if x.Score.Min == x.Score.Max {
			want = fmt.Sprint(x.Score.Min)
		}
		out = append(out, Diff{Field: "score", Want: want, Got: fmt.Sprint(ev.Score)})
	}
	if x.Fired != nil {
		add("fired", listText(x.Fired), listText(sortedCopy(ev.Fired)))
	}
	if x.Holds != nil {
		var got []string
		for _, h := range ev.Holds {
			got = append(got, h.Source)
		}
		add("holds", listText(x.Holds), listText(sortedCopy(got)))
	}
	var errored []string
	for _, r := range ev.Rules {
		if r.State == RuleErrored {
			errored = append(errored, r.ID)
		}
	}
	add("rule_errors", listText(x.RuleErrors), listText(sortedCopy(errored)))
	return out
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func listText(s []string) string { return "[" + strings.Join(s, ", ") + "]" }

// AllPassed reports whether every case passed (true for no cases).
func AllPassed(results []CaseResult) bool {
	for _, r := range results {
		if !r.Passed {
			return false
		}
	}
	return true
}
