package lists

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// audfatHeaderRow is DFAT's header row, in the publisher's order.
func audfatHeaderRow() []any {
	r := make([]any, len(audfatHeaders))
	for i, h := range audfatHeaders {
		r[i] = h
	}
	return r
}

// The shared columns of the fixture parties.
var (
	audfatFxAkhund = []any{"a) Approximately 1955- 1958 b) Approximately 1945-1950",
		"Pashmul village, Panjwai District, Kandahar Province, Afghanistan", "Afghanistan", "NA",
		"Title: a) Mullah b) Haji. Belongs to Kakar tribe.",
		"Listed by UN 1267 Committee on 25 January 2001 (amended on 20 December 2005, 9 July 2007)",
		"1988 (Taliban)", sheetSerialDate(41988)}
	audfatFxHaqqani = []any{"a) 1963 b) Between 1964 and 1965",
		"a) Khwaja Malik, Arghandab District, Kandahar Province, Afghanistan b) Kandahar City, Kandahar Province, Afghanistan",
		"Afghan", "na", "Believed to be in Afghanistan/Pakistan border area.",
		"Listed on: 25 Jan. 2001 (amended on 3 Sep. 2003)", "1988 (Taliban) ", sheetSerialDate(43200)}
	audfatFxShabaab = []any{"", "", "", "a) Somalia b) Mogadishu, Somalia", "Al-Shabaab is the military wing of the Somali Council of Islamic Courts.",
		"Listed on 12 Apr. 2010", "751 (Somalia and Eritrea)", sheetSerialDate(45607)}
	audfatFxYoseph = []any{sheetSerialDate(33867), "", "Israeli", "", "", "Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Thematic Sanctions) Amendment (No. 4) Instrument 2024",
		"Autonomous (Thematic - Human Rights)", sheetSerialDate(45498)}
	audfatFxPetrov = []any{"1 Jan. 1960", "Donetsk, Ukraine", "Russian and Ukrainian", "Donetsk, Ukraine", "", "", "Autonomous (Russia)", sheetSerialDate(45000)}
)

// audfatFixtureRow builds one DFAT row: Reference, Name of Individual or
// Entity, Type, Name Type, then rest: Date of Birth, Place of Birth,
// Citizenship, Address, Additional Information, Listing Information,
// Committees, Control Date.
func audfatFixtureRow(ref any, name, typ, nameType string, rest []any) []any {
	return append([]any{ref, name, typ, nameType}, rest...)
}

// audfatXLSXFixtures returns the DFAT fixture workbooks by file name.
func audfatXLSXFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	// consolidated.xlsx: five parties in DFAT's layout, base references as
	// numbers and letter references as text, Control Date and one date of
	// birth stored as Excel dates; the 3b row comes after party 1282.
	consolidated := sheetBuildXLSX(t, sheetTab{"Sheet1", [][]any{
		audfatHeaderRow(),
		audfatFixtureRow(2, "MOHAMMAD HASSAN AKHUND", "Individual", "Primary Name", audfatFxAkhund),
		audfatFixtureRow("2a", "محمد حسن أخوند", "Individual", "Original Script", audfatFxAkhund),
		audfatFixtureRow(3, "Abdul Jalil Haqqani Wali Mohammad", "Individual", "Primary Name", audfatFxHaqqani),
		audfatFixtureRow("3a", "Abdul Jalil Akhund", "Individual", "aka", audfatFxHaqqani),
		audfatFixtureRow("3a1", "عبد الجليل أخوند", "Individual", "aka", audfatFxHaqqani),
		audfatFixtureRow(1282, "Al-Shabaab", "Entity", "Primary Name", audfatFxShabaab),
		audfatFixtureRow("1282a", "Harakat Shabaab al-Mujahidin", "Entity", "aka", audfatFxShabaab),
		audfatFixtureRow("1282b", "Mujahideen Youth Movement", "Entity", "Formerly known as", audfatFxShabaab),
		audfatFixtureRow("3b", "Abdul Jalil Haqqani (previously listed as)", "Individual", "aka", audfatFxHaqqani),
		audfatFixtureRow(7969, "Zvi BAR YOSEPH", "Individual", "Primary Name", audfatFxYoseph),
		audfatFixtureRow("7969a", "Zvi Bar Yosef", "Individual", "aka", audfatFxYoseph),
		audfatFixtureRow(7990, "Ivan PETROV", "Individual", "Primary Name", audfatFxPetrov),
	}})

	// dirty.xlsx: case and trailing spaces in Type and Name Type, blank
	// rows, a reference with a trailing space, alias rows without a primary
	// row, empty Name Type and Type, unreadable dates of birth, an unknown
	// citizenship, a Control Date that is text.
	header := audfatHeaderRow()
	header[auNameType] = "Name Type "
	header[auControlDate] = "control date"
	roe := []any{"a) 1/01/1968 b) 23-Apr-68", "", "Türkiyish", "", "", "", "Autonomous (Russia)", sheetSerialDate(45000)}
	orphan := []any{"", "", "", "", "", "", "Autonomous (Iran)", sheetSerialDate(44000)}
	doe := []any{"10/061962", "", "", "", "", "", "Autonomous (Iran)", "not a date"}
	dirty := sheetBuildXLSX(t, sheetTab{"Sheet1", [][]any{
		header,
		audfatFixtureRow(10, "Jane ROE", "individual ", "Primary Name ", roe),
		{},
		audfatFixtureRow("10a ", "Jane Roe-Smith", "Individual", "Aka ", roe),
		audfatFixtureRow("10b", "J. ROE", "Individual", "AKA", roe),
		{nil, " "},
		audfatFixtureRow("11a", "ORPHAN TRADING LLC", "Entity ", "aka", orphan),
		audfatFixtureRow("11b", "ORPHAN TRADING", "Entity", "", orphan),
		audfatFixtureRow(12, "John DOE", "Individual", "primary name", doe),
		audfatFixtureRow("12a", "Johnny DOE", "Individual", "Previously listed as", doe),
		audfatFixtureRow(13, "NOBODY KNOWN", "", "Primary Name", doe[:7]),
		{},
	}})

	missing := audfatHeaderRow()[1:]
	return map[string][]byte{
		"consolidated.xlsx": consolidated,
		"dirty.xlsx":        dirty,
		"missing_reference.xlsx": sheetBuildXLSX(t, sheetTab{"Sheet1", [][]any{
			missing, audfatFixtureRow(2, "MOHAMMAD HASSAN AKHUND", "Individual", "Primary Name", audfatFxAkhund)[1:],
		}}),
		"bad_reference.xlsx": sheetBuildXLSX(t, sheetTab{"Sheet1", [][]any{
			audfatHeaderRow(),
			audfatFixtureRow(2, "MOHAMMAD HASSAN AKHUND", "Individual", "Primary Name", audfatFxAkhund),
			audfatFixtureRow("x2", "MOHAMMAD HASSAN AKHUND", "Individual", "aka", audfatFxAkhund),
		}}),
		"not_xlsx.xlsx": []byte("Reference,Name of Individual or Entity\n2,MOHAMMAD HASSAN AKHUND\n"),
	}
}

func TestGenerateAUDFATXLSXFixtures(t *testing.T) {
	if !sheetUpdate() {
		t.Skip("run with -update to rewrite testdata/lists/au-dfat-xlsx")
	}
	for name, b := range audfatXLSXFixtures(t) {
		if err := os.WriteFile(filepath.Join("..", "testdata", "lists", "au-dfat-xlsx", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAUDFATXLSXFixturesCurrent(t *testing.T) {
	for name, b := range audfatXLSXFixtures(t) {
		committed := sheetFixture(t, "au-dfat-xlsx", name)
		want, wantErr := ParseAUDFATXLSX(bytes.NewReader(b))
		got, gotErr := ParseAUDFATXLSX(bytes.NewReader(committed))
		if (wantErr == nil) != (gotErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
			t.Errorf("%s: committed file gives %v, tables give %v (regenerate with -update)", name, gotErr, wantErr)
			continue
		}
		if want != nil && (!reflect.DeepEqual(got.Entities, want.Entities) || !reflect.DeepEqual(got.Tolerated, want.Tolerated)) {
			t.Errorf("%s: committed file is stale (regenerate with -update)", name)
		}
	}
}

func TestParseAUDFATXLSXFixture(t *testing.T) {
	b := sheetFixture(t, "au-dfat-xlsx", "consolidated.xlsx")
	l, err := ParseAUDFATXLSX(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if l.Source != SourceAUDFAT || l.Format != FormatAUDFATXLSX || l.SHA256 != sheetSHA256(b) {
		t.Errorf("source/format/digest = %s/%s/%s", l.Source, l.Format, l.SHA256)
	}
	// No date in the file: Published is the newest Control Date (45607).
	if want := time.Date(2024, 11, 11, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	if len(l.Tolerated) != 0 {
		t.Errorf("Tolerated = %q, want none", l.Tolerated)
	}
	want := []Entity{
		{
			ID: "au-dfat:2", Source: SourceAUDFAT, Type: TypePerson,
			Names: []Name{
				{Full: "MOHAMMAD HASSAN AKHUND", Kind: NamePrimary, Script: "Latn"},
				{Full: "محمد حسن أخوند", Kind: NameAlias, Script: "Arab"},
			},
			BirthDates: []Birthdate{
				{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}, Circa: true},
				{Date: PartialDate{Year: 1945}, To: PartialDate{Year: 1950}, Circa: true},
			},
			BirthPlaces:  []string{"Pashmul village, Panjwai District, Kandahar Province, Afghanistan"},
			Citizenships: []string{"AF"},
			Programs:     []string{"1988 (Taliban)"},
			ListedOn:     PartialDate{Year: 2001, Month: 1, Day: 25},
			Remarks: "Title: a) Mullah b) Haji. Belongs to Kakar tribe.\n" +
				"Listed by UN 1267 Committee on 25 January 2001 (amended on 20 December 2005, 9 July 2007)",
		},
		{
			ID: "au-dfat:3", Source: SourceAUDFAT, Type: TypePerson,
			Names: []Name{
				{Full: "Abdul Jalil Haqqani Wali Mohammad", Kind: NamePrimary, Script: "Latn"},
				{Full: "Abdul Jalil Akhund", Kind: NameAlias, Script: "Latn"},
				{Full: "عبد الجليل أخوند", Kind: NameAlias, Script: "Arab"},
				{Full: "Abdul Jalil Haqqani", Kind: NameFormerly, Script: "Latn"},
			},
			BirthDates: []Birthdate{
				{Date: PartialDate{Year: 1963}},
				{Date: PartialDate{Year: 1964}, To: PartialDate{Year: 1965}},
			},
			BirthPlaces: []string{
				"Khwaja Malik, Arghandab District, Kandahar Province, Afghanistan",
				"Kandahar City, Kandahar Province, Afghanistan",
			},
			Citizenships: []string{"AF"},
			Programs:     []string{"1988 (Taliban)"},
			ListedOn:     PartialDate{Year: 2001, Month: 1, Day: 25},
			Remarks:      "Believed to be in Afghanistan/Pakistan border area.\nListed on: 25 Jan. 2001 (amended on 3 Sep. 2003)",
		},
		{
			ID: "au-dfat:1282", Source: SourceAUDFAT, Type: TypeOrganization,
			Names: []Name{
				{Full: "Al-Shabaab", Kind: NamePrimary, Script: "Latn"},
				{Full: "Harakat Shabaab al-Mujahidin", Kind: NameAlias, Script: "Latn"},
				{Full: "Mujahideen Youth Movement", Kind: NameFormerly, Script: "Latn"},
			},
			Addresses: []Address{
				{Country: "SO", Full: "Somalia"},
				{Country: "SO", Full: "Mogadishu, Somalia"},
			},
			Programs: []string{"751 (Somalia and Eritrea)"},
			ListedOn: PartialDate{Year: 2010, Month: 4, Day: 12},
			Remarks:  "Al-Shabaab is the military wing of the Somali Council of Islamic Courts.\nListed on 12 Apr. 2010",
		},
		{
			ID: "au-dfat:7969", Source: SourceAUDFAT, Type: TypePerson,
			Names: []Name{
				{Full: "Zvi BAR YOSEPH", Kind: NamePrimary, Script: "Latn"},
				{Full: "Zvi Bar Yosef", Kind: NameAlias, Script: "Latn"},
			},
			BirthDates:   []Birthdate{{Date: PartialDate{Year: 1992, Month: 9, Day: 20}}},
			Citizenships: []string{"IL"},
			Programs:     []string{"Autonomous (Thematic - Human Rights)"},
			Remarks:      "Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Thematic Sanctions) Amendment (No. 4) Instrument 2024",
		},
		{
			ID: "au-dfat:7990", Source: SourceAUDFAT, Type: TypePerson,
			Names:        []Name{{Full: "Ivan PETROV", Kind: NamePrimary, Script: "Latn"}},
			BirthDates:   []Birthdate{{Date: PartialDate{Year: 1960, Month: 1, Day: 1}}},
			BirthPlaces:  []string{"Donetsk, Ukraine"},
			Citizenships: []string{"RU", "UA"},
			Addresses:    []Address{{Country: "UA", Full: "Donetsk, Ukraine"}},
			Programs:     []string{"Autonomous (Russia)"},
		},
	}
	if len(l.Entities) != len(want) {
		t.Fatalf("%d entities, want %d", len(l.Entities), len(want))
	}
	for i := range want {
		sheetSameEntity(t, l.Entities[i], want[i])
	}
}

func TestParseAUDFATXLSXDirty(t *testing.T) {
	l, err := ParseAUDFATXLSX(bytes.NewReader(sheetFixture(t, "au-dfat-xlsx", "dirty.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	wantTol := []string{
		"Citizenship not a known country (kept in remarks): 3 times, first at row 2",
		"Control Date not a date (ignored): 2 times, first at row 9", // row 11 has no Control Date cell
		"Date of Birth partly not understood (kept in remarks): 6 times, first at row 2",
		"Name Type with other case or trailing spaces: 4 times, first at row 2",
		"Type with other case or trailing spaces: 2 times, first at row 2",
		"blank row skipped: 2 times, first at row 3", // a trailing row without cells is not in the sheet at all
		"empty Name Type (read from the Reference): once, first at row 8",
		"empty Type (the party's other rows decide): once, first at row 11",
		"header cell spelled with other case or spaces: 2 times, first at row 1",
		"party without a Primary Name row (first name made primary): once, first at au-dfat:11",
		"party without a Type (unknown): once, first at au-dfat:13",
		"white space around Reference: once, first at row 4",
	}
	if !reflect.DeepEqual(l.Tolerated, wantTol) {
		t.Errorf("Tolerated:\n%s\nwant:\n%s", strings.Join(l.Tolerated, "\n"), strings.Join(wantTol, "\n"))
	}
	// Published: the newest Control Date that is a date (45000).
	if want := time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	if got := strings.Join(ids, " "); got != "au-dfat:10 au-dfat:11 au-dfat:12 au-dfat:13" {
		t.Fatalf("IDs = %s", got)
	}
	roe := l.Entities[0]
	wantNames := []Name{
		{Full: "Jane ROE", Kind: NamePrimary, Script: "Latn"},
		{Full: "Jane Roe-Smith", Kind: NameAlias, Script: "Latn"},
		{Full: "J. ROE", Kind: NameAlias, Script: "Latn"},
	}
	if roe.Type != TypePerson || !reflect.DeepEqual(roe.Names, wantNames) {
		t.Errorf("party 10 = %v %+v", roe.Type, roe.Names)
	}
	if !reflect.DeepEqual(roe.BirthDates, []Birthdate{{Date: PartialDate{Year: 1968, Month: 1, Day: 1}}}) ||
		!strings.Contains(roe.Remarks, "Date of birth: a) 1/01/1968 b) 23-Apr-68") || !strings.Contains(roe.Remarks, "Citizenship: Türkiyish") {
		t.Errorf("party 10: birth dates %v, remarks %q", roe.BirthDates, roe.Remarks)
	}
	orphan := l.Entities[1]
	if orphan.Type != TypeOrganization || orphan.PrimaryName() != "ORPHAN TRADING LLC" || orphan.Names[1].Kind != NameAlias {
		t.Errorf("party 11 = %v %+v", orphan.Type, orphan.Names)
	}
	doe := l.Entities[2]
	if len(doe.BirthDates) != 0 || doe.Names[1].Kind != NameFormerly || !strings.Contains(doe.Remarks, "Date of birth: 10/061962") {
		t.Errorf("party 12 = %+v", doe)
	}
	if l.Entities[3].Type != TypeUnknown {
		t.Errorf("party 13 type = %v", l.Entities[3].Type)
	}
}

func TestParseAUDFATXLSXErrors(t *testing.T) {
	tests := []struct {
		name    string
		fixture string
		rows    [][]any
		input   []byte
		want    error
		line    int
		element string
		field   string
	}{
		{name: "missing Reference column", fixture: "missing_reference.xlsx", want: ErrMissingField, line: 1, field: "Reference"},
		{name: "Reference not starting with a number", fixture: "bad_reference.xlsx", want: ErrInvalidValue, line: 3, element: "A3", field: "Reference"},
		{name: "not a workbook", fixture: "not_xlsx.xlsx", want: ErrSyntax},
		{name: "garbage zip", input: []byte("PK\x03\x04garbage"), want: ErrSyntax},
		{name: "empty input", input: []byte{}, want: ErrEmpty},
		{name: "header only", rows: [][]any{audfatHeaderRow()}, want: ErrEmpty},
		{name: "blank sheet", rows: [][]any{{}, {"  "}}, want: ErrEmpty},
		{name: "unknown Type", rows: [][]any{audfatHeaderRow(), audfatFixtureRow(2, "X", "Planet", "Primary Name", audfatFxAkhund)},
			want: ErrInvalidValue, line: 2, element: "C2", field: "Type"},
		{name: "empty Reference", rows: [][]any{audfatHeaderRow(), audfatFixtureRow(" ", "X", "Entity", "Primary Name", audfatFxAkhund)},
			want: ErrMissingField, line: 2, element: "A2", field: "Reference"},
		{name: "empty name", rows: [][]any{audfatHeaderRow(), audfatFixtureRow(2, "", "Entity", "Primary Name", audfatFxAkhund)},
			want: ErrMissingField, line: 2, element: "B2", field: "Name of Individual or Entity"},
		{name: "suffix not letters then digits", rows: [][]any{audfatHeaderRow(), audfatFixtureRow("2a-b", "X", "Entity", "aka", audfatFxAkhund)},
			want: ErrInvalidValue, line: 2, element: "A2", field: "Reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input
			switch {
			case tt.fixture != "":
				in = sheetFixture(t, "au-dfat-xlsx", tt.fixture)
			case tt.rows != nil:
				in = sheetBuildXLSX(t, sheetTab{"Sheet1", tt.rows})
			}
			l, err := ParseAUDFATXLSX(bytes.NewReader(in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v (list %v), want %v", err, l != nil, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err %T is not a *ParseError", err)
			}
			if pe.Source != "AU-DFAT au-dfat-xlsx" || pe.Line != tt.line || pe.Element != tt.element || pe.Field != tt.field {
				t.Errorf("position = %q line %d element %q field %q, want line %d element %q field %q",
					pe.Source, pe.Line, pe.Element, pe.Field, tt.line, tt.element, tt.field)
			}
		})
	}
}

func TestParseDFATBirthdates(t *testing.T) {
	y := func(year int) PartialDate { return PartialDate{Year: year} }
	ymd := func(year, month, day int) PartialDate { return PartialDate{Year: year, Month: month, Day: day} }
	tests := []struct {
		in   string
		want []Birthdate
		ok   bool
	}{
		{"", nil, true},
		{"na", nil, true},
		{"1954", []Birthdate{{Date: y(1954)}}, true},
		{"18798", []Birthdate{{Date: ymd(1951, 6, 19)}}, true},
		{"Approximately 1968", []Birthdate{{Date: y(1968), Circa: true}}, true},
		{"a) Approximately 1955- 1958 b) Approximately 1945-1950",
			[]Birthdate{{Date: y(1955), To: y(1958), Circa: true}, {Date: y(1945), To: y(1950), Circa: true}}, true},
		{"a) 12/05/1960; b) 1 Jan. 1960", []Birthdate{{Date: ymd(1960, 5, 12)}, {Date: ymd(1960, 1, 1)}}, true},
		{"1 Jan 1960", []Birthdate{{Date: ymd(1960, 1, 1)}}, true},
		{"12. Sep 1974", []Birthdate{{Date: ymd(1974, 9, 12)}}, true},
		{"April 1, 1978", []Birthdate{{Date: ymd(1978, 4, 1)}}, true},
		{"August, 1961", []Birthdate{{Date: PartialDate{Year: 1961, Month: 8}}}, true},
		{"Between 1965 and 1969", []Birthdate{{Date: y(1965), To: y(1969)}}, true},
		{"Between 1963 to 1968", []Birthdate{{Date: y(1963), To: y(1968)}}, true},
		{"March 1955 to March 1956", []Birthdate{{Date: PartialDate{Year: 1955, Month: 3}, To: PartialDate{Year: 1956, Month: 3}}}, true},
		{"21 March 1962 to 20 April 1962", []Birthdate{{Date: ymd(1962, 3, 21), To: ymd(1962, 4, 20)}}, true},
		{"Circa 1979-1982", []Birthdate{{Date: y(1979), To: y(1982), Circa: true}}, true},
		{"c. 1957 or 14 March 1942", []Birthdate{{Date: y(1957), Circa: true}, {Date: ymd(1942, 3, 14)}}, true},
		{"1961 or 1962 or 1963", []Birthdate{{Date: y(1961)}, {Date: y(1962)}, {Date: y(1963)}}, true},
		{"1961;\n5 May 1964", []Birthdate{{Date: y(1961)}, {Date: ymd(1964, 5, 5)}}, true},
		{"03/03/1957; alt DOB: 03/04/1957", []Birthdate{{Date: ymd(1957, 3, 3)}, {Date: ymd(1957, 4, 3)}}, true},
		{"a) 19-Dec-1992; \nb) 29-Aprl-1967", []Birthdate{{Date: ymd(1992, 12, 19)}, {Date: ymd(1967, 4, 29)}}, true},
		{"05.09.1990", []Birthdate{{Date: ymd(1990, 9, 5)}}, true},
		{"approximately 1977/1978", []Birthdate{{Date: y(1977), Circa: true}, {Date: y(1978), Circa: true}}, true},
		{"1977/1978 to 1980", []Birthdate{{Date: y(1977)}, {Date: y(1978)}, {Date: y(1980)}}, false},
		{"a)04/05/1948; b)4/05/1946", []Birthdate{{Date: ymd(1948, 5, 4)}, {Date: ymd(1946, 5, 4)}}, true},
		{"28 Mar 1953 >> 19 Apr 1954", []Birthdate{{Date: ymd(1953, 3, 28)}, {Date: ymd(1954, 4, 19)}}, true},
		// Partly or not understood: what can be read is kept, ok is false.
		{"10/061962", nil, false},
		{"1965, 29 March", []Birthdate{{Date: y(1965)}}, false},
		{"a) 1/01/1968 b) 23-Apr-68", []Birthdate{{Date: ymd(1968, 1, 1)}}, false},
		{"Approximately (30-35 years old)", nil, false},
		{"a) 19 Apr. 1982 b) 24/06/1402 (Hijri Calendar)", []Birthdate{{Date: ymd(1982, 4, 19)}}, false},
		{"25/10/1983 (as Ibrahim Sabawi) 1977 (as Muhammad Salman)", []Birthdate{{Date: ymd(1983, 10, 25)}, {Date: y(1977)}}, false},
		{"31/02/1990", nil, false},
		{"to 1960", []Birthdate{{Date: y(1960)}}, false},
		{"1960 to", []Birthdate{{Date: y(1960)}}, false},
	}
	for _, tt := range tests {
		got, ok := parseDFATBirthdates(tt.in, false)
		if !reflect.DeepEqual(got, tt.want) || ok != tt.ok {
			t.Errorf("parseDFATBirthdates(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAUDFATSplitReference(t *testing.T) {
	tests := []struct {
		in, base, suffix string
		ok               bool
	}{
		{"2", "2", "", true},
		{"2a", "2", "a", true},
		{"2672a10", "2672", "a10", true},
		{"0042b", "42", "b", true},
		{"2 b", "2", "b", true},
		{"x2", "", "", false},
		{"2a-b", "", "", false},
		{"2abcd", "", "", false},
	}
	for _, tt := range tests {
		base, suffix, ok := audfatSplitReference(tt.in)
		if base != tt.base || suffix != tt.suffix || ok != tt.ok {
			t.Errorf("audfatSplitReference(%q) = %q, %q, %v", tt.in, base, suffix, ok)
		}
	}
}

func FuzzParseAUDFATXLSX(f *testing.F) {
	for _, b := range audfatXLSXFixtures(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := ParseAUDFATXLSX(bytes.NewReader(b))
		checkSheetParse(t, l, err, "au-dfat:", b)
	})
}

// FuzzParseDFATBirthdates checks the free-text date reader on its own, where
// the fuzzer reaches far more shapes than through a zip container, and that
// cleaned agrees with CleanText.
func FuzzParseDFATBirthdates(f *testing.F) {
	for _, s := range []string{"a) Approximately 1955- 1958 b) 12/05/1960", "1 Jan 1960", "Between 1965 and 1969",
		"April 1, 1978", "c. 1957 or 14 March 1942", "(Hijri) 24/06/1402", "19-Dec-1992", "45000",
		" two  spaces ", "tab\there", "nbsp\u00a0x", "clean text"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := cleaned(s), CleanText(s); a != b {
			t.Fatalf("cleaned(%q) = %q, CleanText gives %q", s, a, b)
		}
		got, _ := parseDFATBirthdates(s, false)
		for _, b := range got {
			if !b.Date.valid() || (!b.To.IsZero() && !b.To.valid()) {
				t.Fatalf("impossible birth date %+v from %q", b, s)
			}
		}
	})
}

// TestParseAUDFATXLSXReal reads DFAT's regulation8_consolidated.xlsx
// (PROVENANCE.md §1, §4.11). Counted from the file:
//
//   - Sheet1 has 9,561 rows: the header and 9,560 data rows, of which the
//     last 7 (rows 9555-9561) are blank, leaving 9,553 name rows;
//   - Name Type, once case and trailing spaces are folded, is "Primary Name"
//     on 3,062 rows, "aka" on 6,047, "Original Script" on 440, "Formerly
//     known as" on 3 and "Previously listed as" on 1 (3,062 + 6,047 + 440 +
//     3 + 1 = 9,553); 832 rows spell it otherwise than "Primary Name", "aka"
//     or "Original Script", and 158 rows spell Type otherwise than
//     "Individual" or "Entity";
//   - the References hold 3,062 distinct base numbers (from 2 to 7994, with
//     gaps), exactly one per "Primary Name" row, so 3,062 parties: 2,316
//     individuals and 746 entities. (PROVENANCE's "3,162 base references"
//     does not match the file; its "about 3,060 primary names" does.)
//   - the 9,553 rows give 9,507 distinct names: a few aliases repeat a name
//     and are kept once, and three "(previously listed as. In Arabic: …)"
//     notes add their Arabic form. 24 are former names: 4 from Name Type,
//     17 marked "(previously/formerly listed as)" and the 3 Arabic forms;
//   - the newest Control Date is serial 45607, 2024-11-11, the same day as
//     the workbook's own modified date.
func TestParseAUDFATXLSXReal(t *testing.T) {
	b, err := os.ReadFile(sharedList(t, "australia/regulation8_consolidated.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ParseAUDFATXLSX(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.SHA256[:16]; got != "b68a8f5aba965d86" {
		t.Errorf("SHA256 %s…, want b68a8f5aba965d86…", got)
	}
	if want := time.Date(2024, 11, 11, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	types := map[EntityType]int{}
	kinds := map[NameKind]int{}
	for _, e := range l.Entities {
		types[e.Type]++
		for _, n := range e.Names {
			kinds[n.Kind]++
		}
	}
	if len(l.Entities) != 3062 || types[TypePerson] != 2316 || types[TypeOrganization] != 746 {
		t.Errorf("%d entities %v, want 3062 = 2316 person + 746 organization", len(l.Entities), types)
	}
	if l.NameCount() != 9507 || kinds[NamePrimary] != 3062 || kinds[NameAlias] != 6421 || kinds[NameFormerly] != 24 {
		t.Errorf("%d names %v, want 9507 = 3062 primary + 6421 alias + 24 formerly", l.NameCount(), kinds)
	}
	wantTol := []string{
		"Citizenship not a known country (kept in remarks): 73 times, first at row 1310",
		"Date of Birth partly not understood (kept in remarks): 94 times, first at row 130",
		"Name Type with other case or trailing spaces: 832 times, first at row 376",
		"Type with other case or trailing spaces: 158 times, first at row 72",
		"blank row skipped: 7 times, first at row 9555",
		"white space around Reference: 4 times, first at row 2195",
	}
	if !reflect.DeepEqual(l.Tolerated, wantTol) {
		t.Errorf("Tolerated:\n%s\nwant:\n%s", strings.Join(l.Tolerated, "\n"), strings.Join(wantTol, "\n"))
	}

	// Party 2, rows 2 and 2a.
	sheetSameEntity(t, sheetEntityByID(t, l, "au-dfat:2"), Entity{
		ID: "au-dfat:2", Source: SourceAUDFAT, Type: TypePerson,
		Names: []Name{
			{Full: "MOHAMMAD HASSAN AKHUND", Kind: NamePrimary, Script: "Latn"},
			{Full: "محمد حسن أخوند", Kind: NameAlias, Script: "Arab"},
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}, Circa: true},
			{Date: PartialDate{Year: 1945}, To: PartialDate{Year: 1950}, Circa: true},
		},
		BirthPlaces:  []string{"Pashmul village, Panjwai District, Kandahar Province, Afghanistan"},
		Citizenships: []string{"AF"},
		Programs:     []string{"1988 (Taliban)"},
		ListedOn:     PartialDate{Year: 2001, Month: 1, Day: 25},
		Remarks: "Title: a) Mullah b) Haji. Designation: a) First Deputy, Council of Ministers under the Taliban regime " +
			"b) Foreign Minister before Wakil Ahmad Mutawakil under the Taliban regime c) Governor of Kandahar under the Taliban regime " +
			"d) Political Advisor of Mullah Mohammed Omar. A close associate of Mullah Mohammed Omar (TI.O.4.01) Member of Taliban " +
			"Supreme Council as at Dec. 2009. Belongs to Kakar tribe. Review pursuant to Security Council resolution 1822 (2008) was " +
			"concluded on 21 Jul. 2010.\nListed by UN 1267 Committee on 25 January 2001 (amended on 20 December 2005, 9 July 2007 " +
			"and 21 Sep 2007, 29 Nov. 2011)",
	})

	// Party 7969: its date of birth is an Excel date (serial 33867).
	sheetSameEntity(t, sheetEntityByID(t, l, "au-dfat:7969"), Entity{
		ID: "au-dfat:7969", Source: SourceAUDFAT, Type: TypePerson,
		Names: []Name{
			{Full: "Zvi Bar YOSEF", Kind: NamePrimary, Script: "Latn"},
			{Full: "Zvi BAR JOSEPH", Kind: NameAlias, Script: "Latn"},
			{Full: "Zvi BAR YOSEPH", Kind: NameAlias, Script: "Latn"},
		},
		BirthDates:   []Birthdate{{Date: PartialDate{Year: 1992, Month: 9, Day: 20}}},
		Citizenships: []string{"IL"},
		Programs:     []string{"Autonomous (Thematic - Human Rights)"},
		Remarks:      "Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Thematic Sanctions) Amendment (No. 4) Instrument 2024",
	})

	// Party 34: references 34 to 34f1, one name "(previously listed as)".
	p34 := sheetEntityByID(t, l, "au-dfat:34")
	var former []string
	for _, n := range p34.Names {
		if n.Kind == NameFormerly {
			former = append(former, n.Full)
		}
	}
	if len(p34.Names) != 9 || !reflect.DeepEqual(former, []string{"Abdul Jalil Haqqani"}) || p34.Names[8].Script != "Arab" {
		t.Errorf("party 34 names = %+v", p34.Names)
	}
}

// TestParseAUDFATXLSXNameTypes covers the name rules the fixtures do not: an
// unknown Name Type, a former name carrying its Arabic form, a Type that
// changes within a party, and a party whose rows are split by another's.
func TestParseAUDFATXLSXNameTypes(t *testing.T) {
	rest := []any{"", "", "", "", "", "", "Autonomous (Iran)", sheetSerialDate(45000)}
	b := sheetBuildXLSX(t, sheetTab{"Sheet1", [][]any{
		audfatHeaderRow(),
		audfatFixtureRow(40, "ALPHA TRADING", "Entity", "Primary Name", rest),
		audfatFixtureRow(41, "Beta PERSON", "Individual", "Primary Name", rest),
		audfatFixtureRow("40a", "ALFA TRADING", "Individual", "nickname", rest),
		audfatFixtureRow("40b", "Alpha Trading Co (Previously listed as. In Arabic: شركة ألفا)", "Entity", "aka", rest),
	}})
	l, err := ParseAUDFATXLSX(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Type differs between rows of one party (first kept): once, first at row 4",
		"unknown Name Type (read as an alias): once, first at row 4",
	}
	if !reflect.DeepEqual(l.Tolerated, want) {
		t.Errorf("Tolerated = %q, want %q", l.Tolerated, want)
	}
	if len(l.Entities) != 2 || l.Entities[0].ID != "au-dfat:40" || l.Entities[0].Type != TypeOrganization {
		t.Fatalf("entities = %+v", l.Entities)
	}
	wantNames := []Name{
		{Full: "ALPHA TRADING", Kind: NamePrimary, Script: "Latn"},
		{Full: "ALFA TRADING", Kind: NameAlias, Script: "Latn"},
		{Full: "Alpha Trading Co", Kind: NameFormerly, Script: "Latn"},
		{Full: "شركة ألفا", Kind: NameFormerly, Script: "Arab"},
	}
	if !reflect.DeepEqual(l.Entities[0].Names, wantNames) {
		t.Errorf("names = %+v, want %+v", l.Entities[0].Names, wantNames)
	}
}

// TestParseAUDFATXLSXNonASCIIFormerName is the regression test for a panic
// on a name that grows when lower-cased ("Ⱥ" takes two bytes, "ⱥ" three):
// "(previously listed as" was found in strings.ToLower(name) and the index
// used to cut the name.
func TestParseAUDFATXLSXNonASCIIFormerName(t *testing.T) {
	pad := strings.Repeat("Ⱥ", 30)
	rest := []any{"", "", "", "", "", "Listed on 12 Apr. 2010", "Autonomous (Iran)", sheetSerialDate(45000)}
	b := sheetBuildXLSX(t, sheetTab{"Sheet1", [][]any{
		audfatHeaderRow(),
		audfatFixtureRow(60, "OMEGA TRADING", "Entity", "Primary Name", rest),
		audfatFixtureRow("60a", pad+" TRADING (Previously listed as. In Arabic: شركة)", "Entity", "aka", rest),
	}})
	l, err := ParseAUDFATXLSX(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []Name{
		{Full: "OMEGA TRADING", Kind: NamePrimary, Script: "Latn"},
		{Full: pad + " TRADING", Kind: NameFormerly, Script: DetectScript(pad + " TRADING")},
		{Full: "شركة", Kind: NameFormerly, Script: "Arab"},
	}
	if !reflect.DeepEqual(l.Entities[0].Names, want) {
		t.Errorf("names = %+v, want %+v", l.Entities[0].Names, want)
	}
	if got := l.Entities[0].ListedOn; got != (PartialDate{Year: 2010, Month: 4, Day: 12}) {
		t.Errorf("ListedOn = %v, want 2010-04-12 (dotted month read by ParseDate)", got)
	}
}
