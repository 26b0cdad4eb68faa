package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
)

type screenFlags struct {
	json        bool
	dob         string
	country     string
	typ         string
	document    string
	lists       []string
	threshold   float64
	limit       int
	explain     bool
	batch       string
	failOnMatch bool
}

func newScreenCommand(g *globalFlags) *cobra.Command {
	f := &screenFlags{}
	cmd := &cobra.Command{
		Use:   "screen [flags] NAME",
		Short: "Screen a name against the sanction lists",
		Long: `Screen a name against every loaded list (or --lists-only ones) and print the
matches best first, with the listed name that matched and the score.
Exit status: 0, or 1 on error; with --fail-on-match, 3 when anything matched
(for scripts and CI gates).`,
		Example: `  sieve screen "Vladimir Putin"
  sieve screen --dob 1952-10-07 --country RU --type person "Putin, Vladimir"
  sieve screen --lists ../shared/lists --json "Bank Melli"
  sieve screen --batch customers.csv > results.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.batch != "" {
				return runBatch(cmd, g, f)
			}
			if len(args) == 0 {
				return fmt.Errorf("screen needs a NAME (or --batch FILE)")
			}
			q, err := f.query(strings.Join(args, " "))
			if err != nil {
				return err
			}
			e, _, err := g.newEngine(cmd.Context(), engine.Options{})
			if err != nil {
				return err
			}
			res, err := e.Screen(cmd.Context(), q)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if f.json {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(stripEntities(res)); err != nil {
					return err
				}
			} else {
				printResult(out, q, res, f.explain)
			}
			if res.Matched && f.failOnMatch {
				return &exitError{code: 3}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.json, "json", false, "print the result as JSON")
	fl.StringVar(&f.dob, "dob", "", "date of birth: 1952-10-07, 1952-10 or 1952")
	fl.StringVar(&f.country, "country", "", "nationality or country (ISO code or name)")
	fl.StringVar(&f.typ, "type", "", "person, organization, vessel or aircraft")
	fl.StringVar(&f.document, "document", "", "passport, national ID, tax ID or IMO number")
	fl.StringSliceVar(&f.lists, "only", nil, "screen only these list codes (e.g. OFAC-SDN,UN-SC)")
	fl.Float64Var(&f.threshold, "threshold", 0, fmt.Sprintf("match threshold in (0,1] (default %.2f)", engine.DefaultThreshold))
	fl.IntVar(&f.limit, "limit", 0, "matches per list (default 10)")
	fl.BoolVar(&f.explain, "explain", false, "show how each match was scored")
	fl.BoolVar(&f.failOnMatch, "fail-on-match", false, "exit with status 3 when anything matched")
	fl.StringVar(&f.batch, "batch", "", "screen every row of a CSV or JSONL `FILE`; JSON lines out, progress on stderr")
	return cmd
}

// query builds an engine query from the flags.
func (f *screenFlags) query(name string) (engine.Query, error) {
	q := engine.Query{Name: name, Country: f.country, Document: f.document, Threshold: f.threshold, Limit: f.limit}
	if f.dob != "" {
		d, err := lists.ParseDate(f.dob)
		if err != nil {
			return q, fmt.Errorf("--dob: %w", err)
		}
		q.BirthDate = d
	}
	if f.typ != "" {
		t, err := lists.ParseEntityType(f.typ)
		if err != nil {
			return q, fmt.Errorf("--type: %w", err)
		}
		q.Type = t
	}
	for _, code := range f.lists {
		s, err := lists.ParseSource(code)
		if err != nil {
			return q, fmt.Errorf("--only: %w", err)
		}
		q.Lists = append(q.Lists, s)
	}
	return q, q.Validate()
}

// stripEntities drops the full entity records from a result for compact
// JSON output: the match already names the entity and its matched name.
func stripEntities(res engine.Result) engine.Result {
	for i := range res.Lists {
		ms := make([]engine.Match, len(res.Lists[i].Matches))
		copy(ms, res.Lists[i].Matches)
		for j := range ms {
			ms[j].Entity = nil
		}
		res.Lists[i].Matches = ms
	}
	return res
}

// printResult writes the readable table.
func printResult(w io.Writer, q engine.Query, res engine.Result, explain bool) {
	fmt.Fprintf(w, "Screening %q against %d lists (threshold %.2f)\n\n", q.Name, len(res.Lists), res.Threshold)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LIST\tVERSION\tMATCHES")
	for _, l := range res.Lists {
		fmt.Fprintf(tw, "%s\t%s\t%d\n", l.Source, l.Version, l.MatchCount)
	}
	tw.Flush()
	if !res.Matched {
		fmt.Fprintln(w, "\nNo match.")
		return
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCORE\tENTITY\tTYPE\tMATCHED NAME\tPRIMARY NAME")
	for _, l := range res.Lists {
		for _, m := range l.Matches {
			matched := m.Name
			if m.NameKind != lists.NamePrimary {
				matched += " (" + m.NameKind.String() + ")"
			}
			fmt.Fprintf(tw, "%.3f\t%s\t%s\t%s\t%s\n", m.Score, m.EntityID, m.Type, matched, m.PrimaryName)
		}
	}
	tw.Flush()
	if !explain {
		return
	}
	for _, l := range res.Lists {
		for _, m := range l.Matches {
			fmt.Fprintf(w, "\n%s %.3f\n", m.EntityID, m.Score)
			for _, f := range m.Factors {
				fmt.Fprintf(w, "  %-11s %+.3f  %s\n", f.Kind, f.Effect, f.Evidence)
			}
		}
	}
}
