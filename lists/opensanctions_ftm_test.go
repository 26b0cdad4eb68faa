package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const ftmFixtures = "../testdata/lists/ftm-json"

func TestParseFtMJSONFixture(t *testing.T) {
	l, b := parseFileWith(t, ParseFtMJSON, filepath.Join(ftmFixtures, "sample.ftm.json"))
	sum := sha256.Sum256(b)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s, want the digest of the file", l.SHA256)
	}
	if l.Source != SourceOpenSanctions || l.Format != FormatFtMJSON {
		t.Errorf("source %s format %s", l.Source, l.Format)
	}
	if want := time.Date(2025, 7, 4, 5, 6, 7, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published %v, want the newest last_seen %v", l.Published, want)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"opensanctions:ex-person-1", "opensanctions:ex-company-1",
		"opensanctions:ex-vessel-1", "opensanctions:ex-plane-1"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("entities %q, want %q", ids, want)
	}
	for _, kind := range []string{
		"UTF-8 byte-order mark", "blank line", "skipped non-target entity of schema Ownership",
		"skipped Passport entity without a target subject or a number",
		"skipped Address entity no target references",
	} {
		if !hasTolerated(l, kind) {
			t.Errorf("Tolerated lacks %q: %q", kind, l.Tolerated)
		}
	}

	// The Sanction comes before the person, the Address after it, and the
	// Passport names the person by a referent id.
	sameEntity(t, &l.Entities[0], &Entity{
		ID: "opensanctions:ex-person-1", Source: SourceOpenSanctions, Type: TypePerson,
		Names: []Name{
			{Full: "Ivan Petrovich Examplov", Given: "Ivan Petrovich", Family: "EXAMPLOV", Kind: NamePrimary, Script: "Latn"},
			{Full: "Ivan EXAMPLOV", Kind: NameAlias, Script: "Latn"},
			{Full: "Иван Петрович ЭКЗАМПЛОВ", Kind: NameAlias, Script: "Cyrl"},
			{Full: "Vanya Examplov", Kind: NameAlias, Script: "Latn"},
			{Full: "Ivan Primerov", Kind: NameFormerly, Script: "Latn"},
			{Full: "The Example", Kind: NameWeakAlias, Script: "Latn"},
		},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1961, Month: 4, Day: 12}}, {Date: PartialDate{Year: 1961}}},
		BirthPlaces:   []string{"Tula, USSR"},
		Nationalities: []string{"RU", "AE"},
		Citizenships:  []string{"CY"},
		Gender:        "male",
		Addresses: []Address{{Street: "Ulitsa Primerov 1", City: "Moscow", PostalCode: "101000", Country: "RU",
			Full: "Ulitsa Primerov 1, Moscow, 101000"}},
		Identifiers: []Identifier{
			{Type: IDPassport, Number: "7100001", Label: "passportNumber"},
			{Type: IDTaxID, Number: "771234567890", Label: "INN"},
			{Type: IDPassport, Number: "7100002", Country: "RU", Label: "Diplomatic passport"},
		},
		Programs: []string{"EX-OWN", "EX-REGIME"},
		Titles:   []string{"Director of Example Trading LLC"},
		ListedOn: PartialDate{Year: 2022, Month: 3, Day: 15},
		Remarks:  "Invented for Sieve's tests.\nTopics: sanction\nDatasets: example_ds",
	})
	sameEntity(t, &l.Entities[1], &Entity{
		ID: "opensanctions:ex-company-1", Source: SourceOpenSanctions, Type: TypeOrganization,
		Names: []Name{
			{Full: "EXAMPLE SHIPPING LLC", Kind: NamePrimary, Script: "Latn"},
			{Full: "ESL", Kind: NameWeakAlias, Script: "Latn"},
		},
		Addresses: []Address{{Street: "Office 5, Example Tower", City: "Limassol", PostalCode: "3035", Country: "CY",
			Full: "Office 5, Example Tower, Limassol, 3035"}},
		Identifiers: []Identifier{
			{Type: IDRegistration, Number: "C123456", Label: "registrationNumber"},
			{Type: IDEmail, Number: "info@example-shipping.invalid", Label: "email"},
			{Type: IDWebsite, Number: "https://example-shipping.invalid", Label: "website"},
		},
		ListedOn: PartialDate{Year: 2024, Month: 2, Day: 1},
		Remarks:  "Ship manager.\nDatasets: example_ds",
	})
	sameEntity(t, &l.Entities[2], &Entity{
		ID: "opensanctions:ex-vessel-1", Source: SourceOpenSanctions, Type: TypeVessel,
		Names: []Name{
			{Full: "EXAMPLE STAR", Kind: NamePrimary, Script: "Latn"},
			{Full: "STAR OF EXAMPLE", Kind: NameFormerly, Script: "Latn"},
		},
		Identifiers: []Identifier{
			{Type: IDIMO, Number: "9000001", Label: "IMO"},
			{Type: IDMMSI, Number: "355000001", Label: "MMSI"},
			{Type: IDCallSign, Number: "HOXX1", Label: "callSign"},
		},
		Remarks: "Flag: PA\nDatasets: example_ds",
	})
	if p := l.Entities[3]; p.Type != TypeAircraft || len(p.Identifiers) != 1 || p.Identifiers[0].Type != IDAircraft {
		t.Errorf("airplane: %+v", p)
	}
}

func TestParseFtMJSONErrors(t *testing.T) {
	file := func(name string) string {
		b, err := os.ReadFile(filepath.Join(ftmFixtures, name))
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
		{"blank lines only", "\n  \n\n", ErrEmpty, 0, ""},
		{"relations only", file("relations_only.ftm.json"), ErrEmpty, 0, ""},
		{"not JSON", "id,schema,name\n", ErrSyntax, 1, ""},
		{"truncated object", file("bad_json.ftm.json"), ErrSyntax, 2, ""},
		{"two objects on a line", `{"id":"a","schema":"Person","properties":{}} {"id":"b"}`, ErrSyntax, 1, ""},
		{"missing id", file("missing_id.ftm.json"), ErrMissingField, 2, "id"},
		{"missing schema", `{"id":"a","properties":{"name":["A"]}}`, ErrMissingField, 1, "schema"},
		{"properties not an object", file("wrong_type.ftm.json"), ErrInvalidValue, 2, "properties"},
		{"numeric last_seen", `{"id":"a","schema":"Person","properties":{},"last_seen":5}`, ErrInvalidValue, 1, "last_seen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFtMJSON(strings.NewReader(tt.input))
			checkParseError(t, err, tt.want, tt.line, tt.field)
		})
	}
}

func TestParseFtMJSONTooLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 64 MiB")
	}
	in := `{"id":"a","schema":"Person","properties":{"name":["A"]}}` + "\n" +
		`{"id":"b","schema":"Person","properties":{"notes":["` + strings.Repeat("x", ftmMaxLine) + `"]}}` + "\n"
	_, err := ParseFtMJSON(strings.NewReader(in))
	checkParseError(t, err, ErrTooLarge, 2, "")
}

func TestParseFtMJSONDirtyValues(t *testing.T) {
	// A bare string, a nested object and a number among the values; a
	// duplicate id; a person without names but with a caption.
	in := `{"id":"a","schema":"Person","caption":"Anna Example","properties":{"birthDate":"1970","nationality":["de",{"id":"x"},7]}}
{"id":"a","schema":"Person","properties":{"name":["Other"]}}
{"id":"b","schema":"Company","caption":"","properties":{}}
`
	l, err := ParseFtMJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entities) != 1 {
		t.Fatalf("%d entities, want 1", len(l.Entities))
	}
	e := l.Entities[0]
	if e.PrimaryName() != "Anna Example" || !reflect.DeepEqual(e.Nationalities, []string{"DE"}) ||
		len(e.BirthDates) != 1 || e.BirthDates[0].Date.Year != 1970 {
		t.Errorf("entity %+v", e)
	}
	for _, kind := range []string{
		"non-string value in property nationality dropped", "duplicate id, later entity skipped",
		"entity without a name property, caption used", "entity without any name skipped",
	} {
		if !hasTolerated(l, kind) {
			t.Errorf("Tolerated lacks %q: %q", kind, l.Tolerated)
		}
	}
}

func TestParseFtMJSONReal(t *testing.T) {
	t.Run("zala cluster", func(t *testing.T) {
		l, _ := parseFileWith(t, ParseFtMJSON, sharedList(t, "opensanctions/zala_cluster.entities.ftm.json"))
		// 91 entities: 41 Sanction, 14 Ownership, 11 Company, 11 Address,
		// 6 Person, 4 Family, 3 Directorship, 1 Passport.
		types := map[EntityType]int{}
		for _, e := range l.Entities {
			types[e.Type]++
		}
		if want := map[EntityType]int{TypeOrganization: 11, TypePerson: 6}; !reflect.DeepEqual(types, want) {
			t.Errorf("types %v, want %v", types, want)
		}
		if want := time.Date(2026, 4, 29, 12, 53, 4, 0, time.UTC); !l.Published.Equal(want) {
			t.Errorf("Published %v, want %v", l.Published, want)
		}
		if !strings.HasPrefix(l.SHA256, "3f718f1328ae368d") {
			t.Errorf("SHA256 %s", l.SHA256)
		}
		want := []string{
			"addressEntity not in the file: 16 times, first at line 1",
			"skipped Passport entity without a target subject or a number: once, first at line 45",
			"skipped non-target entity of schema Directorship: 3 times, first at line 63",
			"skipped non-target entity of schema Family: 4 times, first at line 57",
			"skipped non-target entity of schema Ownership: 14 times, first at line 2",
		}
		if !reflect.DeepEqual(l.Tolerated, want) {
			t.Errorf("Tolerated %q\nwant %q", l.Tolerated, want)
		}
		// Alexander ZAKHAROV: enriched by 17 Sanction entities and an Address.
		z := entityWithID(t, l, "opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw")
		if n := z.Names[0]; n != (Name{Full: "Alexander Vyacheslavovich ZAKHAROV", Given: "Alexander Vyacheslavovich",
			Family: "Zakharov", Kind: NamePrimary, Script: "Latn"}) {
			t.Errorf("primary name %+v", n)
		}
		if len(z.Names) != 12 || z.Type != TypePerson || z.Gender != "male" ||
			!reflect.DeepEqual(z.BirthDates, []Birthdate{{Date: PartialDate{Year: 1965, Month: 9, Day: 21}}}) ||
			!reflect.DeepEqual(z.Nationalities, []string{"RU"}) || !reflect.DeepEqual(z.Citizenships, []string{"RU"}) {
			t.Errorf("ZAKHAROV: %d names, %+v", len(z.Names), z)
		}
		if want := []string{"UA-SA1644", "US-RUSHAR", "NZ-RSA2022", "SECO-UKRAINE", "GB-RUS", "EU-UKR",
			"Council of the European Union", "The Insolvency Service", "La Principauté de Monaco", "Reciprocal"}; !reflect.DeepEqual(z.Programs, want) {
			t.Errorf("programs %q\nwant %q", z.Programs, want)
		}
		if z.ListedOn != (PartialDate{Year: 2023, Month: 7, Day: 1}) {
			t.Errorf("ListedOn %v, want the earliest Sanction startDate 2023-07-01", z.ListedOn)
		}
		wantAddr := []Address{
			{Full: "IZHEVSK, 426008"},
			{Street: "272 Pushkinskaya Street, Apt 41", City: "Izhevsk", PostalCode: "426008", Country: "RU",
				Full: "272 Pushkinskaya Street, Apt 41, Izhevsk, 426008"},
		}
		if !reflect.DeepEqual(z.Addresses, wantAddr) {
			t.Errorf("addresses %+v\nwant %+v", z.Addresses, wantAddr)
		}
		if want := []Identifier{{Type: IDTaxID, Number: "183111242406", Label: "INN"},
			{Type: IDTaxID, Number: "183111242406", Label: "taxNumber"}}; !reflect.DeepEqual(z.Identifiers, want) {
			t.Errorf("identifiers %+v", z.Identifiers)
		}
	})
	t.Run("EU FSF sample", func(t *testing.T) {
		l, _ := parseFileWith(t, ParseFtMJSON, sharedList(t, "opensanctions/eu_fsf_sample.entities.ftm.json"))
		// 7 entities: 4 Person, 2 Organization, 1 Address (referenced by none).
		types := map[EntityType]int{}
		for _, e := range l.Entities {
			types[e.Type]++
		}
		if want := map[EntityType]int{TypeOrganization: 2, TypePerson: 4}; !reflect.DeepEqual(types, want) {
			t.Errorf("types %v, want %v", types, want)
		}
		if want := time.Date(2024, 6, 1, 10, 57, 3, 0, time.UTC); !l.Published.Equal(want) {
			t.Errorf("Published %v, want %v", l.Published, want)
		}
		sameEntity(t, entityWithID(t, l, "opensanctions:NK-2Ka3UvopqbpZmVDFjWd4LA"), &Entity{
			ID: "opensanctions:NK-2Ka3UvopqbpZmVDFjWd4LA", Source: SourceOpenSanctions, Type: TypePerson,
			Names: []Name{
				{Full: "Vitaly Yurievich KUZMENKO", Given: "Vitaly", Family: "KUZMENKO", Kind: NamePrimary, Script: "Latn"},
				{Full: "Vitalij Kuzmenko", Kind: NameAlias, Script: "Latn"},
				{Full: "Виталий Юрьевич КУЗЬМЕНКО", Kind: NameAlias, Script: "Cyrl"},
			},
			BirthDates:    []Birthdate{{Date: PartialDate{Year: 1971, Month: 1, Day: 22}}},
			Nationalities: []string{"RU"},
			Gender:        "male",
			Identifiers:   []Identifier{{Type: IDTaxID, Number: "366510784303", Label: "taxNumber"}},
			Titles:        []string{"General Director of JSC 163 Armor Repair Plant"},
			ListedOn:      PartialDate{Year: 2024, Month: 2, Day: 23},
			Remarks:       "The plant is part of the High Precision Systems holding company of Rostec\nTopics: sanction\nDatasets: eu_fsf",
		})
	})
}

func FuzzParseFtMJSON(f *testing.F) {
	addFixtureSeeds(f, filepath.Join(ftmFixtures, "*.json"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseFtMJSON(bytes.NewReader(b))
		checkFuzzResult(t, l, err, "opensanctions:")
	})
}

func ExampleParseFtMJSON() {
	const file = `{"id":"ex-1","schema":"Person","caption":"Ivan Examplov","properties":{"name":["Ivan Examplov","Иван Экзамплов"],"birthDate":["1961-04"],"nationality":["ru"]},"last_seen":"2025-06-01T10:00:00"}
{"id":"ex-s1","schema":"Sanction","properties":{"entity":["ex-1"],"programId":["EX-REGIME"],"startDate":["2022-03-15"]}}
{"id":"ex-o1","schema":"Ownership","properties":{"owner":["ex-1"],"asset":["ex-2"]}}
`
	l, err := ParseFtMJSON(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := l.Entities[0]
	fmt.Println(e.ID, e.Type, e.Names[0].Full, "/", e.Names[1].Full, e.Names[1].Script)
	fmt.Println(e.BirthDates[0], e.Nationalities, e.Programs, e.ListedOn)
	fmt.Println(l.Published.Format(time.DateOnly), l.Tolerated)
	// Output:
	// opensanctions:ex-1 person Ivan Examplov / Иван Экзамплов Cyrl
	// 1961-04 [RU] [EX-REGIME] 2022-03-15
	// 2025-06-01 [skipped non-target entity of schema Ownership: once, first at line 3]
}
