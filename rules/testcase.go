package rules

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// TestCase is one case of a template's tests: a subject and simulated
// source results, and the evaluation they must produce.
type TestCase struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Line is where the case starts in the template file.
	Line int `json:"line"`
	// AsOf is the reference time of the case; zero when the case gives
	// none (then the template's rules do not read as_of).
	AsOf    time.Time               `json:"as_of,omitzero"`
	Subject map[string]any          `json:"subject"`
	Results map[string]SourceResult `json:"sources"`
	Expect  Expectation             `json:"expect"`
}

func (c TestCase) clone() TestCase {
	c.Subject = maps.Clone(c.Subject)
	c.Results = maps.Clone(c.Results)
	for id, r := range c.Results {
		r.ListsHit = slices.Clone(r.ListsHit)
		r.Hits = slices.Clone(r.Hits)
		for i := range r.Hits {
			r.Hits[i].Programs = slices.Clone(r.Hits[i].Programs)
		}
		r.Data = maps.Clone(r.Data)
		c.Results[id] = r
	}
	c.Expect.Fired = slices.Clone(c.Expect.Fired)
	c.Expect.Holds = slices.Clone(c.Expect.Holds)
	c.Expect.RuleErrors = slices.Clone(c.Expect.RuleErrors)
	if c.Expect.Score != nil {
		s := *c.Expect.Score
		c.Expect.Score = &s
	}
	return c
}

// ScoreRange is an inclusive range of risk scores.
type ScoreRange struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Expectation is what a test case expects. Decision is required; the
// other fields are checked when set, except Operative, which defaults to
// the decision's own operative form (so an unexpected hold fails the case),
// and RuleErrors, which is always checked: a case fails when a rule errors
// unless it lists that rule.
type Expectation struct {
	Decision  Decision          `json:"decision"`
	Operative OperativeDecision `json:"operative_decision"`
	// Band is zero when not checked.
	Band RiskBand `json:"band,omitempty"`
	// Score is nil when not checked.
	Score *ScoreRange `json:"score,omitempty"`
	// Fired, sorted, is the exact set of rules that must fire; nil when
	// not checked.
	Fired []string `json:"fired,omitempty"`
	// Holds, sorted, is the exact set of sources that must hold the run;
	// nil when not checked.
	Holds []string `json:"holds,omitempty"`
	// RuleErrors, sorted, is the exact set of rules that must error.
	RuleErrors []string `json:"rule_errors,omitempty"`
}

// tests reads the test cases; the rule environment must be ready.
func (b *builder) tests(root *fields) {
	d, t := b.d, b.t
	e, has := root.get("tests")
	if !has {
		return
	}
	items := d.seq(e)
	if len(items) > b.limits.MaxTests {
		d.failf(e.v, e.path, ErrInvalidTemplate, "%d test cases, at most %d", len(items), b.limits.MaxTests)
		return
	}
	names := map[string]bool{}
	for _, it := range items {
		c, ok := b.testCase(it)
		if !ok {
			continue
		}
		if names[c.Name] {
			d.failf(it.v, childPath(it.path, "name"), ErrInvalidTemplate, "duplicate test case name %q", c.Name)
			continue
		}
		names[c.Name] = true
		t.tests = append(t.tests, c)
	}
}

func (b *builder) testCase(e entry) (TestCase, bool) {
	d, t := b.d, b.t
	c := TestCase{}
	c.Line, _ = d.pos(e.v)
	f := d.mapping(e.v, e.path, keysTest)
	if f == nil {
		return c, false
	}
	ok := true
	if ne, has := f.required("name"); has {
		c.Name, ok = b.text(ne)
		if ok && c.Name == "" {
			d.failf(ne.v, ne.path, ErrInvalidTemplate, "empty test case name")
			ok = false
		}
	} else {
		ok = false
	}
	if de, has := f.get("description"); has {
		c.Description, _ = b.text(de)
	}
	if ae, has := f.get("as_of"); has {
		if s, good := d.str(ae); good {
			at, err := dateValue(s)
			if err != nil {
				d.failf(ae.v, ae.path, ErrInvalidTemplate, "as_of %q: %v", s, err)
				ok = false
			}
			c.AsOf = at
		} else {
			ok = false
		}
	} else if t.usesAsOf {
		d.failf(f.node, childPath(f.path, "as_of"), ErrInvalidTemplate, "the rules read as_of, so every test case needs as_of")
		ok = false
	}
	if se, has := f.required("subject"); has {
		raw, good := d.value(se.v, se.path, 0)
		m, isMap := raw.(map[string]any)
		switch {
		case !good:
			ok = false
		case !isMap:
			d.failf(se.v, se.path, ErrInvalidTemplate, "want a mapping of parameters")
			ok = false
		default:
			if _, err := t.NormalizeSubject(m); err != nil {
				b.paramErrors(se, err)
				ok = false
			}
			c.Subject = m
		}
	} else {
		ok = false
	}
	c.Results = map[string]SourceResult{}
	se, hasSources := f.get("sources")
	if hasSources {
		sf := d.mapping(se.v, se.path, nil)
		if sf == nil {
			ok = false
		}
		for _, x := range sf.entries() {
			i, known := t.sourceIndex[x.key]
			if !known {
				msg := fmt.Sprintf("unknown source %q", x.key)
				if s := suggest(x.key, t.env.sourceIDs); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				d.failf(x.kn, x.path, ErrUnknownSource, "%s", msg)
				ok = false
				continue
			}
			r, good := b.result(x, t.sources[i])
			ok = ok && good
			c.Results[x.key] = r
		}
	}
	for _, s := range t.sources {
		if _, given := c.Results[s.ID]; !given && s.Enabled && (hasSources || ok) {
			at := f.node
			path := childPath(f.path, "sources")
			if hasSources {
				at, path = se.v, childPath(path, s.ID)
			}
			d.failf(at, path, ErrMissingValue, "no result for enabled source %q", s.ID)
			ok = false
		}
	}
	if xe, has := f.required("expect"); has {
		x, good := b.expectation(xe)
		c.Expect, ok = x, ok && good
	} else {
		ok = false
	}
	return c, ok
}

// paramErrors reports a subject's *ParamError values at their parameters.
func (b *builder) paramErrors(se entry, err error) {
	sf := b.d.mapping(se.v, se.path, nil)
	for _, e := range flatten(err) {
		var pe *ParamError
		if !errors.As(e, &pe) {
			b.d.fail(se.v, se.path, fmt.Errorf("%w: %w", ErrInvalidTemplate, e))
			continue
		}
		werr := fmt.Errorf("%w: %w", ErrInvalidTemplate, pe)
		if x, has := sf.m[pe.Param]; has {
			b.d.fail(x.kn, x.path, werr)
		} else {
			b.d.fail(se.v, childPath(se.path, pe.Param), werr)
		}
	}
}

// flatten unwraps errors.Join trees into their leaves.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// result reads a simulated source result.
func (b *builder) result(e entry, s Source) (SourceResult, bool) {
	d := b.d
	r := SourceResult{}
	if str, isStr := scalarString(e.v); isStr {
		// Shorthand: a bare status ("failed", "timeout", "skipped", "ok").
		st, err := ParseSourceStatus(str)
		if err != nil {
			d.fail(e.v, e.path, fmt.Errorf("%w: %w", ErrInvalidTemplate, err))
			return r, false
		}
		r.Status = st
		return r, true
	}
	f := d.mapping(e.v, e.path, keysResult)
	if f == nil {
		return r, false
	}
	ok := true
	allowed := sourceFields(s.Kind)
	for _, x := range f.entries() {
		if x.key != "duration_ms" && !slices.Contains(allowed, x.key) {
			d.failf(x.kn, x.path, ErrInvalidTemplate, "a %v source has no %q", s.Kind, x.key)
			ok = false
		}
	}
	if se, has := f.required("status"); has {
		st, good := enumEntry(d, se, ParseSourceStatus)
		r.Status, ok = st, ok && good
	} else {
		ok = false
	}
	if x, has := f.get("error"); has {
		r.Error, _ = d.str(x)
	}
	if x, has := f.get("matched"); has {
		r.Matched, _ = d.boolean(x)
	}
	if x, has := f.get("match_count"); has {
		r.MatchCount, _ = d.integer(x)
	}
	if x, has := f.get("best_score"); has {
		r.BestScore, _ = d.number(x)
	}
	if x, has := f.get("lists_hit"); has {
		r.ListsHit, _ = d.strList(x)
	}
	if x, has := f.get("valid"); has {
		r.Valid, _ = d.boolean(x)
	}
	if x, has := f.get("duration_ms"); has {
		n, _ := d.integer(x)
		r.DurationMS = int64(n)
	}
	if x, has := f.get("data"); has {
		v, good := d.value(x.v, x.path, 0)
		m, isMap := v.(map[string]any)
		if good && !isMap {
			d.failf(x.v, x.path, ErrInvalidTemplate, "want a mapping")
		}
		r.Data = m
	}
	if x, has := f.get("hits"); has {
		for _, h := range d.seq(x) {
			hit, good := b.hit(h)
			ok = ok && good
			r.Hits = append(r.Hits, hit)
		}
	}
	r.summarizeHits()
	if err := r.validate(); err != nil && ok {
		d.fail(e.v, e.path, fmt.Errorf("%w: %w", ErrInvalidTemplate, err))
		ok = false
	}
	return r, ok
}

func (b *builder) hit(e entry) (Hit, bool) {
	d := b.d
	h := Hit{}
	f := d.mapping(e.v, e.path, keysHit)
	if f == nil {
		return h, false
	}
	strs := map[string]*string{"entity_id": &h.EntityID, "list": &h.List, "name": &h.Name, "query": &h.Query, "type": &h.Type}
	for k, p := range strs {
		if x, has := f.get(k); has {
			*p, _ = d.str(x)
		}
	}
	if x, has := f.required("score"); has {
		h.Score, _ = d.number(x)
	}
	if x, has := f.get("programs"); has {
		h.Programs, _ = d.strList(x)
	}
	return h, true
}

// expectation reads a case's expect block.
func (b *builder) expectation(e entry) (Expectation, bool) {
	d, t := b.d, b.t
	x := Expectation{}
	f := d.mapping(e.v, e.path, keysExpect)
	if f == nil {
		return x, false
	}
	ok := true
	if de, has := f.required("decision"); has {
		x.Decision, ok = enumEntry(d, de, ParseDecision)
	} else {
		ok = false
	}
	x.Operative = x.Decision.Operative()
	if oe, has := f.get("operative_decision"); has {
		v, good := enumEntry(d, oe, ParseOperativeDecision)
		x.Operative, ok = v, ok && good
	}
	if be, has := f.get("band"); has {
		v, good := enumEntry(d, be, ParseRiskBand)
		x.Band, ok = v, ok && good
	}
	if se, has := f.get("score"); has {
		r, good := b.scoreRange(se)
		x.Score, ok = r, ok && good
	}
	ids := func(key string, known func(string) error) []string {
		le, has := f.get(key)
		if !has {
			return nil
		}
		list, good := d.strList(le)
		if !good {
			ok = false
			return nil
		}
		if len(list) > maxExpectListItems {
			d.failf(le.v, le.path, ErrInvalidTemplate, "too many items")
			ok = false
		}
		for i, id := range list {
			if err := known(id); err != nil {
				d.fail(le.v, indexPath(le.path, i), err)
				ok = false
			}
		}
		out := slices.Compact(slices.Sorted(slices.Values(list)))
		return append(make([]string, 0, len(out)), out...)
	}
	ruleKnown := func(id string) error {
		if _, known := t.ruleIdx[id]; !known {
			return fmt.Errorf("%w: unknown rule %q", ErrInvalidTemplate, id)
		}
		return nil
	}
	x.Fired = ids("fired", ruleKnown)
	x.Holds = ids("holds", func(id string) error {
		i, known := t.sourceIndex[id]
		switch {
		case !known:
			return fmt.Errorf("%w: %q", ErrUnknownSource, id)
		case !t.sources[i].Critical():
			return fmt.Errorf("%w: source %q is not critical (tier 1), so it never holds a run", ErrInvalidTemplate, id)
		}
		return nil
	})
	x.RuleErrors = ids("rule_errors", ruleKnown)
	return x, ok
}

// scoreRange reads "score: 40" or "score: [30, 60]".
func (b *builder) scoreRange(e entry) (*ScoreRange, bool) {
	d := b.d
	if _, isInt := e.v.(*ast.IntegerNode); isInt {
		n, ok := d.integer(e)
		if ok && (n < 0 || n > MaxRiskScore) {
			d.failf(e.v, e.path, ErrInvalidTemplate, "score runs from 0 to %d", MaxRiskScore)
			ok = false
		}
		return &ScoreRange{Min: n, Max: n}, ok
	}
	items := d.seq(e)
	if len(items) != 2 {
		d.failf(e.v, e.path, ErrInvalidTemplate, "score is a number or a range [min, max]")
		return nil, false
	}
	lo, ok1 := d.integer(items[0])
	hi, ok2 := d.integer(items[1])
	if !ok1 || !ok2 {
		return nil, false
	}
	if lo < 0 || hi > MaxRiskScore || lo > hi {
		d.failf(e.v, e.path, ErrInvalidTemplate, "score range needs 0 <= min <= max <= %d", MaxRiskScore)
		return nil, false
	}
	return &ScoreRange{Min: lo, Max: hi}, true
}
