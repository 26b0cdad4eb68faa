package rules

import (
	"fmt"
	"slices"
	"strings"
)

// LintCode names the kind of a lint. Codes are stable; hosts may filter on
// them.
type LintCode string

// The lint codes.
const (
	// LintUnusedSource: an enabled source no rule reads.
	LintUnusedSource LintCode = "unused-source"
	// LintDisabledSource: a rule reads a disabled source, so it is always
	// skipped.
	LintDisabledSource LintCode = "disabled-source"
	// LintConstantRule: a rule's condition folds to a constant, so it
	// never fires or always fires.
	LintConstantRule LintCode = "constant-rule"
	// LintDuplicateCondition: two rules test the same condition.
	LintDuplicateCondition LintCode = "duplicate-condition"
	// LintShadowedRule: a review rule can fire only when a reject rule
	// fires too, so it never changes the decision.
	LintShadowedRule LintCode = "shadowed-rule"
	// LintNoTests: the template has no test cases.
	LintNoTests LintCode = "no-tests"
	// LintUntestedDecision: no test case expects a decision (or a hold)
	// the template can produce.
	LintUntestedDecision LintCode = "untested-decision"
	// LintUntestedRule: the rule fires in none of the test cases.
	LintUntestedRule LintCode = "untested-rule"
)

// Lint is a likely mistake in a template that is not an error: the
// template loads and runs, but probably not as its author meant.
type Lint struct {
	Code    LintCode `json:"code"`
	File    string   `json:"file"`
	Line    int      `json:"line,omitempty"`
	Column  int      `json:"column,omitempty"`
	Rule    string   `json:"rule,omitempty"`
	Source  string   `json:"source,omitempty"`
	Message string   `json:"message"`
}

// String renders "file:line:col: code: message".
func (l Lint) String() string {
	var b strings.Builder
	b.WriteString(l.File)
	if l.Line > 0 {
		fmt.Fprintf(&b, ":%d", l.Line)
		if l.Column > 0 {
			fmt.Fprintf(&b, ":%d", l.Column)
		}
	}
	fmt.Fprintf(&b, ": %s: %s", l.Code, l.Message)
	return b.String()
}

// Check looks for likely mistakes: unused or disabled sources, constant
// conditions, duplicate or shadowed rules, and test coverage (it runs the
// test cases to see which rules fire). The checks are syntactic and
// conservative: a lint is worth reading, its absence proves nothing.
func Check(t *Template) []Lint {
	if t == nil {
		return nil
	}
	var out []Lint
	ruleLint := func(i int, code LintCode, format string, args ...any) {
		r := t.rules[i]
		out = append(out, Lint{Code: code, File: t.file, Line: r.Line, Column: r.Column, Rule: r.ID,
			Message: fmt.Sprintf("rule %s: ", r.ID) + fmt.Sprintf(format, args...)})
	}

	used := make([]bool, len(t.sources))
	for i, cr := range t.compiled {
		disabled := map[string]bool{}
		for _, rd := range cr.reads {
			switch rd.kind {
			case readSourceMeta, readSourceField, readSourceData:
				used[rd.source] = true
				s := t.sources[rd.source]
				if !s.Enabled && rd.kind != readSourceMeta && !disabled[s.ID] {
					disabled[s.ID] = true
					ruleLint(i, LintDisabledSource, "reads source %s, which is disabled, so the rule is always skipped", s.ID)
				}
			}
		}
		switch cr.constant {
		case -1:
			ruleLint(i, LintConstantRule, "the condition is always false: the rule never fires")
		case 1:
			ruleLint(i, LintConstantRule, "the condition is always true: the rule fires for every subject")
		}
	}
	for i, s := range t.sources {
		if s.Enabled && !used[i] {
			msg := fmt.Sprintf("source %s is enabled but no rule reads it", s.ID)
			if s.Critical() {
				msg += " (as a critical source it can still hold the run)"
			}
			lint := Lint{Code: LintUnusedSource, File: t.file, Source: s.ID, Message: msg}
			if i < len(t.sourceLine) {
				lint.Line = t.sourceLine[i]
			}
			out = append(out, lint)
		}
	}

	seen := map[string]int{}
	for i, cr := range t.compiled {
		key := strings.Join(sortedCopy(cr.conjuncts), " && ")
		if j, dup := seen[key]; dup {
			ruleLint(i, LintDuplicateCondition, "tests the same condition as rule %s", t.rules[j].ID)
			continue
		}
		seen[key] = i
	}
	for i, cr := range t.compiled {
		if t.rules[i].Outcome != OutcomeReview {
			continue
		}
		for j, other := range t.compiled {
			if t.rules[j].Outcome != OutcomeReject || !subset(other.conjuncts, cr.conjuncts) {
				continue
			}
			ruleLint(i, LintShadowedRule, "can fire only when reject rule %s fires too, so it never changes the decision", t.rules[j].ID)
			break
		}
	}

	out = append(out, t.coverageLints()...)
	return out
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// coverageLints runs the test cases and reports decisions no case expects
// and rules no case fires.
func (t *Template) coverageLints() []Lint {
	if len(t.tests) == 0 {
		return []Lint{{Code: LintNoTests, File: t.file, Message: "the template has no test cases"}}
	}
	var out []Lint
	expected := map[string]bool{}
	for _, c := range t.tests {
		expected[c.Expect.Decision.String()] = true
		if c.Expect.Operative == OperativeHold {
			expected["hold"] = true
		}
	}
	produces := map[Decision]bool{DecisionApproved: true}
	for _, r := range t.rules {
		produces[r.Outcome.Decision()] = true
	}
	for _, d := range []Decision{DecisionApproved, DecisionReview, DecisionRejected} {
		if produces[d] && !expected[d.String()] {
			out = append(out, Lint{Code: LintUntestedDecision, File: t.file,
				Message: fmt.Sprintf("no test case expects the decision %s", d)})
		}
	}
	critical := false
	for _, s := range t.sources {
		critical = critical || (s.Enabled && s.Critical())
	}
	if critical && !expected["hold"] {
		out = append(out, Lint{Code: LintUntestedDecision, File: t.file,
			Message: "no test case expects a hold, though the template has critical sources"})
	}
	fired := map[string]bool{}
	for _, r := range RunTests(t) {
		if r.Evaluation == nil {
			continue
		}
		for _, id := range r.Evaluation.Fired {
			fired[id] = true
		}
	}
	for _, r := range t.rules {
		if !fired[r.ID] {
			out = append(out, Lint{Code: LintUntestedRule, File: t.file, Line: r.Line, Column: r.Column, Rule: r.ID,
				Message: fmt.Sprintf("rule %s fires in none of the test cases", r.ID)})
		}
	}
	return out
}
