package lists

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// This file holds what the readers of tables with one name per row share:
// OFSI's ConList (CSV and xlsx) and DFAT's consolidated list. Such a table
// has a header row naming its columns, then rows that each give one name of
// an entity and repeat or add to its other facts; rows are grouped into
// entities by a key column (Group ID, Reference).

// sheetColumns locates the columns of a table by their header names.
type sheetColumns struct {
	names []string // the header of each column, as the publisher spells it
	at    []int    // the cell index of each column, -1 while absent
}

// newSheetColumns returns the columns of a table whose header names them
// names, none located yet.
func newSheetColumns(names []string) sheetColumns {
	c := sheetColumns{names: names, at: make([]int, len(names))}
	for i := range c.at {
		c.at[i] = -1
	}
	return c
}

// locate reads the header row of the table: each column is found by name,
// whatever its case or surrounding spaces, in the first cell that names it.
// Spelling variants and absent columns are noted in tol at pos. A required
// column that is absent is a *ParseError wrapping [ErrMissingField] at line.
func (c *sheetColumns) locate(cells []string, required []int, tol *tolerances, source string, line int, pos string) error {
	for i, h := range cells {
		name := CleanText(h)
		for col, want := range c.names {
			if !strings.EqualFold(name, want) || c.at[col] >= 0 {
				continue
			}
			c.at[col] = i
			if h != want {
				tol.note("header cell spelled with other case or spaces", pos)
			}
		}
	}
	for _, col := range required {
		if c.at[col] < 0 {
			return &ParseError{Source: source, Line: line, Field: c.names[col],
				Err: fmt.Errorf("%w: column %q not in the header", ErrMissingField, c.names[col])}
		}
	}
	for col, i := range c.at {
		if i < 0 {
			tol.note("column absent from the header: "+c.names[col], pos)
		}
	}
	return nil
}

// raw returns column col of a row as written; "" when the column is absent
// or the row is short.
func (c *sheetColumns) raw(cells []string, col int) string {
	i := c.at[col]
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// cell returns column col of a row, cleaned with CleanText.
func (c *sheetColumns) cell(cells []string, col int) string {
	return cleaned(c.raw(cells, col))
}

// skipRow prepares a row for reading. Cells that are not valid UTF-8 (a
// Latin-1 export) are re-decoded in place as Windows-1252, each noted in tol
// at pos. It reports whether the row is blank, every cell empty or white
// space, and so to be skipped; that is noted too.
func skipRow(cells []string, tol *tolerances, pos string) bool {
	blank := true
	for i, c := range cells {
		if !utf8.ValidString(c) {
			if s, err := charmap.Windows1252.NewDecoder().String(c); err == nil {
				cells[i] = s
			} else {
				cells[i] = strings.ToValidUTF8(c, "\uFFFD")
			}
			tol.note("Latin-1 (Windows-1252) bytes, converted to UTF-8", pos)
		}
		if blank && strings.TrimSpace(cells[i]) != "" {
			blank = false
		}
	}
	if blank {
		tol.note("blank row skipped", pos)
	}
	return blank
}

// tableEnd returns the error of a table that ended before its header row
// or without any entity (both wrap [ErrEmpty]), and nil for one that has
// entities.
func tableEnd(source string, seenHeader bool, entities int) error {
	if !seenHeader {
		return &ParseError{Source: source, Err: fmt.Errorf("%w: no header row", ErrEmpty)}
	}
	if entities == 0 {
		return &ParseError{Source: source, Err: ErrEmpty}
	}
	return nil
}

// nameGroup accumulates the rows of one entity.
type nameGroup struct {
	ent        Entity
	hasPrimary bool     // a row gave the primary name
	remarks    []string // texts kept whole
	notes      []string // values that could not be used ("DOB: 31/02/1990"), after the texts
}

// nameKindRank orders name kinds by strength: a name seen both as an alias
// and as the primary name is the primary name.
var nameKindRank = [...]int{NamePrimary: 0, NameAlias: 1, NameFormerly: 2, NameWeakAlias: 3}

// addName adds a name to the entity unless it has the same text already
// (compared case-insensitively after CleanText); a repeated name keeps the
// stronger kind and gains a given/family split it lacked.
func (g *nameGroup) addName(full, given, family string, kind NameKind) {
	full = CleanText(full)
	if full == "" {
		return
	}
	e := &g.ent
	for i := range e.Names {
		n := &e.Names[i]
		if !strings.EqualFold(n.Full, full) {
			continue
		}
		if nameKindRank[kind] < nameKindRank[n.Kind] {
			n.Kind = kind
		}
		if n.Given == "" && n.Family == "" {
			n.Given, n.Family = given, family
		}
		return
	}
	e.Names = append(e.Names, Name{Full: full, Given: given, Family: family, Kind: kind, Script: DetectScript(full)})
}

// entity returns the finished entity: a group without a primary name row
// has its first name made primary (noted in tol as noPrimary), primary
// names come first, and Remarks holds the texts and then the notes, one a
// line.
func (g *nameGroup) entity(tol *tolerances, noPrimary string) Entity {
	e := g.ent
	if !g.hasPrimary && len(e.Names) > 0 {
		tol.note(noPrimary, e.ID)
		e.Names[0].Kind = NamePrimary
	}
	sort.SliceStable(e.Names, func(i, j int) bool {
		return e.Names[i].Kind == NamePrimary && e.Names[j].Kind != NamePrimary
	})
	e.Remarks = strings.Join(append(g.remarks, g.notes...), "\n")
	return e
}

// earlier reports whether partial date a is before b, comparing their known
// parts in order: 1990 is before 1990-05.
func earlier(a, b PartialDate) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
