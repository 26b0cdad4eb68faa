package rules

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
)

// EvalOption configures one evaluation.
type EvalOption func(*evalConfig)

type evalConfig struct {
	asOf time.Time
	now  func() time.Time
}

// WithAsOf sets the reference time rules see as as_of (ages, document
// expiry). Hosts pass the run's creation time so a replayed analysis is
// identical; without it as_of is the current time.
func WithAsOf(t time.Time) EvalOption {
	return func(c *evalConfig) { c.asOf = t.UTC() }
}

// WithClock sets the clock used for the default as_of and for durations.
// It is a test seam; the default is time.Now.
func WithClock(now func() time.Time) EvalOption {
	return func(c *evalConfig) {
		if now != nil {
			c.now = now
		}
	}
}

// evalState is one evaluation in progress.
type evalState struct {
	t *Template
	// reads holds the Read values of every rule, carved into per-rule
	// slices; slots caches each distinct path's value.
	reads   []Read
	slots   []Read
	slotSet []bool
	subject Subject
	results []SourceResult     // aligned with t.sources
	data    []map[string]any   // converted declared data fields, per source
	dataErr []map[string]error // why a declared data field is unusable
	asOf    time.Time
	budget  *strBudget
	env     any
}

// Evaluate runs a template's rules for a subject and the results of its
// sources, keyed by source ID.
//
// The subject is checked with NormalizeSubject; results must cover every
// enabled source (a disabled source that is absent counts as skipped). A
// bad subject, an absent or malformed result, a result for an undeclared
// source or a cancelled context are errors; problems of single rules are
// not: they are recorded on the rule's RuleResult (see RuleState) and the
// evaluation goes on.
//
// Evaluate never blocks on I/O. It checks ctx between rules.
func Evaluate(ctx context.Context, t *Template, subject map[string]any, results map[string]SourceResult, opts ...EvalOption) (*Evaluation, error) {
	if t == nil {
		return nil, fmt.Errorf("rules: evaluate: %w: nil template", ErrInvalidTemplate)
	}
	cfg := evalConfig{now: time.Now}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	start := cfg.now()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("rules: evaluate %s: %w", t.id, err)
	}
	subj, err := t.NormalizeSubject(subject)
	if err != nil {
		return nil, fmt.Errorf("rules: evaluate %s: %w", t.id, err)
	}
	st := &evalState{
		t:       t,
		reads:   make([]Read, t.readCount),
		slots:   make([]Read, t.readSlots),
		slotSet: make([]bool, t.readSlots),
		subject: subj,
		asOf:    cfg.asOf,
		budget:  &strBudget{limit: t.limits.MaxStringBytes},
	}
	if st.asOf.IsZero() {
		st.asOf = start.UTC()
	}
	if err := st.loadResults(results); err != nil {
		return nil, fmt.Errorf("rules: evaluate %s: %w", t.id, err)
	}
	st.env = t.env.build(st)

	ev := &Evaluation{
		TemplateID:      t.id,
		TemplateVersion: t.version,
		AsOf:            st.asOf,
		Rules:           make([]RuleResult, len(t.rules)),
		Fired:           []string{},
		RiskFactors:     []string{},
		Findings:        []Finding{},
		Recommendations: []Recommendation{},
	}
	machine := &vm.VM{MemoryBudget: uint(t.limits.MemoryBudget)}
	t0 := cfg.now()
	for i, cr := range t.compiled {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("rules: evaluate %s: %w", t.id, err)
		}
		ev.Rules[i] = st.runRule(machine, cr, &t.rules[i])
		t1 := cfg.now()
		ev.Rules[i].Duration = t1.Sub(t0)
		t0 = t1
	}
	st.decide(ev)
	ev.Duration = cfg.now().Sub(start)
	return ev, nil
}

// loadResults checks the result set against the declared sources and
// converts declared data fields.
func (st *evalState) loadResults(results map[string]SourceResult) error {
	t := st.t
	var errs []error
	for _, id := range slices.Sorted(maps.Keys(results)) {
		if _, ok := t.sourceIndex[id]; !ok {
			errs = append(errs, fmt.Errorf("%w: result for %q", ErrUnknownSource, id))
		}
	}
	st.results = make([]SourceResult, len(t.sources))
	st.data = make([]map[string]any, len(t.sources))
	st.dataErr = make([]map[string]error, len(t.sources))
	for i, s := range t.sources {
		r, ok := results[s.ID]
		switch {
		case !ok && !s.Enabled:
			r = SourceResult{Status: StatusSkipped}
		case !ok:
			errs = append(errs, fmt.Errorf("%w: no result for enabled source %q", ErrMissingValue, s.ID))
			continue
		}
		if err := r.validate(); err != nil {
			errs = append(errs, fmt.Errorf("source %q: %w", s.ID, err))
			continue
		}
		st.results[i] = r
		if es := t.env.sources[i]; es.dataTyped && r.Status == StatusOK {
			st.data[i], st.dataErr[i] = convertData(es.dataDecl, r.Data)
		}
	}
	return errors.Join(errs...)
}

// convertData types the declared fields of a custom source's data.
func convertData(decl []DataField, data map[string]any) (map[string]any, map[string]error) {
	out := make(map[string]any, len(decl))
	bad := map[string]error{}
	for _, f := range decl {
		raw, ok := data[f.Name]
		if !ok || raw == nil {
			bad[f.Name] = fmt.Errorf("%w: data key %q is absent", ErrMissingValue, f.Name)
			continue
		}
		v, ok := convertDataValue(f.Type, raw)
		if !ok {
			bad[f.Name] = fmt.Errorf("%w: data key %q: want %v, got %s", ErrInvalidResult, f.Name, f.Type, describeValue(raw))
			continue
		}
		out[f.Name] = v
	}
	return out, bad
}

func convertDataValue(t ParamType, raw any) (any, bool) {
	switch t {
	case ParamString:
		s, ok := raw.(string)
		return s, ok
	case ParamNumber:
		return toFloat(raw)
	case ParamInteger:
		return toInt(raw)
	case ParamBoolean:
		b, ok := raw.(bool)
		return b, ok
	case ParamDate:
		switch v := raw.(type) {
		case time.Time:
			return v.UTC(), true
		case string:
			if d, err := time.Parse(dateLayout, v); err == nil {
				return d, true
			}
			if d, err := time.Parse(time.RFC3339, v); err == nil {
				return d.UTC(), true
			}
		}
	case ParamStringList:
		items, ok := stringItems(raw)
		return slices.Clone(items), ok
	}
	return nil, false
}

// runRule evaluates one rule.
func (st *evalState) runRule(m *vm.VM, cr *compiledRule, rule *Rule) RuleResult {
	rr := RuleResult{ID: rule.ID, Outcome: rule.Outcome, Reads: st.readValues(cr)}
	if reason := st.unavailable(cr); reason != "" {
		rr.State, rr.Reason = RuleSkipped, reason
		return rr
	}
	if err := st.missing(cr); err != nil {
		return ruleFailed(rr, err)
	}
	st.budget.used = 0
	out, err := runProgram(m, cr, st.env)
	if err != nil {
		return ruleFailed(rr, err)
	}
	fired, ok := out.(bool)
	if !ok {
		return ruleFailed(rr, fmt.Errorf("%w: the expression produced %T, not a bool", ErrRuleRuntime, out))
	}
	if fired {
		rr.State, rr.Points = RuleFired, rule.RiskPoints
	} else {
		rr.State = RuleNotFired
	}
	return rr
}

func ruleFailed(rr RuleResult, err error) RuleResult {
	rr.State = RuleErrored
	rr.Err = &RuleError{Rule: rr.ID, Err: err}
	rr.Error = rr.Err.Error()
	return rr
}

// unavailable explains why a rule cannot run because a source it reads did
// not answer; "" when all did. Reading only a source's status, ok, error or
// duration_ms is always allowed: that is how a rule reacts to a failure.
func (st *evalState) unavailable(cr *compiledRule) string {
	for _, r := range cr.reads {
		if r.kind != readSourceField && r.kind != readSourceData {
			continue
		}
		s := st.t.sources[r.source]
		res := st.results[r.source]
		if res.Status == StatusOK {
			continue
		}
		if !s.Enabled {
			return fmt.Sprintf("source %q is disabled", s.ID)
		}
		reason := fmt.Sprintf("source %q %s", s.ID, res.Status)
		if res.Error != "" {
			reason += ": " + res.Error
		}
		return reason
	}
	return ""
}

// missing reports the values a rule reads that the evaluation lacks.
func (st *evalState) missing(cr *compiledRule) error {
	var paths []string
	var invalid []error
	for _, r := range cr.reads {
		switch r.kind {
		case readParam:
			if _, ok := st.subject[r.param]; !ok && !cr.guarded[r.param] {
				paths = append(paths, r.path)
			}
		case readSubject: // the whole subject: every parameter is read
			for _, p := range st.t.params {
				if _, ok := st.subject[p.Name]; !ok && !cr.guarded[p.Name] {
					paths = append(paths, envSubject+"."+p.Name)
				}
			}
		case readSourceData:
			if cr.dataGuarded[r.source] {
				continue
			}
			if st.t.env.sources[r.source].dataTyped {
				err := st.dataErr[r.source][r.field]
				switch {
				case errors.Is(err, ErrMissingValue):
					paths = append(paths, r.path)
				case err != nil:
					invalid = append(invalid, err)
				}
				continue
			}
			if _, ok := st.results[r.source].Data[r.field]; !ok {
				paths = append(paths, r.path)
			}
		}
	}
	if len(invalid) > 0 {
		return errors.Join(invalid...)
	}
	if len(paths) > 0 {
		return fmt.Errorf("%w: %s (test optional parameters with present.<name>, and data keys with \"key\" in <source>.data)",
			ErrMissingValue, strings.Join(paths, ", "))
	}
	return nil
}

// runProgram runs a compiled rule and classifies its failure.
func runProgram(m *vm.VM, cr *compiledRule, env any) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%w: %v", ErrRuleRuntime, r)
		}
	}()
	out, err = m.Run(cr.program, env)
	if err == nil {
		return out, nil
	}
	var fe *file.Error
	if !errors.As(err, &fe) {
		return nil, fmt.Errorf("%w: %w", ErrRuleRuntime, err)
	}
	at := fmt.Sprintf(" (expression %d:%d)", fe.Line, fe.Column+1)
	switch {
	case errors.Is(err, ErrBudgetExceeded), errors.Is(err, ErrRuleRuntime):
		return nil, fmt.Errorf("%w%s", fe.Prev, at)
	case strings.Contains(fe.Message, "memory budget exceeded"):
		// expr's VM signals its memory budget with this panic message; it
		// has no error value to test.
		return nil, fmt.Errorf("%w: memory budget of %d units exceeded%s", ErrBudgetExceeded, m.MemoryBudget, at)
	}
	return nil, fmt.Errorf("%w: %s%s", ErrRuleRuntime, fe.Message, at)
}

// readValues records the values a rule reads.
func (st *evalState) readValues(cr *compiledRule) []Read {
	n := len(cr.reads)
	var out []Read
	if n <= len(st.reads) {
		out, st.reads = st.reads[:n:n], st.reads[n:]
	} else {
		out = make([]Read, n)
	}
	for i, r := range cr.reads {
		if r.slot < len(st.slots) {
			if !st.slotSet[r.slot] {
				v, missing := st.readValue(r)
				st.slots[r.slot] = Read{Path: r.path, Value: v, Missing: missing}
				st.slotSet[r.slot] = true
			}
			out[i] = st.slots[r.slot]
			continue
		}
		v, missing := st.readValue(r)
		out[i] = Read{Path: r.path, Value: v, Missing: missing}
	}
	return out
}

func (st *evalState) readValue(r readRef) (any, bool) {
	switch r.kind {
	case readParam:
		v, ok := st.subject[r.param]
		return v, !ok
	case readSubject:
		return st.subject, false
	case readPresent:
		if r.param != "" {
			_, ok := st.subject[r.param]
			return ok, false
		}
		m := make(map[string]bool, len(st.t.params))
		for _, p := range st.t.params {
			_, m[p.Name] = st.subject[p.Name]
		}
		return m, false
	case readAsOf:
		return st.asOf, false
	case readSourceMeta:
		return resultField(st.results[r.source], r.field), false
	case readSourceField:
		if st.results[r.source].Status != StatusOK {
			return nil, true // the source did not answer: its fields hold nothing
		}
		return resultField(st.results[r.source], r.field), false
	case readSourceData:
		if st.results[r.source].Status != StatusOK {
			return nil, true
		}
		if st.t.env.sources[r.source].dataTyped {
			v, ok := st.data[r.source][r.field]
			return v, !ok
		}
		v, ok := st.results[r.source].Data[r.field]
		return v, !ok
	}
	return nil, true
}

// resultField returns a SourceResult field by its rule name; "" is the
// whole result.
func resultField(r SourceResult, name string) any {
	switch name {
	case "":
		return r
	case "status":
		return r.Status.String()
	case "ok":
		return r.Status == StatusOK
	case "error":
		return r.Error
	case "duration_ms":
		return r.DurationMS
	case "matched":
		return r.Matched
	case "match_count":
		return r.MatchCount
	case "best_score":
		return r.BestScore
	case "lists_hit":
		return r.ListsHit
	case "hits":
		return r.Hits
	case "valid":
		return r.Valid
	case "data":
		return r.Data
	}
	return nil
}

// decide computes the decision, the hold, the score, the band and the
// findings from the rule results.
func (st *evalState) decide(ev *Evaluation) {
	t := st.t
	ev.Decision = DecisionApproved
	score := 0
	errored := false
	fired := make([]int, 0, len(ev.Rules))
	for i := range ev.Rules {
		switch ev.Rules[i].State {
		case RuleErrored:
			errored = true
		case RuleFired:
			fired = append(fired, i)
		}
	}
	ev.Fired = make([]string, 0, len(fired))
	for _, i := range fired {
		rule := &t.rules[i]
		ev.Fired = append(ev.Fired, rule.ID)
		ev.Decision = max(ev.Decision, rule.Outcome.Decision())
		score += rule.RiskPoints
		if rule.Recommendation != nil {
			ev.Recommendations = append(ev.Recommendations, Recommendation{
				ID:        t.compiled[i].recommendationID,
				Rule:      rule.ID,
				Content:   rule.Recommendation.Content,
				Priority:  rule.Recommendation.Priority,
				SortOrder: rule.Finding.SortOrder,
			})
		}
	}
	if errored && ev.Decision < DecisionReview {
		ev.Decision = DecisionReview
		ev.Escalated = true
	}
	ev.Score = min(score, MaxRiskScore)
	ev.Band = t.bands.Band(ev.Score)

	// Findings (and with them the risk factors) go by sort order, then ID.
	slices.SortStableFunc(fired, func(a, b int) int {
		fa, fb := t.rules[a].Finding.SortOrder, t.rules[b].Finding.SortOrder
		if fa != fb {
			return fa - fb
		}
		return strings.Compare(t.compiled[a].findingID, t.compiled[b].findingID)
	})
	ev.Findings = make([]Finding, len(fired))
	for k, i := range fired {
		rule := &t.rules[i]
		ev.Findings[k] = Finding{ID: t.compiled[i].findingID, Rule: rule.ID, Category: rule.Finding.Category,
			Status: rule.Finding.Status, Details: rule.Finding.Details, SortOrder: rule.Finding.SortOrder}
		if f := rule.RiskFactor; f != "" && !slices.Contains(ev.RiskFactors, f) {
			ev.RiskFactors = append(ev.RiskFactors, f)
		}
	}
	slices.SortStableFunc(ev.Recommendations, func(a, b Recommendation) int {
		if a.Priority != b.Priority {
			return a.Priority - b.Priority
		}
		if a.SortOrder != b.SortOrder {
			return a.SortOrder - b.SortOrder
		}
		return strings.Compare(a.ID, b.ID)
	})
	for i := range ev.Recommendations {
		ev.Recommendations[i].SortOrder = i + 1
	}

	for i, s := range t.sources {
		r := st.results[i]
		if s.Enabled && s.Critical() && r.Status != StatusOK {
			ev.Holds = append(ev.Holds, HoldReason{Source: s.ID, Status: r.Status, Error: r.Error})
		}
	}
	ev.Operative = ev.Decision.Operative()
	if len(ev.Holds) > 0 {
		ev.Operative = OperativeHold
	}
	ev.NeedsSignoff = t.requiresSignoff && ev.Operative == OperativeReview
}
