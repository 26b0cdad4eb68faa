package norm

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// TestTablesLoad reloads every table, so a broken table fails here with its
// file and line rather than only as a panic at init.
func TestTablesLoad(t *testing.T) {
	if err := loadTables(); err != nil {
		t.Fatal(err)
	}
}

// TestTablesNameTheirSources checks every table starts with a comment
// header that says where its content comes from.
func TestTablesNameTheirSources(t *testing.T) {
	files, err := fs.Glob(dataFS, "data/*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no tables: %v", err)
	}
	for _, f := range files {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\n\n")
		if !strings.HasPrefix(header, "# ") || !strings.Contains(header, "Source:") {
			t.Errorf("%s: no comment header with a Source: line", f)
		}
	}
}

// TestTableSizes checks the word lists hold what the package promises.
func TestTableSizes(t *testing.T) {
	count := func(name string, nfields int) int {
		rows, err := readTable(name, nfields)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	for _, tt := range []struct {
		name    string
		nfields int
		min     int
	}{
		{"variants.tsv", 2, 150},
		{"nicknames.tsv", 2, 100},
		{"names_arabic.tsv", 2, 300},
		{"names_hebrew.tsv", 2, 80},
		{"legal_forms.tsv", 3, 150},
		{"honorifics.tsv", 2, 60},
		{"particles.tsv", 3, 50},
	} {
		if n := count(tt.name, tt.nfields); n < tt.min {
			t.Errorf("%s has %d rows, want at least %d", tt.name, n, tt.min)
		}
	}
}

// TestNicknamesResolveThroughGroups checks that a nickname lands on its full
// name's group key, not on the spelling the nickname table uses.
func TestNicknamesResolveThroughGroups(t *testing.T) {
	for _, tt := range []struct{ nick, canon string }{
		{"sasha", "alexander"},
		{"alex", "alexander"},
		{"misha", "mikhail"},
		{"mike", "mikhail"},
		{"dima", "dmitry"},
		{"volodya", "vladimir"},
		{"bill", "william"},
		{"sepp", "joseph"},
	} {
		e := lexicon[tt.nick]
		if e == nil || !e.nick || e.canon != tt.canon {
			t.Errorf("nickname %q = %+v, want canon %q", tt.nick, e, tt.canon)
		}
	}
}

func TestReadTableRejectsBadRows(t *testing.T) {
	if _, err := readTable("no-such-table.tsv", 2); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing table: err = %v, want fs.ErrNotExist", err)
	}
	if _, err := readTable("variants.tsv", 3); err == nil {
		t.Error("wrong field count accepted")
	}
}

func TestPhraseKey(t *testing.T) {
	for _, tt := range []struct{ in, key, first string }{
		{"S.A. de C.V.", "sa de cv", "sa"},
		{"L.L.C.", "llc", "llc"},
		{"s. de r.l. de c.v.", "s de rl de cv", "s"},
		{"Sherkat-e", "sherkat e", "sherkat"},
		{"ООО", "ooo", "ooo"},
	} {
		key, first, _ := phraseKey(tt.in)
		if key != tt.key || first != tt.first {
			t.Errorf("phraseKey(%q) = %q, %q; want %q, %q", tt.in, key, first, tt.key, tt.first)
		}
	}
}
