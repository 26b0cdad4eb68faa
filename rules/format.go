package rules

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// FormatCaseResults writes test results as text for a terminal, in the
// manner of go test: one line per case, and for a failed case its diff of
// expected and actual, the rules that fired, errored or were skipped, and
// the values they read. verbose adds the same detail for passing cases.
// Results of several templates may be mixed; a summary line closes each
// template's run of results. It returns the first write error.
func FormatCaseResults(w io.Writer, results []CaseResult, verbose bool) error {
	bw := bufio.NewWriter(w)
	for i := 0; i < len(results); {
		j := i
		for j < len(results) && results[j].File == results[i].File && results[j].Template == results[i].Template {
			j++
		}
		writeTemplateResults(bw, results[i:j], verbose)
		i = j
	}
	return bw.Flush()
}

func writeTemplateResults(w *bufio.Writer, rs []CaseResult, verbose bool) {
	head := rs[0]
	fmt.Fprintf(w, "=== %s v%d (%s)\n", head.Template, head.Version, head.File)
	failed := 0
	for _, r := range rs {
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(w, "--- ERROR %s (line %d)\n", r.Case, r.Line)
			for _, e := range flatten(r.Err) {
				fmt.Fprintf(w, "    %v\n", e)
			}
			continue
		case r.Passed:
			fmt.Fprintf(w, "--- PASS  %s\n", r.Case)
			if verbose {
				writeEvaluation(w, r.Evaluation)
			}
			continue
		}
		failed++
		fmt.Fprintf(w, "--- FAIL  %s (line %d)\n", r.Case, r.Line)
		width := len("field")
		for _, d := range r.Diffs {
			width = max(width, len(d.Field))
		}
		for _, d := range r.Diffs {
			fmt.Fprintf(w, "    %-*s  want %s\n", width, d.Field, d.Want)
			fmt.Fprintf(w, "    %-*s  got  %s\n", width, "", d.Got)
			if d.Field == "fired" || d.Field == "holds" || d.Field == "rule_errors" {
				missing, extra := setDiff(d.Want, d.Got)
				for _, m := range missing {
					fmt.Fprintf(w, "    %-*s  - %s\n", width, "", m)
				}
				for _, x := range extra {
					fmt.Fprintf(w, "    %-*s  + %s\n", width, "", x)
				}
			}
		}
		writeEvaluation(w, r.Evaluation)
	}
	if failed > 0 {
		fmt.Fprintf(w, "FAIL %s: %d of %d cases failed\n", head.Template, failed, len(rs))
	} else {
		fmt.Fprintf(w, "ok   %s: %d cases passed\n", head.Template, len(rs))
	}
}

// writeEvaluation writes the actual outcome and the rules worth reading.
func writeEvaluation(w *bufio.Writer, ev *Evaluation) {
	if ev == nil {
		return
	}
	fmt.Fprintf(w, "    actual: decision %s, operative %s, score %d, band %s\n",
		ev.Decision, ev.Operative, ev.Score, ev.Band)
	for _, h := range ev.Holds {
		fmt.Fprintf(w, "    hold: source %s %s", h.Source, h.Status)
		if h.Error != "" {
			fmt.Fprintf(w, ": %s", h.Error)
		}
		fmt.Fprintln(w)
	}
	for _, r := range ev.Rules {
		if r.State == RuleNotFired {
			continue
		}
		fmt.Fprintf(w, "    rule %s: %s", r.ID, r.State)
		switch r.State {
		case RuleFired:
			fmt.Fprintf(w, " (%s, +%d)", r.Outcome, r.Points)
		case RuleSkipped:
			fmt.Fprintf(w, " (%s)", r.Reason)
		case RuleErrored:
			fmt.Fprintf(w, " (%v)", r.Err)
		}
		fmt.Fprintln(w)
		for _, rd := range r.Reads {
			if rd.Missing {
				fmt.Fprintf(w, "        %s = <missing>\n", rd.Path)
				continue
			}
			fmt.Fprintf(w, "        %s = %s\n", rd.Path, shortValue(rd.Value))
		}
	}
}

// shortValue renders a read value on one bounded line.
func shortValue(v any) string {
	var s string
	switch x := v.(type) {
	case string:
		s = fmt.Sprintf("%q", x)
	case time.Time:
		s = x.Format(time.RFC3339)
		if x.Equal(x.Truncate(24 * time.Hour)) {
			s = x.Format(time.DateOnly)
		}
	case []Hit:
		parts := make([]string, len(x))
		for i, h := range x {
			parts[i] = fmt.Sprintf("%s %q %.2f", h.EntityID, h.Name, h.Score)
		}
		s = "[" + strings.Join(parts, "; ") + "]"
	default:
		s = fmt.Sprintf("%v", v)
	}
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

// setDiff compares two "[a, b]" renderings: what want has that got lacks,
// and the reverse.
func setDiff(want, got string) (missing, extra []string) {
	parse := func(s string) []string {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
		if s == "" {
			return nil
		}
		return strings.Split(s, ", ")
	}
	w, g := parse(want), parse(got)
	for _, x := range w {
		if !slices.Contains(g, x) {
			missing = append(missing, x)
		}
	}
	for _, x := range g {
		if !slices.Contains(w, x) {
			extra = append(extra, x)
		}
	}
	return missing, extra
}

// FormatLints writes lints as "file:line:col: code: message" lines.
func FormatLints(w io.Writer, lints []Lint) error {
	bw := bufio.NewWriter(w)
	for _, l := range lints {
		fmt.Fprintf(bw, "%s\n", l)
	}
	return bw.Flush()
}
