package lists

import (
	"bytes"
	"crypto/sha256"
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
	"testing/iotest"
	"time"
)

// xml2Fixture reads a hand-written fixture under testdata/lists.
func xml2Fixture(t testing.TB, format, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "lists", format, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// xml2CheckFuzzResult states what every parse must satisfy, whatever the
// input: an error is a positioned *ParseError wrapping a sentinel; a list
// has entities with unique, prefixed IDs and at least one name each.
func xml2CheckFuzzResult(t *testing.T, data []byte, l *List, err error, src Source) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error is not a *ParseError: %T %v", err, err)
		}
		known := false
		for _, s := range []error{ErrSyntax, ErrMissingField, ErrInvalidValue, ErrEmpty, ErrUnknownFormat} {
			known = known || errors.Is(err, s)
		}
		if !known {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		return
	}
	if l.Source != src || len(l.Entities) == 0 {
		t.Fatalf("list source %q with %d entities", l.Source, len(l.Entities))
	}
	sum := sha256.Sum256(data)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("SHA256 %s does not cover the input", l.SHA256)
	}
	ids := make(map[string]bool)
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.ID, src.Prefix()+":") || ids[e.ID] {
			t.Fatalf("bad or duplicate ID %q", e.ID)
		}
		ids[e.ID] = true
		if len(e.Names) == 0 || e.PrimaryName() == "" {
			t.Fatalf("%s has no name", e.ID)
		}
	}
}

// xml2Same fails with both values as JSON when they differ.
func xml2Same(t *testing.T, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	t.Errorf("%s differs\n got: %s\nwant: %s", what, g, w)
}

// xml2Entity returns the entity with the given ID.
func xml2Entity(t *testing.T, l *List, id string) Entity {
	t.Helper()
	for _, e := range l.Entities {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entity %s", id)
	return Entity{}
}

func TestParseUNXMLRealFile(t *testing.T) {
	f, err := os.Open(sharedList(t, "un/consolidated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := ParseUNXML(f)
	if err != nil {
		t.Fatal(err)
	}
	types := map[EntityType]int{}
	ids := map[string]bool{}
	for _, e := range l.Entities {
		types[e.Type]++
		if ids[e.ID] {
			t.Errorf("duplicate ID %s", e.ID)
		}
		ids[e.ID] = true
	}
	if len(l.Entities) != 1003 || types[TypePerson] != 730 || types[TypeOrganization] != 273 {
		t.Errorf("got %d entities %v, want 1003 = 730 persons + 273 organizations", len(l.Entities), types)
	}
	if want := time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	if !strings.HasPrefix(l.SHA256, "66b392a4090868d2") {
		t.Errorf("SHA256 = %s, want 66b392a4090868d2…", l.SHA256)
	}
	if l.Source != SourceUNSC || l.Format != FormatUNXML {
		t.Errorf("Source, Format = %s, %s", l.Source, l.Format)
	}
	if got := strings.Join(l.Tolerated, "\n"); !strings.Contains(got, "white space around REFERENCE_NUMBER trimmed: 12 times") {
		t.Errorf("Tolerated = %q, want the 12 KPe references with a trailing space", l.Tolerated)
	}

	// An individual with a date of birth and a passport.
	xml2Same(t, "IRi.039", xml2Entity(t, l, "un-sc:IRi.039"), Entity{
		ID: "un-sc:IRi.039", Source: SourceUNSC, Type: TypePerson,
		Names: []Name{
			{Full: "QASEM SOLEIMANI", Kind: NamePrimary, Script: "Latn"},
			{Full: "Qasim Soleimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Qasem Sulaimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Qasim Sulaimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Qasim Sulaymani", Kind: NameAlias, Script: "Latn"},
			{Full: "Qasem Sulaymani", Kind: NameAlias, Script: "Latn"},
			{Full: "Kasim Soleimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Kasim Sulaimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Kasim Sulaymani", Kind: NameAlias, Script: "Latn"},
			{Full: "Haj Qasem", Kind: NameWeakAlias, Script: "Latn"},
			{Full: "Haji Qassem", Kind: NameWeakAlias, Script: "Latn"},
			{Full: "Sardar Soleimani", Kind: NameWeakAlias, Script: "Latn"},
		},
		BirthDates:  []Birthdate{{Date: PartialDate{Year: 1957, Month: 3, Day: 11}}},
		BirthPlaces: []string{"Qom, Iran (Islamic Republic of)"},
		Identifiers: []Identifier{{Type: IDPassport, Number: "008827", Country: "IR", Label: "Passport"}},
		Programs:    []string{"Iran"},
		Titles:      []string{"Brigadier General", "Commander of Qods force"},
		ListedOn:    PartialDate{Year: 2007, Month: 3, Day: 24},
		Remarks:     "Promoted to Major General, retaining his position as Commander of Qods force. [Old Reference # I.47.D.6]",
	})
	// An entity with aliases, listed with a trailing space in its reference.
	xml2Same(t, "KPe.023", xml2Entity(t, l, "un-sc:KPe.023"), Entity{
		ID: "un-sc:KPe.023", Source: SourceUNSC, Type: TypeOrganization,
		Names: []Name{
			{Full: "DAEDONG CREDIT BANK (DCB)", Kind: NamePrimary, Script: "Latn"},
			{Full: "DCB", Kind: NameAlias, Script: "Latn"},
			{Full: "Taedong Credit Bank", Kind: NameAlias, Script: "Latn"},
			{Full: "Dae-Dong Credit Bank", Kind: NameAlias, Script: "Latn"},
		},
		Addresses: []Address{
			{Street: "Suite 401, Potonggang Hotel, Ansan-Dong, Pyongchon District", City: "Pyongyang", Country: "KP"},
			{Street: "Ansan-dong, Botonggang Hotel, Pongchon", City: "Pyongyang", Country: "KP"},
		},
		Programs: []string{"DPRK"},
		ListedOn: PartialDate{Year: 2016, Month: 3, Day: 2},
		Remarks: "SWIFT: DCBKKPPY. Daedong Credit Bank has provided financial services to the Korea Mining " +
			"Development Trading Corporation (KOMID) and Tanchon Commercial Bank. Since at least 2007, DCB has " +
			"facilitated hundreds of financial transactions worth millions of dollars on behalf of KOMID and " +
			"Tanchon Commercial Bank. In some cases, DCB has knowingly facilitated transactions by using " +
			"deceptive financial practices.",
	})
	// An alias listing names in two scripts: "حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)".
	var names []string
	for _, n := range xml2Entity(t, l, "un-sc:QDi.306").Names {
		names = append(names, n.Full)
	}
	for _, want := range []string{"حسن غول", "Hassan Ghul", "Hasan Gul", "أبو شيماء", "Abu-Shaima"} {
		if !strings.Contains(strings.Join(names, "|"), want) {
			t.Errorf("QDi.306 names %q lack %q", names, want)
		}
	}
}

func TestParseUNXMLFixture(t *testing.T) {
	l, err := ParseUNXML(bytes.NewReader(xml2Fixture(t, "un-xml", "valid.xml")))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v", l.Published)
	}
	want := []Entity{{
		ID: "un-sc:IRi.039", Source: SourceUNSC, Type: TypePerson,
		Names: []Name{
			{Full: "QASEM SOLEIMANI", Kind: NamePrimary, Script: "Latn"},
			{Full: "Qasim Soleimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Qasem Sulaimani", Kind: NameAlias, Script: "Latn"},
			{Full: "Haj Qasem", Kind: NameWeakAlias, Script: "Latn"},
			{Full: "Sardar Soleimani", Kind: NameWeakAlias, Script: "Latn"},
		},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1957, Month: 3, Day: 11}}},
		BirthPlaces:   []string{"Qom, Iran (Islamic Republic of)"},
		Nationalities: []string{"IR"},
		Identifiers:   []Identifier{{Type: IDPassport, Number: "008827", Country: "IR", Label: "Passport", Note: "Diplomatic"}},
		Programs:      []string{"Iran"},
		Titles:        []string{"Brigadier General", "Commander of Qods force"},
		ListedOn:      PartialDate{Year: 2007, Month: 3, Day: 24},
		Remarks:       "Promoted to Major General, retaining his position as Commander of Qods force.",
	}, {
		ID: "un-sc:TAi.157", Source: SourceUNSC, Type: TypePerson,
		Names: []Name{
			{Full: "FAZL RABI", Kind: NamePrimary, Script: "Latn"},
			{Full: "فضل ربيع", Kind: NameAlias, Script: "Arab"},
			{Full: "حسن غول", Kind: NameAlias, Script: "Arab"},
			{Full: "Hassan Ghul", Kind: NameAlias, Script: "Latn"},
			{Full: "Hasan Gul", Kind: NameAlias, Script: "Latn"},
			{Full: "Fazel Rabi", Kind: NameFormerly, Script: "Latn"},
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1972}, Circa: true},
			{Date: PartialDate{Year: 1975}, To: PartialDate{Year: 1977}},
			{Date: PartialDate{Year: 1973, Month: 11}},
			{Date: PartialDate{Year: 1974, Month: 1, Day: 15}},
		},
		BirthPlaces:   []string{"Kapisa Province, Afghanistan", "Kapisa, Afghanistan"},
		Nationalities: []string{"AF"},
		Addresses:     []Address{{City: "Peshawar", Country: "PK", Full: "Peshawar, Pakistan (previous address)"}},
		Identifiers: []Identifier{{Type: IDNationalID, Number: "300786",
			Label: "Afghan national identification card (tazkira) number", Note: "issued 2001-07-03"}},
		Programs: []string{"Taliban"},
		ListedOn: PartialDate{Year: 2015, Month: 4, Day: 7},
		Remarks: "Belongs to Kapisa tribe.\nNationality: former Soviet Union\nDate of birth: 30-35 years old\n" +
			"Document (Passport): Afghan passport issued under name Fazel Rabi",
	}, {
		ID: "un-sc:KPe.023", Source: SourceUNSC, Type: TypeOrganization,
		Names: []Name{
			{Full: "DAEDONG CREDIT BANK (DCB)", Kind: NamePrimary, Script: "Latn"},
			{Full: "Taedong Credit Bank", Kind: NameAlias, Script: "Latn"},
			{Full: "Dae-Dong Credit Bank", Kind: NameFormerly, Script: "Latn"},
		},
		Addresses: []Address{{Street: "Suite 401, Potonggang Hotel, Ansan-Dong", City: "Pyongyang", Country: "KP"}},
		Programs:  []string{"DPRK"},
		ListedOn:  PartialDate{Year: 2016, Month: 3, Day: 2},
		Remarks:   "SWIFT: DCBKKPPY.",
	}}
	xml2Same(t, "entities", l.Entities, want)
	xml2Same(t, "tolerated", l.Tolerated, []string{
		"nationality that is no known country kept in remarks: once, first at line 54",
		"white space around REFERENCE_NUMBER trimmed: once, first at line 126",
	})
}

// TestParseUNXMLDirty covers a BOM, a Latin-1 byte in a file that says
// UTF-8, a control character, an unknown alias quality and a gender that is
// neither, and a file that declares ISO-8859-1.
func TestParseUNXMLDirty(t *testing.T) {
	tests := []struct {
		file      string
		tolerated []string
		check     func(t *testing.T, l *List)
	}{
		{
			file: "dirty.xml",
			tolerated: []string{
				"UTF-8 byte-order mark skipped: once, first at line 1",
				"byte that is not UTF-8 read as Latin-1: once, first at line 148",
				"control character dropped: once, first at line 63",
				`gender "unknown" ignored: once, first at line 54`,
				"nationality that is no known country kept in remarks: once, first at line 54",
				`unknown alias QUALITY "Medium" read as alias: once, first at line 127`,
				"white space around REFERENCE_NUMBER trimmed: once, first at line 127",
			},
			check: func(t *testing.T, l *List) {
				if got := l.Entities[2].Addresses[0].City; got != "Pyongyang é" {
					t.Errorf("city = %q, want the Latin-1 é converted", got)
				}
				if got := l.Entities[2].Names[1]; got.Full != "Taedong Credit Bank" || got.Kind != NameAlias {
					t.Errorf("alias of unknown quality = %+v", got)
				}
			},
		},
		{
			file: "latin1.xml",
			tolerated: []string{
				"nationality that is no known country kept in remarks: once, first at line 54",
				"white space around REFERENCE_NUMBER trimmed: once, first at line 126",
			},
			check: func(t *testing.T, l *List) {
				if !strings.HasPrefix(l.Entities[1].Remarks, "Belongs to Kapisa tribe, Rabié.") {
					t.Errorf("remarks = %q, want the ISO-8859-1 é decoded", l.Entities[1].Remarks)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := xml2Fixture(t, "un-xml", tt.file)
			l, err := ParseUNXML(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Entities) != 3 {
				t.Fatalf("%d entities, want 3", len(l.Entities))
			}
			sum := sha256.Sum256(data)
			if l.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("SHA256 is not the digest of the raw bytes")
			}
			xml2Same(t, "tolerated", l.Tolerated, tt.tolerated)
			tt.check(t, l)
		})
	}
}

func TestParseUNXMLErrors(t *testing.T) {
	checkPositionedErrors(t, "un-xml", "UN-SC un-xml", func(r *bytes.Reader) (*List, error) { return ParseUNXML(r) }, []positionedErrorCase{
		{"truncated.xml", ErrSyntax, 86, "", ""},
		{"missing_reference.xml", ErrMissingField, 54, "INDIVIDUAL", "REFERENCE_NUMBER"},
		{"bad_listed_on.xml", ErrInvalidValue, 126, "ENTITY", "LISTED_ON"},
		{"bad_dob_date.xml", ErrInvalidValue, 4, "INDIVIDUAL/INDIVIDUAL_DATE_OF_BIRTH", "DATE"},
		{"duplicate_reference.xml", ErrInvalidValue, 54, "INDIVIDUAL", "REFERENCE_NUMBER"},
		{"empty.xml", ErrEmpty, 6, "", ""},
	})
}

func TestParseUNXMLInputs(t *testing.T) {
	boom := errors.New("disk on fire")
	tests := []struct {
		name string
		in   io.Reader
		err  error
	}{
		{"empty input", strings.NewReader(""), ErrEmpty},
		{"white space", strings.NewReader(" \n "), ErrEmpty},
		{"another format", bytes.NewReader(xml2Fixture(t, "uk-fcdo-xml", "valid.xml")), ErrUnknownFormat},
		{"two roots", strings.NewReader(`<CONSOLIDATED_LIST/><CONSOLIDATED_LIST/>`), ErrSyntax},
		{"not XML", strings.NewReader("REFERENCE_NUMBER,FIRST_NAME\nQDi.1,X\n"), ErrSyntax},
		{"bad timestamp", strings.NewReader(`<CONSOLIDATED_LIST dateGenerated="yesterday"/>`), ErrInvalidValue},
		{"unsupported encoding", strings.NewReader(`<?xml version="1.0" encoding="UTF-16"?><CONSOLIDATED_LIST/>`), ErrSyntax},
		{"reader error", io.MultiReader(strings.NewReader("<CONSOLIDATED_LIST><INDIVIDUALS>"), iotest.ErrReader(boom)), boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseUNXML(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Source != "UN-SC un-xml" {
				t.Errorf("err = %#v, want a *ParseError from UN-SC un-xml", err)
			}
		})
	}
}

// TestParseUNXMLTrailingBytes checks that the digest covers bytes after the
// root element.
func TestParseUNXMLTrailingBytes(t *testing.T) {
	data := append(xml2Fixture(t, "un-xml", "valid.xml"), []byte("\n<!-- end -->\n\n")...)
	l, err := ParseUNXML(iotest.OneByteReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s, want %x", l.SHA256, sum)
	}
}

func TestUNSplitAlias(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"FRANK KAKORERE", []string{"FRANK KAKORERE"}},
		{"", nil},
		{"Azim Adhajani; Azim Agha-Jani", []string{"Azim Adhajani", "Azim Agha-Jani"}},
		{"Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet",
			[]string{"Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"}},
		{"Jin Tiesan (金铁三)", []string{"Jin Tiesan", "金铁三"}},
		{"حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)", []string{"حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"}},
		{"Amir Khazmat (original script: Амир Хазмат)", []string{"Amir Khazmat", "Амир Хазмат"}},
		{"Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),",
			[]string{"Akhter Mohmad son of Noor Mohmad", "اختر محمد ولد نور محمد"}},
		{"Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham)",
			[]string{"Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"}},
		{"شبكة أنصار المجاهدين (Ansar al-Mujahideen Network - sub-unit name)",
			[]string{"شبكة أنصار المجاهدين", "Ansar al-Mujahideen Network"}},
		{"Lom-ali Butayev (Butaev)", []string{"Lom-ali Butayev (Butaev)"}},
		{"Lord’s Resistance Movement (LRM)", []string{"Lord’s Resistance Movement (LRM)"}},
		{"MAKENGA, Colonel SULTANI", []string{"MAKENGA, Colonel SULTANI"}},
		{" ; ;", nil},
	}
	for _, tt := range tests {
		xml2Same(t, tt.in, unSplitAlias(tt.in), tt.want)
	}
}

func TestXML2SplitNumber(t *testing.T) {
	tests := []struct {
		in, number, note, country string
	}{
		{"P04581926", "P04581926", "", ""},
		{" AB187304 ", "AB187304", "", ""},
		{"Afghan passport number OA296623", "OA296623", "Afghan passport number", ""},
		{"381110042 (Expired 25 Jan. 2016)", "381110042", "Expired 25 Jan. 2016", ""},
		{"R00012098, South Sudan", "R00012098", "", "SS"},
		{"Libya B/002210", "B/002210", "", "LY"},
		{"PS 472330208", "PS 472330208", "", ""},
		{"Provisional passport No.: 28642163", "28642163", "Provisional passport No.:", ""},
		{"Diplomatic Passport D014433", "D014433", "Diplomatic Passport", ""},
		{"UK Company no. 06527449", "06527449", "UK Company no.", ""},
		{"Social Security Number 423-31-3021 (US)", "423-31-3021", "Social Security Number; US", ""},
		{"35202- 4135948-7", "35202- 4135948-7", "", ""},
	}
	for _, tt := range tests {
		number, note, country := splitDocumentNumber(tt.in)
		if number != tt.number || note != tt.note || country != tt.country {
			t.Errorf("splitDocumentNumber(%q) = %q, %q, %q; want %q, %q, %q",
				tt.in, number, note, country, tt.number, tt.note, tt.country)
		}
	}
}

// TestXML2RepairSplitRunes feeds a multi-byte rune one byte at a time: the
// repair must not mistake its halves for Latin-1.
func TestXML2RepairSplitRunes(t *testing.T) {
	data := xml2Fixture(t, "un-xml", "valid.xml")
	l, err := ParseUNXML(iotest.OneByteReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Tolerated) != 2 || l.Entities[1].Names[1].Full != "فضل ربيع" {
		t.Errorf("tolerated %q, name %q", l.Tolerated, l.Entities[1].Names[1].Full)
	}
}

func FuzzParseUNXML(f *testing.F) {
	addFixtureSeeds(f, filepath.Join("..", "testdata", "lists", "un-xml", "*.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseUNXML(bytes.NewReader(data))
		xml2CheckFuzzResult(t, data, l, err, SourceUNSC)
	})
}

func ExampleParseUNXML() {
	const file = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>ERIC</FIRST_NAME>
      <SECOND_NAME>BADEGE</SECOND_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>
      <LISTED_ON>2012-12-31</LISTED_ON>
      <NATIONALITY><VALUE>Democratic Republic of the Congo</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Eric Badege Mutware</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1971</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>`
	l, err := ParseUNXML(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := l.Entities[0]
	fmt.Println(l.Published.Format("2006-01-02"), len(l.Entities))
	fmt.Println(e.ID, e.Type, e.Programs, e.Nationalities, e.BirthDates[0])
	for _, n := range e.Names {
		fmt.Println(n.Kind, n.Full)
	}

	_, err = ParseUNXML(strings.NewReader(strings.Replace(file, "<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>", "", 1)))
	fmt.Println(errors.Is(err, ErrMissingField), err)
	// Output:
	// 2026-02-27 1
	// un-sc:CDi.001 person [DRC] [CD] ~1971
	// primary ERIC BADEGE
	// weak_alias Eric Badege Mutware
	// true UN-SC un-xml: line 4, element INDIVIDUAL, field "REFERENCE_NUMBER": missing required field
}
