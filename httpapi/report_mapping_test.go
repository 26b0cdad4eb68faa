package httpapi

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/report"
)

// TestRunDocument checks the report of a run the handler executed: the
// hits carry the details and explanations recorded at run time.
func TestRunDocument(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	id := f.submit(keyAll, listedName)
	run := f.settle("acme", id)
	a, err := f.runs.Analysis(t.Context(), "acme", id)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []report.Mode{report.ModeSummary, report.ModeComplete} {
		doc, err := runner.ReportDocument(run, a, mode)
		if err != nil {
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
			!slices.Contains(m.Nationalities, "RU") || len(m.Explanation) == 0 || !strings.HasPrefix(m.Explanation[0], "name ") {
			t.Errorf("enriched match %+v", m)
		}
		if len(doc.ListVersions) != 5 || len(doc.RulesFired) == 0 || len(doc.Audit) == 0 || len(doc.Findings) == 0 ||
			doc.Method.Fingerprint == "" || doc.Method.Threshold == 0 {
			t.Errorf("%s: versions %d, rules %d, audit %d, findings %d, method %+v", mode, len(doc.ListVersions),
				len(doc.RulesFired), len(doc.Audit), len(doc.Findings), doc.Method)
		}
	}
}

// TestRunDocumentShowsHitsAsScreened: a report shows the entity details
// recorded when the run screened, even once the lists loaded now are
// other versions. (The mapping used to screen again for the details and
// left hits bare when the versions differed.)
func TestRunDocumentShowsHitsAsScreened(t *testing.T) {
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
	doc, err := runner.ReportDocument(run, a, report.ModeComplete)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range doc.Sources {
		for _, l := range s.Lists {
			if l.Version != "an older version" {
				t.Errorf("list %s shows version %q, not the one screened", l.Code, l.Version)
			}
			for _, m := range l.Matches {
				n++
				if m.Name == "" || len(m.Explanation) == 0 || m.MatchedName == "" {
					t.Errorf("a hit lost its recorded details: %+v", m)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no match in the report")
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
