package lists

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const fixtureDir = "../testdata/lists/dir"

// TestLoadDirShared loads the whole shared folder of real lists: every
// recognized file parses, the rest is skipped with a reason, and Active
// picks one edition per source.
func TestLoadDirShared(t *testing.T) {
	dir := sharedList(t, ".")
	var mu sync.Mutex
	var calls []int
	cat, err := LoadDir(context.Background(), dir, LoadOptions{Progress: func(file string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, done)
		if total != 14 {
			t.Errorf("Progress(%s): total = %d, want 14", file, total)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cat.Failed {
		t.Errorf("failed: %s: %v", f.Path, f.Err)
	}
	wantFiles := []struct {
		path     string
		format   Format
		source   Source
		entities int // -1: only checked to be > 0
		related  []string
	}{
		{"australia/regulation8_consolidated.xlsx", FormatAUDFATXLSX, SourceAUDFAT, -1, nil},
		{"canada/sema-lmes.xml", FormatCASEMAXML, SourceCASEMA, 4759, nil},
		{"eu/excerpt_xmlFullSanctionsList_1_1.xml", FormatEUFSFXML, SourceEUFSF, 5, nil},
		{"ofac/newer/sdn.csv", FormatOFACSDNCSV, SourceOFACSDN, 14965, nil},
		{"ofac/sdn.csv", FormatOFACSDNCSV, SourceOFACSDN, 13821, []string{"ofac/add.csv", "ofac/alt.csv", "ofac/sdn_comments.csv"}},
		{"ofac_consolidated/cons_prim.csv", FormatOFACConsCSV, SourceOFACCons, 442, []string{
			"ofac_consolidated/cons_add.csv", "ofac_consolidated/cons_alt.csv", "ofac_consolidated/cons_comments.csv"}},
		{"ofac_consolidated/consolidated.xml", FormatOFACXML, SourceOFACCons, 442, nil},
		{"opensanctions/eu_fsf_sample.entities.ftm.json", FormatFtMJSON, SourceOpenSanctions, -1, nil},
		{"opensanctions/ua_war_sanctions.targets.simple.csv", FormatTargetsCSV, SourceOpenSanctions, 5600, nil},
		{"opensanctions/zala_cluster.entities.ftm.json", FormatFtMJSON, SourceOpenSanctions, -1, nil},
		{"uk/ConList.xlsx", FormatUKHMTXLSX, SourceUKHMT, 4688, nil},
		{"uk/excerpt_UK_Sanctions_List.xml", FormatUKFCDOXML, SourceUKFCDO, 5, nil},
		{"un/consolidated.xml", FormatUNXML, SourceUNSC, 1003, nil},
		{"us_csl/consolidated.csv", FormatUSCSLCSV, SourceUSCSL, 14048, nil}, // 14,160 rows, 112 repeat an _id and merge
	}
	if len(cat.Files) != len(wantFiles) {
		t.Errorf("loaded %d files, want %d: %v", len(cat.Files), len(wantFiles), loadedPaths(cat))
	}
	for i, w := range wantFiles {
		if i >= len(cat.Files) {
			break
		}
		got := cat.Files[i]
		if got.Path != w.path || got.Format != w.format || got.List.Source != w.source || got.List.Format != w.format {
			t.Errorf("Files[%d] = %s %s %s; want %s %s %s", i, got.Path, got.Format, got.List.Source, w.path, w.format, w.source)
			continue
		}
		if n := len(got.List.Entities); (w.entities < 0 && n == 0) || (w.entities >= 0 && n != w.entities) {
			t.Errorf("%s: %d entities, want %d", got.Path, n, w.entities)
		}
		if !slices.Equal(got.Related, w.related) {
			t.Errorf("%s: related %v, want %v", got.Path, got.Related, w.related)
		}
	}
	wantSkipped := []string{
		"PROVENANCE.md",
		"ofac/unmatched_2025-12-24/add.csv",
		"ofac/unmatched_2025-12-24/alt.csv",
		"ofac/unmatched_2025-12-24/sdn_comments.csv",
		"ofac_consolidated/CONS_ENHANCED.XML",
		"ofac_consolidated/cons_advanced.xml",
		"uk/FCDO_SL_2025-08-11.ods",
	}
	var skipped []string
	for _, s := range cat.Skipped {
		skipped = append(skipped, s.Path)
		if s.Reason == "" {
			t.Errorf("%s skipped without a reason", s.Path)
		}
	}
	if !slices.Equal(skipped, wantSkipped) {
		t.Errorf("skipped %v, want %v", skipped, wantSkipped)
	}
	if len(calls) != len(cat.Files) || !slices.IsSorted(calls) || calls[len(calls)-1] != len(cat.Files) {
		t.Errorf("Progress done values %v, want 1..%d", calls, len(cat.Files))
	}

	active := cat.ActiveFiles()
	wantActive := map[Source][]string{
		SourceOFACSDN:       {"ofac/sdn.csv"},
		SourceOFACCons:      {"ofac_consolidated/consolidated.xml"},
		SourceUNSC:          {"un/consolidated.xml"},
		SourceEUFSF:         {"eu/excerpt_xmlFullSanctionsList_1_1.xml"},
		SourceUKHMT:         {"uk/ConList.xlsx"},
		SourceUKFCDO:        {"uk/excerpt_UK_Sanctions_List.xml"},
		SourceCASEMA:        {"canada/sema-lmes.xml"},
		SourceAUDFAT:        {"australia/regulation8_consolidated.xlsx"},
		SourceUSCSL:         {"us_csl/consolidated.csv"},
		SourceOpenSanctions: {"opensanctions/eu_fsf_sample.entities.ftm.json", "opensanctions/ua_war_sanctions.targets.simple.csv", "opensanctions/zala_cluster.entities.ftm.json"},
	}
	gotActive := map[Source][]string{}
	for _, f := range active {
		gotActive[f.List.Source] = append(gotActive[f.List.Source], f.Path)
	}
	for s, want := range wantActive {
		if !slices.Equal(gotActive[s], want) {
			t.Errorf("active %s = %v, want %v", s, gotActive[s], want)
		}
	}
	if len(cat.Active()) != len(active) {
		t.Errorf("Active() has %d lists, ActiveFiles() %d", len(cat.Active()), len(active))
	}
	wantSup := []SupersededFile{
		{Path: "ofac/newer/sdn.csv", Source: SourceOFACSDN, By: "ofac/sdn.csv", Reason: "fewer relation files"},
		{Path: "ofac_consolidated/cons_prim.csv", Source: SourceOFACCons, By: "ofac_consolidated/consolidated.xml", Reason: "no publication date"},
	}
	if got := cat.Superseded(); !slices.Equal(got, wantSup) {
		t.Errorf("Superseded() = %+v\nwant %+v", got, wantSup)
	}
}

func loadedPaths(cat *Catalog) []string {
	var out []string
	for _, f := range cat.Files {
		out = append(out, f.Path)
	}
	return out
}

// copyDir copies the fixture directory into a temporary one the test may
// change.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestLoadDirFixtures loads the small fixture directory: OFAC sets joined
// by directory, the non-SDN set known by its "cons_" names, a stray
// relation file and a note skipped.
func TestLoadDirFixtures(t *testing.T) {
	cat, err := LoadDir(context.Background(), fixtureDir, LoadOptions{Workers: 2, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		path, format, source string
		entities             int
		related              string
	}
	var got []row
	for _, f := range cat.Files {
		got = append(got, row{f.Path, string(f.Format), string(f.List.Source), len(f.List.Entities), strings.Join(f.Related, " ")})
	}
	want := []row{
		{"custom/blocklist.csv", "custom-csv", "CUSTOM", 2, ""},
		{"ofac/sdn.csv", "ofac-sdn-csv", "OFAC-SDN", 3, "ofac/add.csv ofac/alt.csv ofac/sdn_comments.csv"},
		{"ofac_cons/cons_prim.csv", "ofac-cons-csv", "OFAC-CONS", 2, "ofac_cons/cons_add.csv ofac_cons/cons_alt.csv"},
		{"un/consolidated.xml", "un-xml", "UN-SC", 2, ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Files:\n got %v\nwant %v", got, want)
	}
	var skipped []string
	for _, s := range cat.Skipped {
		skipped = append(skipped, s.Path)
	}
	if want := []string{"notes/README.md", "ofac/stray/alt.csv"}; !slices.Equal(skipped, want) {
		t.Errorf("Skipped = %v, want %v", skipped, want)
	}
	// The alias file of the set was joined: entity 36 has its alias.
	l := cat.Files[1].List
	if e := l.Entities[0]; e.ID != "ofac-sdn:36" || !hasName(e, "AERO-CARIBBEAN") {
		t.Errorf("first SDN entity %s has names %v; want ofac-sdn:36 with AERO-CARIBBEAN", e.ID, e.Names)
	}
	if len(cat.Superseded()) != 0 {
		t.Errorf("Superseded() = %v, want none", cat.Superseded())
	}
}

func hasName(e Entity, full string) bool {
	for _, n := range e.Names {
		if n.Full == full {
			return true
		}
	}
	return false
}

// TestLoadDirFailures adds a corrupt list to the fixtures: without Strict it
// is reported in Failed with its relative path in the ParseError, and the
// rest loads; with Strict the load fails with that error.
func TestLoadDirFailures(t *testing.T) {
	dir := copyDir(t, fixtureDir)
	un, err := os.ReadFile(filepath.Join(dir, "un", "consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	corrupt := filepath.Join(dir, "broken", "un.xml")
	if err := os.MkdirAll(filepath.Dir(corrupt), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corrupt, un[:len(un)/2], 0o644); err != nil { // cut mid-document
		t.Fatal(err)
	}
	// A broken relation file: the error names it, not the main file.
	if err := os.WriteFile(filepath.Join(dir, "ofac", "alt.csv"), []byte("36,12,\"aka\",\"AERO\"CARIBBEAN\",-0- \r\n36,x,\"aka\",\"X\",-0- \r\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	cat, err := LoadDir(context.Background(), dir, LoadOptions{})
	if err != nil {
		t.Fatalf("LoadDir (not strict) = %v", err)
	}
	if len(cat.Files) != 3 {
		t.Errorf("loaded %v, want the 3 good lists", loadedPaths(cat))
	}
	wantFailed := map[string]string{"broken/un.xml": "broken/un.xml", "ofac/sdn.csv": "ofac/alt.csv"}
	if len(cat.Failed) != len(wantFailed) {
		t.Fatalf("Failed = %v, want %d entries", cat.Failed, len(wantFailed))
	}
	for _, f := range cat.Failed {
		var pe *ParseError
		if !errors.As(f.Err, &pe) {
			t.Errorf("%s: error %v is not a *ParseError", f.Path, f.Err)
			continue
		}
		if pe.Source != wantFailed[f.Path] {
			t.Errorf("%s: ParseError.Source = %q, want %q", f.Path, pe.Source, wantFailed[f.Path])
		}
		if !errors.Is(f.Err, ErrSyntax) && !errors.Is(f.Err, ErrInvalidValue) {
			t.Errorf("%s: %v wraps neither ErrSyntax nor ErrInvalidValue", f.Path, f.Err)
		}
	}

	for _, workers := range []int{1, 4} {
		_, err = LoadDir(context.Background(), dir, LoadOptions{Strict: true, Workers: workers})
		var pe *ParseError
		if !errors.As(err, &pe) || (pe.Source != "broken/un.xml" && pe.Source != "ofac/alt.csv") {
			t.Errorf("LoadDir (strict, %d workers) = %v; want the ParseError of a broken file", workers, err)
		}
	}
}

// TestLoadDirOFACGrouping checks how OFAC CSV files are joined when one
// directory holds both sets, or a set without its SDN-style names.
func TestLoadDirOFACGrouping(t *testing.T) {
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(fixtureDir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		files   map[string]string // name in the temp dir -> fixture
		want    []string          // "path format related..." per loaded file
		skipped []string
	}{
		{
			name: "both sets in one directory",
			files: map[string]string{
				"sdn.csv": "ofac/sdn.csv", "alt.csv": "ofac/alt.csv", "add.csv": "ofac/add.csv",
				"cons_prim.csv": "ofac_cons/cons_prim.csv", "cons_alt.csv": "ofac_cons/cons_alt.csv",
			},
			want: []string{"cons_prim.csv ofac-cons-csv cons_alt.csv", "sdn.csv ofac-sdn-csv add.csv alt.csv"},
		},
		{
			name:  "renamed non-SDN set joins its only main file",
			files: map[string]string{"prim.csv": "ofac_cons/cons_prim.csv", "alt.csv": "ofac_cons/cons_alt.csv"},
			want:  []string{"prim.csv ofac-sdn-csv alt.csv"}, // no signal, no name: read as SDN
		},
		{
			name:    "non-SDN relation file without its main file",
			files:   map[string]string{"sdn.csv": "ofac/sdn.csv", "cons_alt.csv": "ofac_cons/cons_alt.csv"},
			want:    []string{"sdn.csv ofac-sdn-csv"},
			skipped: []string{"cons_alt.csv"},
		},
		{
			name:    "two alias files for one main file",
			files:   map[string]string{"sdn.csv": "ofac/sdn.csv", "alt.csv": "ofac/alt.csv", "alt2.csv": "ofac/stray/alt.csv"},
			want:    []string{"sdn.csv ofac-sdn-csv alt.csv"},
			skipped: []string{"alt2.csv"},
		},
		{
			name:    "two SDN main files",
			files:   map[string]string{"sdn.csv": "ofac/sdn.csv", "sdn2.csv": "ofac/sdn.csv", "alt.csv": "ofac/alt.csv"},
			want:    []string{"sdn.csv ofac-sdn-csv", "sdn2.csv ofac-sdn-csv"},
			skipped: []string{"alt.csv"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), read(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cat, err := LoadDir(context.Background(), dir, LoadOptions{Strict: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range cat.Files {
				got = append(got, strings.TrimSpace(fmt.Sprintf("%s %s %s", f.Path, f.Format, strings.Join(f.Related, " "))))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Files = %q, want %q", got, tt.want)
			}
			var skipped []string
			for _, s := range cat.Skipped {
				skipped = append(skipped, s.Path)
			}
			if !slices.Equal(skipped, tt.skipped) {
				t.Errorf("Skipped = %v, want %v", skipped, tt.skipped)
			}
		})
	}
}

// TestLoadDirEdges covers hidden files, an empty directory, a path that is
// not a directory and a cancelled context.
func TestLoadDirEdges(t *testing.T) {
	t.Run("hidden", func(t *testing.T) {
		dir := copyDir(t, fixtureDir)
		if err := os.MkdirAll(filepath.Join(dir, "un", ".fetch-123"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "un", ".fetch-123", "consolidated.xml"), []byte("<CONSOLIDATED_LIST>"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ".sieve-fetch.json"), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		cat, err := LoadDir(context.Background(), dir, LoadOptions{Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		var skipped []string
		for _, s := range cat.Skipped {
			skipped = append(skipped, s.Path)
		}
		want := []string{".sieve-fetch.json", "notes/README.md", "ofac/stray/alt.csv", "un/.fetch-123"}
		if !slices.Equal(skipped, want) {
			t.Errorf("Skipped = %v, want %v", skipped, want)
		}
	})
	t.Run("empty", func(t *testing.T) {
		cat, err := LoadDir(context.Background(), t.TempDir(), LoadOptions{})
		if err != nil || len(cat.Files)+len(cat.Skipped)+len(cat.Failed) != 0 || len(cat.Active()) != 0 {
			t.Errorf("LoadDir(empty) = %+v, %v", cat, err)
		}
	})
	t.Run("not a directory", func(t *testing.T) {
		_, err := LoadDir(context.Background(), filepath.Join(fixtureDir, "un", "consolidated.xml"), LoadOptions{})
		if !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("LoadDir(file) = %v, want fs.ErrInvalid", err)
		}
		_, err = LoadDir(context.Background(), filepath.Join(fixtureDir, "missing"), LoadOptions{})
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("LoadDir(missing) = %v, want fs.ErrNotExist", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := LoadDir(ctx, fixtureDir, LoadOptions{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("LoadDir(cancelled) = %v, want context.Canceled", err)
		}
	})
}

// TestActiveRule checks the choice among editions of one source, rule by
// rule.
func TestActiveRule(t *testing.T) {
	day := func(d int) *List {
		l := &List{Source: SourceUNSC, Entities: make([]Entity, 1)}
		if d > 0 {
			l.Published = mustDate(t, fmt.Sprintf("2026-01-%02d", d))
		}
		return l
	}
	withEntities := func(l *List, n int) *List { l.Entities = make([]Entity, n); return l }
	tests := []struct {
		name   string
		files  []LoadedFile
		winner string
		reason string
	}{
		{"newer date wins", []LoadedFile{{Path: "a", List: day(1)}, {Path: "b", List: day(2)}}, "b", "older publication date"},
		{"a date beats none", []LoadedFile{{Path: "a", List: day(0), Related: []string{"x", "y"}}, {Path: "b", List: day(1)}}, "b", "no publication date"},
		{"more relation files", []LoadedFile{{Path: "a", List: day(0)}, {Path: "b", List: day(0), Related: []string{"x"}}}, "b", "fewer relation files"},
		{"more entities", []LoadedFile{{Path: "a", List: day(3)}, {Path: "b", List: withEntities(day(3), 5)}}, "b", "fewer entities"},
		{"first path", []LoadedFile{{Path: "b", List: day(3)}, {Path: "a", List: day(3)}}, "a", "same rank, later path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := &Catalog{Files: tt.files}
			act := cat.ActiveFiles()
			if len(act) != 1 || act[0].Path != tt.winner {
				t.Fatalf("ActiveFiles() = %v, want %s", act, tt.winner)
			}
			sup := cat.Superseded()
			if len(sup) != 1 || sup[0].By != tt.winner || sup[0].Reason != tt.reason {
				t.Errorf("Superseded() = %+v, want by %s because %q", sup, tt.winner, tt.reason)
			}
		})
	}
	// OpenSanctions datasets and custom lists are collections: all active.
	cat := &Catalog{Files: []LoadedFile{
		{Path: "c1.csv", List: &List{Source: SourceCustom}},
		{Path: "c2.csv", List: &List{Source: SourceCustom}},
		{Path: "un.xml", List: &List{Source: SourceUNSC}},
	}}
	if got := cat.ActiveFiles(); len(got) != 3 || got[0].Path != "un.xml" || got[1].Path != "c1.csv" {
		t.Errorf("ActiveFiles() = %v; want un.xml then both custom lists", got)
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// ExampleLoadDir loads a directory of list files and prints what would be
// screened.
func ExampleLoadDir() {
	cat, err := LoadDir(context.Background(), "../testdata/lists/dir", LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range cat.ActiveFiles() {
		fmt.Printf("%-10s %-24s %d entities\n", f.List.Source, f.Path, len(f.List.Entities))
	}
	for _, s := range cat.Skipped {
		fmt.Println("skipped", s.Path)
	}
	// Output:
	// OFAC-SDN   ofac/sdn.csv             3 entities
	// OFAC-CONS  ofac_cons/cons_prim.csv  2 entities
	// UN-SC      un/consolidated.xml      2 entities
	// CUSTOM     custom/blocklist.csv     2 entities
	// skipped notes/README.md
	// skipped ofac/stray/alt.csv
}
