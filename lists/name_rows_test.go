package lists

import (
	"errors"
	"reflect"
	"testing"
)

func TestSheetColumnsLocate(t *testing.T) {
	names := []string{"Reference", "Name", "Type", "Committees"}
	c := newSheetColumns(names)
	var tol tolerances
	cells := []string{"", " name ", "Reference", "REFERENCE", "Type", "Other"}
	if err := c.locate(cells, []int{0, 1}, &tol, "X x", 1, "row 1"); err != nil {
		t.Fatal(err)
	}
	if want := []int{2, 1, 4, -1}; !reflect.DeepEqual(c.at, want) {
		t.Errorf("at = %v, want %v (the first cell naming a column wins)", c.at, want)
	}
	wantTol := []string{
		"column absent from the header: Committees: once, first at row 1",
		"header cell spelled with other case or spaces: once, first at row 1",
	}
	if got := tol.list(); !reflect.DeepEqual(got, wantTol) {
		t.Errorf("Tolerated = %q, want %q", got, wantTol)
	}
	row := []string{"", "  ACME   Ltd ", "7"}
	if got := c.raw(row, 1); got != "  ACME   Ltd " {
		t.Errorf("raw = %q", got)
	}
	if got := c.cell(row, 1); got != "ACME Ltd" {
		t.Errorf("cell = %q", got)
	}
	if got := c.raw(row, 2); got != "" {
		t.Errorf("raw of a column past the row's end = %q", got)
	}
	if got := c.raw(row, 3); got != "" {
		t.Errorf("raw of an absent column = %q", got)
	}

	c = newSheetColumns(names)
	err := c.locate([]string{"Reference", "Type"}, []int{0, 1}, &tol, "X x", 3, "row 3")
	var pe *ParseError
	if !errors.Is(err, ErrMissingField) || !errors.As(err, &pe) || pe.Source != "X x" || pe.Line != 3 || pe.Field != "Name" {
		t.Errorf("missing required column: err = %v", err)
	}
}

func TestSkipRow(t *testing.T) {
	var tol tolerances
	row := []string{"Caf\xe9", "plain"}
	if skipRow(row, &tol, "row 2") {
		t.Error("a row with text skipped")
	}
	if row[0] != "Café" || row[1] != "plain" {
		t.Errorf("cells = %q", row)
	}
	if !skipRow([]string{"", " \t", "\xa0"}, &tol, "row 3") {
		t.Error("a blank row kept") // "\xa0" is a Windows-1252 no-break space
	}
	if skipRow(nil, &tol, "row 4") != true {
		t.Error("an empty row kept")
	}
	want := []string{
		"Latin-1 (Windows-1252) bytes, converted to UTF-8: 2 times, first at row 2",
		"blank row skipped: 2 times, first at row 3",
	}
	if got := tol.list(); !reflect.DeepEqual(got, want) {
		t.Errorf("Tolerated = %q, want %q", got, want)
	}
}

func TestNameGroup(t *testing.T) {
	var g nameGroup
	g.ent.ID = "x:1"
	g.addName("John  DOE", "", "", NameAlias)
	g.addName("Johnny Doe", "", "", NameWeakAlias)
	g.addName("john doe", "John", "DOE", NameFormerly) // weaker: the alias stays, the split is added
	g.addName("JOHN DOE", "", "", NameAlias)
	g.addName(" ", "", "", NamePrimary)
	g.remarks = []string{"text"}
	g.notes = []string{"DOB: 31/02/1990"}
	var tol tolerances
	e := g.entity(&tol, "no primary")
	want := []Name{
		{Full: "John DOE", Given: "John", Family: "DOE", Kind: NamePrimary, Script: "Latn"},
		{Full: "Johnny Doe", Kind: NameWeakAlias, Script: "Latn"},
	}
	if !reflect.DeepEqual(e.Names, want) {
		t.Errorf("names = %+v, want %+v", e.Names, want)
	}
	if e.Remarks != "text\nDOB: 31/02/1990" {
		t.Errorf("remarks = %q", e.Remarks)
	}
	if got := tol.list(); !reflect.DeepEqual(got, []string{"no primary: once, first at x:1"}) {
		t.Errorf("Tolerated = %q", got)
	}

	// A primary name row, seen after an alias of the same text, makes it
	// primary; primary names come first.
	g = nameGroup{hasPrimary: true}
	g.addName("ACME", "", "", NameAlias)
	g.addName("ACME Ltd", "", "", NameAlias)
	g.addName("acme ltd", "", "", NamePrimary)
	e = g.entity(&tol, "no primary")
	if e.Names[0].Full != "ACME Ltd" || e.Names[0].Kind != NamePrimary || e.Names[1].Kind != NameAlias {
		t.Errorf("names = %+v", e.Names)
	}
}

func TestEarlier(t *testing.T) {
	tests := []struct {
		a, b PartialDate
		want bool
	}{
		{PartialDate{Year: 1990}, PartialDate{Year: 1991}, true},
		{PartialDate{Year: 1990}, PartialDate{Year: 1990, Month: 5}, true},
		{PartialDate{Year: 1990, Month: 5, Day: 2}, PartialDate{Year: 1990, Month: 5, Day: 1}, false},
		{PartialDate{Year: 1990, Month: 5}, PartialDate{Year: 1990, Month: 5}, false},
	}
	for _, tt := range tests {
		if got := earlier(tt.a, tt.b); got != tt.want {
			t.Errorf("earlier(%v, %v) = %v", tt.a, tt.b, got)
		}
	}
}

func TestTableEnd(t *testing.T) {
	if err := tableEnd("X x", true, 1); err != nil {
		t.Errorf("a table with entities: %v", err)
	}
	for _, tc := range []struct {
		header bool
		n      int
	}{{false, 0}, {true, 0}} {
		var pe *ParseError
		if err := tableEnd("X x", tc.header, tc.n); !errors.Is(err, ErrEmpty) || !errors.As(err, &pe) || pe.Source != "X x" {
			t.Errorf("header %v, %d entities: err = %v", tc.header, tc.n, err)
		}
	}
}
