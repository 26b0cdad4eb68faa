package rules

import (
	"errors"
	"time"
)

// RuleState is what happened to one rule in an evaluation.
type RuleState uint8

// The rule states. The zero value is invalid.
const (
	// RuleFired means the expression evaluated to true.
	RuleFired RuleState = iota + 1
	// RuleNotFired means the expression evaluated to false.
	RuleNotFired
	// RuleSkipped means the rule was not evaluated because a source it
	// reads did not answer (failed, timed out, skipped or disabled); it does
	// not fire. A critical source in that state holds the run anyway.
	RuleSkipped
	// RuleErrored means the rule could not be evaluated: a missing value,
	// an exceeded budget, a run-time error. It does not fire, and the
	// decision is raised to at least review.
	RuleErrored
)

var ruleStateNames = []string{"", "fired", "not_fired", "skipped", "error"}

// ParseRuleState parses "fired", "not_fired", "skipped" or "error".
func ParseRuleState(s string) (RuleState, error) {
	v, err := enumParse("rule state", ruleStateNames, s)
	return RuleState(v), err
}

// String returns "fired", "not_fired", "skipped" or "error".
func (s RuleState) String() string { return enumString("RuleState", ruleStateNames, uint8(s)) }

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (s RuleState) MarshalText() ([]byte, error) {
	return enumMarshal("rule state", ruleStateNames, uint8(s))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (s *RuleState) UnmarshalText(b []byte) error {
	v, err := ParseRuleState(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Read is one value a rule read, as recorded for the audit log: the member
// path in the expression and the value it had. Missing marks a parameter or
// data key the evaluation did not have, or a result field of a source that
// did not answer. Values are not copied: a slice or map may share memory
// with Evaluate's inputs, so do not modify those while the Evaluation is in
// use.
type Read struct {
	Path    string `json:"path"`
	Value   any    `json:"value"`
	Missing bool   `json:"missing,omitempty"`
}

// RuleResult records one rule's evaluation: what it read, how it ended and
// how long it took.
type RuleResult struct {
	ID      string    `json:"id"`
	Outcome Outcome   `json:"outcome"`
	State   RuleState `json:"state"`
	// Points are the risk points the rule added: its RiskPoints when it
	// fired, else zero.
	Points int `json:"risk_points"`
	// Reason says why a rule was skipped.
	Reason string `json:"reason,omitempty"`
	// Err is the *RuleError of a rule in RuleErrored; Error is its text,
	// for JSON.
	Err   error  `json:"-"`
	Error string `json:"error,omitempty"`
	// Reads are the values the expression read, in order of appearance.
	Reads []Read `json:"reads"`
	// Duration is how long the rule took, checks and reads included.
	Duration time.Duration `json:"duration_ns"`
}

// HoldReason is one critical source that failed to return data.
type HoldReason struct {
	Source string       `json:"source"`
	Status SourceStatus `json:"status"`
	Error  string       `json:"error,omitempty"`
}

// Evaluation is the outcome of evaluating a template's rules for one subject
// and one set of source results. It is a stable contract: the analysis,
// the report and the audit log are built from it.
type Evaluation struct {
	TemplateID      string `json:"template_id"`
	TemplateVersion int    `json:"template_version"`
	// AsOf is the reference time rules saw as as_of.
	AsOf time.Time `json:"as_of"`

	Decision  Decision          `json:"decision"`
	Operative OperativeDecision `json:"operative_decision"`
	// Holds lists the critical sources that put the run on hold, in the
	// template's order; empty unless Operative is OperativeHold.
	Holds []HoldReason `json:"holds,omitempty"`
	// Escalated reports that the decision was raised to review because a
	// rule errored.
	Escalated bool `json:"escalated,omitempty"`
	// NeedsSignoff reports that the template requires an analyst's
	// sign-off and the operative decision is review: the run waits in
	// em_analise.
	NeedsSignoff bool `json:"needs_signoff"`

	// Score is the risk score, 0..MaxRiskScore: the sum of the fired
	// rules' points, capped.
	Score       int      `json:"risk_score"`
	Band        RiskBand `json:"risk_band"`
	RiskFactors []string `json:"risk_factors"`

	// Fired lists the IDs of the rules that fired, in template order.
	Fired []string `json:"fired"`
	// Rules has one result per rule, in template order.
	Rules []RuleResult `json:"rules"`
	// Findings are the fired rules' findings, by sort order then ID.
	Findings []Finding `json:"findings"`
	// Recommendations are the fired rules' recommendations, by priority,
	// then finding sort order, then ID.
	Recommendations []Recommendation `json:"recommendations"`

	// Duration is how long the evaluation took.
	Duration time.Duration `json:"duration_ns"`
}

// Err joins the errors of the rules that errored, nil when none did.
func (e *Evaluation) Err() error {
	var errs []error
	for _, r := range e.Rules {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
	}
	return errors.Join(errs...)
}

// Rule returns the result of the rule with the given ID.
func (e *Evaluation) Rule(id string) (RuleResult, bool) {
	for _, r := range e.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleResult{}, false
}
