package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/bench"
	"github.com/sievekyc/sieve/lists"
)

func newBenchCommand(g *globalFlags) *cobra.Command {
	var (
		asJSON    bool
		synthetic int
		o         bench.PerfOptions
	)
	cmd := &cobra.Command{
		Use:   "bench [flags]",
		Short: "Measure index build time, memory, latency and throughput",
		Long: `Build the index over the loaded lists and measure build time, heap and RSS,
single-goroutine latency p50/p99, allocations per screen, and throughput on
all cores. With --synthetic N, also measure a corpus of N generated names
recombined from the lists' real name parts (1000000 for the 1M budget).`,
		Example: `  sieve bench --lists ../shared/lists
  sieve bench --lists ../shared/lists --synthetic 1000000 --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ll, err := g.loadLists(cmd.Context())
			if err != nil {
				return err
			}
			var reports []*bench.PerfReport
			rep, err := bench.Measure(cmd.Context(), "lists ("+ll.origin+")", ll.active, o)
			if err != nil {
				return err
			}
			reports = append(reports, rep)
			if synthetic > 0 {
				g.notice("sieve: generating %d synthetic names...", synthetic)
				syn := bench.Synthetic(ll.active, synthetic, 1)
				rep, err := bench.Measure(cmd.Context(), fmt.Sprintf("synthetic %d names", synthetic), []*lists.List{syn}, o)
				if err != nil {
					return err
				}
				reports = append(reports, rep)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(reports)
			}
			for _, r := range reports {
				r.WriteText(out)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print the reports as JSON")
	fl.IntVar(&synthetic, "synthetic", 0, "also measure a synthetic corpus of `N` names")
	fl.IntVar(&o.Queries, "queries", 2000, "queries in the latency run")
	fl.DurationVar(&o.Duration, "duration", 3*time.Second, "length of the throughput run")
	fl.IntVar(&o.Workers, "workers", 0, "goroutines in the throughput run (default GOMAXPROCS)")
	return cmd
}
