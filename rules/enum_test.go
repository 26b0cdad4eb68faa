package rules

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
)

// textEnum is what every enumeration of the package implements.
type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
}

func TestEnumsRoundTrip(t *testing.T) {
	tests := []struct {
		names   []string
		make    func(i int) textEnum
		decode  func(s string) (textEnum, error)
		invalid textEnum
	}{
		{decisionNames, func(i int) textEnum { return Decision(i) },
			func(s string) (textEnum, error) { var v Decision; return v, v.UnmarshalText([]byte(s)) }, Decision(0)},
		{operativeNames, func(i int) textEnum { return OperativeDecision(i) },
			func(s string) (textEnum, error) { var v OperativeDecision; return v, v.UnmarshalText([]byte(s)) }, OperativeDecision(9)},
		{outcomeNames, func(i int) textEnum { return Outcome(i) },
			func(s string) (textEnum, error) { var v Outcome; return v, v.UnmarshalText([]byte(s)) }, Outcome(0)},
		{bandNames, func(i int) textEnum { return RiskBand(i) },
			func(s string) (textEnum, error) { var v RiskBand; return v, v.UnmarshalText([]byte(s)) }, RiskBand(4)},
		{findingStatusNames, func(i int) textEnum { return FindingStatus(i) },
			func(s string) (textEnum, error) { var v FindingStatus; return v, v.UnmarshalText([]byte(s)) }, FindingStatus(0)},
		{sourceStatusNames, func(i int) textEnum { return SourceStatus(i) },
			func(s string) (textEnum, error) { var v SourceStatus; return v, v.UnmarshalText([]byte(s)) }, SourceStatus(0)},
		{sourceKindNames, func(i int) textEnum { return SourceKind(i) },
			func(s string) (textEnum, error) { var v SourceKind; return v, v.UnmarshalText([]byte(s)) }, SourceKind(0)},
		{subjectKindNames, func(i int) textEnum { return SubjectKind(i) },
			func(s string) (textEnum, error) { var v SubjectKind; return v, v.UnmarshalText([]byte(s)) }, SubjectKind(0)},
		{paramTypeNames, func(i int) textEnum { return ParamType(i) },
			func(s string) (textEnum, error) { var v ParamType; return v, v.UnmarshalText([]byte(s)) }, ParamType(0)},
		{templateStatusNames, func(i int) textEnum { return TemplateStatus(i) },
			func(s string) (textEnum, error) { var v TemplateStatus; return v, v.UnmarshalText([]byte(s)) }, TemplateStatus(0)},
		{ruleStateNames, func(i int) textEnum { return RuleState(i) },
			func(s string) (textEnum, error) { var v RuleState; return v, v.UnmarshalText([]byte(s)) }, RuleState(0)},
	}
	for _, tt := range tests {
		for i := 1; i < len(tt.names); i++ {
			v := tt.make(i)
			text, err := v.MarshalText()
			if err != nil || string(text) != tt.names[i] || v.String() != tt.names[i] {
				t.Errorf("%T(%d): MarshalText = %q, %v; String = %q; want %q", v, i, text, err, v.String(), tt.names[i])
			}
			back, err := tt.decode(string(text))
			if err != nil || back != v {
				t.Errorf("%T: UnmarshalText(%q) = %v, %v", v, text, back, err)
			}
		}
		if _, err := tt.decode("nonsense"); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("%T: UnmarshalText(nonsense) = %v, want ErrInvalidValue", tt.invalid, err)
		}
		if _, err := tt.decode(""); err == nil {
			t.Errorf("%T: UnmarshalText(\"\") succeeded", tt.invalid)
		}
		if _, err := tt.invalid.MarshalText(); !errors.Is(err, ErrInvalidValue) {
			t.Errorf("%T(invalid).MarshalText() = %v, want ErrInvalidValue", tt.invalid, err)
		}
	}
}

func TestDecisionOrderAndOperative(t *testing.T) {
	if !(DecisionApproved < DecisionReview && DecisionReview < DecisionRejected) {
		t.Error("decisions are not ordered by severity")
	}
	for _, o := range []Outcome{OutcomeApprove, OutcomeReview, OutcomeReject} {
		if o.Decision().Operative().String() != o.Decision().String() {
			t.Errorf("%v: operative %v does not match decision %v", o, o.Decision().Operative(), o.Decision())
		}
	}
}

func TestRiskBand(t *testing.T) {
	for _, tt := range []struct {
		band   RiskBand
		bureau string
	}{{BandLow, "baixo"}, {BandMedium, "medio"}, {BandHigh, "alto"}} {
		if got := tt.band.BureauString(); got != tt.bureau {
			t.Errorf("%v.BureauString() = %q, want %q", tt.band, got, tt.bureau)
		}
		if got, err := ParseRiskBand(tt.bureau); err != nil || got != tt.band {
			t.Errorf("ParseRiskBand(%q) = %v, %v", tt.bureau, got, err)
		}
	}
	b := Bands{Medium: 30, High: 70}
	for _, tt := range []struct {
		score int
		want  RiskBand
	}{{0, BandLow}, {29, BandLow}, {30, BandMedium}, {69, BandMedium}, {70, BandHigh}, {100, BandHigh}} {
		if got := b.Band(tt.score); got != tt.want {
			t.Errorf("Band(%d) = %v, want %v", tt.score, got, tt.want)
		}
	}
	for _, bad := range []Bands{{0, 50}, {50, 50}, {60, 40}, {30, 101}} {
		if err := bad.Validate(); !errors.Is(err, ErrInvalidTemplate) {
			t.Errorf("%+v.Validate() = %v, want ErrInvalidTemplate", bad, err)
		}
	}
}

func TestEvaluationJSON(t *testing.T) {
	tpl := loadTestdata(t, "pf_onboarding.yaml")
	c := tpl.Tests()[1]
	ev, err := Evaluate(t.Context(), tpl, c.Subject, c.Results, WithAsOf(c.AsOf))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Decision  Decision          `json:"decision"`
		Operative OperativeDecision `json:"operative_decision"`
		Band      RiskBand          `json:"risk_band"`
		Findings  []Finding         `json:"findings"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Decision != DecisionRejected || back.Operative != OperativeRejected || back.Band != BandHigh {
		t.Errorf("round trip: %+v", back)
	}
	if len(back.Findings) != 1 || back.Findings[0].ID != "af_sanctions_exact" || back.Findings[0].Status != FindingFailed {
		t.Errorf("findings: %+v", back.Findings)
	}
}
