package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func ofacXMLFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "lists", "ofac-xml", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// xmlTestEntity returns the entity with the given ID or fails the test.
func xmlTestEntity(t *testing.T, l *List, id string) Entity {
	t.Helper()
	for _, e := range l.Entities {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("entity %s not found", id)
	return Entity{}
}

// xmlTestCompare reports every field of got that differs from want.
func xmlTestCompare(t *testing.T, got, want Entity) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		if !gv.Type().Field(i).IsExported() {
			continue // AddName's index, not part of the value
		}
		g, w := gv.Field(i).Interface(), wv.Field(i).Interface()
		if !reflect.DeepEqual(g, w) {
			gj, _ := json.MarshalIndent(g, "", "  ")
			wj, _ := json.MarshalIndent(w, "", "  ")
			t.Errorf("%s %s:\n got  %s\n want %s", want.ID, gv.Type().Field(i).Name, gj, wj)
		}
	}
}

func xmlTestName(full, given, family string, kind NameKind, script string) Name {
	return Name{Full: full, Given: given, Family: family, Kind: kind, Script: script}
}

func TestParseOFACXMLRealConsolidated(t *testing.T) {
	path := sharedList(t, "ofac_consolidated/consolidated.xml")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ParseOFACXML(bytes.NewReader(raw), SourceOFACCons)
	if err != nil {
		t.Fatal(err)
	}
	// PROVENANCE.md: 442 sdnEntry, Record_Count 442, Publish_Date 01/08/2026.
	if len(l.Entities) != 442 {
		t.Errorf("entities = %d, want 442", len(l.Entities))
	}
	for _, s := range l.Tolerated {
		if strings.Contains(s, "Record_Count") {
			t.Errorf("Record_Count disagrees with the entries: %s", s)
		}
	}
	if want := time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	sum := sha256.Sum256(raw)
	if l.SHA256 != hex.EncodeToString(sum[:]) || !strings.HasPrefix(l.SHA256, "00d16d5f63ca0e68") {
		t.Errorf("SHA256 = %s", l.SHA256)
	}
	if l.Source != SourceOFACCons || l.Format != FormatOFACXML {
		t.Errorf("Source, Format = %s, %s", l.Source, l.Format)
	}
	var persons, orgs int
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.ID, "ofac-cons:") || e.Source != SourceOFACCons {
			t.Fatalf("entity %s has source %s", e.ID, e.Source)
		}
		if e.PrimaryName() == "" || e.Names[0].Kind != NamePrimary {
			t.Errorf("%s: first name %+v is not primary", e.ID, e.Names)
		}
		switch e.Type {
		case TypePerson:
			persons++
		case TypeOrganization:
			orgs++
		}
	}
	// cons_prim.csv of the same list: 79 individuals, 363 others.
	if persons != 79 || orgs != 363 {
		t.Errorf("persons, organizations = %d, %d, want 79, 363", persons, orgs)
	}
	if l.Entities[0].ID != "ofac-cons:9639" {
		t.Errorf("first entity %s, want ofac-cons:9639 (file order)", l.Entities[0].ID)
	}

	xmlTestCompare(t, xmlTestEntity(t, l, "ofac-cons:9647"), Entity{
		ID: "ofac-cons:9647", Source: SourceOFACCons, Type: TypePerson,
		Names: []Name{
			xmlTestName("Mahmoud Khaled ZAHHAR", "Mahmoud Khaled", "ZAHHAR", NamePrimary, "Latn"),
			xmlTestName("Mahmoud Khaled AL ZAHAR", "Mahmoud Khaled", "AL ZAHAR", NameAlias, "Latn"),
			// weak aliases written "ZAHAR, Mahmoud" in lastName alone
			xmlTestName("Mahmoud ZAHAR", "Mahmoud", "ZAHAR", NameWeakAlias, "Latn"),
			xmlTestName("Mahmoud AL-ZAHAR", "Mahmoud", "AL-ZAHAR", NameWeakAlias, "Latn"),
		},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1945}}},
		BirthPlaces:   []string{"Gaza Strip"},
		Nationalities: []string{"PS"},
		Gender:        "male",
		Addresses:     []Address{{Country: "PS"}}, // "Region: Gaza"
		Programs:      []string{"NS-PLC", "SDGT"},
		Remarks: "(Linked To: HAMAS); Secondary sanctions risk: section 1(b) of Executive Order 13224, " +
			"as amended by Executive Order 13886",
	})
	xmlTestCompare(t, xmlTestEntity(t, l, "ofac-cons:50476"), Entity{
		ID: "ofac-cons:50476", Source: SourceOFACCons, Type: TypePerson,
		Names: []Name{
			xmlTestName("Michel Joseph MARTELLY", "Michel Joseph", "MARTELLY", NamePrimary, "Latn"),
			xmlTestName("Michael MARTELLY", "Michael", "MARTELLY", NameAlias, "Latn"),
			xmlTestName("Sweet Micky", "", "", NameWeakAlias, "Latn"),
		},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1961, Month: 2, Day: 12}}},
		BirthPlaces:   []string{"Port-au-Prince, Haiti"},
		Nationalities: []string{"HT"},
		Gender:        "male",
		Addresses: []Address{
			{City: "Miami", Region: "FL", Country: "US"},
			{City: "Petionville", Region: "Ouest", Country: "HT"},
			{City: "Port-au-Prince", Region: "Ouest", Country: "HT"},
			{Country: "DO"},
		},
		Identifiers: []Identifier{
			{Type: IDNationalID, Number: "0032768386", Country: "HT", Label: "National ID No."},
			{Type: IDOther, Number: "M634550610520", Country: "US", Label: "Driver's License No."},
		},
		Programs: []string{"ILLICIT-DRUGS-EO14059"},
		Remarks: "Executive Order 14059 information: Prohibition on any transactions in foreign exchange " +
			"that are subject to the jurisdiction of the United States and in which this target has any " +
			"interest; Executive Order 14059 information: Prohibition on any United States financial " +
			"institution from making loans or providing credit to this target; Executive Order 14059 " +
			"information: Prohibition on any United States person from investing in or purchasing " +
			"significant amounts of equity or debt instruments of this target",
	})

	ct := xmlTestEntity(t, l, "ofac-cons:30882")
	if ct.Type != TypeOrganization || ct.PrimaryName() != "CHINA TELECOM CORPORATION LIMITED" {
		t.Errorf("30882: %s %q", ct.Type, ct.PrimaryName())
	}
	if want := []string{"CMIC-EO13959"}; !reflect.DeepEqual(ct.Programs, want) {
		t.Errorf("30882 programs %v", ct.Programs)
	}
	if want := (Identifier{Type: IDRegistration, Number: "9111000071093019X7", Country: "CN",
		Label: "Unified Social Credit Code (USCC)"}); len(ct.Identifiers) == 0 || ct.Identifiers[0] != want {
		t.Errorf("30882 first identifier %+v, want %+v", ct.Identifiers, want)
	}
	for _, frag := range []string{"(Linked To: CHINA TELECOMMUNICATIONS CORPORATION); ", "Target Type: Public Company",
		"Equity Ticker: CHA US", "Issuer Name: China Telecom Corp Ltd", "Listing Date (CMIC): 03 Jun 2021"} {
		if !strings.Contains(ct.Remarks, frag) {
			t.Errorf("30882 remarks lack %q: %s", frag, ct.Remarks)
		}
	}
	// An issuer name can be another company's (a listed subsidiary): it stays
	// in Remarks and never becomes an alias.
	av := xmlTestEntity(t, l, "ofac-cons:32056")
	for _, n := range av.Names {
		if strings.Contains(n.Full, "Dongan") {
			t.Errorf("issuer name became a name: %+v", n)
		}
	}
	if !strings.Contains(av.Remarks, "Issuer Name: Dongan Heibao Co. Ltd.") {
		t.Errorf("32056 remarks: %s", av.Remarks)
	}
}

func TestParseOFACXMLSDNFixture(t *testing.T) {
	raw := ofacXMLFixture(t, "sdn_small.xml") // old tempuri.org namespace
	l, err := ParseOFACXML(bytes.NewReader(raw), SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 = %s", l.SHA256)
	}
	if want := time.Date(2023, 12, 28, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v", l.Published)
	}
	if l.Tolerated != nil {
		t.Errorf("Tolerated = %q", l.Tolerated)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"ofac-sdn:36", "ofac-sdn:7157", "ofac-sdn:15036", "ofac-sdn:27305"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("IDs = %v, want %v", ids, want)
	}
	xmlTestCompare(t, l.Entities[0], Entity{
		ID: "ofac-sdn:36", Source: SourceOFACSDN, Type: TypeOrganization,
		Names: []Name{
			xmlTestName("AEROCARIBBEAN AIRLINES", "", "", NamePrimary, "Latn"),
			xmlTestName("AERO-CARIBBEAN", "", "", NameAlias, "Latn"),
		},
		Addresses: []Address{{City: "Havana", Country: "CU"}},
		Programs:  []string{"CUBA"},
	})
	xmlTestCompare(t, l.Entities[1], Entity{
		ID: "ofac-sdn:7157", Source: SourceOFACSDN, Type: TypePerson,
		Names: []Name{
			xmlTestName("Saddam HUSSEIN AL-TIKRITI", "Saddam", "HUSSEIN AL-TIKRITI", NamePrimary, "Latn"),
			// "Saddam Hussein AL-TIKRITI" repeats the primary name but for case
			xmlTestName("ABU UDAY", "", "", NameWeakAlias, "Latn"),
			xmlTestName("Saddam HUSSEIN", "Saddam", "HUSSEIN", NameFormerly, "Latn"),
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1937, Month: 4, Day: 28}},
			{Date: PartialDate{Year: 1939}, Circa: true},
			{Date: PartialDate{Year: 1935}, To: PartialDate{Year: 1937}},
		},
		BirthPlaces:   []string{"al-Awja, near Tikrit, Iraq"},
		Nationalities: []string{"IQ"},
		Citizenships:  []string{"IQ"},
		Gender:        "male",
		Identifiers: []Identifier{{Type: IDPassport, Number: "M0003264580", Country: "IQ", Label: "Passport",
			Note: "issued 01 Jan 2001; expires 01 Jan 2011"}},
		Programs: []string{"IRAQ2"},
		Titles:   []string{"President of Iraq"},
		Remarks:  "Former President of Iraq.; Additional Sanctions Information - Subject to Secondary Sanctions",
	})
	xmlTestCompare(t, l.Entities[2], Entity{
		ID: "ofac-sdn:15036", Source: SourceOFACSDN, Type: TypeVessel,
		Names: []Name{
			xmlTestName("SEA STAR", "", "", NamePrimary, "Latn"),
			xmlTestName("IRAN ASTARA", "", "", NameFormerly, "Latn"),
		},
		Identifiers: []Identifier{
			{Type: IDIMO, Number: "9187629", Label: "Vessel Registration Identification"},
			{Type: IDMMSI, Number: "572469210", Label: "MMSI"},
			{Type: IDCallSign, Number: "9HXK9", Label: "Call Sign"},
		},
		Programs: []string{"IRAN", "IFSR"},
		Remarks: "Secondary sanctions risk: See Section 11 of Executive Order 13846.; Vessel Type: Crude Oil Tanker; " +
			"Vessel Flag: Tuvalu; Vessel Owner: NATIONAL IRANIAN TANKER COMPANY; Tonnage: 2597; GRT: 1098",
	})
	xmlTestCompare(t, l.Entities[3], Entity{
		ID: "ofac-sdn:27305", Source: SourceOFACSDN, Type: TypeOrganization,
		Names:     []Name{xmlTestName("SUEX OTC, S.R.O.", "", "", NamePrimary, "Latn")},
		Addresses: []Address{{Street: "Evropska 2690/17", City: "Prague", PostalCode: "160 00", Country: "CZ"}},
		Identifiers: []Identifier{
			{Type: IDCrypto, Number: "12HQDsicffSBaYdJ6BhnE22sfjTESmmzKx", Label: "Digital Currency Address - XBT"},
			{Type: IDWebsite, Number: "suex.io", Label: "Website"},
			{Type: IDEmail, Number: "info@suex.io", Label: "Email Address"},
			{Type: IDRegistration, Number: "07486049", Country: "CZ", Label: "Registration ID"},
			{Type: IDSWIFT, Number: "SUEXCZPP", Label: "SWIFT/BIC"},
		},
		Programs: []string{"CYBER2"},
		Remarks:  "Target Type: Financial Institution; Organization Established Date: 25 Sep 2018",
	})
}

func TestParseOFACXMLConsolidatedFixture(t *testing.T) {
	l, err := ParseOFACXML(bytes.NewReader(ofacXMLFixture(t, "cons_small.xml")), SourceOFACCons)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entities) != 2 || l.Entities[0].ID != "ofac-cons:9639" || l.Entities[1].ID != "ofac-cons:30882" {
		t.Fatalf("entities %+v", l.Entities)
	}
	if v := l.Version(); v != "2026-01-08/"+l.SHA256[:12] {
		t.Errorf("Version = %s", v)
	}
}

func TestParseOFACXMLDirty(t *testing.T) {
	l, err := ParseOFACXML(bytes.NewReader(ofacXMLFixture(t, "dirty.xml")), SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Record_Count 3 but 2 sdnEntry elements: once, first at line 3",
		"UTF-8 byte-order mark: once, first at line 1",
		"address country not mapped to ISO 3166, kept in address Full: once, first at line 7",
		"bytes that are not UTF-8 read as windows-1252: 2 times, first at line 9",
		"nationality country not mapped to ISO 3166, kept in remarks: once, first at line 7",
		"unreadable dateOfBirth kept in remarks: once, first at line 7",
		"white space around uid: once, first at line 7",
	}
	if !reflect.DeepEqual(l.Tolerated, want) {
		t.Errorf("Tolerated =\n%q\nwant\n%q", l.Tolerated, want)
	}
	if !l.Published.Equal(time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Published = %v (1/8/2026 without zero padding)", l.Published)
	}
	xmlTestCompare(t, l.Entities[0], Entity{
		ID: "ofac-sdn:9640", Source: SourceOFACSDN, Type: TypePerson,
		Names:     []Name{xmlTestName("José GARCÍA MARQUEZ", "José", "GARCÍA MARQUEZ", NamePrimary, "Latn")},
		Addresses: []Address{{City: "Poseidonis", Full: "Poseidonis, Atlantis"}},
		Programs:  []string{"SDNTK"},
		Remarks:   "DOB early 1960s; nationality Atlantis",
	})
	xmlTestCompare(t, l.Entities[1], Entity{
		ID: "ofac-sdn:9641", Source: SourceOFACSDN, Type: TypeOrganization,
		Names:    []Name{xmlTestName("BANCO EJEMPLO", "", "", NamePrimary, "Latn")},
		Programs: []string{"SDNTK"},
	})
}

func TestParseOFACXMLErrors(t *testing.T) {
	tests := []struct {
		name    string
		input   []byte
		source  Source
		want    error
		line    int // 0: any line > 0; -1: no line
		element string
		field   string
	}{
		{"truncated", ofacXMLFixture(t, "truncated.xml"), SourceOFACCons, ErrSyntax, 45, "", ""},
		{"missing uid", ofacXMLFixture(t, "missing_uid.xml"), SourceOFACCons, ErrMissingField, 16, "sdnEntry", "uid"},
		{"bad Publish_Date", ofacXMLFixture(t, "bad_publish_date.xml"), SourceOFACCons, ErrInvalidValue, 3,
			"publshInformation", "Publish_Date"},
		{"bad uid", ofacXMLFixture(t, "bad_uid.xml"), SourceOFACSDN, ErrInvalidValue, 39, "sdnEntry", "uid"},
		{"no entries", ofacXMLFixture(t, "empty.xml"), SourceOFACSDN, ErrEmpty, -1, "sdnList", ""},
		{"empty input", nil, SourceOFACSDN, ErrEmpty, -1, "sdnList", ""},
		{"not XML", []byte("ent_num,SDN_Name\n36,AEROCARIBBEAN\n"), SourceOFACSDN, ErrSyntax, 0, "", ""},
		{"other root", []byte(`<?xml version="1.0"?><export><sanctionEntity/></export>`), SourceOFACSDN,
			ErrUnknownFormat, 1, "export", ""},
		{"duplicate uid", []byte(`<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName></sdnEntry>` +
			"\n" + `<sdnEntry><uid>1</uid><lastName>B</lastName></sdnEntry></sdnList>`), SourceOFACSDN,
			ErrInvalidValue, 2, "sdnEntry", "uid"},
		{"duplicate uid after leading zeros", []byte(`<sdnList><sdnEntry><uid>36</uid><lastName>A</lastName></sdnEntry>` +
			"\n" + `<sdnEntry><uid>036</uid><lastName>B</lastName></sdnEntry></sdnList>`), SourceOFACSDN,
			ErrInvalidValue, 2, "sdnEntry", "uid"},
		{"no name", []byte(`<sdnList><sdnEntry><uid>1</uid><sdnType>Entity</sdnType></sdnEntry></sdnList>`),
			SourceOFACSDN, ErrMissingField, 1, "sdnEntry", "lastName"},
		{"unknown sdnType", []byte(`<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Robot</sdnType></sdnEntry></sdnList>`),
			SourceOFACSDN, ErrInvalidValue, 1, "sdnEntry", "sdnType"},
		{"unsupported encoding", []byte(`<?xml version="1.0" encoding="Shift_JIS"?><sdnList/>`), SourceOFACSDN,
			ErrInvalidValue, 1, "xml", "encoding"},
		{"mismatched tags", []byte("<sdnList>\n<sdnEntry><uid>1</uid></lastName></sdnEntry></sdnList>"), SourceOFACSDN,
			ErrSyntax, 2, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseOFACXML(bytes.NewReader(tc.input), tc.source)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v (list %v), want %v", err, l, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err %T is not a *ParseError", err)
			}
			if pe.Source != string(tc.source)+" ofac-xml" {
				t.Errorf("Source = %q", pe.Source)
			}
			switch {
			case tc.line == 0 && pe.Line <= 0, tc.line > 0 && pe.Line != tc.line, tc.line < 0 && pe.Line != 0:
				t.Errorf("Line = %d, want %d", pe.Line, tc.line)
			}
			if pe.Element != tc.element || pe.Field != tc.field {
				t.Errorf("Element, Field = %q, %q, want %q, %q", pe.Element, pe.Field, tc.element, tc.field)
			}
		})
	}
}

func TestParseOFACXMLSource(t *testing.T) {
	for _, s := range []Source{"", SourceUNSC, SourceEUFSF, "ofac-sdn"} {
		_, err := ParseOFACXML(bytes.NewReader(ofacXMLFixture(t, "cons_small.xml")), s)
		if !errors.Is(err, ErrInvalidValue) {
			t.Errorf("source %q: err = %v, want ErrInvalidValue", s, err)
		}
	}
}

// xmlTestErrReader fails with err after its data.
type xmlTestErrReader struct {
	r   io.Reader
	err error
}

func (e *xmlTestErrReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, e.err
	}
	return n, err
}

func TestParseOFACXMLReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	raw := ofacXMLFixture(t, "cons_small.xml")
	_, err := ParseOFACXML(&xmlTestErrReader{r: bytes.NewReader(raw[:500]), err: boom}, SourceOFACCons)
	if !errors.Is(err, boom) || errors.Is(err, ErrSyntax) {
		t.Errorf("err = %v, want the reader's error, not a syntax error", err)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Errorf("err %T is not a *ParseError", err)
	}
}

func TestParseOFACXMLOneByteReads(t *testing.T) {
	// The encoding repair must not split UTF-8 sequences across reads.
	raw := ofacXMLFixture(t, "dirty.xml")
	whole, err := ParseOFACXML(bytes.NewReader(raw), SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	bytewise, err := ParseOFACXML(iotest.OneByteReader(bytes.NewReader(raw)), SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(whole, bytewise) {
		t.Errorf("one-byte reads differ:\n%+v\n%+v", whole, bytewise)
	}
	utf := []byte("<sdnList><sdnEntry><uid>1</uid><lastName>Müller 北京 Путин</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>")
	l, err := ParseOFACXML(iotest.OneByteReader(bytes.NewReader(utf)), SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Entities[0].PrimaryName(); got != "Müller 北京 Путин" || l.Tolerated != nil {
		t.Errorf("name %q, tolerated %q", got, l.Tolerated)
	}
}

func TestParseOFACXMLDeclaredLatin1(t *testing.T) {
	in := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<sdnList><sdnEntry><uid>5</uid>" +
		"<firstName>Jos\xe9</firstName><lastName>N\xda\xd1EZ</lastName><sdnType>Individual</sdnType></sdnEntry></sdnList>")
	l, err := ParseOFACXML(bytes.NewReader(in), SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Entities[0].Names[0]; got.Full != "José NÚÑEZ" || got.Given != "José" || got.Family != "NÚÑEZ" {
		t.Errorf("name %+v", got)
	}
	if l.Tolerated != nil {
		t.Errorf("a declared encoding is not dirt: %q", l.Tolerated)
	}
}

func TestOFACXMLParseDOB(t *testing.T) {
	tests := []struct {
		in   string
		want Birthdate
		ok   bool
	}{
		{"1962", Birthdate{Date: PartialDate{Year: 1962}}, true},
		{"10 Dec 1948", Birthdate{Date: PartialDate{Year: 1948, Month: 12, Day: 10}}, true},
		{"Dec 1948", Birthdate{Date: PartialDate{Year: 1948, Month: 12}}, true},
		{"circa 1970", Birthdate{Date: PartialDate{Year: 1970}, Circa: true}, true},
		{"Circa 01 Jan 1960", Birthdate{Date: PartialDate{Year: 1960, Month: 1, Day: 1}, Circa: true}, true},
		{"1955 to 1958", Birthdate{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}}, true},
		{"circa 1955 - 1958", Birthdate{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}, Circa: true}, true},
		{"1955-1958", Birthdate{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}}, true},
		{"01 Jan 1960 to 31 Dec 1961", Birthdate{Date: PartialDate{Year: 1960, Month: 1, Day: 1},
			To: PartialDate{Year: 1961, Month: 12, Day: 31}}, true},
		{"1980-01-01", Birthdate{Date: PartialDate{Year: 1980, Month: 1, Day: 1}}, true},
		{"approximately 1950", Birthdate{Date: PartialDate{Year: 1950}, Circa: true}, true},
		{"CIRCA 1970", Birthdate{Date: PartialDate{Year: 1970}, Circa: true}, true},
		{"1955 TO 1958", Birthdate{Date: PartialDate{Year: 1955}, To: PartialDate{Year: 1958}}, true},
		{"İİİİİİİİİİİİİ to 1960", Birthdate{}, false}, // lower-casing changes the byte length
		{"early 1960s", Birthdate{}, false},
		{"31 Feb 1960", Birthdate{}, false},
		{"1955 to", Birthdate{}, false},
		{"circa", Birthdate{}, false},
		{"", Birthdate{}, false},
	}
	for _, tc := range tests {
		got, ok := parseBirthdateText(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseBirthdateText(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestListXMLDeclaredEncoding(t *testing.T) {
	tests := map[string]string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>`: "utf-8",
		`<?xml version='1.0' encoding='ISO-8859-1'?>`:                 "iso-8859-1",
		"  \n<?xml version=\"1.0\" encoding = \"windows-1252\" ?>":    "windows-1252",
		`<?xml version="1.0" standalone="yes"?>`:                      "",
		`<sdnList encoding="latin1">`:                                 "",
		`<?xml version="1.0" encoding="x`:                             "",
	}
	for in, want := range tests {
		if got := xmlDeclaredEncoding([]byte(in)); got != want {
			t.Errorf("xmlDeclaredEncoding(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseOFACXML checks that no input panics, that failures are
// positioned errors wrapping a sentinel, and that successes are coherent.
func FuzzParseOFACXML(f *testing.F) {
	addFixtureSeeds(f, filepath.Join("..", "testdata", "lists", "ofac-xml", "*.xml"))
	f.Add([]byte("<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName><dateOfBirthList><dateOfBirthItem>" +
		"<dateOfBirth>circa 1955 to 1958</dateOfBirth></dateOfBirthItem></dateOfBirthList></sdnEntry></sdnList>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		l, err := ParseOFACXML(bytes.NewReader(in), SourceOFACSDN)
		if err != nil {
			xmlFuzzCheckError(t, err)
			return
		}
		sum := sha256.Sum256(in)
		if l.SHA256 != hex.EncodeToString(sum[:]) {
			t.Fatalf("SHA256 %s does not cover the input", l.SHA256)
		}
		xmlFuzzCheckList(t, l, "ofac-sdn:")
		for _, e := range l.Entities {
			if len(e.Names) == 0 || e.Names[0].Kind != NamePrimary {
				t.Fatalf("%s: no primary name first: %+v", e.ID, e.Names)
			}
		}
	})
}

func xmlFuzzCheckError(t *testing.T, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %T %v is not a *ParseError", err, err)
	}
	for _, s := range []error{ErrSyntax, ErrMissingField, ErrInvalidValue, ErrUnknownFormat, ErrEmpty} {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error %v wraps no sentinel", err)
}

func xmlFuzzCheckList(t *testing.T, l *List, prefix string) {
	t.Helper()
	if len(l.Entities) == 0 {
		t.Fatal("success without entities")
	}
	seen := map[string]bool{}
	for _, e := range l.Entities {
		if !strings.HasPrefix(e.ID, prefix) || seen[e.ID] {
			t.Fatalf("bad or repeated ID %q", e.ID)
		}
		seen[e.ID] = true
		for _, n := range e.Names {
			if n.Full == "" || n.Full != CleanText(n.Full) || n.Script == "" {
				t.Fatalf("%s: unclean name %+v", e.ID, n)
			}
		}
		for _, b := range e.BirthDates {
			if b.Date.IsZero() || !b.Date.valid() || (!b.To.IsZero() && !b.To.valid()) {
				t.Fatalf("%s: impossible birthdate %+v", e.ID, b)
			}
		}
		for _, c := range append(append([]string{}, e.Nationalities...), e.Citizenships...) {
			if len(c) != 2 {
				t.Fatalf("%s: country %q is not alpha-2", e.ID, c)
			}
		}
		if _, err := json.Marshal(e); err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
	}
}
