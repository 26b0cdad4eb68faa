package runner_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/report/pdf"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

// A run's report is rendered on its first request and stored; asking again
// returns the stored bytes.
func ExampleRunner_Report() {
	dir, err := os.MkdirTemp("", "sieve-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := boltstore.Open(filepath.Join(dir, "sieve.db"), boltstore.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	t, err := rules.LoadFile("../../testdata/templates/pf_onboarding.yaml")
	if err != nil {
		log.Fatal(err)
	}
	ts, err := runner.NewTemplates(t)
	if err != nil {
		log.Fatal(err)
	}
	// Sandbox: a CPF ending in 8 simulates an exact sanctions match.
	r, err := runner.New(nil, st, ts, runner.Options{Sandbox: true})
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	if err := r.Start(ctx); err != nil {
		log.Fatal(err)
	}
	defer r.Close(ctx)
	sub, err := r.Submit(ctx, runner.SubmitRequest{Tenant: "acme", TemplateID: "pf_onboarding",
		Params: map[string]any{"cpf": "100.000.001-08", "name": "Maria Silva"}})
	if err != nil {
		log.Fatal(err)
	}
	run, err := r.Wait(ctx, "acme", sub.RunID)
	if err != nil {
		log.Fatal(err)
	}
	first, created, err := r.Report(ctx, "acme", run.ID, report.ModeSummary, pdf.Render)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(run.Decision, first.Mode, created, bytes.HasPrefix(first.PDF, []byte("%PDF-")))
	again, created, err := r.Report(ctx, "acme", run.ID, report.ModeSummary, pdf.Render)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(created, bytes.Equal(again.PDF, first.PDF))
	// Output:
	// rejected resumido true true
	// false true
}

// ReportDocument maps a run and its analysis to a report document; a
// renderer prints it.
func ExampleReportDocument() {
	done := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	run := store.Run{ID: "run_1", Tenant: "acme", Status: store.StatusPartial, Live: true}
	a := &runner.Analysis{RunID: "run_1", TemplateID: "pf_onboarding", TemplateVersion: 3,
		Decision: rules.DecisionApproved, OperativeDecision: rules.OperativeHold,
		Holds:   []rules.HoldReason{{Source: "sanctions", Status: rules.StatusTimeout, Error: "no answer within 10s"}},
		Risk:    runner.RiskAssessment{Band: rules.BandLow, BandLabel: "baixo"},
		Subject: runner.SubjectProfile{Kind: "person", Name: "Maria Silva", Document: "********108", DocType: "cpf"},
		Sources: []runner.SourceOutcome{{ID: "sanctions", Kind: "screening", Tier: 1, Threshold: 0.82,
			Result: rules.SourceResult{Status: rules.StatusTimeout, Error: "no answer within 10s"}}},
		CompletedAt: done}
	doc, err := runner.ReportDocument(run, a, report.ModeSummary)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.OperativeDecision, doc.HoldReasons)
	fmt.Println(doc.Method.SearchType, doc.Method.Threshold)
	// Output:
	// hold [source sanctions: timeout (no answer within 10s)]
	// template pf_onboarding v3: list screening (fuzzy name + attributes) 0.82
}
