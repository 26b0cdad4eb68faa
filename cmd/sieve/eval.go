package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/bench"
	"github.com/sievekyc/sieve/engine"
)

func newEvalCommand(g *globalFlags) *cobra.Command {
	var (
		asJSON    bool
		threshold float64
		misses    int
		sweep     bool
	)
	cmd := &cobra.Command{
		Use:   "eval [flags] FILE.jsonl",
		Short: "Measure precision, recall and latency over an evaluation set",
		Long: `Screen every query of a JSON-lines evaluation set and report precision,
recall, F1, the false-positive rate on negatives (expect: []), recall@1 and
latency, overall and per tag. Each line:
  {"id","name","type","dob","country","document","expect":[entity IDs],"tags":[...]}`,
		Example: `  sieve eval --lists ../shared/lists testdata/eval/dev.jsonl`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fh, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer fh.Close()
			qs, err := bench.ReadEvalSet(fh)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			e, _, err := g.newEngine(cmd.Context(), engine.Options{})
			if err != nil {
				return err
			}
			if sweep {
				var ts []float64
				for t := 0.70; t < 0.951; t += 0.01 {
					ts = append(ts, math.Round(t*100)/100)
				}
				rows, err := bench.Sweep(cmd.Context(), e, qs, ts)
				if err != nil {
					return err
				}
				if asJSON {
					return json.NewEncoder(cmd.OutOrStdout()).Encode(rows)
				}
				bench.WriteSweep(cmd.OutOrStdout(), rows)
				return nil
			}
			rep, err := bench.Evaluate(cmd.Context(), e, qs, threshold)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			rep.WriteText(out)
			for i, m := range rep.Misses {
				if i == misses {
					fmt.Fprintf(out, "... %d more misses (--misses N, or --json for all)\n", len(rep.Misses)-misses)
					break
				}
				fmt.Fprintf(out, "miss %s %q tags=%v expect=%v got=%v\n", m.ID, m.Name, m.Tags, m.Expect, m.Got)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().Float64Var(&threshold, "threshold", 0, "threshold to evaluate at (default: the engine's)")
	cmd.Flags().IntVar(&misses, "misses", 20, "how many misses to print")
	cmd.Flags().BoolVar(&sweep, "sweep", false, "report recall and false-positive rate at thresholds 0.70 to 0.95")
	return cmd
}
