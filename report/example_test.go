package report_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/sievekyc/sieve/report"
)

func ExampleParseMode() {
	m, err := report.ParseMode("resumido")
	fmt.Println(m, err)
	_, err = report.ParseMode("summary")
	fmt.Println(errors.Is(err, report.ErrInvalidMode))
	// Output:
	// resumido <nil>
	// true
}

func ExampleMaskDocument() {
	fmt.Println(report.MaskDocument("123.456.789-09"))
	fmt.Println(report.MaskDocument("12.345.678/0001-95"))
	// Output:
	// ***.***.**9-09
	// **.***.***/***1-95
}

func ExampleDocument_Validate() {
	d := report.Document{
		Mode:        report.ModeSummary,
		TenantID:    "tenant-1",
		RunID:       "run_1",
		GeneratedAt: time.Date(2024, 11, 22, 10, 30, 0, 0, time.UTC),
		Subject:     report.Subject{Kind: report.SubjectPerson, Name: "Ana Souza"},
		Template:    report.Template{ID: "pf-onboarding", Version: "3"},
		Decision:    report.DecisionReview,
		// OperativeDecision and RiskBand are missing.
		RiskScore: 40,
	}
	err := d.Validate()
	fmt.Println(errors.Is(err, report.ErrInvalidDocument))
	fmt.Println(err)
	// Output:
	// true
	// report: invalid document: operative_decision: is required
	// report: invalid document: risk_band: is required in mode resumido
}
