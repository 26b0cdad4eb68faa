package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const customFixtures = "../testdata/lists/custom-csv"

func TestParseCustomCSVBlocklist(t *testing.T) {
	l, b := parseFileWith(t, ParseCustomCSV, filepath.Join(customFixtures, "blocklist.csv"))
	sum := sha256.Sum256(b)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s, want the digest of the file", l.SHA256)
	}
	if l.Source != SourceCustom || l.Format != FormatCustomCSV || len(l.Tolerated) != 0 {
		t.Errorf("source %s format %s tolerated %q", l.Source, l.Format, l.Tolerated)
	}
	if want := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published %v, want %v", l.Published, want)
	}
	if len(l.Entities) != 6 {
		t.Fatalf("%d entities, want 6", len(l.Entities))
	}
	sameEntity(t, &l.Entities[0], &Entity{
		ID: "custom:bl-0001", Source: SourceCustom, Type: TypePerson,
		Names: []Name{
			{Full: "Jonathan Q. Example", Kind: NamePrimary, Script: "Latn"},
			{Full: "Jon Example", Kind: NameAlias, Script: "Latn"},
			{Full: "J. Q. Example", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1971, Month: 3, Day: 9}}},
		Nationalities: []string{"GB"},
		Addresses:     []Address{{Country: "ES"}},
		Identifiers: []Identifier{
			{Type: IDPassport, Number: "X0000001", Country: "GB"},
			{Type: IDEmail, Number: "jon@example.invalid"},
		},
		Programs: []string{"FRAUD"},
		ListedOn: PartialDate{Year: 2025, Month: 11, Day: 2},
		Remarks:  "Chargeback ring (fictional)",
	})
	sameEntity(t, &l.Entities[1], &Entity{
		ID: "custom:bl-0002", Source: SourceCustom, Type: TypePerson,
		Names: []Name{
			{Full: "Maria Exemplo da Silva", Kind: NamePrimary, Script: "Latn"},
			{Full: "Maria Exemplo", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1980}, Circa: true},
			{Date: PartialDate{Year: 1979}, To: PartialDate{Year: 1981}},
		},
		Nationalities: []string{"BR"},
		Addresses:     []Address{{Country: "BR"}},
		Identifiers:   []Identifier{{Type: IDNationalID, Number: "000.000.000-00", Country: "BR"}},
		Programs:      []string{"AML-REVIEW"},
		ListedOn:      PartialDate{Year: 2025, Month: 12, Day: 15},
		Remarks:       "Structured deposits, account closed (fictional)",
	})
	sameEntity(t, &l.Entities[2], &Entity{
		ID: "custom:bl-0003", Source: SourceCustom, Type: TypeOrganization,
		Names: []Name{
			{Full: "Acme Fictional Holdings Ltd", Kind: NamePrimary, Script: "Latn"},
			{Full: "Acme Fictional", Kind: NameAlias, Script: "Latn"},
			{Full: "AFH Ltd", Kind: NameAlias, Script: "Latn"},
		},
		Addresses: []Address{{Country: "CY"}, {Country: "MT"}},
		Identifiers: []Identifier{
			{Type: IDRegistration, Number: "HE000000", Country: "CY"},
			{Type: IDWebsite, Number: "https://acme-fictional.invalid"},
		},
		Programs: []string{"FRAUD", "SHELL"},
		ListedOn: PartialDate{Year: 2026, Month: 1},
		Remarks:  "Shell company used in invoice fraud (fictional)",
	})
	if v := l.Entities[3]; v.Type != TypeVessel || v.Identifiers[0] != (Identifier{Type: IDIMO, Number: "9999990"}) {
		t.Errorf("vessel %+v", v)
	}
	if p := l.Entities[4]; p.Names[0].Script != "Cyrl" || p.Names[1].Full != "Ivan Primerov" {
		t.Errorf("Cyrillic name %+v", p.Names)
	}
	if a := l.Entities[5]; a.Type != TypeAircraft || a.ListedOn != (PartialDate{Year: 2026}) || a.Remarks != "" {
		t.Errorf("aircraft %+v", a)
	}
}

func TestParseCustomCSVMinimal(t *testing.T) {
	// A byte-order mark, CRLF line ends, a blank line and quotes.
	l, _ := parseFileWith(t, ParseCustomCSV, filepath.Join(customFixtures, "bom_crlf_minimal.csv"))
	if len(l.Entities) != 2 || l.Entities[1].PrimaryName() != `Bob "The Builder" Example` ||
		l.Entities[0].Type != TypeUnknown || !l.Published.IsZero() {
		t.Errorf("entities %+v", l.Entities)
	}
}

func TestParseCustomCSVErrors(t *testing.T) {
	file := func(name string) string {
		b, err := os.ReadFile(filepath.Join(customFixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	row := func(cols, values string) string { return cols + "\n" + values + "\n" }
	tests := []struct {
		name  string
		input string
		want  error
		line  int
		field string
	}{
		{"empty input", "", ErrEmpty, 0, ""},
		{"comments only", "# published: 2026-01-31\n", ErrEmpty, 0, ""},
		{"header only", "id,name\n", ErrEmpty, 0, ""},
		{"unknown column", file("unknown_column.csv"), ErrInvalidValue, 1, "nationalty"},
		{"duplicate column", "id,name,Name\nc-1,A,B\n", ErrInvalidValue, 1, "name"},
		{"empty column name", "id,name,\nc-1,A,\n", ErrInvalidValue, 1, "column 3"},
		{"no id column", "name,type\nAnn,person\n", ErrMissingField, 1, "id"},
		{"no name column", "# published: 2026-01-31\nid,type\nc-1,person\n", ErrMissingField, 2, "name"},
		{"duplicate id", file("duplicate_id.csv"), ErrInvalidValue, 3, "id"},
		{"empty id", row("id,name", " ,Ann"), ErrMissingField, 2, "id"},
		{"id with a space", row("id,name", "c 1,Ann"), ErrInvalidValue, 2, "id"},
		{"id like a comment", "id,name\nc-1,Ann\n# c-2,Bob\n", ErrInvalidValue, 3, "id"},
		{"empty name", row("id,name", "c-1,  "), ErrMissingField, 2, "name"},
		{"unknown type", row("id,name,type", "c-1,Ann,persn"), ErrInvalidValue, 2, "type"},
		{"publisher type word", row("id,name,type", "c-1,Ann,individual"), ErrInvalidValue, 2, "type"},
		{"day-first dob", row("id,name,dob", "c-1,Ann,12/03/1971"), ErrInvalidValue, 2, "dob"},
		{"impossible dob", row("id,name,dob", "c-1,Ann,1971-02-30"), ErrInvalidValue, 2, "dob"},
		{"reversed range", row("id,name,dob", "c-1,Ann,1981..1979"), ErrInvalidValue, 2, "dob"},
		{"unknown nationality", row("id,name,nationality", "c-1,Ann,Atlantis"), ErrInvalidValue, 2, "nationality"},
		{"unknown country", row("id,name,country", "c-1,Ann,GB;XQ"), ErrInvalidValue, 2, "country"},
		{"unknown identifier type", row("id,name,identifiers", "c-1,Ann,passprt:123"), ErrInvalidValue, 2, "identifiers"},
		{"identifier without type", row("id,name,identifiers", "c-1,Ann,123456"), ErrInvalidValue, 2, "identifiers"},
		{"identifier bad country", row("id,name,identifiers", "c-1,Ann,passport:123:QQ"), ErrInvalidValue, 2, "identifiers"},
		{"identifier without number", row("id,name,identifiers", "c-1,Ann,passport: :GB"), ErrInvalidValue, 2, "identifiers"},
		{"bad listed_on", row("id,name,listed_on", "c-1,Ann,31.01.2026"), ErrInvalidValue, 2, "listed_on"},
		{"too few fields", "# a comment\nid,name,type\nc-1,Ann,person\nc-2,Bob\n", ErrSyntax, 4, ""},
		{"bare quote", "id,name\nc-1,Ann \"A\" Example\n", ErrSyntax, 2, ""},
		{"not UTF-8", "id,name\nc-1,Jos\xe9\n", ErrInvalidValue, 2, "name"},
		{"bad published", "# published: 31/01/2026\nid,name\nc-1,Ann\n", ErrInvalidValue, 1, "published"},
		{"published twice", "# published: 2026-01-31\n# published: 2026-02-01\nid,name\nc-1,Ann\n", ErrInvalidValue, 2, "published"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCustomCSV(strings.NewReader(tt.input))
			checkParseError(t, err, tt.want, tt.line, tt.field)
		})
	}
}

func TestParseCustomCSVLineNumbers(t *testing.T) {
	// Comment lines before the header count: the bad row is on line 5.
	in := "# published: 2026-01-31T12:00:00+02:00\n\n# internal list\nid,name,dob\nc-1,Ann,197\n"
	_, err := ParseCustomCSV(strings.NewReader(in))
	checkParseError(t, err, ErrInvalidValue, 5, "dob")

	l, err := ParseCustomCSV(strings.NewReader(strings.Replace(in, ",197\n", ",1970\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 1, 31, 10, 0, 0, 0, time.UTC); !l.Published.Equal(want) || l.Published.Location() != time.UTC {
		t.Errorf("Published %v, want %v in UTC", l.Published, want)
	}
}

func FuzzParseCustomCSV(f *testing.F) {
	addFixtureSeeds(f, filepath.Join(customFixtures, "*.csv"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseCustomCSV(bytes.NewReader(b))
		checkFuzzResult(t, l, err, "custom:")
	})
}

func ExampleParseCustomCSV() {
	const file = `# published: 2026-01-31
id,type,name,aliases,dob,nationality,identifiers,programs
bl-0001,person,Jonathan Q. Example,Jon Example,1971-03;~1970,United Kingdom,passport:X0000001:GB,FRAUD
bl-0003,organization,Acme Fictional Holdings Ltd,,,,registration:HE000000:CY,FRAUD;SHELL
`
	l, err := ParseCustomCSV(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Source, l.Published.Format(time.DateOnly), len(l.Entities))
	for _, e := range l.Entities {
		fmt.Println(e.ID, e.Type, e.PrimaryName(), e.BirthDates, e.Nationalities, e.Identifiers[0].Type, e.Identifiers[0].Country, e.Programs)
	}
	// Output:
	// CUSTOM 2026-01-31 2
	// custom:bl-0001 person Jonathan Q. Example [1971-03 ~1970] [GB] passport GB [FRAUD]
	// custom:bl-0003 organization Acme Fictional Holdings Ltd [] [] registration CY [FRAUD SHELL]
}
