package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/engine"
)

func newMatchCommand(g *globalFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "match [flags] A B",
		Short:   "Score name A against name B and explain the score",
		Example: `  sieve match "Mohammed bin Salman" "Muhammad ibn Salman"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			g.quiet = true
			e, err := engine.New(engine.Options{})
			if err != nil {
				return err
			}
			if g.listsDir != "" {
				// Token rarities come from the loaded lists when given.
				if e, _, err = g.newEngine(cmd.Context(), engine.Options{}); err != nil {
					return err
				}
			}
			c := e.Compare(args[0], args[1])
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(c)
			}
			fmt.Fprintf(out, "score %.3f\n", c.Score)
			for _, f := range c.Factors {
				for _, t := range f.Tokens {
					fmt.Fprintf(out, "  %-20q %-20q %-10s %.3f\n", t.Query, t.Listed, t.How, t.Similarity)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the comparison as JSON")
	return cmd
}
