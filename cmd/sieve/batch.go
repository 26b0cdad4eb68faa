package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/sievekyc/sieve/engine"
)

// batchRow is one subject of a batch file. CSV files need a header with at
// least "name"; the other columns are optional.
type batchRow struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	DOB      string `json:"dob"`
	Country  string `json:"country"`
	Type     string `json:"type"`
	Document string `json:"document"`
	line     int
}

// batchResult is one output line.
type batchResult struct {
	ID         string         `json:"id,omitempty"`
	Line       int            `json:"line"`
	Name       string         `json:"name"`
	Matched    bool           `json:"matched"`
	MatchCount int            `json:"match_count"`
	Matches    []engine.Match `json:"matches,omitempty"`
	Error      string         `json:"error,omitempty"`
}

func runBatch(cmd *cobra.Command, g *globalFlags, f *screenFlags) error {
	rows, err := readBatch(f.batch)
	if err != nil {
		return err
	}
	e, _, err := g.newEngine(cmd.Context(), engine.Options{})
	if err != nil {
		return err
	}
	var bar *progressbar.ProgressBar
	if !g.quiet {
		bar = progressbar.NewOptions(len(rows), progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("screening"), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionThrottle(100_000_000))
	}
	results := screenRows(cmd.Context(), e, f, rows, func() {
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(os.Stderr)
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	enc := json.NewEncoder(w)
	matched := 0
	for _, r := range results {
		if r.Matched {
			matched++
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	g.notice("sieve: screened %d subjects, %d matched", len(rows), matched)
	if matched > 0 && f.failOnMatch {
		return &exitError{code: 3}
	}
	return cmd.Context().Err()
}

// screenRows screens rows on every core and returns results in row order.
func screenRows(ctx context.Context, e *engine.Engine, f *screenFlags, rows []batchRow, done func()) []batchResult {
	out := make([]batchResult, len(rows))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = screenRow(ctx, e, f, rows[i])
				mu.Lock()
				done()
				mu.Unlock()
			}
		}()
	}
	for i := range rows {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func screenRow(ctx context.Context, e *engine.Engine, f *screenFlags, r batchRow) batchResult {
	res := batchResult{ID: r.ID, Line: r.line, Name: r.Name}
	rf := *f
	rf.dob, rf.country, rf.typ, rf.document = r.DOB, r.Country, r.Type, r.Document
	q, err := rf.query(r.Name)
	if err == nil {
		var sr engine.Result
		sr, err = e.Screen(ctx, q)
		if err == nil {
			sr = stripEntities(sr)
			res.Matched, res.MatchCount = sr.Matched, sr.MatchCount
			for _, l := range sr.Lists {
				res.Matches = append(res.Matches, l.Matches...)
			}
		}
	}
	if err != nil {
		res.Error = err.Error()
	}
	return res
}

// readBatch reads a CSV (with a header naming the columns) or JSON lines.
func readBatch(path string) ([]batchRow, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	br := bufio.NewReader(fh)
	first, _ := br.Peek(1)
	if len(first) == 1 && first[0] == '{' {
		return readBatchJSONL(path, br)
	}
	return readBatchCSV(path, br)
}

func readBatchJSONL(path string, r io.Reader) ([]batchRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var rows []batchRow
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var row batchRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		row.line = line
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

func readBatchCSV(path string, r io.Reader) ([]batchRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["name"]; !ok {
		return nil, fmt.Errorf("%s: header has no \"name\" column (got %q)", path, header)
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var rows []batchRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0)
		rows = append(rows, batchRow{ID: get(rec, "id"), Name: get(rec, "name"), DOB: get(rec, "dob"),
			Country: get(rec, "country"), Type: get(rec, "type"), Document: get(rec, "document"), line: line})
	}
	return rows, nil
}
