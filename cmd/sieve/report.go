package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/report/pdf"
	"github.com/sievekyc/sieve/store"
	"github.com/sievekyc/sieve/store/boltstore"
)

type reportFlags struct {
	mode   string
	data   string
	tenant string
	output string
}

func newReportCommand(g *globalFlags) *cobra.Command {
	f := &reportFlags{}
	cmd := &cobra.Command{
		Use:   "report RUN_ID --mode resumido|completo --data FILE -o FILE",
		Short: "Write the PDF report of a run kept in a store",
		Long: `Write the PDF report of a settled run kept in the store file --data FILE
(one that ` + "`sieve run --data FILE`" + ` or ` + "`sieve serve --data FILE`" + ` wrote).

Modes: resumido (at most three pages: decision, operative decision, risk band,
key findings, analyst sign-off block) and completo (every source result, every
match with entity details and score explanation, rules fired, audit log, list
versions, appendix).

A report is rendered the first time it is asked for and stored in the store,
immutably per (tenant, run, mode), the way the HTTP API's POST .../report
does: later requests, from this command or the API, return the stored bytes
unchanged, even after an analyst's sign-off. The details shown are the ones
recorded when the run executed, whatever lists are loaded now.`,
		Example: `  sieve run --template testdata/templates/pf_onboarding.yaml --param cpf=100.000.001-08 \
    --param "name=Maria Silva" --sandbox --data runs.db
  sieve report run_0123456789abcdef01234567 --mode completo --data runs.db -o report.pdf`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeStoredReport(cmd, g, f, args[0])
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.mode, "mode", "", "report `MODE`: resumido or completo")
	fl.StringVar(&f.data, "data", "", "store `FILE` holding the run")
	fl.StringVar(&f.tenant, "tenant", localTenant, "tenant `ID` that owns the run (sieve run keeps its runs under "+localTenant+")")
	fl.StringVarP(&f.output, "output", "o", "", "write the PDF to `FILE` (- for stdout)")
	for _, name := range []string{"mode", "data", "output"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}

func writeStoredReport(cmd *cobra.Command, g *globalFlags, f *reportFlags, id string) error {
	ctx := cmd.Context()
	mode, err := parseReportMode(f.mode)
	if err != nil {
		return err
	}
	if _, err := os.Stat(f.data); err != nil {
		return fmt.Errorf("--data: %w", err) // Open would create an empty store
	}
	st, err := boltstore.Open(f.data, boltstore.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	run, err := st.GetRun(ctx, f.tenant, id)
	if err != nil {
		return fmt.Errorf("run %s of tenant %s: %w", id, f.tenant, err)
	}
	rep, created, err := runner.StoredReport(ctx, st, run, mode, pdf.Render)
	if err != nil {
		return reportError(run, err)
	}
	if err := st.Close(); err != nil {
		return err
	}
	return saveReport(g, cmd.OutOrStdout(), f.output, rep, created)
}

// parseReportMode parses a --mode or --report flag: resumido or completo.
func parseReportMode(s string) (report.Mode, error) {
	m, err := report.ParseMode(s)
	if err != nil || m == report.ModeExport {
		return "", fmt.Errorf("report mode %q: want resumido or completo", s)
	}
	return m, nil
}

// reportError explains why a run has no report.
func reportError(run store.Run, err error) error {
	switch {
	case errors.Is(err, runner.ErrRunNotSettled):
		return fmt.Errorf("run %s is %s: its report can be written once it settles: %w", run.ID, run.Status, err)
	case errors.Is(err, runner.ErrNoAnalysis):
		return fmt.Errorf("run %s ended %s without an analysis (%s): there is nothing to report: %w", run.ID, run.Status, run.Error, err)
	}
	return err
}

// saveReport writes a report's PDF to path (stdout for "-"), readable by
// its owner only (reports hold personal data), and says what it wrote.
func saveReport(g *globalFlags, stdout io.Writer, path string, rep store.Report, created bool) error {
	if path == "-" {
		if _, err := stdout.Write(rep.PDF); err != nil {
			return err
		}
	} else if err := os.WriteFile(path, rep.PDF, 0o600); err != nil {
		return err
	}
	how := "rendered and stored now"
	if !created {
		how = "as stored on " + rep.CreatedAt.UTC().Format(time.RFC3339)
	}
	where := path
	if path == "-" {
		where = "stdout"
	}
	g.notice("sieve: %s report of run %s (%d bytes, sha256 %.12s…, %s) written to %s", rep.Mode, rep.RunID, len(rep.PDF), rep.SHA256, how, where)
	return nil
}
