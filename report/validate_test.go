package report

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

// validDocument returns a completo document that passes Validate.
func validDocument() Document {
	return Document{
		Mode:              ModeComplete,
		TenantID:          "t1",
		RunID:             "run_1",
		GeneratedAt:       time.Date(2024, 11, 22, 10, 30, 0, 0, time.UTC),
		Subject:           Subject{Kind: SubjectPerson, Name: "Ana Souza", DocumentType: "cpf", DocumentNumber: "12345678909"},
		Template:          Template{ID: "pf", Version: "1"},
		Decision:          DecisionApproved,
		OperativeDecision: DecisionApproved,
		RiskScore:         10,
		RiskBand:          BandLow,
		Findings:          []Finding{{ID: "af_1", Status: FindingPassed, Title: "ok"}},
		Recommendations:   []Recommendation{{ID: "ar_1", Priority: 1, Text: "nada a fazer"}},
		RulesFired:        []RuleFired{{ID: "r1", Outcome: "approve", Reads: []KV{{Key: "x", Value: "1"}}}},
		Sources: []SourceSection{{ID: "s1", Tier: 1, Status: "ok", Lists: []ListSection{
			{Code: "OFAC-SDN", Version: "v1", Matched: true, MatchCount: 2, Matches: []Match{{EntityID: "ofac-sdn:1", Name: "X", Score: 0.9}}},
			{Code: "UN-SC", Version: "v2"},
		}}},
		Audit:        []AuditEntry{{Kind: "source", Ref: "s1", DurationMS: 3}},
		ListVersions: []KV{{Key: "OFAC-SDN", Value: "v1"}},
		Method:       Method{Threshold: 0.8},
		SignOff:      SignOff{Decision: DecisionApproved},
	}
}

func TestValidateValid(t *testing.T) {
	for _, m := range Modes() {
		d := validDocument()
		d.Mode = m
		if err := d.Validate(); err != nil {
			t.Errorf("mode %s: %v", m, err)
		}
	}
	// An export needs no template, decision or band, nor a subject kind.
	d := Document{Mode: ModeExport, TenantID: "t", RunID: "job", GeneratedAt: time.Unix(1, 0), Subject: Subject{Name: "X"}}
	if err := d.Validate(); err != nil {
		t.Errorf("minimal export: %v", err)
	}
}

func TestValidateInvalid(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Document)
		fields []string
	}{
		{"unknown mode", func(d *Document) { d.Mode = "pdf" }, []string{"mode"}},
		{"missing ids", func(d *Document) { d.TenantID, d.RunID = "", "" }, []string{"tenant_id", "run_id"}},
		{"zero time", func(d *Document) { d.GeneratedAt = time.Time{} }, []string{"generated_at"}},
		{"no subject", func(d *Document) { d.Subject = Subject{} }, []string{"subject.name", "subject.kind"}},
		{"bad kind", func(d *Document) { d.Subject.Kind = "robot" }, []string{"subject.kind"}},
		{"no template", func(d *Document) { d.Template.ID = "" }, []string{"template.id"}},
		{"no decisions", func(d *Document) { d.Decision, d.OperativeDecision = "", "" }, []string{"decision", "operative_decision"}},
		{"hold as decision", func(d *Document) { d.Decision = DecisionHold }, []string{"decision"}},
		{"hold without reason", func(d *Document) { d.OperativeDecision = DecisionHold }, []string{"hold_reasons"}},
		{"bad operative", func(d *Document) { d.OperativeDecision = "maybe" }, []string{"operative_decision"}},
		{"score range", func(d *Document) { d.RiskScore = 101 }, []string{"risk_score"}},
		{"negative score", func(d *Document) { d.RiskScore = -1 }, []string{"risk_score"}},
		{"no band", func(d *Document) { d.RiskBand = "" }, []string{"risk_band"}},
		{"bad band", func(d *Document) { d.RiskBand = "baixo" }, []string{"risk_band"}},
		{"finding status", func(d *Document) { d.Findings[0].Status = "ok" }, []string{"findings[0].status"}},
		{"empty recommendation", func(d *Document) { d.Recommendations[0].Text = "" }, []string{"recommendations[0].text"}},
		{"rule without id", func(d *Document) { d.RulesFired[0].ID = "" }, []string{"rules_fired[0].id"}},
		{"read without key", func(d *Document) { d.RulesFired[0].Reads[0].Key = "" }, []string{"rules_fired[0].reads[0].key"}},
		{"source without id", func(d *Document) { d.Sources[0].ID = "" }, []string{"sources[0].id"}},
		{"negative tier", func(d *Document) { d.Sources[0].Tier = -1 }, []string{"sources[0].tier"}},
		{"negative duration", func(d *Document) { d.Sources[0].DurationMS = -5 }, []string{"sources[0].duration_ms"}},
		{"list without code", func(d *Document) { d.Sources[0].Lists[1].Code = "" }, []string{"sources[0].lists[1].code"}},
		{"count below matches", func(d *Document) { d.Sources[0].Lists[0].MatchCount = 0 }, []string{"sources[0].lists[0].match_count", "sources[0].lists[0].matched"}},
		{"matched without count", func(d *Document) { d.Sources[0].Lists[1].Matched = true }, []string{"sources[0].lists[1].matched"}},
		{"score above one", func(d *Document) { d.Sources[0].Lists[0].Matches[0].Score = 1.5 }, []string{"sources[0].lists[0].matches[0].score"}},
		{"score NaN", func(d *Document) { d.Sources[0].Lists[0].Matches[0].Score = math.NaN() }, []string{"sources[0].lists[0].matches[0].score"}},
		{"match without id or name", func(d *Document) { d.Sources[0].Lists[0].Matches[0] = Match{Score: 0.5} }, []string{"sources[0].lists[0].matches[0].entity_id", "sources[0].lists[0].matches[0].name"}},
		{"audit duration", func(d *Document) { d.Audit[0].DurationMS = -1 }, []string{"audit[0].duration_ms"}},
		{"list version key", func(d *Document) { d.ListVersions[0].Key = "" }, []string{"list_versions[0].key"}},
		{"threshold", func(d *Document) { d.Method.Threshold = 2 }, []string{"method.threshold"}},
		{"sign-off decision", func(d *Document) { d.SignOff.Decision = DecisionHold }, []string{"sign_off.decision"}},
		{"invalid UTF-8", func(d *Document) { d.Subject.Name = "Jos\xe9" }, []string{"subject.name"}},
		{"invalid UTF-8 deep", func(d *Document) { d.Sources[0].Lists[0].Matches[0].Explanation = []string{"\xff"} }, []string{"sources[0].lists[0].matches[0].explanation"}},
		{"negative run duration", func(d *Document) { d.DurationMS = -1 }, []string{"duration_ms"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := validDocument()
			tt.edit(&d)
			err := d.Validate()
			if !errors.Is(err, ErrInvalidDocument) {
				t.Fatalf("Validate() = %v, want ErrInvalidDocument", err)
			}
			var got []string
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var fe *FieldError
				if !errors.As(e, &fe) {
					t.Fatalf("problem %v is not a *FieldError", e)
				}
				got = append(got, fe.Field)
			}
			if !slices.Equal(got, tt.fields) {
				t.Errorf("fields = %q, want %q", got, tt.fields)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	tests := []struct{ got, want string }{
		{BandLow.Label(), "baixo"},
		{BandMedium.Label(), "medio"},
		{BandHigh.Label(), "alto"},
		{Band("x").Label(), "x"},
		{DecisionApproved.Label(), "aprovado"},
		{DecisionReview.Label(), "em revisão"},
		{DecisionRejected.Label(), "reprovado"},
		{DecisionHold.Label(), "retido (hold)"},
		{FindingFailed.Label(), "reprovado"},
		{FindingWarning.Label(), "alerta"},
		{FindingPassed.Label(), "aprovado"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
	d := Document{RiskBand: BandHigh}
	if d.BandLabel() != "alto" {
		t.Errorf("BandLabel = %q", d.BandLabel())
	}
	d.RiskBandLabel = "ALTO"
	if d.BandLabel() != "ALTO" {
		t.Errorf("BandLabel override = %q", d.BandLabel())
	}
	if FindingFailed.Severity() >= FindingWarning.Severity() || FindingWarning.Severity() >= FindingPassed.Severity() {
		t.Error("severity order is not failed < warning < passed")
	}
}
