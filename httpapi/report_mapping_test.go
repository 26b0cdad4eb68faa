package httpapi

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

func TestRunDocument(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, listedName)
	run := f.settle("acme", id)
	a, err := f.runs.Analysis(t.Context(), "acme", id)
	if err != nil {
		t.Fatal(err)
	}
	h := f.h.(*handler)
	for _, mode := range []report.Mode{report.ModeSummary, report.ModeComplete} {
		doc := runDocument(run, a, mode, h.hitDetails(t.Context()))
		if err := doc.Validate(); err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		if doc.Decision != report.DecisionRejected || doc.RiskBand != report.BandHigh || doc.RiskBandLabel != "alto" ||
			doc.Subject.Name != listedName || doc.Subject.Kind != report.SubjectPerson || !doc.GeneratedAt.Equal(a.CompletedAt) {
			t.Errorf("%s: header %+v", mode, doc)
		}
		if strings.Contains(doc.Subject.DocumentNumber, "52998224725") || strings.Contains(doc.Subject.DocumentNumber, validCPF) {
			t.Error("the document number is not masked")
		}
		var m *report.Match
		for _, s := range doc.Sources {
			for _, l := range s.Lists {
				if l.Code == "OFAC-SDN" && len(l.Matches) > 0 {
					m = &l.Matches[0]
				}
				if l.Version == "" {
					t.Errorf("list %s without version", l.Code)
				}
			}
		}
		if m == nil {
			t.Fatalf("%s: no OFAC-SDN match in %+v", mode, doc.Sources)
		}
		if m.Name != listedName || !slices.Contains(m.Programs, "RUSSIA-EO14024") || !slices.Equal(m.BirthDates, []string{"1971-03-14"}) ||
			!slices.Contains(m.Nationalities, "RU") || len(m.Explanation) < 2 || !strings.HasPrefix(m.Explanation[0], "score ") {
			t.Errorf("enriched match %+v", m)
		}
		if len(doc.ListVersions) != 5 || len(doc.RulesFired) == 0 || len(doc.Audit) == 0 || len(doc.Findings) == 0 {
			t.Errorf("%s: versions %d, rules %d, audit %d, findings %d", mode, len(doc.ListVersions), len(doc.RulesFired), len(doc.Audit), len(doc.Findings))
		}
	}
}

func TestRunDocumentKeepsRecordedHitsWhenListsChanged(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, listedName)
	run := f.settle("acme", id)
	a, err := f.runs.Analysis(t.Context(), "acme", id)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Sources {
		for j := range a.Sources[i].ListVersions {
			a.Sources[i].ListVersions[j].Version = "an older version"
		}
	}
	doc := runDocument(run, a, report.ModeComplete, f.h.(*handler).hitDetails(t.Context()))
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Sources {
		for _, l := range s.Lists {
			for _, m := range l.Matches {
				if m.Name != "" || len(m.Explanation) > 0 || m.MatchedName != listedName {
					t.Errorf("a hit of another list version was enriched: %+v", m)
				}
			}
		}
	}
}

func TestRunDocumentSignOffAndHold(t *testing.T) {
	at := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	run := store.Run{ID: "run_1", Tenant: "acme", Status: store.StatusCompleted, Live: false, ExternalID: "ext",
		Metadata: map[string]string{"b": "2", "a": "1"}, OperativeDecision: "approved",
		SignOff: store.SignOff{Analyst: "Ana", Decision: "approved", Note: "cleared", At: at}}
	a := &runner.Analysis{RunID: "run_1", TemplateID: "t", TemplateVersion: 2, Decision: rules.DecisionReview,
		OperativeDecision: rules.OperativeHold, Holds: []rules.HoldReason{{Source: "sanctions", Status: rules.StatusTimeout, Error: "no answer"}},
		NeedsSignoff: true, Risk: runner.RiskAssessment{Score: 40, Band: rules.BandMedium, BandLabel: "medio"},
		Subject:     runner.SubjectProfile{Kind: "person", Document: "********725", DocType: "cpf", Params: map[string]any{"birth_date": "1980-05-01T00:00:00Z", "partners": []any{"A", "B"}}},
		CompletedAt: at.Add(-time.Hour)}
	doc := runDocument(run, a, report.ModeSummary, nil)
	if err := doc.Validate(); err != nil {
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

func TestKYCDocument(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	v := decode[kycView](t, f.do("POST", "/kyc", keyAll, map[string]any{"name": listedName, "type": "person", "dob": "1971", "document": "AB123456"}))
	job, err := f.st.GetExport(t.Context(), "acme", v.JobID)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := exportDocument(job)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if doc.Mode != report.ModeExport || doc.RiskBand != report.BandHigh || doc.Subject.Kind != report.SubjectPerson ||
		len(doc.Sources) != 1 || len(doc.Sources[0].Lists) != 5 || doc.Method.Fingerprint == "" {
		t.Errorf("export document %+v", doc)
	}
	// The stored job holds the request as received and the full result.
	var req kycBody
	if err := json.Unmarshal(job.Request, &req); err != nil || req.Document != "AB123456" {
		t.Errorf("stored request %s", job.Request)
	}
}
