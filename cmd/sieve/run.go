package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/report/pdf"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store/boltstore"
)

// localTenant owns the runs `sieve run` makes.
const localTenant = "local"

type runFlags struct {
	template string
	params   []string
	data     string
	json     bool
	sandbox  bool
	custom   []string
	timeout  time.Duration
	report   string
	output   string
}

func newRunCommand(g *globalFlags) *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "run --template FILE --param k=v... [flags]",
		Short: "Execute a template for a subject locally and print the decision",
		Long: `Execute a template for one subject the way a service would: the run is
validated, persisted (in --data FILE, else a temporary store), its sources
executed and its rules evaluated; then the decision, operative decision,
risk score and band and the findings are printed. With --report MODE -o FILE
the run's PDF report (resumido or completo) is written too, and kept in the
store like ` + "`sieve report`" + ` keeps it.

Screening sources use the loaded lists (--lists DIR, the data directory, or
the bundled samples). A custom source (a bureau the host calls from Go) is
fed from a JSON file with --custom-result NAME=FILE holding its result
({"status":"ok","data":{...}}), or simulated with --sandbox.`,
		Example: `  sieve run --template testdata/templates/pf_onboarding.yaml \
    --param cpf=529.982.247-25 --param "name=Maria Aparecida da Silva" --sandbox
  sieve run --template testdata/templates/pf_onboarding.yaml \
    --param cpf=100.000.001-08 --param "name=Maria Silva" --sandbox --report completo -o report.pdf`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplate(cmd, g, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.template, "template", "", "template `FILE` (YAML)")
	fl.StringArrayVar(&f.params, "param", nil, "subject parameter `k=v` (repeat; lists as k=a,b)")
	fl.StringVar(&f.data, "data", "", "store `FILE` to keep the run in (default: a temporary store)")
	fl.BoolVar(&f.json, "json", false, "print the whole analysis as JSON")
	fl.BoolVar(&f.sandbox, "sandbox", false, "simulate screening and unfed custom sources deterministically (see the runner docs)")
	fl.StringArrayVar(&f.custom, "custom-result", nil, "feed custom source `NAME=FILE` from a JSON source result")
	fl.DurationVar(&f.timeout, "timeout", 2*time.Minute, "give up waiting for the run after this long")
	fl.StringVar(&f.report, "report", "", "also write the run's PDF report in `MODE` (resumido or completo) to -o FILE")
	fl.StringVarP(&f.output, "output", "o", "", "the report's `FILE` (with --report)")
	_ = cmd.MarkFlagRequired("template")
	return cmd
}

func runTemplate(cmd *cobra.Command, g *globalFlags, f *runFlags) error {
	ctx := cmd.Context()
	var mode report.Mode
	switch {
	case f.report != "" && (f.output == "" || f.output == "-"):
		return errors.New("--report needs -o FILE (stdout carries the decision)")
	case f.report == "" && f.output != "":
		return errors.New("-o is the file of --report MODE: give the mode")
	case f.report != "":
		var err error
		if mode, err = parseReportMode(f.report); err != nil {
			return fmt.Errorf("--report: %w", err)
		}
	}
	t, err := rules.LoadFile(f.template)
	if err != nil {
		return err
	}
	params, err := parseParams(t, f.params)
	if err != nil {
		return err
	}
	custom, err := customResults(f.custom)
	if err != nil {
		return err
	}
	var eng *engine.Engine
	if needsScreening(t) && !f.sandbox {
		if eng, _, err = g.newEngine(ctx, engine.Options{}); err != nil {
			return err
		}
	}
	path := f.data
	if path == "" {
		dir, err := os.MkdirTemp("", "sieve-run-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "runs.db")
	}
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ts, err := runner.NewTemplates(t)
	if err != nil {
		return err
	}
	r, err := runner.New(eng, st, ts, runner.Options{Sandbox: f.sandbox, Custom: custom})
	if err != nil {
		return err
	}
	if err := r.Start(ctx); err != nil {
		return err
	}
	defer r.Close(context.Background())
	sub, err := r.Submit(ctx, runner.SubmitRequest{Tenant: localTenant, TemplateID: t.ID(), Params: params})
	if err != nil {
		return err
	}
	wctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	run, err := r.Wait(wctx, localTenant, sub.RunID)
	if err != nil {
		return fmt.Errorf("run %s: %w", sub.RunID, err)
	}
	a, err := r.Analysis(ctx, localTenant, sub.RunID)
	if err != nil {
		return fmt.Errorf("run %s ended %s: %s: %w", sub.RunID, run.Status, run.Error, err)
	}
	out := cmd.OutOrStdout()
	if f.json {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(a); err != nil {
			return err
		}
	} else {
		printAnalysis(out, a)
	}
	if f.data != "" {
		g.notice("sieve: run %s kept in %s", run.ID, f.data)
	}
	if mode == "" {
		return nil
	}
	rep, created, err := r.Report(ctx, localTenant, run.ID, mode, pdf.Render)
	if err != nil {
		return reportError(run, err)
	}
	return saveReport(g, out, f.output, rep, created)
}

// parseParams turns k=v flags into subject parameters; a string-list
// parameter takes comma-separated values.
func parseParams(t *rules.Template, kvs []string) (map[string]any, error) {
	out := map[string]any{}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want k=v", kv)
		}
		if p, ok := t.Param(k); ok && p.Type == rules.ParamStringList {
			var vs []any
			for _, s := range strings.Split(v, ",") {
				vs = append(vs, strings.TrimSpace(s))
			}
			out[k] = vs
			continue
		}
		out[k] = v
	}
	return out, nil
}

// customResults reads --custom-result NAME=FILE flags into custom sources
// that answer with the file's result.
func customResults(flags []string) (map[string]runner.CustomSource, error) {
	out := map[string]runner.CustomSource{}
	for _, kv := range flags {
		name, path, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("--custom-result %q: want NAME=FILE", kv)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var res rules.SourceResult
		if err := json.Unmarshal(b, &res); err != nil {
			return nil, fmt.Errorf("--custom-result %s: %s: %w", name, path, err)
		}
		out[name] = func(ctx context.Context, s rules.Subject) (rules.SourceResult, error) { return res, nil }
	}
	return out, nil
}

func needsScreening(t *rules.Template) bool {
	for _, s := range t.Sources() {
		if s.Kind == rules.SourceScreening && s.Enabled {
			return true
		}
	}
	return false
}

// printAnalysis writes the readable summary of a run.
func printAnalysis(w io.Writer, a *runner.Analysis) {
	fmt.Fprintf(w, "run %s  template %s v%d  status %s\n", a.RunID, a.TemplateID, a.TemplateVersion, a.Status)
	fmt.Fprintf(w, "decision %s  operative %s  risk %d (%s/%s)\n", a.Decision, a.OperativeDecision, a.Risk.Score, a.Risk.Band, a.Risk.BandLabel)
	for _, h := range a.Holds {
		fmt.Fprintf(w, "hold: source %s %s %s\n", h.Source, h.Status, h.Error)
	}
	if a.Error != "" {
		fmt.Fprintf(w, "note: %s\n", a.Error)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nSOURCE\tSTATUS\tDETAIL")
	for _, s := range a.Sources {
		detail := s.Result.Error
		if detail == "" && s.Kind == "screening" {
			detail = fmt.Sprintf("%d matches, best %.3f", s.Result.MatchCount, s.Result.BestScore)
			for i, h := range s.Result.Hits {
				if i == 3 {
					break
				}
				detail += fmt.Sprintf("; %s %q %.3f", h.EntityID, h.Name, h.Score)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.ID, s.Result.Status, detail)
	}
	tw.Flush()
	if len(a.Findings) > 0 {
		fmt.Fprintln(w, "\nFINDINGS")
		for _, f := range a.Findings {
			fmt.Fprintf(w, "  [%s] %s %s: %s\n", f.Status, f.ID, f.Category, f.Details)
		}
	}
	if len(a.Recommendations) > 0 {
		fmt.Fprintln(w, "\nRECOMMENDATIONS")
		for _, r := range a.Recommendations {
			fmt.Fprintf(w, "  (%d) %s\n", r.Priority, r.Content)
		}
	}
}
