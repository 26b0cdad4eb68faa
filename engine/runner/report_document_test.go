package runner

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// listedParams are a subject the test engine lists on OFAC-SDN.
var listedParams = map[string]any{"cpf": "111.444.777-35", "name": "Ivan Sergeyevich Volkov"}

func TestReportDocument(t *testing.T) {
	f := newFixture(t, Options{})
	run, a := submitAndWait(t, f.r, listedParams)
	for _, mode := range []report.Mode{report.ModeSummary, report.ModeComplete} {
		t.Run(string(mode), func(t *testing.T) {
			doc, err := ReportDocument(run, a, mode)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Mode != mode || doc.Decision != report.DecisionRejected || doc.RiskBand != report.BandHigh ||
				doc.Sandbox || doc.Subject.DocumentNumber != "********735" || !doc.GeneratedAt.Equal(a.CompletedAt) {
				t.Errorf("header: mode %s decision %s band %s sandbox %v document %q generated %s", doc.Mode, doc.Decision,
					doc.RiskBand, doc.Sandbox, doc.Subject.DocumentNumber, doc.GeneratedAt)
			}
			fp := engine.Options{}.Fingerprint()
			if doc.Method.Threshold != 0.82 || doc.Method.Fingerprint != fp || !strings.Contains(doc.Method.SearchType, "pf_onboarding v3") {
				t.Errorf("method %+v, want threshold 0.82 and fingerprint %s", doc.Method, fp)
			}
			sec := doc.Sources[0]
			if sec.ID != "sanctions" || !slices.Contains(sec.Details, report.KV{Key: "threshold", Value: "0.820"}) ||
				!slices.Contains(sec.Details, report.KV{Key: "engine fingerprint", Value: fp}) {
				t.Errorf("screening section %+v", sec)
			}
			var m *report.Match
			for _, l := range sec.Lists {
				if l.Version == "" {
					t.Errorf("list %s without version", l.Code)
				}
				if l.Code == "OFAC-SDN" && len(l.Matches) == 1 {
					m = &l.Matches[0]
				}
			}
			if m == nil {
				t.Fatalf("no OFAC-SDN match in %+v", sec.Lists)
			}
			want := report.Match{EntityID: "ofac-sdn:91044", Name: "Ivan Sergeyevich VOLKOV", MatchedName: "Ivan Sergeyevich VOLKOV",
				NameKind: "primary", Type: "person", Score: m.Score, Programs: []string{"RUSSIA-EO14024"},
				BirthDates: []string{"1961-07-02"}, Nationalities: []string{"RU", "BY"}, Identifiers: []string{"passport 7104561 (RU)"},
				Explanation: m.Explanation}
			if !sameMatch(*m, want) || m.Score < 0.95 {
				t.Errorf("match\n got %+v\nwant %+v", *m, want)
			}
			if len(m.Explanation) == 0 || !strings.HasPrefix(m.Explanation[0], "name 1.000: ") {
				t.Errorf("explanation %q: want the name factor first", m.Explanation)
			}
			var fired []string
			for _, r := range doc.RulesFired {
				fired = append(fired, r.ID+"="+r.Factor)
			}
			if !slices.Equal(fired, []string{"sanctions_exact=Match on a sanctions list"}) {
				t.Errorf("rules fired with factors %v", fired)
			}
			if len(doc.Audit) != len(a.Audit) {
				t.Fatalf("audit has %d entries, analysis %d", len(doc.Audit), len(a.Audit))
			}
			for i, e := range doc.Audit {
				if e.At.Before(a.StartedAt) || e.At.After(a.CompletedAt) {
					t.Errorf("audit[%d] %s %s at %s, outside the run's %s–%s", i, e.Kind, e.Ref, e.At, a.StartedAt, a.CompletedAt)
				}
				if i > 0 && e.Kind != "source" && e.At.Before(doc.Audit[i-1].At) {
					t.Errorf("audit[%d] at %s is before the step it follows (%s)", i, e.At, doc.Audit[i-1].At)
				}
			}
		})
	}
}

// sameMatch compares two report matches field by field.
func sameMatch(a, b report.Match) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// TestAnalysisRecordsReportFacts checks the stored analysis's JSON: the new
// fields beside the ones the HTTP API already answered with.
func TestAnalysisRecordsReportFacts(t *testing.T) {
	f := newFixture(t, Options{})
	run, _ := submitAndWait(t, f.r, listedParams)
	stored, err := f.st.GetAnalysis(t.Context(), "acme", run.ID)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Sources []struct {
			ID          string  `json:"id"`
			Threshold   float64 `json:"threshold"`
			Fingerprint string  `json:"fingerprint"`
			Result      struct {
				Hits []rules.Hit `json:"hits"`
			} `json:"result"`
			HitDetails []HitDetail `json:"hit_details"`
		} `json:"sources"`
		Rules []struct {
			ID         string `json:"id"`
			State      string `json:"state"`
			Points     int    `json:"risk_points"`
			RiskFactor string `json:"risk_factor"`
		} `json:"rules"`
		Audit []struct {
			Kind string    `json:"kind"`
			At   time.Time `json:"at"`
		} `json:"audit_log"`
	}
	if err := json.Unmarshal(stored.Body, &body); err != nil {
		t.Fatal(err)
	}
	s := body.Sources[0]
	if s.ID != "sanctions" || s.Threshold != 0.82 || s.Fingerprint == "" || len(s.Result.Hits) == 0 || len(s.HitDetails) != len(s.Result.Hits) {
		t.Fatalf("screening source %+v", s)
	}
	for _, h := range s.Result.Hits {
		i := slices.IndexFunc(s.HitDetails, func(d HitDetail) bool { return d.EntityID == h.EntityID && d.Query == h.Query })
		if i < 0 || s.HitDetails[i].List != h.List || len(s.HitDetails[i].Explanation) == 0 {
			t.Errorf("hit %+v has no detail in %+v", h, s.HitDetails)
		}
	}
	factors := map[string]string{}
	for _, r := range body.Rules {
		if r.ID == "" || r.State == "" {
			t.Errorf("rule result lost its fields: %+v", r)
		}
		factors[r.ID] = r.RiskFactor
	}
	if factors["sanctions_exact"] != "Match on a sanctions list" || factors["cpf_pending"] != "CPF pending regularization" ||
		factors["sanctions_clear"] != "" {
		t.Errorf("risk factors %v", factors)
	}
	for i, e := range body.Audit {
		if e.At.IsZero() {
			t.Errorf("audit_log[%d] (%s) has no time", i, e.Kind)
		}
	}
}

func TestReportDocumentHeldRun(t *testing.T) {
	f := newFixture(t, Options{Sandbox: true})
	run, a := submitAndWaitSandbox(t, f.r, "123.456.789-09") // ends in 9: the screening times out
	if run.Status != store.StatusPartial || a.OperativeDecision != rules.OperativeHold {
		t.Fatalf("run %s operative %s, want partial and hold", run.Status, a.OperativeDecision)
	}
	for _, mode := range []report.Mode{report.ModeSummary, report.ModeComplete} {
		doc, err := ReportDocument(run, a, mode)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		if doc.OperativeDecision != report.DecisionHold || len(doc.HoldReasons) != 1 ||
			!strings.HasPrefix(doc.HoldReasons[0], "source sanctions: timeout") || !doc.Sandbox || doc.Status != "partial" {
			t.Errorf("%s: operative %s, hold reasons %q, sandbox %v, status %s", mode, doc.OperativeDecision, doc.HoldReasons, doc.Sandbox, doc.Status)
		}
		if doc.Sources[0].Status != "timeout" || doc.Sources[0].Error == "" {
			t.Errorf("%s: the timed-out source shows as %+v", mode, doc.Sources[0])
		}
	}
}

func TestReportDocumentSandboxHit(t *testing.T) {
	f := newFixture(t, Options{Sandbox: true})
	run, a := submitAndWaitSandbox(t, f.r, "100.000.001-08") // ends in 8: a simulated exact match
	doc, err := ReportDocument(run, a, report.ModeComplete)
	if err != nil {
		t.Fatal(err)
	}
	ls := doc.Sources[0].Lists
	if len(ls) != 1 || len(ls[0].Matches) != 1 {
		t.Fatalf("lists %+v: want one simulated hit", ls)
	}
	m := ls[0].Matches[0]
	if m.Score != 0.99 || m.Name != "SANDBOX SANDBOX PERSON" || len(m.Explanation) != 1 || !strings.Contains(m.Explanation[0], "simulated") {
		t.Errorf("sandbox match %+v", m)
	}
	if doc.Method.Fingerprint != "" || doc.Method.Threshold != 0.82 || !strings.Contains(doc.Method.SearchType, "sandbox") {
		t.Errorf("sandbox method %+v", doc.Method)
	}
}

// TestReportDocumentSignOffAndHold maps a hand-made analysis (it moved
// here from package httpapi with the mapping).
func TestReportDocumentSignOffAndHold(t *testing.T) {
	at := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	run := store.Run{ID: "run_1", Tenant: "acme", Status: store.StatusCompleted, Live: false, ExternalID: "ext",
		Metadata: map[string]string{"b": "2", "a": "1"}, OperativeDecision: "approved",
		SignOff: store.SignOff{Analyst: "Ana", Decision: "approved", Note: "cleared", At: at}}
	a := &Analysis{RunID: "run_1", TemplateID: "t", TemplateVersion: 2, Decision: rules.DecisionReview,
		OperativeDecision: rules.OperativeHold, Holds: []rules.HoldReason{{Source: "sanctions", Status: rules.StatusTimeout, Error: "no answer"}},
		NeedsSignoff: true, Risk: RiskAssessment{Score: 40, Band: rules.BandMedium, BandLabel: "medio"},
		Subject:     SubjectProfile{Kind: "person", Document: "********725", DocType: "cpf", Params: map[string]any{"birth_date": "1980-05-01T00:00:00Z", "partners": []any{"A", "B"}}},
		CompletedAt: at.Add(-time.Hour)}
	doc, err := ReportDocument(run, a, report.ModeSummary)
	if err != nil {
		t.Fatal(err)
	}
	if doc.OperativeDecision != report.DecisionApproved || doc.SignOff.Analyst != "Ana" || !doc.SignOff.Required || !doc.Sandbox {
		t.Errorf("sign-off %+v, operative %s", doc.SignOff, doc.OperativeDecision)
	}
	if len(doc.HoldReasons) != 1 || !strings.Contains(doc.HoldReasons[0], "sanctions") {
		t.Errorf("hold reasons %v", doc.HoldReasons)
	}
	wantMeta := []report.KV{{Key: "external_id", Value: "ext"}, {Key: "a", Value: "1"}, {Key: "b", Value: "2"}}
	if !slices.Equal(doc.Metadata, wantMeta) {
		t.Errorf("metadata %v", doc.Metadata)
	}
	wantParams := []report.KV{{Key: "birth_date", Value: "1980-05-01"}, {Key: "partners", Value: "A, B"}}
	if !slices.Equal(doc.Subject.Params, wantParams) {
		t.Errorf("params %v", doc.Subject.Params)
	}
	if !strings.Contains(doc.Subject.Name, "725") {
		t.Errorf("a subject without a name is named %q", doc.Subject.Name)
	}
}

func TestReportDocumentErrors(t *testing.T) {
	at := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	run := store.Run{ID: "run_1", Tenant: "acme", Status: store.StatusCompleted}
	good := func() *Analysis {
		return &Analysis{RunID: "run_1", TemplateID: "t", TemplateVersion: 1, Decision: rules.DecisionApproved,
			OperativeDecision: rules.OperativeApproved, Risk: RiskAssessment{Band: rules.BandLow},
			Subject: SubjectProfile{Kind: "person", Name: "Maria"}, CompletedAt: at}
	}
	if _, err := ReportDocument(run, good(), report.ModeSummary); err != nil {
		t.Fatalf("the valid analysis: %v", err)
	}
	other := good()
	other.RunID = "run_2"
	badScore := good()
	badScore.Risk.Score = 150
	held := good()
	held.OperativeDecision = rules.OperativeHold
	tests := []struct {
		name string
		a    *Analysis
		mode report.Mode
		want error
	}{
		{"export mode", good(), report.ModeExport, report.ErrInvalidMode},
		{"unknown mode", good(), report.Mode("short"), report.ErrInvalidMode},
		{"no analysis", nil, report.ModeSummary, ErrNoAnalysis},
		{"another run's analysis", other, report.ModeComplete, ErrInvalidRequest},
		{"risk score out of range", badScore, report.ModeComplete, report.ErrInvalidDocument},
		{"hold without a reason", held, report.ModeSummary, report.ErrInvalidDocument},
	}
	for _, tt := range tests {
		if _, err := ReportDocument(run, tt.a, tt.mode); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}
