package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const cslFixtures = "../testdata/lists/us-csl-csv"

// parseFileWith opens path and parses it with parse, returning the list and
// the file's bytes.
func parseFileWith(t testing.TB, parse func(io.Reader) (*List, error), path string) (*List, []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return l, b
}

// entityWithID finds an entity by ID or fails the test.
func entityWithID(t testing.TB, l *List, id string) *Entity {
	t.Helper()
	for i := range l.Entities {
		if l.Entities[i].ID == id {
			return &l.Entities[i]
		}
	}
	t.Fatalf("no entity %s", id)
	return nil
}

// sameEntity fails the test with both entities as JSON when they differ.
func sameEntity(t testing.TB, got, want *Entity) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("entity %s differs\n got: %s\nwant: %s", want.ID, g, w)
	}
}

// hasTolerated reports whether a List.Tolerated line starts with kind.
func hasTolerated(l *List, kind string) bool {
	for _, s := range l.Tolerated {
		if strings.HasPrefix(s, kind+":") {
			return true
		}
	}
	return false
}

// checkParseError checks that err is a *ParseError wrapping want at line
// (when line > 0) and field (when field != "").
func checkParseError(t testing.TB, err, want error, line int, field string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("error %v, want %v", err, want)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *ParseError", err)
	}
	if line > 0 && pe.Line != line {
		t.Errorf("line %d, want %d (%v)", pe.Line, line, err)
	}
	if field != "" && pe.Field != field {
		t.Errorf("field %q, want %q (%v)", pe.Field, field, err)
	}
}

func TestParseUSCSLCSVFixture(t *testing.T) {
	l, b := parseFileWith(t, ParseUSCSLCSV, filepath.Join(cslFixtures, "consolidated_sample.csv"))
	sum := sha256.Sum256(b)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s, want the digest of the file", l.SHA256)
	}
	if l.Source != SourceUSCSL || l.Format != FormatUSCSLCSV || !l.Published.IsZero() {
		t.Errorf("source %s format %s published %v", l.Source, l.Format, l.Published)
	}
	if len(l.Entities) != 6 {
		t.Fatalf("%d entities, want 6 (7 rows, one merged; a blank row)", len(l.Entities))
	}
	for _, kind := range []string{
		"UTF-8 byte-order mark", "blank row", "invalid UTF-8 read as Windows-1252",
		"row repeats the _id of an earlier row (other sub-list), merged",
		"leading, trailing or repeated spaces in name",
		"empty type, inferred as organization", "empty type, inferred as unknown",
	} {
		if !hasTolerated(l, kind) {
			t.Errorf("Tolerated lacks %q: %q", kind, l.Tolerated)
		}
	}

	sameEntity(t, entityWithID(t, l, "us-csl:90001"), &Entity{
		ID: "us-csl:90001", Source: SourceUSCSL, Type: TypePerson,
		Names: []Name{
			{Full: "Ivan Petrovich EXAMPLOV", Given: "Ivan Petrovich", Family: "EXAMPLOV", Kind: NamePrimary, Script: "Latn"},
			{Full: "Ivan EKZAMPLOV", Given: "Ivan", Family: "EKZAMPLOV", Kind: NameAlias, Script: "Latn"},
			{Full: "Jean EXAMPLOFF Jr.", Given: "Jean", Family: "EXAMPLOFF", Kind: NameAlias, Script: "Latn"},
			{Full: "THE EXAMPLE MAN", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1961, Month: 4, Day: 12}},
			{Date: PartialDate{Year: 1960}, Circa: true},
			{Date: PartialDate{Year: 1958}, To: PartialDate{Year: 1962}},
		},
		BirthPlaces:   []string{"Tulé, Russia"},
		Nationalities: []string{"RU", "CY"},
		Citizenships:  []string{"RU"},
		Gender:        "male",
		Addresses: []Address{
			{Full: "Ulitsa Primerov 1, Moscow, 101000, RU", Country: "RU"},
			{Full: "Dubai, AE", Country: "AE"},
		},
		Identifiers: []Identifier{
			{Type: IDPassport, Number: "7100001", Country: "RU", Label: "Passport", Note: "dates 2018-01-16, 2013-01-17"},
			{Type: IDTaxID, Number: "771234567890", Country: "RU", Label: "Tax ID No."},
		},
		Programs: []string{"CSL:SDN", "SDGT", "IFSR"},
		Titles:   []string{"Director of Example Trading"},
		ListedOn: PartialDate{Year: 2019, Month: 2, Day: 1},
		Remarks: "Additional Sanctions Information: Subject to Secondary Sanctions\n" +
			"Organization Established Date: 16 Jan 2017\n" +
			"Sub-list: Specially Designated Nationals (SDN) - Treasury Department",
	})

	// The same _id on SDN and SSI: one entity with both sub-lists.
	sameEntity(t, entityWithID(t, l, "us-csl:90002"), &Entity{
		ID: "us-csl:90002", Source: SourceUSCSL, Type: TypeOrganization,
		Names: []Name{
			{Full: "EXAMPLE SHIPPING LLC", Kind: NamePrimary, Script: "Latn"},
			{Full: "OOO EKZAMPL SHIPPING", Kind: NameAlias, Script: "Latn"},
			{Full: "EXAMPLE SHIPPING LIMITED", Kind: NameAlias, Script: "Latn"},
		},
		Addresses: []Address{{Full: "Office 5, Example Tower, Limassol, 3035, CY", Country: "CY"}},
		Identifiers: []Identifier{
			{Type: IDRegistration, Number: "C123456", Country: "CY", Label: "Registration Number"},
			{Type: IDWebsite, Number: "www.example-shipping.invalid", Label: "Website"},
			{Type: IDSWIFT, Number: "EXAMCY2L", Label: "SWIFT/BIC"},
			{Type: IDCrypto, Number: "1ExampleBitcoinAddressXXXXXXXXXXXX", Label: "Digital Currency Address - XBT"},
		},
		Programs: []string{"CSL:SDN", "CSL:SSI", "RUSSIA-EO14024", "UKRAINE-EO13662"},
		Remarks: "(Linked To: EXAMPLOV, Ivan Petrovich) Second line of remarks.\n" +
			"Sub-list: Specially Designated Nationals (SDN) - Treasury Department\n" +
			"Executive Order 13662 Directive Determination: Subject to Directive 2\n" +
			"Sub-list: Sectoral Sanctions Identifications List (SSI) - Treasury Department",
	})

	sameEntity(t, entityWithID(t, l, "us-csl:90003"), &Entity{
		ID: "us-csl:90003", Source: SourceUSCSL, Type: TypeVessel,
		Names: []Name{{Full: "EXAMPLE STAR", Kind: NamePrimary, Script: "Latn"}},
		Identifiers: []Identifier{
			{Type: IDIMO, Number: "9000001", Label: "Vessel Registration Identification"},
			{Type: IDMMSI, Number: "355000001", Label: "MMSI"},
			{Type: IDCallSign, Number: "HOXX1", Label: "Call Sign"},
		},
		Programs: []string{"CSL:SDN", "DPRK4"},
		Remarks: "Vessel type: General Cargo; flag: Panama; gross registered tonnage: 2500\n" +
			"Sub-list: Specially Designated Nationals (SDN) - Treasury Department",
	})

	air := entityWithID(t, l, "us-csl:90004")
	if air.Type != TypeAircraft || len(air.Identifiers) != 1 || air.Identifiers[0].Type != IDAircraft ||
		air.Identifiers[0].Number != "999" || !strings.HasPrefix(air.Remarks, "Aircraft Model: A300B4-605R\n") {
		t.Errorf("aircraft: %+v", air)
	}
	el := entityWithID(t, l, "us-csl:c0ffee0000000000000000000000000000000001")
	if el.Type != TypeOrganization || el.Programs[0] != "CSL:EL" || el.ListedOn.String() != "2020-05-22" ||
		!strings.Contains(el.Remarks, "License policy: Presumption of denial.") {
		t.Errorf("Entity List row: %+v", el)
	}
	dpl := entityWithID(t, l, "us-csl:c0ffee0000000000000000000000000000000002")
	if dpl.Type != TypeUnknown || dpl.PrimaryName() != "J. EXAMPLE" || dpl.Programs[0] != "CSL:DPL" ||
		!strings.Contains(dpl.Remarks, "End date: 2031-02-03") {
		t.Errorf("Denied Persons row: %+v", dpl)
	}
}

func TestParseUSCSLCSVErrors(t *testing.T) {
	file := func(name string) string {
		b, err := os.ReadFile(filepath.Join(cslFixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	header := strings.SplitN(file("header_only.csv"), "\n", 2)[0]
	tests := []struct {
		name  string
		input string
		want  error
		line  int
		field string
	}{
		{"empty input", "", ErrEmpty, 0, ""},
		{"header only", file("header_only.csv"), ErrEmpty, 0, ""},
		{"bare quote", file("bad_quote.csv"), ErrSyntax, 3, ""},
		{"missing _id", file("missing_id.csv"), ErrMissingField, 3, "_id"},
		{"no name column", file("no_name_column.csv"), ErrMissingField, 1, "name"},
		{"empty name", header + "\n1,SDN,,,,,,,,,,,,,,,,,,,,,,,,,,,\n  2,SDN,,,,\"  \",,,,,,,,,,,,,,,,,,,,,,,\n", ErrMissingField, 2, "name"},
		{"unclosed quote at the end", header + "\n1,SDN,,,,\"NAME\n", ErrSyntax, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseUSCSLCSV(strings.NewReader(tt.input))
			checkParseError(t, err, tt.want, tt.line, tt.field)
		})
	}
}

func TestParseUSCSLCSVReal(t *testing.T) {
	path := sharedList(t, "us_csl/consolidated.csv")
	l, b := parseFileWith(t, ParseUSCSLCSV, path)

	// Count rows and sources independently of the parser.
	cr := csv.NewReader(bytes.NewReader(b))
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rows) - 1; n != 14160 {
		t.Fatalf("file has %d rows, PROVENANCE says 14,160", n)
	}
	// 183 rows share 71 _ids (one party on SDN, SSI, CAP...): 112 are merged.
	if len(l.Entities) != 14160-112 {
		t.Errorf("%d entities, want 14,048 (14,160 rows less 112 merged)", len(l.Entities))
	}
	if !hasTolerated(l, "row repeats the _id of an earlier row (other sub-list), merged") ||
		!strings.Contains(strings.Join(l.Tolerated, "\n"), "merged: 112 times") {
		t.Errorf("Tolerated does not report 112 merged rows: %q", l.Tolerated)
	}
	// Per sub-list, as PROVENANCE counts rows; CAP lists BANK OF KUNLUN
	// (15268) twice, so it has 52 entities for 53 rows.
	want := map[string]int{
		"CSL:SDN": 10026, "CSL:EL": 2001, "CSL:DTC": 727, "CSL:DPL": 462, "CSL:SSI": 290,
		"CSL:UVL": 201, "CSL:ISN": 163, "CSL:PLC": 78, "CSL:MEU": 71, "CSL:CMIC": 68,
		"CSL:CAP": 52, "CSL:NS-MBS": 17, "CSL:FSE": 3,
	}
	got := map[string]int{}
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.Programs[0], "CSL:") {
			t.Fatalf("%s: Programs do not start with the sub-list: %q", e.ID, e.Programs)
		}
		for _, p := range e.Programs {
			if strings.HasPrefix(p, "CSL:") {
				got[p]++
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entities per sub-list:\n got %v\nwant %v", got, want)
	}
	types := map[EntityType]int{}
	for _, e := range l.Entities {
		types[e.Type]++
	}
	// Individual 5,286 and Entity 4,533 rows less the merged ones; the
	// 3,625 untyped rows are inferred (1,791 organizations) or unknown.
	wantTypes := map[EntityType]int{TypePerson: 5284, TypeOrganization: 6214, TypeVessel: 433,
		TypeAircraft: 283, TypeUnknown: 1834}
	if !reflect.DeepEqual(types, wantTypes) {
		t.Errorf("types %v, want %v", types, wantTypes)
	}
	if !l.Published.IsZero() {
		t.Errorf("Published %v, want zero: the file states no date", l.Published)
	}
	if !strings.HasPrefix(l.SHA256, "80e780b91b7b50e1") {
		t.Errorf("SHA256 %s, PROVENANCE says 80e780b91b7b50e1…", l.SHA256)
	}

	sameEntity(t, entityWithID(t, l, "us-csl:29666"), &Entity{
		ID: "us-csl:29666", Source: SourceUSCSL, Type: TypePerson,
		Names: []Name{{Full: "Miguel Antonio Jose PONENTE PARRA", Given: "Miguel Antonio Jose",
			Family: "PONENTE PARRA", Kind: NamePrimary, Script: "Latn"}},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1975, Month: 2, Day: 5}}},
		BirthPlaces:   []string{"San Felipe, Yaracuy, Venezuela"},
		Nationalities: []string{"VE"},
		Gender:        "male",
		Addresses: []Address{{Country: "VE",
			Full: "Urbanizacion Los Sauces II, Calle 6, Casa N D-19, San Felipe, Yaracuy, 3201, VE"}},
		Identifiers: []Identifier{
			{Type: IDNationalID, Number: "V-12277477", Country: "VE", Label: "Cedula No."},
			{Type: IDPassport, Number: "066562397", Country: "VE", Label: "Passport", Note: "dates 2018-01-16, 2013-01-17"},
		},
		Programs: []string{"CSL:SDN", "VENEZUELA"},
		Remarks:  "Sub-list: Specially Designated Nationals (SDN) - Treasury Department",
	})
	sameEntity(t, entityWithID(t, l, "us-csl:15445"), &Entity{
		ID: "us-csl:15445", Source: SourceUSCSL, Type: TypeAircraft,
		Names: []Name{{Full: "EK-30064", Kind: NamePrimary, Script: "Latn"}},
		Identifiers: []Identifier{{Type: IDAircraft, Number: "464",
			Label: "Aircraft Construction Number (also called L/N or S/N or F/N)"}},
		Programs: []string{"CSL:SDN", "SDGT", "NPWMD", "IFSR"},
		Remarks: "(Linked To: MAHAN AIR)\nAircraft Manufacture Date: 17 May 1988\nAircraft Model: A300B4-605R\n" +
			"Aircraft Operator: MAHAN AIR\nAdditional Sanctions Information: Subject to Secondary Sanctions\n" +
			"Sub-list: Specially Designated Nationals (SDN) - Treasury Department",
	})
	// BANCO VTB AFRICA SA is on CAP, SDN and SSI.
	vtb := entityWithID(t, l, "us-csl:18725")
	if want := []string{"CSL:CAP", "CSL:SDN", "CSL:SSI", "UKRAINE-EO13662", "RUSSIA-EO14024"}; !reflect.DeepEqual(vtb.Programs, want) {
		t.Errorf("18725 programs %q, want %q", vtb.Programs, want)
	}
	// " I. ASH" (leading space) on the Denied Persons List.
	ash := entityWithID(t, l, "us-csl:deb7a1d5743a85c354ca1a2c7f2664e2104b32d7")
	if ash.PrimaryName() != "I. ASH" || ash.ListedOn.String() != "2003-06-19" {
		t.Errorf("I. ASH: %+v", ash)
	}
}

func FuzzParseUSCSLCSV(f *testing.F) {
	addFixtureSeeds(f, filepath.Join(cslFixtures, "*.csv"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseUSCSLCSV(bytes.NewReader(b))
		checkFuzzResult(t, l, err, "us-csl:")
	})
}

// checkFuzzResult checks what any parser must guarantee on any input: a
// positioned error, or a non-empty list of named entities with unique,
// prefixed IDs and a digest.
func checkFuzzResult(t *testing.T, l *List, err error, prefix string) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError", err)
		}
		return
	}
	if len(l.Entities) == 0 || len(l.SHA256) != 64 {
		t.Fatalf("list with %d entities and digest %q", len(l.Entities), l.SHA256)
	}
	seen := make(map[string]bool, len(l.Entities))
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.ID, prefix) || seen[e.ID] {
			t.Fatalf("bad or repeated ID %q", e.ID)
		}
		seen[e.ID] = true
		if e.PrimaryName() == "" {
			t.Fatalf("%s has no name", e.ID)
		}
	}
}

func ExampleParseUSCSLCSV() {
	const file = `_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids
90001,Specially Designated Nationals (SDN) - Treasury Department,90001,Individual,SDGT,"EXAMPLOV, Ivan",,"Moscow, RU",,2019-02-01,,,,,,,,,,,,,"EKZAMPLOV, Ivan",,1961,RU,,,"Male, Gender; RU, 7100001, Passport"
`
	l, err := ParseUSCSLCSV(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := l.Entities[0]
	fmt.Println(e.ID, e.Type, e.PrimaryName(), e.Names[1].Full)
	fmt.Println(e.Programs, e.BirthDates[0], e.Nationalities, e.Gender)
	fmt.Println(e.Identifiers[0].Type, e.Identifiers[0].Number, e.Identifiers[0].Country)
	// Output:
	// us-csl:90001 person Ivan EXAMPLOV Ivan EKZAMPLOV
	// [CSL:SDN SDGT] 1961 [RU] male
	// passport 7100001 RU
}
