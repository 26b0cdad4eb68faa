package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/rules"
)

func newRulesCommand(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Test and check decision templates",
	}
	var verbose bool
	test := &cobra.Command{
		Use:   "test [flags] FILE...",
		Short: "Run the test cases of templates; exit 1 on any failure",
		Long: `Load each template (every problem reported with file, line and column),
run its test cases — a subject and simulated source results, including
failures — and compare the decision, operative decision, band, score range
and fired rules with the expectation. A failing case prints a diff of
expected and actual.`,
		Example: `  sieve rules test testdata/templates/*.yaml`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			failed := 0
			cases := 0
			for _, path := range args {
				t, err := rules.LoadFile(path)
				if err != nil {
					fmt.Fprintf(out, "FAIL %s: template does not load:\n%v\n", path, err)
					failed++
					continue
				}
				res := rules.RunTests(t)
				cases += len(res)
				fmt.Fprintf(out, "%s (%s v%d)\n", path, t.ID(), t.Version())
				if err := rules.FormatCaseResults(out, res, verbose); err != nil {
					return err
				}
				if !rules.AllPassed(res) {
					failed++
				}
				if len(res) == 0 {
					fmt.Fprintf(out, "  warning: %s has no test cases\n", path)
				}
			}
			if failed > 0 {
				return &exitError{code: 1, msg: fmt.Sprintf("%d of %d templates failed", failed, len(args))}
			}
			fmt.Fprintf(out, "ok: %d templates, %d cases passed\n", len(args), cases)
			return nil
		},
	}
	test.Flags().BoolVarP(&verbose, "verbose", "v", false, "print passing cases too")
	check := &cobra.Command{
		Use:     "check FILE...",
		Short:   "Compile and lint templates (unused sources, rules that can never fire, ...)",
		Example: `  sieve rules check testdata/templates/pj_kyb.yaml`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			var errs []error
			for _, path := range args {
				t, err := rules.LoadFile(path)
				if err != nil {
					fmt.Fprintf(out, "%s: does not load:\n%v\n", path, err)
					errs = append(errs, err)
					continue
				}
				lints := rules.Check(t)
				fmt.Fprintf(out, "%s (%s v%d): %d rules, %d sources, %d findings\n", path, t.ID(), t.Version(), len(t.Rules()), len(t.Sources()), len(lints))
				if err := rules.FormatLints(out, lints); err != nil {
					return err
				}
			}
			if len(errs) > 0 {
				return &exitError{code: 1, msg: errors.Join(errs...).Error()}
			}
			return nil
		},
	}
	schema := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of template files",
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := os.Stdout.Write(rules.TemplateSchema())
			return err
		},
	}
	cmd.AddCommand(test, check, schema)
	return cmd
}
