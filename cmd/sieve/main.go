// Command sieve screens names against sanction lists, tests decision
// templates, runs them, and measures the engine. Run `sieve help` for the
// commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	root := newRootCommand()
	if err := root.ExecuteContext(ctx); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.msg != "" {
				fmt.Fprintln(os.Stderr, "sieve:", ee.msg)
			}
			os.Exit(ee.code)
		}
		fmt.Fprintln(os.Stderr, "sieve:", err)
		os.Exit(1)
	}
}

// exitError carries a specific exit code out of a command.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// globalFlags are the flags every command shares.
type globalFlags struct {
	listsDir string
	dataDir  string
	quiet    bool
}

func newRootCommand() *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:           "sieve",
		Short:         "Sanctions screening and KYC risk decisions",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.listsDir, "lists", "", "load every recognized list file under `DIR` (default: the data directory's lists, else the bundled samples)")
	root.PersistentFlags().StringVar(&g.dataDir, "data-dir", "", "data directory for downloaded lists and state (default: $XDG_DATA_HOME/sieve or ~/.local/share/sieve)")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress or notices on stderr")
	root.AddCommand(
		newScreenCommand(g),
		newMatchCommand(g),
		newListsCommand(g),
		newEvalCommand(g),
		newBenchCommand(g),
		newRulesCommand(g),
		newRunCommand(g), newReportCommand(g),
		newServeCommand(g), newKeysCommand(g),
	)
	return root
}
