package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sheetFixture returns the bytes of a file under testdata/lists/<dir>.
func sheetFixture(t testing.TB, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "lists", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sheetSHA256 is the digest a parser must report for b.
func sheetSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// sheetSameEntity fails the test, showing both sides as JSON, unless got equals want.
func sheetSameEntity(t *testing.T, got, want Entity) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Errorf("entity %s differs\ngot:\n%s\nwant:\n%s", want.ID, g, w)
}

// sheetEntityByID finds an entity or fails the test.
func sheetEntityByID(t *testing.T, l *List, id string) Entity {
	t.Helper()
	for _, e := range l.Entities {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entity %s", id)
	return Entity{}
}

// ukhmtConListWant is what testdata/lists/uk-hmt-csv/conlist.csv (and its
// xlsx twin) holds: four groups whose ten rows are interleaved.
func ukhmtConListWant() []Entity {
	return []Entity{
		{
			ID: "uk-hmt:15890", Source: SourceUKHMT, Type: TypePerson,
			Names: []Name{
				{Full: "Andrei Andreevich ZADACHIN", Given: "Andrei Andreevich", Family: "ZADACHIN", Kind: NamePrimary, Script: "Latn"},
				{Full: "ЗАДАЧИН Андрей Андреевич", Kind: NameAlias, Script: "Cyrl"},
				{Full: "Andrey ZADACHIN", Given: "Andrey", Family: "ZADACHIN", Kind: NameWeakAlias, Script: "Latn"},
			},
			BirthDates:    []Birthdate{{Date: PartialDate{Year: 1990, Month: 8, Day: 22}}},
			BirthPlaces:   []string{"Russia"},
			Nationalities: []string{"RU"},
			Gender:        "male",
			Identifiers:   []Identifier{{Type: IDOther, Number: "RUS1831", Label: "UK Sanctions List Ref"}},
			Programs:      []string{"Russia"},
			Titles:        []string{"Investigator for Particularly Important Cases", "Major of Justice"},
			ListedOn:      PartialDate{Year: 2023, Month: 4, Day: 21},
			Remarks: "(UK Sanctions List Ref):RUS1831. Financial sanctions imposed in addition to an asset freeze: Trust services. " +
				"(UK Statement of Reasons):Major Andrei ZADACHIN is an involved person under the Russia (Sanctions) (EU Exit) Regulations 2019. (Gender):Male",
		},
		{
			ID: "uk-hmt:16636", Source: SourceUKHMT, Type: TypeOrganization,
			Names: []Name{
				{Full: `"ZAPCHAST TRADE" LLP`, Kind: NamePrimary, Script: "Latn"},
				{Full: `"ZAPCHASTRAYD" LLP`, Kind: NameAlias, Script: "Latn"},
				{Full: "ARMTEK KZ LLP", Kind: NameFormerly, Script: "Latn"},
			},
			Addresses: []Address{
				{Street: "BUILDING 258/4, PROSPECT SUYINBAI", City: "ALMATY", PostalCode: "050000", Country: "KZ",
					Full: "BUILDING 258/4, PROSPECT SUYINBAI, ALMATY, 050000, Kazakhstan"},
				{City: "NUR-SULTAN", Country: "KZ", Full: "NUR-SULTAN, Kazakhstan"},
			},
			Identifiers: []Identifier{{Type: IDOther, Number: "RUS2305", Label: "UK Sanctions List Ref"}},
			Programs:    []string{"Russia"},
			ListedOn:    PartialDate{Year: 2024, Month: 11, Day: 7},
			Remarks: `(UK Sanctions List Ref):RUS2305. (UK Statement of Reasons):Zapchasttrade LLP is an “involved person" under the ` +
				`Russia (Sanctions) (EU Exit) Regulations 2019. (Website):https://armtek.kz/ (Type of entity):Limited Liability Partnership ` +
				`(Business Reg No): (1) Kazakhstan BIN - 170440031562`,
		},
		{
			ID: "uk-hmt:7020", Source: SourceUKHMT, Type: TypePerson,
			Names: []Name{
				{Full: "Abu Bakr AL-HAQ", Given: "Abu Bakr", Family: "AL-HAQ", Kind: NamePrimary, Script: "Latn"},
				{Full: "أبو بكر الحق", Kind: NameAlias, Script: "Arab"},
				{Full: "Abu Bakr al HAQ", Given: "Abu Bakr al", Family: "HAQ", Kind: NameAlias, Script: "Latn"},
			},
			BirthDates: []Birthdate{
				{Date: PartialDate{Year: 1961}},
				{Date: PartialDate{Year: 1963, Month: 5}},
				{Date: PartialDate{Year: 1951}},
			},
			BirthPlaces:   []string{"Tall’Afar, Iraq", "Mosul, Iraq"},
			Nationalities: []string{"IQ", "SY"},
			Gender:        "male",
			Addresses:     []Address{{Street: "Al-Rashid Street", City: "Baghdad", Country: "IQ", Full: "Al-Rashid Street, Baghdad, Iraq"}},
			Identifiers: []Identifier{
				{Type: IDPassport, Number: "A-333602", Country: "IQ", Label: "Passport Number", Note: "Iraq number, issued on 4 Jun. 1985"},
				{Type: IDPassport, Number: "M110522", Country: "SY", Label: "Passport Number", Note: "Syrian Arab Republic number"},
				{Type: IDNationalID, Number: "20645897", Country: "IQ", Label: "National Identification Number", Note: "Iraqi national identity card"},
				{Type: IDOther, Number: "AQD0104", Label: "UK Sanctions List Ref"},
				{Type: IDOther, Number: "AQD0105", Label: "UK Sanctions List Ref"},
				{Type: IDOther, Number: "QDi.028", Label: "UN Ref"},
			},
			Programs: []string{"ISIL (Da'esh) and Al-Qaida"},
			Titles:   []string{"Haji", "Mullah"},
			ListedOn: PartialDate{Year: 2001, Month: 10, Day: 6},
			Remarks: "(UK Sanctions List Ref):AQD0104 and AQD0105. (UN Ref):QDi.028. Apprehended in July 2004 and in custody, as at October 2010. " +
				"Review pursuant to Security Council resolution 1822 (2008) was concluded on 22 Jun. 2010. (Gender):Male",
		},
		{
			ID: "uk-hmt:13119", Source: SourceUKHMT, Type: TypeVessel,
			Names: []Name{
				{Full: "CHONG CHON GANG", Kind: NamePrimary, Script: "Latn"},
				{Full: "CHONGCHONGANG", Kind: NameAlias, Script: "Latn"},
			},
			Identifiers: []Identifier{
				{Type: IDOther, Number: "DPR0001", Label: "UK Sanctions List Ref"},
				{Type: IDOther, Number: "KPe.029", Label: "UN Ref"},
				{Type: IDIMO, Number: "7937317", Label: "IMO number"},
			},
			Programs: []string{"Democratic People's Republic of Korea"},
			ListedOn: PartialDate{Year: 2014, Month: 7, Day: 28},
			Remarks: "(UK Sanctions List Ref):DPR0001 (UN Ref):KPe.029 (IMO number):7937317. (Current owners):Chong Chon Gang Shipping Co " +
				"(Flag of ship):North Korea (Type of ship):General Cargo (Tonnage of ship):6700 (Year built):1977",
		},
	}
}

func TestParseUKHMTCSVFixture(t *testing.T) {
	b := sheetFixture(t, "uk-hmt-csv", "conlist.csv")
	l, err := ParseUKHMTCSV(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if l.Source != SourceUKHMT || l.Format != FormatUKHMTCSV {
		t.Errorf("source/format = %s/%s", l.Source, l.Format)
	}
	if want := time.Date(2025, 4, 14, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) || l.Published.Location() != time.UTC {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	if l.SHA256 != sheetSHA256(b) {
		t.Errorf("SHA256 = %s, want %s", l.SHA256, sheetSHA256(b))
	}
	if len(l.Tolerated) != 0 {
		t.Errorf("Tolerated = %q, want none for a clean file", l.Tolerated)
	}
	want := ukhmtConListWant()
	if len(l.Entities) != len(want) {
		t.Fatalf("%d entities, want %d", len(l.Entities), len(want))
	}
	for i := range want {
		sheetSameEntity(t, l.Entities[i], want[i])
	}
}

// TestParseUKHMTCSVDirty covers a BOM, a re-spelled header, a blank record,
// spaces around a Group ID, a lower-case Group Type, an impossible DOB, an
// unknown nationality, an empty Alias Type, an unreadable Listed On, a
// Windows-1252 byte and a group without a Primary name row.
func TestParseUKHMTCSVDirty(t *testing.T) {
	b := sheetFixture(t, "uk-hmt-csv", "dirty.csv")
	l, err := ParseUKHMTCSV(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	wantTol := []string{
		"DOB not understood (kept in remarks): once, first at line 5",
		"Group ID without a Primary name row (first name made primary): once, first at uk-hmt:16636",
		"Group Type with other case or spaces: 2 times, first at line 5",
		"Latin-1 (Windows-1252) bytes, converted to UTF-8: once, first at line 8", // line 6 holds a quoted newline
		"Listed On not understood (kept in remarks): once, first at line 6",
		"Nationality not a known country (kept in remarks): once, first at line 5",
		"UTF-8 byte-order mark: once, first at line 1",
		"blank row skipped: once, first at line 4",
		"empty Alias Type (read as an alias): once, first at line 5",
		"header cell spelled with other case or spaces: 3 times, first at line 2",
		"white space around Group ID: once, first at line 5",
	}
	if !reflect.DeepEqual(l.Tolerated, wantTol) {
		t.Errorf("Tolerated:\n%s\nwant:\n%s", strings.Join(l.Tolerated, "\n"), strings.Join(wantTol, "\n"))
	}
	if len(l.Entities) != 2 {
		t.Fatalf("%d entities, want 2", len(l.Entities))
	}
	zad := sheetEntityByID(t, l, "uk-hmt:15890")
	if got := zad.Names; len(got) != 2 || got[0].Full != "Andrei ZADACHIN" || got[0].Kind != NamePrimary ||
		got[1].Full != "Andrey ZADACHIN" || got[1].Kind != NameAlias {
		t.Errorf("names = %+v", got)
	}
	if !reflect.DeepEqual(zad.BirthDates, []Birthdate{{Date: PartialDate{Year: 1990, Month: 8, Day: 22}}}) {
		t.Errorf("birth dates = %v (31/02/1990 must not become a date)", zad.BirthDates)
	}
	if !strings.Contains(zad.Remarks, "\nDOB: 31/02/1990") || !strings.Contains(zad.Remarks, "\nNationality: Belrus") {
		t.Errorf("remarks lack the unusable values: %q", zad.Remarks)
	}
	mue := sheetEntityByID(t, l, "uk-hmt:16636")
	want := []Name{
		{Full: "MUELLER HANDEL GMBH", Kind: NamePrimary, Script: "Latn"},
		{Full: "MÜLLER HANDEL", Kind: NameWeakAlias, Script: "Latn"},
	}
	if !reflect.DeepEqual(mue.Names, want) {
		t.Errorf("names = %+v, want %+v", mue.Names, want)
	}
	if !strings.Contains(mue.Remarks, "\nListed On: soon") || mue.ListedOn.IsZero() {
		t.Errorf("ListedOn %v, remarks %q: the readable Listed On wins, the other is kept", mue.ListedOn, mue.Remarks)
	}
}

// ukhmtCSV builds a small ConList CSV: the Last Updated record, the header
// and one record per row, each row given as column name → value.
func ukhmtCSV(header []string, rows ...map[string]string) string {
	var b strings.Builder
	b.WriteString("Last Updated,14/04/2025\r\n")
	b.WriteString(strings.Join(header, ",") + "\r\n")
	for _, r := range rows {
		cells := make([]string, len(header))
		for i, h := range header {
			v := r[h]
			if strings.ContainsAny(v, `",`+"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			cells[i] = v
		}
		b.WriteString(strings.Join(cells, ",") + "\r\n")
	}
	return b.String()
}

func ukhmtRow(kv ...string) map[string]string {
	m := map[string]string{"Name 6": "DOE", "Name 1": "John", "Group Type": "Individual", "Alias Type": "Primary name", "Group ID": "1"}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func TestParseUKHMTCSVErrors(t *testing.T) {
	header := ukhmtHeaders[:]
	tests := []struct {
		name    string
		input   string
		want    error
		line    int
		field   string
		fixture string
	}{
		{name: "missing Group ID column", fixture: "missing_group_id.csv", want: ErrMissingField, line: 2, field: "Group ID"},
		{name: "bad quoting", fixture: "bad_quote.csv", want: ErrSyntax, line: 4},
		{name: "empty input", input: "", want: ErrEmpty},
		{name: "header only", input: ukhmtCSV(header), want: ErrEmpty},
		{name: "missing Name 6 column", input: ukhmtCSV([]string{"Name 1", "Group Type", "Alias Type", "Group ID"}, ukhmtRow()),
			want: ErrMissingField, line: 2, field: "Name 6"},
		{name: "empty Group ID", input: ukhmtCSV(header, ukhmtRow(), ukhmtRow("Group ID", " ")),
			want: ErrMissingField, line: 4, field: "Group ID"},
		{name: "Group ID not a number", input: ukhmtCSV(header, ukhmtRow("Group ID", "12a")),
			want: ErrInvalidValue, line: 3, field: "Group ID"},
		{name: "unknown Group Type", input: ukhmtCSV(header, ukhmtRow("Group Type", "Planet")),
			want: ErrInvalidValue, line: 3, field: "Group Type"},
		{name: "empty Group Type", input: ukhmtCSV(header, ukhmtRow("Group Type", "")),
			want: ErrMissingField, line: 3, field: "Group Type"},
		{name: "row without a name", input: ukhmtCSV(header, ukhmtRow("Name 6", "", "Name 1", "")),
			want: ErrMissingField, line: 3, field: "Name 6"},
		{name: "unreadable Last Updated", input: strings.Replace(ukhmtCSV(header, ukhmtRow()), "14/04/2025", "yesterday", 1),
			want: ErrInvalidValue, line: 1, field: "Last Updated"},
		{name: "partial Last Updated", input: strings.Replace(ukhmtCSV(header, ukhmtRow()), "14/04/2025", "04/2025", 1),
			want: ErrInvalidValue, line: 1, field: "Last Updated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.input)
			if tt.fixture != "" {
				in = sheetFixture(t, "uk-hmt-csv", tt.fixture)
			}
			l, err := ParseUKHMTCSV(bytes.NewReader(in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v (list %v), want %v", err, l != nil, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err %T is not a *ParseError", err)
			}
			if pe.Source != "UK-HMT uk-hmt-csv" || pe.Line != tt.line || pe.Field != tt.field {
				t.Errorf("position = %q line %d field %q, want line %d field %q", pe.Source, pe.Line, pe.Field, tt.line, tt.field)
			}
		})
	}
}

// TestParseUKHMTCSVColumnOrder checks that columns are found by name: the
// same rows with the columns reversed give the same entities.
func TestParseUKHMTCSVColumnOrder(t *testing.T) {
	rows := []map[string]string{
		ukhmtRow("Group ID", "9", "DOB", "00/00/1994", "Nationality", "(1) Russia (2) Ukraine"),
		ukhmtRow("Group ID", "10", "Name 6", "ACME", "Name 1", "", "Group Type", "Entity"),
		ukhmtRow("Group ID", "9", "Name 1", "Jon", "Alias Type", "AKA"),
	}
	header := ukhmtHeaders[:]
	reversed := make([]string, len(header))
	for i, h := range header {
		reversed[len(header)-1-i] = h
	}
	a, err := ParseUKHMTCSV(strings.NewReader(ukhmtCSV(header, rows...)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseUKHMTCSV(strings.NewReader(ukhmtCSV(reversed, rows...)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Entities, b.Entities) {
		t.Errorf("column order changed the result:\n%+v\n%+v", a.Entities, b.Entities)
	}
	if got := fmt.Sprintf("%s %v %v %d", a.Entities[0].ID, a.Entities[0].BirthDates, a.Entities[0].Nationalities, len(a.Entities[0].Names)); got != "uk-hmt:9 [1994] [RU UA] 2" {
		t.Errorf("group 9 = %s", got)
	}
}

func FuzzParseUKHMTCSV(f *testing.F) {
	for _, name := range []string{"conlist.csv", "dirty.csv", "missing_group_id.csv", "bad_quote.csv"} {
		f.Add(sheetFixture(f, "uk-hmt-csv", name))
	}
	f.Add([]byte(ukhmtCSV(ukhmtHeaders[:], ukhmtRow("Other Information", "(UK Sanctions List Ref):A1 and B2, (IMO number):12"))))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseUKHMTCSV(bytes.NewReader(b))
		checkSheetParse(t, l, err, "uk-hmt:", b)
	})
}

// checkSheetParse holds what every parse of fuzzed input must satisfy.
func checkSheetParse(t *testing.T, l *List, err error, prefix string, b []byte) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T is not a *ParseError: %v", err, err)
		}
		if l != nil {
			t.Fatal("a list with an error")
		}
		return
	}
	if len(l.Entities) == 0 {
		t.Fatal("no entities without ErrEmpty")
	}
	if l.SHA256 != sheetSHA256(b) {
		t.Fatal("digest does not cover the input")
	}
	seen := map[string]bool{}
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.ID, prefix) || seen[e.ID] {
			t.Fatalf("bad or repeated ID %q", e.ID)
		}
		seen[e.ID] = true
		if len(e.Names) == 0 || e.Names[0].Kind != NamePrimary {
			t.Fatalf("entity %s: names %+v, want a primary name first", e.ID, e.Names)
		}
		for _, b := range e.BirthDates {
			if !b.Date.valid() || (!b.To.IsZero() && !b.To.valid()) {
				t.Fatalf("entity %s: impossible birth date %+v", e.ID, b)
			}
		}
	}
}

// TestParseUKHMTCSVNonASCIIBeforeKeyword is the regression test for a
// panic on text that grows when lower-cased ("Ⱥ" takes two bytes, "ⱥ"
// three): the "now" of a nationality and the " number" of passport details
// were found in strings.ToLower(s) and the index used to cut s.
func TestParseUKHMTCSVNonASCIIBeforeKeyword(t *testing.T) {
	pad := strings.Repeat("Ⱥ", 30)
	in := ukhmtCSV(ukhmtHeaders[:], ukhmtRow("Nationality", pad+" now Ukraine",
		"Passport Number", "X1", "Passport Details", pad+" number, issued 2001"))
	l, err := ParseUKHMTCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	e := l.Entities[0]
	if !reflect.DeepEqual(e.Nationalities, []string{"UA"}) {
		t.Errorf("Nationalities = %q, want [UA]", e.Nationalities)
	}
	want := []Identifier{{Type: IDPassport, Number: "X1", Label: "Passport Number", Note: pad + " number, issued 2001"}}
	if !reflect.DeepEqual(e.Identifiers, want) {
		t.Errorf("Identifiers = %+v, want %+v", e.Identifiers, want)
	}
}
