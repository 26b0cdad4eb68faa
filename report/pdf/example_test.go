package pdf_test

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/report/pdf"
)

func ExampleRender() {
	d := report.Document{
		Mode:              report.ModeSummary,
		TenantID:          "tenant-1",
		RunID:             "run_01J9Z",
		GeneratedAt:       time.Date(2024, 11, 22, 10, 30, 0, 0, time.UTC), // the run's completion
		Subject:           report.Subject{Kind: report.SubjectPerson, Name: "José Müller", DocumentType: "cpf", DocumentNumber: "123.456.789-09"},
		Template:          report.Template{ID: "pf-onboarding", Version: "3"},
		Decision:          report.DecisionApproved,
		OperativeDecision: report.DecisionApproved,
		RiskScore:         8,
		RiskBand:          report.BandLow,
		Findings: []report.Finding{
			{ID: "af_1", Category: "sanções", Status: report.FindingPassed, Title: "Sem ocorrências em listas de sanções"},
		},
		Sources: []report.SourceSection{{ID: "sanctions", Kind: "screening", Tier: 1, Status: "ok", Lists: []report.ListSection{
			{Code: "OFAC-SDN", Version: "2024-11-20"},
			{Code: "UN-SC", Version: "2024-11-18"},
		}}},
	}
	b, err := pdf.Render(d)
	if err != nil {
		log.Fatal(err)
	}
	again, _ := pdf.Render(d)
	fmt.Println(bytes.HasPrefix(b, []byte("%PDF-")))
	fmt.Println(bytes.Equal(b, again))
	fmt.Println(bytes.Contains(b, []byte("/CreationDate (D:20241122103000)")))
	// Output:
	// true
	// true
	// true
}
