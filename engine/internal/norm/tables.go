package norm

import (
	"embed"
	"fmt"
	"strings"
)

// dataFS holds the romanization tables and word lists; data/*.tsv each
// start with a comment header naming the sources they were written from.
//
//go:embed data/*.tsv
var dataFS embed.FS

// row is one data line of a table: its 1-based line number and its
// tab-separated fields.
type row struct {
	line   int
	fields []string
}

// readTable returns the data rows of the embedded table name. Blank lines
// and lines starting with '#' are skipped; every row must have exactly
// nfields fields.
func readTable(name string, nfields int) ([]row, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("norm: table %s: %w", name, err)
	}
	var rows []row
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != nfields {
			return nil, fmt.Errorf("norm: table %s line %d: %d fields, want %d", name, i+1, len(f), nfields)
		}
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
			if f[j] == "" {
				return nil, fmt.Errorf("norm: table %s line %d: field %d is empty", name, i+1, j+1)
			}
		}
		rows = append(rows, row{line: i + 1, fields: f})
	}
	return rows, nil
}

// form is the romanization of one letter: mid is used inside a word and
// ini in the script's initial position (see each table's header).
type form struct {
	mid, ini string
}

// parseForm reads a table value "x" or "x|y"; "0" stands for the empty
// string (a letter that is dropped).
func parseForm(v string) form {
	mid, ini, ok := strings.Cut(v, "|")
	if !ok {
		ini = mid
	}
	if mid == "0" {
		mid = ""
	}
	if ini == "0" {
		ini = ""
	}
	return form{mid: mid, ini: ini}
}

// singleRune returns the only rune of s.
func singleRune(s string) (rune, bool) {
	rs := []rune(s)
	if len(rs) != 1 {
		return 0, false
	}
	return rs[0], true
}

// loadLetters reads a two-column letter table into a map.
func loadLetters(name string) (map[rune]form, error) {
	rows, err := readTable(name, 2)
	if err != nil {
		return nil, err
	}
	m := make(map[rune]form, len(rows))
	for _, r := range rows {
		c, ok := singleRune(r.fields[0])
		if !ok {
			return nil, fmt.Errorf("norm: table %s line %d: %q is not one letter", name, r.line, r.fields[0])
		}
		if _, dup := m[c]; dup {
			return nil, fmt.Errorf("norm: table %s line %d: %q listed twice", name, r.line, r.fields[0])
		}
		m[c] = parseForm(r.fields[1])
	}
	return m, nil
}

// loadWords reads a two-column word table (script word → Latin) keyed by
// key(word). Duplicate keys must agree.
func loadWords(name string, key func(string) string) (map[string]string, error) {
	rows, err := readTable(name, 2)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		k := key(r.fields[0])
		v := Fold(r.fields[1])
		if k == "" || v == "" {
			return nil, fmt.Errorf("norm: table %s line %d: empty key or value", name, r.line)
		}
		if old, dup := m[k]; dup && old != v {
			return nil, fmt.Errorf("norm: table %s line %d: %q is both %q and %q", name, r.line, r.fields[0], old, v)
		}
		m[k] = v
	}
	return m, nil
}

// init loads every table. The tables are compiled into the binary, so a
// failure here is a defect of this package, caught by its tests; it is
// reported the way regexp.MustCompile reports a bad constant.
func init() {
	if err := loadTables(); err != nil {
		panic(err)
	}
}

// loadTables fills the package tables in dependency order: the letter
// tables first (Fold needs them), then the word lists, which are folded.
func loadTables() error {
	var err error
	if latinSpecial, err = loadLatin(); err != nil {
		return err
	}
	if err = loadCyrillic(); err != nil {
		return err
	}
	if greekLetters, err = loadLetters("greek.tsv"); err != nil {
		return err
	}
	if armenianLetters, err = loadLetters("armenian.tsv"); err != nil {
		return err
	}
	if georgianLetters, err = loadLetters("georgian.tsv"); err != nil {
		return err
	}
	if arabicLetters, err = loadLetters("arabic.tsv"); err != nil {
		return err
	}
	if hebrewLetters, err = loadLetters("hebrew.tsv"); err != nil {
		return err
	}
	if arabicNames, err = loadWords("names_arabic.tsv", arabicKeyString); err != nil {
		return err
	}
	if hebrewNames, err = loadWords("names_hebrew.tsv", hebrewKeyString); err != nil {
		return err
	}
	return loadLexicon()
}

// loadLatin reads latin.tsv.
func loadLatin() (map[rune]string, error) {
	letters, err := loadLetters("latin.tsv")
	if err != nil {
		return nil, err
	}
	m := make(map[rune]string, len(letters))
	for r, f := range letters {
		m[r] = f.mid
	}
	return m, nil
}
