package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const targetsFixtures = "../testdata/lists/targets-simple-csv"

func TestParseTargetsCSVFixture(t *testing.T) {
	l, b := parseFileWith(t, ParseTargetsCSV, filepath.Join(targetsFixtures, "targets.simple.csv"))
	sum := sha256.Sum256(b)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s, want the digest of the file", l.SHA256)
	}
	if l.Source != SourceOpenSanctions || l.Format != FormatTargetsCSV {
		t.Errorf("source %s format %s", l.Source, l.Format)
	}
	if want := time.Date(2026, 3, 13, 5, 41, 1, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published %v, want the newest last_seen %v", l.Published, want)
	}
	if len(l.Entities) != 4 {
		t.Fatalf("%d entities, want 4", len(l.Entities))
	}
	for _, kind := range []string{"UTF-8 byte-order mark", "invalid UTF-8 read as Windows-1252", "blank row",
		"repeated id, later row skipped", "sanctions text wrapped in an extra pair of quotes"} {
		if !hasTolerated(l, kind) {
			t.Errorf("Tolerated lacks %q: %q", kind, l.Tolerated)
		}
	}
	sameEntity(t, &l.Entities[0], &Entity{
		ID: "opensanctions:ex-p1", Source: SourceOpenSanctions, Type: TypePerson,
		Names: []Name{
			{Full: "EXAMPLOV Ivan Petrovich", Kind: NamePrimary, Script: "Latn"},
			{Full: "ЭКЗАМПЛОВ Иван Петрович", Kind: NameAlias, Script: "Cyrl"},
			{Full: "Ivan Examplov", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1961, Month: 4, Day: 12}}, {Date: PartialDate{Year: 1961}}},
		Nationalities: []string{"RU", "CY"},
		Identifiers: []Identifier{
			{Type: IDOther, Number: "7712345678901"},
			{Type: IDPhone, Number: "+7 495 000 00 00"},
			{Type: IDEmail, Number: "ivan@example.invalid"},
		},
		Programs: []string{"EX-REGIME", "EX-OTHER"},
		ListedOn: PartialDate{Year: 2025, Month: 10, Day: 6},
		Remarks:  "Supports the example regime; described as \"the example man\".\nDataset: Example Sanctions",
	})
	sameEntity(t, &l.Entities[1], &Entity{
		ID: "opensanctions:ex-c1", Source: SourceOpenSanctions, Type: TypeOrganization,
		Names:       []Name{{Full: "Example Shipping LLC", Kind: NamePrimary, Script: "Latn"}},
		Addresses:   []Address{{Full: "Office 5, Example Tower, Limassol"}, {Country: "HK"}, {Country: "CY"}},
		Identifiers: []Identifier{{Type: IDIMO, Number: "6000001", Label: "IMO"}},
		ListedOn:    PartialDate{Year: 2025, Month: 10, Day: 6},
		Remarks:     "Dataset: Example Sanctions",
	})
	sameEntity(t, &l.Entities[2], &Entity{
		ID: "opensanctions:ex-v1", Source: SourceOpenSanctions, Type: TypeVessel,
		Names: []Name{
			{Full: "EXAMPLE STAR", Kind: NamePrimary, Script: "Latn"},
			{Full: "Star of Example", Kind: NameAlias, Script: "Latn"},
			{Full: "Old Example", Kind: NameAlias, Script: "Latn"},
		},
		Addresses: []Address{{Country: "PA"}, {Country: "KM"}},
		Identifiers: []Identifier{
			{Type: IDOther, Number: "273000001"},
			{Type: IDIMO, Number: "9000001", Label: "IMO"},
			{Type: IDOther, Number: "UBXX1"},
		},
		Programs: []string{"EX-MARE"},
		ListedOn: PartialDate{Year: 2025, Month: 10, Day: 7},
		Remarks:  "Dataset: Example Sanctions",
	})
	le := l.Entities[3]
	if le.Type != TypeOrganization || le.Addresses[0].Full != "141321, Example region, Exampléton, 1" ||
		le.Remarks != "Plain sanctions text without extra quotes.\nDataset: Example Sanctions" {
		t.Errorf("LegalEntity %+v", le)
	}
}

func TestParseTargetsCSV15Columns(t *testing.T) {
	l, _ := parseFileWith(t, ParseTargetsCSV, filepath.Join(targetsFixtures, "targets_15_columns.csv"))
	if len(l.Entities) != 2 {
		t.Fatalf("%d entities, want 2", len(l.Entities))
	}
	a, u := l.Entities[0], l.Entities[1]
	if a.Type != TypeAircraft || len(a.Programs) != 0 ||
		!reflect.DeepEqual(a.Identifiers, []Identifier{{Type: IDOther, Number: "EP-XMP"}}) ||
		!reflect.DeepEqual(a.Addresses, []Address{{Country: "IR"}}) {
		t.Errorf("airplane %+v", a)
	}
	if u.Type != TypeUnknown || u.PrimaryName() != "Unknown Thing" {
		t.Errorf("unknown schema %+v", u)
	}
	for _, kind := range []string{"unknown column extra ignored", "schema Thing is not a target type, type unknown"} {
		if !hasTolerated(l, kind) {
			t.Errorf("Tolerated lacks %q: %q", kind, l.Tolerated)
		}
	}
	if want := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published %v, want %v", l.Published, want)
	}
}

func TestParseTargetsCSVErrors(t *testing.T) {
	file := func(name string) string {
		b, err := os.ReadFile(filepath.Join(targetsFixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name  string
		input string
		want  error
		line  int
		field string
	}{
		{"empty input", "", ErrEmpty, 0, ""},
		{"header only", "id,schema,name\n", ErrEmpty, 0, ""},
		{"bare quote", file("bad_quote.csv"), ErrSyntax, 3, ""},
		{"missing name", file("missing_name.csv"), ErrMissingField, 3, "name"},
		{"missing id", "id,schema,name\n,Person,Ann Example\n", ErrMissingField, 2, "id"},
		{"no schema column", file("no_schema_column.csv"), ErrMissingField, 1, "schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTargetsCSV(strings.NewReader(tt.input))
			checkParseError(t, err, tt.want, tt.line, tt.field)
		})
	}
}

func TestParseTargetsCSVReal(t *testing.T) {
	l, b := parseFileWith(t, ParseTargetsCSV, sharedList(t, "opensanctions/ua_war_sanctions.targets.simple.csv"))
	// Count the schemata independently of the parser.
	cr := csv.NewReader(bytes.NewReader(b))
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	schemata := map[string]int{}
	for _, r := range rows[1:] {
		schemata[r[1]]++
	}
	if want := map[string]int{"Person": 1543, "Company": 1524, "Vessel": 1340, "LegalEntity": 1193}; !reflect.DeepEqual(schemata, want) {
		t.Fatalf("file schemata %v, PROVENANCE says %v", schemata, want)
	}
	if len(l.Entities) != 5600 {
		t.Errorf("%d entities, want 5,600", len(l.Entities))
	}
	types := map[EntityType]int{}
	for _, e := range l.Entities {
		types[e.Type]++
	}
	if want := map[EntityType]int{TypePerson: 1543, TypeOrganization: 1524 + 1193, TypeVessel: 1340}; !reflect.DeepEqual(types, want) {
		t.Errorf("types %v, want %v", types, want)
	}
	if want := time.Date(2026, 3, 13, 5, 41, 1, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published %v, want the newest last_seen %v", l.Published, want)
	}
	if !strings.HasPrefix(l.SHA256, "3fdf94b59ebfdae5") {
		t.Errorf("SHA256 %s", l.SHA256)
	}
	sameEntity(t, entityWithID(t, l, "opensanctions:NK-cUXBFEoUbLePdTehEuZMt9"), &Entity{
		ID: "opensanctions:NK-cUXBFEoUbLePdTehEuZMt9", Source: SourceOpenSanctions, Type: TypeVessel,
		Names:     []Name{{Full: "GRACEFUL", Kind: NamePrimary, Script: "Latn"}},
		Addresses: []Address{{Country: "RU"}, {Country: "VG"}},
		Identifiers: []Identifier{
			{Type: IDOther, Number: "273294110"},
			{Type: IDIMO, Number: "1011551", Label: "IMO"},
			{Type: IDOther, Number: "UBGV8"},
		},
		Programs: []string{"UA-WS-MARE"},
		ListedOn: PartialDate{Year: 2025, Month: 10, Day: 6},
		Remarks:  "Dataset: Ukraine War and Sanctions",
	})
	k := entityWithID(t, l, "opensanctions:NK-cUorc2Yxr3zyNdAoJ9sa2C")
	wantNames := []Name{
		{Full: "KOZLOVSKY Maxim Sergeevich", Kind: NamePrimary, Script: "Latn"},
		{Full: "КОЗЛОВСКИЙ Максим Сергеевич", Kind: NameAlias, Script: "Cyrl"},
		{Full: "КОЗЛОВСЬКИЙ Максим Сергійович", Kind: NameAlias, Script: "Cyrl"},
	}
	if !reflect.DeepEqual(k.Names, wantNames) || k.Type != TypePerson ||
		!reflect.DeepEqual(k.BirthDates, []Birthdate{{Date: PartialDate{Year: 1980, Month: 3, Day: 29}}}) ||
		!reflect.DeepEqual(k.Nationalities, []string{"RU", "UA"}) ||
		!reflect.DeepEqual(k.Identifiers, []Identifier{{Type: IDOther, Number: "614328847800"}}) ||
		!reflect.DeepEqual(k.Programs, []string{"UA-WS-KIDNAPPERS"}) ||
		!strings.HasPrefix(k.Remarks, "As a representative of the Kremlin's occupation authority") ||
		!strings.Contains(k.Remarks, `the "integration" of children`) {
		t.Errorf("KOZLOVSKY: %+v", k)
	}
}

func FuzzParseTargetsCSV(f *testing.F) {
	addFixtureSeeds(f, filepath.Join(targetsFixtures, "*.csv"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseTargetsCSV(bytes.NewReader(b))
		checkFuzzResult(t, l, err, "opensanctions:")
	})
}

func ExampleParseTargetsCSV() {
	const file = `id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change
ex-v1,Vessel,EXAMPLE STAR,Star of Example,,pa,,IMO9000001;UBXX1,,,,EX-MARE,Example Sanctions,2025-10-07T00:00:00,2026-03-11T05:41:01,
ex-p1,Person,EXAMPLOV Ivan,ЭКЗАМПЛОВ Иван,1961,ru,,,,,,EX-REGIME,Example Sanctions,2025-10-06T14:15:21,2026-03-13T05:41:01,
`
	l, err := ParseTargetsCSV(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range l.Entities {
		fmt.Println(e.ID, e.Type, e.PrimaryName(), "+", len(e.Names)-1, "alias")
		for _, id := range e.Identifiers {
			fmt.Println("  identifier", id.Type, id.Number)
		}
		for _, a := range e.Addresses {
			fmt.Println("  country", a.Country)
		}
		fmt.Println("  nationalities", e.Nationalities, "programs", e.Programs)
	}
	fmt.Println(l.Published)
	// Output:
	// opensanctions:ex-v1 vessel EXAMPLE STAR + 1 alias
	//   identifier imo 9000001
	//   identifier other UBXX1
	//   country PA
	//   nationalities [] programs [EX-MARE]
	// opensanctions:ex-p1 person EXAMPLOV Ivan + 1 alias
	//   nationalities [RU] programs [EX-REGIME]
	// 2026-03-13 05:41:01 +0000 UTC
}
