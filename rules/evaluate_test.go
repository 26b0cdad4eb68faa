package rules

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var asOf = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

func evaluate(t *testing.T, tpl *Template, subject map[string]any, results map[string]SourceResult) *Evaluation {
	t.Helper()
	ev, err := Evaluate(context.Background(), tpl, subject, results, WithAsOf(asOf))
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return ev
}

func person() map[string]any {
	return map[string]any{"cpf": "529.982.247-25", "name": "Maria da Silva"}
}

func TestDecisionPrecedence(t *testing.T) {
	tpl := mustLoad(t, miniHead+
		miniRule("approve_r", "bureau.data.flag == 'a'", "approve", 5)+
		miniRule("review_r", "bureau.data.flag in ['r', 'x']", "review", 30)+
		miniRule("reject_r", "bureau.data.flag == 'x'", "reject", 80))
	tests := []struct {
		flag      string
		decision  Decision
		fired     []string
		score     int
		band      RiskBand
		factorsOK bool
	}{
		{"n", DecisionApproved, []string{}, 0, BandLow, true},
		{"a", DecisionApproved, []string{"approve_r"}, 5, BandLow, true},
		{"r", DecisionReview, []string{"review_r"}, 30, BandMedium, true},
		{"x", DecisionRejected, []string{"review_r", "reject_r"}, 100, BandHigh, true},
	}
	for _, tt := range tests {
		res := okResults()
		res["bureau"] = SourceResult{Status: StatusOK, Data: map[string]any{"flag": tt.flag}}
		ev := evaluate(t, tpl, person(), res)
		if ev.Decision != tt.decision || ev.Operative != tt.decision.Operative() || !slices.Equal(ev.Fired, tt.fired) ||
			ev.Score != tt.score || ev.Band != tt.band {
			t.Errorf("flag %s: decision %v/%v fired %v score %d band %v; want %v %v %d %v", tt.flag,
				ev.Decision, ev.Operative, ev.Fired, ev.Score, ev.Band, tt.decision, tt.fired, tt.score, tt.band)
		}
		if len(ev.Findings) != len(tt.fired) {
			t.Errorf("flag %s: %d findings for %d fired rules", tt.flag, len(ev.Findings), len(tt.fired))
		}
	}
}

func TestHold(t *testing.T) {
	src := miniHead + `  - id: sanctions_match
    when: sanctions.matched
    outcome: reject
    risk_points: 100
    finding: {category: sanctions, status: failed}
  - id: bureau_down
    when: "!bureau.ok"
    outcome: review
    risk_points: 10
    finding: {category: bureau, status: warning}
`
	tpl := mustLoad(t, src)
	tests := []struct {
		name      string
		sanctions SourceResult
		bureau    SourceResult
		decision  Decision
		operative OperativeDecision
		holds     []HoldReason
		skipped   []string
	}{
		{"all ok", SourceResult{Status: StatusOK}, SourceResult{Status: StatusOK},
			DecisionApproved, OperativeApproved, nil, nil},
		{"critical failed", SourceResult{Status: StatusFailed, Error: "index closed"}, SourceResult{Status: StatusOK},
			DecisionApproved, OperativeHold, []HoldReason{{"sanctions", StatusFailed, "index closed"}}, []string{"sanctions_match"}},
		{"critical timeout", SourceResult{Status: StatusTimeout}, SourceResult{Status: StatusOK},
			DecisionApproved, OperativeHold, []HoldReason{{"sanctions", StatusTimeout, ""}}, []string{"sanctions_match"}},
		{"critical skipped", SourceResult{Status: StatusSkipped}, SourceResult{Status: StatusOK},
			DecisionApproved, OperativeHold, []HoldReason{{"sanctions", StatusSkipped, ""}}, []string{"sanctions_match"}},
		{"hold beats reject", SourceResult{Status: StatusFailed}, SourceResult{Status: StatusFailed},
			DecisionReview, OperativeHold, []HoldReason{{"sanctions", StatusFailed, ""}}, []string{"sanctions_match"}},
		{"non-critical failure does not hold", SourceResult{Status: StatusOK, Matched: true, MatchCount: 1, BestScore: 0.9},
			SourceResult{Status: StatusTimeout}, DecisionRejected, OperativeRejected, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evaluate(t, tpl, person(), map[string]SourceResult{"sanctions": tt.sanctions, "bureau": tt.bureau})
			if ev.Decision != tt.decision || ev.Operative != tt.operative || !slices.Equal(ev.Holds, tt.holds) {
				t.Errorf("got %v / %v holds %+v; want %v / %v %+v", ev.Decision, ev.Operative, ev.Holds,
					tt.decision, tt.operative, tt.holds)
			}
			var skipped []string
			for _, r := range ev.Rules {
				if r.State == RuleSkipped {
					skipped = append(skipped, r.ID)
					if r.Reason == "" {
						t.Errorf("rule %s skipped without a reason", r.ID)
					}
				}
			}
			if !slices.Equal(skipped, tt.skipped) {
				t.Errorf("skipped %v, want %v", skipped, tt.skipped)
			}
		})
	}
}

func TestMissingValues(t *testing.T) {
	tpl := mustLoad(t, miniHead+
		miniRule("adult", "subject.age >= 18", "approve", 0)+
		miniRule("guarded_age", "present.age && subject.age < 18", "review", 10)+
		miniRule("score", "bureau.data.score > 700", "approve", 0)+
		miniRule("guarded_score", "'score' in bureau.data && bureau.data.score < 300", "review", 10)+
		miniRule("nick", "'Bob' in subject.nicknames", "review", 0))
	ev := evaluate(t, tpl, person(), okResults())
	want := map[string]RuleState{
		"adult": RuleErrored, "guarded_age": RuleNotFired,
		"score": RuleErrored, "guarded_score": RuleNotFired, "nick": RuleErrored,
	}
	for _, r := range ev.Rules {
		if r.State != want[r.ID] {
			t.Errorf("rule %s: %v (%v), want %v", r.ID, r.State, r.Err, want[r.ID])
		}
		if r.State == RuleErrored {
			var re *RuleError
			if !errors.As(r.Err, &re) || re.Rule != r.ID || !errors.Is(r.Err, ErrMissingValue) {
				t.Errorf("rule %s: error %v is not a *RuleError wrapping ErrMissingValue", r.ID, r.Err)
			}
			if len(r.Reads) == 0 || !r.Reads[0].Missing {
				t.Errorf("rule %s: reads %+v do not mark the missing value", r.ID, r.Reads)
			}
		}
	}
	if ev.Decision != DecisionReview || !ev.Escalated {
		t.Errorf("rule errors must escalate to review: %v escalated=%v", ev.Decision, ev.Escalated)
	}
	if err := ev.Err(); !errors.Is(err, ErrMissingValue) {
		t.Errorf("Evaluation.Err() = %v", err)
	}

	subject := person()
	subject["age"] = 15
	subject["nicknames"] = []any{"Bob"}
	res := okResults()
	res["bureau"] = SourceResult{Status: StatusOK, Data: map[string]any{"score": 200}}
	ev = evaluate(t, tpl, subject, res)
	if !slices.Equal(ev.Fired, []string{"guarded_age", "guarded_score", "nick"}) || ev.Escalated || ev.Err() != nil {
		t.Errorf("with every value: fired %v escalated %v err %v", ev.Fired, ev.Escalated, ev.Err())
	}
}

func TestTypedCustomData(t *testing.T) {
	src := miniHead + miniRule("low", "bureau.data.score < 300 && bureau.data.since < as_of", "review", 20)
	src = replaceOnce(t, src, "custom: {name: bureau}", "custom: {name: bureau, fields: {score: integer, since: date}}")
	tpl := mustLoad(t, src)
	tests := []struct {
		data  map[string]any
		state RuleState
		err   error
	}{
		{map[string]any{"score": 200, "since": "2020-01-01"}, RuleFired, nil},
		{map[string]any{"score": 200.0, "since": time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, RuleNotFired, nil},
		{map[string]any{"score": 200}, RuleErrored, ErrMissingValue},
		{map[string]any{"score": "low", "since": "2020-01-01"}, RuleErrored, ErrInvalidResult},
		{map[string]any{"score": 1.5, "since": "2020-01-01"}, RuleErrored, ErrInvalidResult},
	}
	for i, tt := range tests {
		res := okResults()
		res["bureau"] = SourceResult{Status: StatusOK, Data: tt.data}
		ev := evaluate(t, tpl, person(), res)
		r := ev.Rules[0]
		if r.State != tt.state || (tt.err != nil && !errors.Is(r.Err, tt.err)) {
			t.Errorf("case %d: %v %v, want %v %v", i, r.State, r.Err, tt.state, tt.err)
		}
	}
	// A typo in a declared field is a load error.
	bad := replaceOnce(t, src, "bureau.data.score < 300", "bureau.data.scor < 300")
	if _, err := Load("t.yaml", []byte(bad)); !errors.Is(err, ErrCompile) {
		t.Errorf("misspelt data field: %v", err)
	}
}

func TestEvaluateInputErrors(t *testing.T) {
	tpl := mustLoad(t, miniHead+miniRule("r", "sanctions.matched", "reject", 100))
	ctx := context.Background()
	tests := []struct {
		name      string
		subject   map[string]any
		results   map[string]SourceResult
		sentinels []error
	}{
		{"no document", map[string]any{"name": "x"}, okResults(), []error{ErrMissingDocument}},
		{"bad document", map[string]any{"cpf": "123.456.789-00", "name": "x"}, okResults(), []error{ErrInvalidDocument}},
		{"document not a string", map[string]any{"cpf": 12345678909, "name": "x"}, okResults(), []error{ErrInvalidDocument}},
		{"missing param", map[string]any{"cpf": "12345678909"}, okResults(), []error{ErrMissingParam}},
		{"unknown param", map[string]any{"cpf": "12345678909", "name": "x", "email": "a@b"}, okResults(), []error{ErrUnknownParam}},
		{"wrong type", map[string]any{"cpf": "12345678909", "name": "x", "age": "ten"}, okResults(), []error{ErrInvalidParam}},
		{"fractional integer", map[string]any{"cpf": "12345678909", "name": "x", "age": 10.5}, okResults(), []error{ErrInvalidParam}},
		{"bad date", map[string]any{"cpf": "12345678909", "name": "x", "birth_date": "01/02/2000"}, okResults(), []error{ErrInvalidParam}},
		{"several at once", map[string]any{"age": "x", "zzz": 1}, okResults(), []error{ErrMissingDocument, ErrMissingParam, ErrUnknownParam, ErrInvalidParam}},
		{"missing result", person(), map[string]SourceResult{"sanctions": {Status: StatusOK}}, []error{ErrMissingValue}},
		{"unknown result", person(), map[string]SourceResult{"sanctions": {Status: StatusOK}, "bureau": {Status: StatusOK}, "pep": {Status: StatusOK}}, []error{ErrUnknownSource}},
		{"zero status", person(), map[string]SourceResult{"sanctions": {}, "bureau": {Status: StatusOK}}, []error{ErrInvalidResult}},
		{"score above one", person(), map[string]SourceResult{"sanctions": {Status: StatusOK, BestScore: 1.5}, "bureau": {Status: StatusOK}}, []error{ErrInvalidResult}},
	}
	for _, tt := range tests {
		ev, err := Evaluate(ctx, tpl, tt.subject, tt.results)
		if err == nil || ev != nil {
			t.Errorf("%s: got %v, %v; want an error", tt.name, ev, err)
			continue
		}
		for _, s := range tt.sentinels {
			if !errors.Is(err, s) {
				t.Errorf("%s: %v does not wrap %v", tt.name, err, s)
			}
		}
		if tt.sentinels[0] != ErrMissingValue && tt.sentinels[0] != ErrUnknownSource && tt.sentinels[0] != ErrInvalidResult {
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Errorf("%s: %v holds no *ParamError", tt.name, err)
			}
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Evaluate(cancelled, tpl, person(), okResults()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if _, err := Evaluate(ctx, nil, person(), okResults()); !errors.Is(err, ErrInvalidTemplate) {
		t.Errorf("nil template: %v", err)
	}
}

func TestNormalizeSubject(t *testing.T) {
	tpl := loadTestdata(t, "edd_person.yaml")
	s, err := tpl.NormalizeSubject(map[string]any{
		"cpf": " 529.982.247-25 ", "name": "  Beatriz Santos ", "birth_date": "1975-08-21",
		"nationality": "Brazil", "pep": false, "declared_income": 12000, "source_of_funds": "salary",
		"occupation": "   ",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := Subject{"cpf": "52998224725", "name": "Beatriz Santos", "birth_date": time.Date(1975, 8, 21, 0, 0, 0, 0, time.UTC),
		"nationality": "BR", "pep": false, "declared_income": 12000.0, "source_of_funds": "salary"}
	if len(s) != len(want) {
		t.Errorf("got %v, want %v", s, want)
	}
	for k, v := range want {
		if s[k] != v {
			t.Errorf("%s = %#v, want %#v", k, s[k], v)
		}
	}
	// Normalizing twice changes nothing.
	again, err := tpl.NormalizeSubject(s)
	if err != nil || len(again) != len(s) || again["cpf"] != s["cpf"] || again["birth_date"] != s["birth_date"] {
		t.Errorf("not idempotent: %v, %v", again, err)
	}
	if _, err := tpl.NormalizeSubject(map[string]any{"cpf": "52998224725", "name": "x", "birth_date": "1975-08-21",
		"nationality": "BR", "pep": false, "source_of_funds": "lottery"}); !errors.Is(err, ErrInvalidParam) {
		t.Errorf("value outside the enum: %v", err)
	}
	// A subject logs as a hash, never its data.
	if v := s.LogValue().String(); len(v) != len("sha256:")+16 || v == s["name"] {
		t.Errorf("LogValue() = %q", v)
	}
}

func TestReadsRecorded(t *testing.T) {
	tpl := loadTestdata(t, "pj_kyb.yaml")
	c := tpl.Tests()[2] // possible partner matches and a new company
	ev := evaluate(t, tpl, c.Subject, c.Results)
	r, ok := ev.Rule("company_too_new")
	if !ok || r.State != RuleFired {
		t.Fatalf("company_too_new: %+v", r)
	}
	if len(r.Reads) != 2 || r.Reads[0].Path != "receita_cnpj.data.opened_on" || r.Reads[1].Path != "as_of" {
		t.Fatalf("reads %+v", r.Reads)
	}
	if got := r.Reads[0].Value.(time.Time); !got.Equal(time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("opened_on read as %v", got)
	}
	r, _ = ev.Rule("partner_possible_match")
	if len(r.Reads) != 2 || r.Reads[1].Path != "partners_screening.hits" || len(r.Reads[1].Value.([]Hit)) != 2 {
		t.Errorf("partner_possible_match reads %+v", r.Reads)
	}
	for _, rr := range ev.Rules {
		if rr.Duration <= 0 && rr.State != RuleSkipped {
			t.Errorf("rule %s has no duration", rr.ID)
		}
	}
}

func TestFindingsAndRecommendations(t *testing.T) {
	tpl := loadTestdata(t, "edd_person.yaml")
	c := tpl.Tests()[5] // unexplained income, unusual funds, invalid representative CPF
	ev := evaluate(t, tpl, c.Subject, c.Results)
	var ids []string
	for i, f := range ev.Findings {
		ids = append(ids, f.ID)
		if i > 0 && f.SortOrder < ev.Findings[i-1].SortOrder {
			t.Errorf("findings out of order: %v", ev.Findings)
		}
	}
	want := []string{"af_sanctions_clear", "af_adverse_media_unavailable", "af_income_unexplained", "af_unusual_source_of_funds", "af_representative_cpf_invalid"}
	if !slices.Equal(ids, want) {
		t.Errorf("findings %v, want %v", ids, want)
	}
	if len(ev.Recommendations) != 1 || ev.Recommendations[0].ID != "ar_income_unexplained" || ev.Recommendations[0].SortOrder != 1 {
		t.Errorf("recommendations %+v", ev.Recommendations)
	}
	if !slices.Equal(ev.RiskFactors, []string{"Income inconsistent with profile", "Unusual source of funds"}) {
		t.Errorf("risk factors %v", ev.RiskFactors)
	}
	if !ev.NeedsSignoff || ev.Operative != OperativeReview {
		t.Errorf("a review under requires_signoff must need sign-off: %v %v", ev.NeedsSignoff, ev.Operative)
	}
}

func TestScoreCapped(t *testing.T) {
	tpl := mustLoad(t, miniHead+
		miniRule("a", "true && sanctions.ok", "review", 80)+
		miniRule("b", "sanctions.ok", "review", 90))
	ev := evaluate(t, tpl, person(), okResults())
	if ev.Score != MaxRiskScore || ev.Band != BandHigh {
		t.Errorf("score %d band %v, want %d high", ev.Score, ev.Band, MaxRiskScore)
	}
}

func TestDisabledSource(t *testing.T) {
	src := replaceOnce(t, miniHead, "custom: {name: bureau}", "custom: {name: bureau}\n    enabled: false") +
		miniRule("r", "bureau.data.flag == 'x'", "reject", 10) +
		miniRule("s", "bureau.status == 'skipped'", "approve", 0)
	tpl := mustLoad(t, src)
	ev := evaluate(t, tpl, person(), map[string]SourceResult{"sanctions": {Status: StatusOK}})
	if ev.Rules[0].State != RuleSkipped || ev.Rules[1].State != RuleFired || ev.Decision != DecisionApproved {
		t.Errorf("disabled source: %+v", ev.Rules)
	}
}

func TestAsOf(t *testing.T) {
	tpl := loadTestdata(t, "pf_onboarding.yaml")
	subject := map[string]any{"cpf": "12345678909", "name": "Pedro", "birth_date": "2007-06-02"}
	res := map[string]SourceResult{"sanctions": {Status: StatusOK}, "cpf_status": {Status: StatusOK,
		Data: map[string]any{"situacao": "regular", "name_matches": true}}}
	for _, tt := range []struct {
		at    time.Time
		minor bool
	}{
		{time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC), false},
	} {
		ev, err := Evaluate(context.Background(), tpl, subject, res, WithAsOf(tt.at))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := ev.Rule("minor")
		if (r.State == RuleFired) != tt.minor || !ev.AsOf.Equal(tt.at) {
			t.Errorf("as of %v: minor %v, want %v", tt.at, r.State, tt.minor)
		}
	}
	clock := func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }
	ev, err := Evaluate(context.Background(), tpl, subject, res, WithClock(clock))
	if err != nil || !ev.AsOf.Equal(clock()) {
		t.Errorf("default as_of is the clock's time: %v, %v", ev.AsOf, err)
	}
}

// TestConcurrentEvaluate runs one template from many goroutines; run it
// with -race.
func TestConcurrentEvaluate(t *testing.T) {
	tpl := loadTestdata(t, "pj_kyb.yaml")
	cases := tpl.Tests()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				c := cases[(g+i)%len(cases)]
				ev, err := Evaluate(context.Background(), tpl, c.Subject, c.Results, WithAsOf(c.AsOf))
				if err != nil {
					t.Error(err)
					return
				}
				if ev.Decision != c.Expect.Decision {
					t.Errorf("case %q: %v, want %v", c.Name, ev.Decision, c.Expect.Decision)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not found", old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestWholeSubjectReadsEveryParameter(t *testing.T) {
	tpl := mustLoad(t, miniHead+
		miniRule("whole", `subject != nil`, "review", 1)+
		miniRule("whole_guarded", `present.age && present.birth_date && present.nicknames && subject != nil`, "review", 1))
	ev := evaluate(t, tpl, person(), okResults())
	if r := ev.Rules[0]; r.State != RuleErrored || !errors.Is(r.Err, ErrMissingValue) {
		t.Errorf("whole subject with optional parameters missing: %v %v", r.State, r.Err)
	}
	if r := ev.Rules[1]; r.State != RuleNotFired {
		t.Errorf("guarded: %v %v", r.State, r.Err)
	}
}
