package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/lists/fetch"
)

func newListsCommand(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lists",
		Short: "Import, update and describe sanction lists",
	}
	cmd.AddCommand(newListsInfoCommand(g), newListsImportCommand(g), newListsUpdateCommand(g))
	return cmd
}

// listRow is one row of `sieve lists info`.
type listRow struct {
	Path      string       `json:"path,omitempty"`
	Source    lists.Source `json:"source"`
	Format    lists.Format `json:"format"`
	Published string       `json:"published,omitempty"`
	SHA256    string       `json:"sha256"`
	Version   string       `json:"version"`
	Entities  int          `json:"entities"`
	Names     int          `json:"names"`
	Active    bool         `json:"active"`
	Tolerated []string     `json:"tolerated,omitempty"`
}

func rowFor(path string, l *lists.List, active bool) listRow {
	r := listRow{Path: path, Source: l.Source, Format: l.Format, SHA256: l.SHA256, Version: l.Version(),
		Entities: len(l.Entities), Names: l.NameCount(), Active: active, Tolerated: l.Tolerated}
	if !l.Published.IsZero() {
		r.Published = l.Published.UTC().Format(time.DateOnly)
	}
	return r
}

func newListsInfoCommand(g *globalFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "info [flags]",
		Short: "Describe every list file found: source, publication date, SHA-256, entities, names",
		Example: `  sieve lists info --lists ../shared/lists
  sieve lists info --json --lists ../shared/lists`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ll, err := g.loadLists(cmd.Context())
			if err != nil {
				return err
			}
			var rows []listRow
			if ll.catalog == nil {
				for _, l := range ll.active {
					rows = append(rows, rowFor("", l, true))
				}
			} else {
				// Active files are the ones screened (datasets of one source
				// are merged into one list for screening).
				active := map[string]bool{}
				for _, f := range ll.catalog.ActiveFiles() {
					active[f.Path] = true
				}
				for _, f := range ll.catalog.Files {
					rows = append(rows, rowFor(f.Path, f.List, active[f.Path]))
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			}
			printListRows(out, rows)
			if ll.catalog != nil {
				for _, s := range ll.catalog.Skipped {
					fmt.Fprintf(out, "skipped %s: %s\n", s.Path, s.Reason)
				}
				for _, f := range ll.catalog.Failed {
					fmt.Fprintf(out, "FAILED  %s: %v\n", f.Path, f.Err)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the rows as JSON")
	return cmd
}

func printListRows(w io.Writer, rows []listRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tPUBLISHED\tSHA256\tENTITIES\tNAMES\tACTIVE\tFILE")
	for _, r := range rows {
		sha := r.SHA256
		if len(sha) > 16 {
			sha = sha[:16]
		}
		pub := r.Published
		if pub == "" {
			pub = "-"
		}
		act := ""
		if r.Active {
			act = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\n", r.Source, pub, sha, r.Entities, r.Names, act, r.Path)
	}
	tw.Flush()
}

func newListsImportCommand(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "import PATH...",
		Short: "Validate list files and copy them into the data directory",
		Long: `Parse every recognized list file under each PATH (a file or a directory);
only when all parse are they copied into the data directory's lists folder,
where later commands find them without --lists.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dest := filepath.Join(g.resolvedDataDir(), "lists", "imported")
			return importPaths(cmd, args, dest)
		},
	}
}

func newListsUpdateCommand(g *globalFlags) *cobra.Command {
	var only []string
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download the official lists from their publishers (conditional, verified, atomic)",
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := filepath.Join(g.resolvedDataDir(), "lists")
			specs := fetch.DefaultSpecs()
			if len(only) > 0 {
				var keep []fetch.Spec
				for _, s := range specs {
					for _, o := range only {
						if s.Name == o || string(s.Source) == o {
							keep = append(keep, s)
						}
					}
				}
				specs = keep
			}
			f, err := fetch.New(fetch.Options{Dir: dir, Sources: specs})
			if err != nil {
				return err
			}
			rep, err := f.Update(cmd.Context())
			if err != nil {
				return err
			}
			failed := 0
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "LIST\tSTATUS\tENTITIES\tDETAIL")
			for _, r := range rep.Results {
				detail := ""
				if r.Err != nil {
					failed++
					detail = r.Err.Error()
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", r.Name, r.Status, r.Entities, detail)
			}
			tw.Flush()
			if failed > 0 {
				return &exitError{code: 1, msg: fmt.Sprintf("%d lists failed to update; their previous versions are kept", failed)}
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&only, "only", nil, "update only these lists (names or source codes)")
	return cmd
}

// importPaths parses everything first, then copies, keeping each file's
// path relative to the directory it was found in (OFAC CSV sets are grouped
// by directory).
func importPaths(cmd *cobra.Command, paths []string, dest string) error {
	type copyJob struct{ src, dst string }
	var jobs []copyJob
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		base := filepath.Base(filepath.Clean(p))
		if !st.IsDir() {
			fh, err := os.Open(p)
			if err != nil {
				return err
			}
			head := make([]byte, 64<<10)
			n, _ := io.ReadFull(fh, head)
			fh.Close()
			if _, err := lists.Detect(head[:n]); err != nil {
				if _, err2 := lists.DetectFile(p); err2 != nil {
					return fmt.Errorf("import %s: %w", p, err)
				}
			}
			jobs = append(jobs, copyJob{p, filepath.Join(dest, base)})
			continue
		}
		cat, err := lists.LoadDir(cmd.Context(), p, lists.LoadOptions{Strict: true})
		if err != nil {
			return fmt.Errorf("import %s: %w", p, err)
		}
		for _, f := range cat.Files {
			jobs = append(jobs, copyJob{filepath.Join(p, f.Path), filepath.Join(dest, base, f.Path)})
		}
	}
	for _, j := range jobs {
		if err := os.MkdirAll(filepath.Dir(j.dst), 0o755); err != nil {
			return err
		}
		if err := copyFileAtomic(j.src, j.dst); err != nil {
			return err
		}
	}
	fmt.Fprintf(cmd.OutOrStdout(), "imported %d files into %s\n", len(jobs), dest)
	return nil
}

func copyFileAtomic(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".import-*")
	if err != nil {
		return err
	}
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), dst)
}
