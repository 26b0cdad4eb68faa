package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func euFSFFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "lists", "eu-fsf-xml", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseEUFSFXMLRealExcerpt(t *testing.T) {
	raw, err := os.ReadFile(sharedList(t, "eu/excerpt_xmlFullSanctionsList_1_1.xml"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ParseEUFSFXML(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	// PROVENANCE.md: 5 sanctionEntity, generationDate 2026-08-05T16:47:04.449+02:00.
	if l.Source != SourceEUFSF || l.Format != FormatEUFSFXML {
		t.Errorf("Source, Format = %s, %s", l.Source, l.Format)
	}
	if want := time.Date(2026, 8, 5, 14, 47, 4, 449e6, time.UTC); !l.Published.Equal(want) || l.Published.Location() != time.UTC {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	sum := sha256.Sum256(raw)
	if l.SHA256 != hex.EncodeToString(sum[:]) || !strings.HasPrefix(l.SHA256, "a05187aa9bbab3bb") {
		t.Errorf("SHA256 = %s", l.SHA256)
	}
	// Three wholeNames hold double spaces ("Tionscail  Ceimiceán Parchin").
	if want := []string{"runs of white space inside nameAlias wholeName: 3 times, first at line 65"}; !reflect.DeepEqual(l.Tolerated, want) {
		t.Errorf("Tolerated = %q", l.Tolerated)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID)
	}
	// logicalId is the numeric sanctionEntity@logicalId, not the EU reference number.
	if want := []string{"eu-fsf:191", "eu-fsf:521", "eu-fsf:3822", "eu-fsf:6106", "eu-fsf:6177"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("IDs = %v, want %v", ids, want)
	}

	// EU.3579.2: the first aliases are French-tagged variants; the name of
	// the designation, with the lowest logicalId (289), is primary.
	xmlTestCompare(t, l.Entities[0], Entity{
		ID: "eu-fsf:191", Source: SourceEUFSF, Type: TypePerson,
		Names: []Name{
			xmlTestName("Khalid Sheikh MOHAMMED", "Khalid Sheikh", "MOHAMMED", NamePrimary, "Latn"),
			xmlTestName("Bin Khalid Fahd Bin Adballah", "", "", NameAlias, "Latn"),
			xmlTestName("Wadood Khalid Adbul", "", "", NameAlias, "Latn"),
			xmlTestName("Henin Ashraf Refaat Nabith", "", "", NameAlias, "Latn"),
			xmlTestName("Bin Khalid Fahd Bin Abdallah", "", "", NameAlias, "Latn"),
			xmlTestName("Wadood Khalid Abdul", "", "", NameAlias, "Latn"),
			xmlTestName("Ali Salem", "", "", NameAlias, "Latn"),
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1965, Month: 4, Day: 14}},
			{Date: PartialDate{Year: 1964, Month: 3, Day: 1}},
		},
		BirthPlaces: []string{"Pakistan"}, // city "-", country PK
		Gender:      "male",
		// passport country "00" (UNKNOWN) is dropped
		Identifiers: []Identifier{{Type: IDPassport, Number: "488555", Label: "National passport"}},
		Programs:    []string{"TERR"},
		Remarks:     "EU reference number: EU.3579.2",
	})
	xmlTestCompare(t, l.Entities[1], Entity{
		ID: "eu-fsf:521", Source: SourceEUFSF, Type: TypePerson,
		Names: []Name{
			xmlTestName("Haji Ahmad Jan", "", "", NamePrimary, "Latn"),
			xmlTestName("Ahmed Jan Akhund", "", "", NameAlias, "Latn"),
			xmlTestName("Ahmed Jan Akhundzada Wazir", "", "", NameAlias, "Latn"),
		},
		BirthDates: []Birthdate{{Date: PartialDate{Year: 1953}, To: PartialDate{Year: 1958}, Circa: true}},
		BirthPlaces: []string{
			"Tirin Kot District, Uruzgan Province, Afghanistan",
			"Kandahar province, Afghanistan",
		},
		Citizenships: []string{"AF"},
		Programs:     []string{"AFG"},
		Titles:       []string{"Maulavi", "Minister of Water and Electricity under the Taliban regime"},
		ListedOn:     PartialDate{Year: 2001, Month: 1, Day: 25},
		Remarks: "EU reference number: EU.502.12; Believed to be in Afghanistan/ Pakistan border area. " +
			"Review pursuant to Security Council Resolution 1822 (2008) was concluded on 21 Jul. 2010. " +
			"INTERPOL-UN Security Council Special Notice web link: https://www.interpol.int/en/notice/search/un/ 4678353; " +
			"date of birth: between 1953 and 1958",
	})

	pci := l.Entities[2]
	xmlTestCompare(t, pci, Entity{
		ID: "eu-fsf:3822", Source: SourceEUFSF, Type: TypeOrganization,
		Names: []Name{
			xmlTestName("Parchin Chemical Industries (PCI)", "", "", NamePrimary, "Latn"),
			xmlTestName("Tionscail Ceimiceán Parchin", "", "", NameAlias, "Latn"),
			xmlTestName("Parcsini Vegyipari Vállalat", "", "", NameAlias, "Latn"),
			xmlTestName("Industrias Químicas Parchin", "", "", NameAlias, "Latn"),
			xmlTestName("Parchin-Militärbasis", "", "", NameAlias, "Latn"),
			xmlTestName("Parchin Chemical Ind (PCF)", "", "", NameAlias, "Latn"),
			xmlTestName("Para Chemical Industries", "", "", NameAlias, "Latn"),
			xmlTestName("PCF", "", "", NameAlias, "Latn"),
			xmlTestName("صنایع شیمیایی پارچین", "", "", NameAlias, "Arab"),
			xmlTestName("PCF Chemical Industries Group", "", "", NameAlias, "Latn"),
			xmlTestName("Parchin Chemical Factories Chemical Industries Group", "", "", NameAlias, "Latn"),
			xmlTestName("PCI", "", "", NameAlias, "Latn"),
			xmlTestName("PCI Group", "", "", NameAlias, "Latn"),
			xmlTestName("Parchin Chemical Industry Group", "", "", NameAlias, "Latn"),
			xmlTestName("Parchin Chemical Factories", "", "", NameAlias, "Latn"),
			xmlTestName("Parchin Military Base", "", "", NameAlias, "Latn"),
		},
		Addresses: []Address{
			{Street: "Pasdaran Square, P.O. Box 16765/358", City: "Tehran", Country: "IR"},
			{Street: "Khavaran Road Km 30-35, Parchin Special Road", City: "Varamin, Parchin", Country: "IR"},
			{Street: "Parchin Forked Rd., 35th km. Khavaran Rd., Pakdasht", City: "Tehran", Country: "IR"},
			{Street: "2nd Floor, Sanam Bldg., Nobonyad Sq.", City: "Tehran", Country: "IR"},
			{Street: "2nd Floor, Sanam Bldg., 3rd Floor, Sanam Bldg., Nobonyad Square, P.O. Box 16765/358",
				City: "Tehran", Country: "IR"},
			{Street: "Nobonyad Square", City: "Tehran", PostalCode: "15765-358", Country: "IR"},
		},
		Identifiers: []Identifier{
			{Type: IDWebsite, Number: "http://icig.ir/", Label: "WEB"},
			{Type: IDPhone, Number: "+98 21 2258929", Label: "PHONE"},
			{Type: IDPhone, Number: "+98 21 35243153", Label: "PHONE"},
			{Type: IDPhone, Number: "+98 21 3130626", Label: "PHONE"},
			{Type: IDRegistration, Number: "892", Label: "Registration Number",
				Note: "Registration no.: Cooperative Company Registration No 892"},
		},
		Programs: []string{"IRN"},
		ListedOn: PartialDate{Year: 2008, Month: 6, Day: 23},
		Remarks:  pci.Remarks, // checked below
	})
	for _, frag := range []string{
		"EU reference number: EU.3953.70; UN designation:24/03/2007 (no longer valid); ",
		"Shen Weisheng (director and general manager of Zhejiang Qingji); Parchin Chemical Industries (PCI): " +
			"Parchin Chemical Industries (PCI) produces ammunition, explosives and solid propellants for rockets " +
			"and missiles; PCF: Parchin Chemical Factories; ",
		"Parchin Chemical Industries (PCI): Cooperative Company Registration No 892. Part of the Chemical " +
			"Industries and Development of Material Group (CIDMG), which is a branch of Iran’s Defense Industries " +
			"Organization (DIO), which falls under Ministry of Defense and Armed Forces Logistics (MODAFL). " +
			"Associated entities: Ministry of Defense",
		"PCF: Parchin Chemical Factories; PCI: Parchin Chemical Industries; PCI Group: Parchin Chemical " +
			"Industry Group; address: Factory; address: Head Office. Cooperative Company Registration No 892.",
	} {
		if !strings.Contains(pci.Remarks, frag) {
			t.Errorf("3822 remarks lack %q:\n%s", frag, pci.Remarks)
		}
	}
	if strings.ContainsAny(pci.Remarks, "\r\n") {
		t.Errorf("3822 remarks keep newlines: %q", pci.Remarks)
	}

	xmlTestCompare(t, l.Entities[3], Entity{
		ID: "eu-fsf:6106", Source: SourceEUFSF, Type: TypePerson,
		Names: []Name{
			xmlTestName("Abu Zayd Umar DORDA", "Abu Zayd Umar", "DORDA", NamePrimary, "Latn"),
			xmlTestName("Dorda Abuzed OE", "", "", NameAlias, "Latn"),
			xmlTestName("ABÚ ZAJD UMAR DÚRDA", "", "", NameAlias, "Latn"),
			xmlTestName("Abu Zayd Umar Hmeid Dorda", "", "", NameAlias, "Latn"),
		},
		BirthDates:  []Birthdate{{Date: PartialDate{Year: 1944, Month: 4, Day: 4}}},
		BirthPlaces: []string{"Alrhaybat"},
		Addresses:   []Address{{Country: "LY"}},
		Identifiers: []Identifier{{Type: IDPassport, Number: "FK117RK0", Country: "LY", Label: "National passport",
			Note: "issued 2018-11-25; valid to 2026-11-24; region Tripoli"}},
		Programs: []string{"LBY"},
		Titles:   []string{"Director, External Security Organisation. Head of external intelligence agency."},
		ListedOn: PartialDate{Year: 2011, Month: 2, Day: 26},
		Remarks: "EU reference number: EU.3886.3; UN reference: LYi.006; Listed pursuant to paragraph 15 of " +
			"resolution 1970 (Travel Ban). Listed on 17 March 2011 pursuant to paragraph 17 of resolution 1970 " +
			"(Asset Freeze).; address: Libya (Believed status/location: residing in Egypt)",
	})

	asiri := l.Entities[4]
	xmlTestCompare(t, asiri, Entity{
		ID: "eu-fsf:6177", Source: SourceEUFSF, Type: TypePerson,
		Names: []Name{
			xmlTestName("Ibrahim Hassan Tali Al-Asiri", "Ibrahim Hassan Tali", "Al-Asiri", NamePrimary, "Latn"),
			xmlTestName("إبراهيم حسن طالع عسيري", "", "", NameAlias, "Arab"),
			xmlTestName("إبراهيم حسن طالع العسيري", "", "", NameAlias, "Arab"),
			xmlTestName("Ibrahim al-'Asiri", "", "", NameAlias, "Latn"),
			xmlTestName("Abu-Salaah", "", "", NameWeakAlias, "Latn"),
			xmlTestName("Abosslah", "", "", NameWeakAlias, "Latn"),
			xmlTestName("Abu Saleh", "Abu", "Saleh", NameWeakAlias, "Latn"), // "low quality aliias"
			xmlTestName("Ibrahim Hassan Al Asiri", "Ibrahim Hassan", "Al Asiri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hasan Tali al-’Asiri", "Ibrahim Hasan Tali", "al-’Asiri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hassan Tali Asiri", "Ibrahim Hassan Tali", "Asiri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hasan Talea Aseeri", "Ibrahim Hasan Talea", "Aseeri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hassan al-Asiri", "Ibrahim Hassan", "al-Asiri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hasan Tali Asiri", "Ibrahim Hasan Tali", "Asiri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hassan Tali Assiri", "Ibrahim Hassan Tali", "Assiri", NameAlias, "Latn"),
			xmlTestName("Ibrahim Hasan Tali’A ’Asiri", "Ibrahim Hasan Tali’A", "’Asiri", NameAlias, "Latn"),
		},
		// 1982-04-18 and 1982-04-19 are Gregorian; the Hijri 24/06/1402
		// converts to 1982-04-19 and adds nothing new. 1402 is never a year.
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1982, Month: 4, Day: 18}},
			{Date: PartialDate{Year: 1982, Month: 4, Day: 19}},
		},
		BirthPlaces:  []string{"Riyadh, Saudi Arabia"},
		Citizenships: []string{"SA"},
		Addresses:    []Address{{Country: "YE"}},
		Identifiers: []Identifier{
			{Type: IDNationalID, Number: "1028745097", Country: "SA", Label: "National identification card",
				Note: "(national civil identification number)"},
			{Type: IDPassport, Number: "F654645", Country: "SA", Label: "National passport",
				Note: "known expired; issued 2005-04-30; valid to 2010-03-07; Saudi Arabian passport number, " +
					"issued on 30.4.2005, expired on 7.3.2010, issue date in Hijri Calendar 24.06.1426, " +
					"expiry date in Hijri Calendar 21.03.1431"},
		},
		Programs: []string{"TAQA"},
		Titles:   []string{"Operative and principal bomb maker of Al-Qaida in the Arabian Peninsula (AQAP)"},
		ListedOn: PartialDate{Year: 2011, Month: 3, Day: 24},
		Remarks: "EU reference number: EU.3092.36; Ibrahim Hassan Tali Al-Asiri: Believed to be hiding in Yemen " +
			"as at March 2011; Wanted by Saudi Arabia; Reportedly deceased; Also associated with Nasir " +
			"‘abd-al-Karim ‘Abdullah Al-Wahishi (deceased), Qasim Yahya Mahdi al-Rimi, and Anwar Nasser " +
			"Abdulla Al-Aulaqi (deceased); date of birth 24/06/1402 (Hijri calendar; Gregorian 1982-04-19)",
	})
}

func TestParseEUFSFXMLFixture(t *testing.T) {
	raw := euFSFFixture(t, "small.xml")
	l, err := ParseEUFSFXML(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if l.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 = %s", l.SHA256)
	}
	if want := []string{"runs of white space inside nameAlias wholeName: 2 times, first at line 3"}; !reflect.DeepEqual(l.Tolerated, want) {
		t.Errorf("Tolerated = %q", l.Tolerated)
	}
	if len(l.Entities) != 3 {
		t.Fatalf("%d entities", len(l.Entities))
	}
	xmlTestCompare(t, l.Entities[0], Entity{
		ID: "eu-fsf:13", Source: SourceEUFSF, Type: TypePerson,
		Names: []Name{
			// the split, lowest-logicalId Latin alias; the Arabic one (16) and
			// the French copy (20001, same text) do not win
			xmlTestName("Saddam Hussein AL-TIKRITI", "Saddam Hussein", "AL-TIKRITI", NamePrimary, "Latn"),
			xmlTestName("صدام حسين التكريتي", "", "", NameAlias, "Arab"),
			xmlTestName("Abu Ali", "", "", NameWeakAlias, "Latn"),  // strong="false"
			xmlTestName("Abou Ali", "", "", NameWeakAlias, "Latn"), // remark "low quality alias"
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1937, Month: 4, Day: 28}},
			{Date: PartialDate{Year: 1939}, Circa: true},
		},
		BirthPlaces:  []string{"al-Awja, near Tikrit, Iraq"},
		Citizenships: []string{"IQ"}, // "00" skipped
		Gender:       "male",
		Identifiers: []Identifier{{Type: IDPassport, Number: "M0003264580", Country: "IQ", Label: "National passport",
			Note: "known expired; issued 2001-01-01; valid to 2011-01-01"}},
		Programs: []string{"IRQ"},
		Titles:   []string{"Former President of Iraq"},
		ListedOn: PartialDate{Year: 2003, Month: 7, Day: 7},
		Remarks:  "EU reference number: EU.27.28; UN reference: IQi.001; Former President of Iraq. Listed pursuant to resolution 1483.",
	})
	xmlTestCompare(t, l.Entities[1], Entity{
		ID: "eu-fsf:3822", Source: SourceEUFSF, Type: TypeOrganization,
		Names: []Name{
			xmlTestName("Parchin Chemical Industries (PCI)", "", "", NamePrimary, "Latn"),
			xmlTestName("Tionscail Ceimiceán Parchin", "", "", NameAlias, "Latn"),
			xmlTestName("صنایع شیمیایی پارچین", "", "", NameAlias, "Arab"),
		},
		Addresses: []Address{
			{Street: "Pasdaran Square, P.O. Box 16765/358", City: "Tehran", Country: "IR"},
			{Street: "Khavaran Road Km 30-35", City: "Varamin, Parchin", Country: "IR"},
		},
		Identifiers: []Identifier{
			{Type: IDWebsite, Number: "http://icig.ir/", Label: "WEB"},
			{Type: IDPhone, Number: "+98 21 2258929", Label: "PHONE"},
			{Type: IDPhone, Number: "+98 21 35243153", Label: "PHONE"},
			{Type: IDRegistration, Number: "892", Label: "Registration Number",
				Note: "Registration no.: Cooperative Company Registration No 892"},
		},
		Programs: []string{"IRN"},
		ListedOn: PartialDate{Year: 2008, Month: 6, Day: 23},
		Remarks: "EU reference number: EU.3953.70; UN designation:24/03/2007 (no longer valid); " +
			"Parchin Chemical Industries (PCI): Cooperative Company Registration No 892. Part of the Chemical " +
			"Industries and Development of Material Group (CIDMG).; address: Factory",
	})
	xmlTestCompare(t, l.Entities[2], Entity{
		ID: "eu-fsf:6177", Source: SourceEUFSF, Type: TypePerson,
		Names: []Name{
			xmlTestName("Ibrahim Hassan Tali Al-Asiri", "Ibrahim Hassan Tali", "Al-Asiri", NamePrimary, "Latn"),
			xmlTestName("إبراهيم حسن طالع عسيري", "", "", NameAlias, "Arab"),
			xmlTestName("Abu Saleh", "Abu", "Saleh", NameWeakAlias, "Latn"),
		},
		// Hijri 24/06/1402 with its conversion; Hijri 1401 alone is only a remark.
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1982, Month: 4, Day: 19}},
			{Date: PartialDate{Year: 1981}, To: PartialDate{Year: 1983}, Circa: true},
		},
		BirthPlaces:  []string{"Riyadh, Saudi Arabia"},
		Citizenships: []string{"SA"},
		Identifiers: []Identifier{{Type: IDNationalID, Number: "1028745097", Country: "SA",
			Label: "National identification card", Note: "known false; (national civil identification number)"}},
		Programs: []string{"TAQA"},
		Titles:   []string{"Operative of Al-Qaida in the Arabian Peninsula (AQAP)"},
		ListedOn: PartialDate{Year: 2011, Month: 3, Day: 24},
		Remarks: "EU reference number: EU.3092.36; UN reference: QDi.282; Ibrahim Hassan Tali Al-Asiri: Believed " +
			"to be hiding in Yemen as at March 2011; date of birth 24/06/1402 (Hijri calendar; Gregorian 1982-04-19); " +
			"date of birth 1401 (Hijri calendar); date of birth: between 1981 and 1983",
	})
}

func TestParseEUFSFXMLDirty(t *testing.T) {
	raw := euFSFFixture(t, "dirty.xml")
	l, err := ParseEUFSFXML(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"UTF-8 byte-order mark: once, first at line 1",
		"bytes that are not UTF-8 read as windows-1252: 4 times, first at line 8",
		"countryIso2Code that is not an ISO 3166 code, kept in remarks: once, first at line 3",
		"identification without number: once, first at line 3",
		"runs of white space inside nameAlias wholeName: once, first at line 3",
		"white space around logicalId: once, first at line 3",
	}
	if !reflect.DeepEqual(l.Tolerated, want) {
		t.Errorf("Tolerated =\n%q\nwant\n%q", l.Tolerated, want)
	}
	xmlTestCompare(t, l.Entities[0], Entity{
		ID: "eu-fsf:7001", Source: SourceEUFSF, Type: TypePerson, // subjectType "Person"
		Names:    []Name{xmlTestName("José GARCÍA", "José", "GARCÍA", NamePrimary, "Latn")},
		Gender:   "male",
		Programs: []string{"UKR"},
		ListedOn: PartialDate{Year: 2022, Month: 2, Day: 28},
		Remarks:  "EU reference number: EU.7001.1; citizenship XX ATLANTIS",
	})
	bytewise, err := ParseEUFSFXML(iotest.OneByteReader(bytes.NewReader(raw)))
	if err != nil || !reflect.DeepEqual(bytewise, l) {
		t.Errorf("one-byte reads differ: %v\n%+v\n%+v", err, bytewise, l)
	}
}

func TestParseEUFSFXMLErrors(t *testing.T) {
	entity := func(attrs, body string) []byte {
		return []byte(`<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-08-05">` + "\n" +
			`<sanctionEntity ` + attrs + `>` + body + `</sanctionEntity></export>`)
	}
	tests := []struct {
		name    string
		input   []byte
		want    error
		line    int // 0: any line > 0; -1: no line
		element string
		field   string
	}{
		{"truncated", euFSFFixture(t, "truncated.xml"), ErrSyntax, 20, "", ""},
		{"missing logicalId", euFSFFixture(t, "missing_logicalid.xml"), ErrMissingField, 42, "sanctionEntity", "logicalId"},
		{"bad generationDate", euFSFFixture(t, "bad_generation_date.xml"), ErrInvalidValue, 2, "export", "generationDate"},
		{"no entities", euFSFFixture(t, "empty.xml"), ErrEmpty, -1, "export", ""},
		{"empty input", nil, ErrEmpty, -1, "export", ""},
		{"other root", []byte("<sdnList>\n<sdnEntry/></sdnList>"), ErrUnknownFormat, 1, "sdnList", ""},
		{"text", []byte("Entity_LogicalId;NameAlias_WholeName\n13;Saddam\n"), ErrSyntax, 0, "", ""},
		{"bad logicalId", entity(`logicalId="EU.1.2"`, ""), ErrInvalidValue, 2, "sanctionEntity", "logicalId"},
		{"duplicate logicalId", []byte("<export><sanctionEntity logicalId=\"1\"/>\n<sanctionEntity logicalId=\"1\"/></export>"),
			ErrInvalidValue, 2, "sanctionEntity", "logicalId"},
		{"bad designationDate", entity(`logicalId="1" designationDate="2011-02-31"`, ""), ErrInvalidValue, 2,
			"sanctionEntity", "designationDate"},
		{"bad subjectType", entity(`logicalId="1"`, `<subjectType code="robot"/>`), ErrInvalidValue, 2,
			"sanctionEntity/subjectType", "code"},
		{"unclosed attribute", []byte("<export>\n<sanctionEntity logicalId=\"1></export>"), ErrSyntax, 0, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseEUFSFXML(bytes.NewReader(tc.input))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v (list %v), want %v", err, l, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err %T is not a *ParseError", err)
			}
			if pe.Source != "EU-FSF eu-fsf-xml" {
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

func TestParseEUFSFXMLBirthdates(t *testing.T) {
	tests := []struct {
		name   string
		attrs  string
		want   []Birthdate
		remark string // a fragment Remarks must hold, or ""
	}{
		{"full", `birthdate="1965-04-14" dayOfMonth="14" monthOfYear="4" year="1965"`,
			[]Birthdate{{Date: PartialDate{Year: 1965, Month: 4, Day: 14}}}, ""},
		{"year and month", `monthOfYear="7" year="1970"`, []Birthdate{{Date: PartialDate{Year: 1970, Month: 7}}}, ""},
		{"day without month", `dayOfMonth="3" year="1970"`, []Birthdate{{Date: PartialDate{Year: 1970}}}, ""},
		{"day and month only", `dayOfMonth="3" monthOfYear="5"`, []Birthdate{{Date: PartialDate{Month: 5, Day: 3}}}, ""},
		{"range", `yearRangeFrom="1953" yearRangeTo="1958"`,
			[]Birthdate{{Date: PartialDate{Year: 1953}, To: PartialDate{Year: 1958}}}, ""},
		{"open range", `yearRangeFrom="" yearRangeTo="1958"`, []Birthdate{{Date: PartialDate{Year: 1958}}}, ""},
		{"circa", `circa="true" year="1960"`, []Birthdate{{Date: PartialDate{Year: 1960}, Circa: true}}, ""},
		{"impossible", `dayOfMonth="31" monthOfYear="2" year="1970"`, nil, "date of birth: 31/2/1970"},
		{"reversed range", `yearRangeFrom="1960" yearRangeTo="1950"`, nil, "date of birth: 1960 to 1950"},
		{"unreadable", `birthdate="sometime"`, nil, "date of birth: sometime"},
		{"hijri converted", `calendarType="ISLAMIC" birthdate="1982-04-19" dayOfMonth="24" monthOfYear="6" year="1402"`,
			[]Birthdate{{Date: PartialDate{Year: 1982, Month: 4, Day: 19}}},
			"date of birth 24/06/1402 (Hijri calendar; Gregorian 1982-04-19)"},
		{"hijri not converted", `calendarType="ISLAMIC" birthdate="1402-06-24" dayOfMonth="24" monthOfYear="6" year="1402"`,
			nil, "date of birth 24/06/1402 (Hijri calendar)"},
		{"hijri year", `calendarType="ISLAMIC" year="1380" circa="true"`, nil, "date of birth circa 1380 (Hijri calendar)"},
		{"hijri range", `calendarType="ISLAMIC" yearRangeFrom="1380" yearRangeTo="1382"`, nil,
			"date of birth 1380 to 1382 (Hijri calendar)"},
		{"place only", `city="Kabul" countryIso2Code="AF"`, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := `<export><sanctionEntity logicalId="1"><subjectType code="person"/>` +
				`<nameAlias wholeName="A B" strong="true"/><birthdate ` + tc.attrs + `/></sanctionEntity></export>`
			l, err := ParseEUFSFXML(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			e := l.Entities[0]
			if !reflect.DeepEqual(e.BirthDates, tc.want) {
				t.Errorf("BirthDates = %+v, want %+v", e.BirthDates, tc.want)
			}
			if tc.remark != "" && !strings.Contains(e.Remarks, tc.remark) {
				t.Errorf("Remarks = %q, want it to hold %q", e.Remarks, tc.remark)
			}
			if tc.remark == "" && e.Remarks != "" {
				t.Errorf("Remarks = %q, want none", e.Remarks)
			}
		})
	}
}

func TestParseEUFSFXMLPrimaryName(t *testing.T) {
	tests := []struct {
		name    string
		aliases string
		want    []Name
	}{
		{"only weak", `<nameAlias wholeName="Abu X" strong="false" logicalId="1"/><nameAlias wholeName="Abu Y" logicalId="2"><remark>low quality alias</remark></nameAlias>`,
			[]Name{xmlTestName("Abu X", "", "", NameWeakAlias, "Latn"), xmlTestName("Abu Y", "", "", NameWeakAlias, "Latn")}},
		{"only non-Latin", `<nameAlias wholeName="Иван ИВАНОВ" strong="true" logicalId="5"/><nameAlias wholeName="Іван ІВАНОВ" strong="true" logicalId="4"/>`,
			[]Name{xmlTestName("Иван ИВАНОВ", "", "", NamePrimary, "Cyrl"), xmlTestName("Іван ІВАНОВ", "", "", NameAlias, "Cyrl")}},
		{"no logicalIds: file order", `<nameAlias wholeName="Иван ИВАНОВ"/><nameAlias wholeName="Ivan IVANOV"/><nameAlias wholeName="Iwan IWANOW"/>`,
			[]Name{xmlTestName("Ivan IVANOV", "", "", NamePrimary, "Latn"), xmlTestName("Иван ИВАНОВ", "", "", NameAlias, "Cyrl"),
				xmlTestName("Iwan IWANOW", "", "", NameAlias, "Latn")}},
		{"parts without wholeName", `<nameAlias firstName="Ivan" middleName="Petrovich" lastName="IVANOV" wholeName="" logicalId="9"/>`,
			[]Name{xmlTestName("Ivan Petrovich IVANOV", "Ivan Petrovich", "IVANOV", NamePrimary, "Latn")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := `<export><sanctionEntity logicalId="1"><subjectType code="person"/>` + tc.aliases + `</sanctionEntity></export>`
			l, err := ParseEUFSFXML(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			if got := l.Entities[0].Names; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Names = %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// FuzzParseEUFSFXML checks that no input panics, that failures are
// positioned errors wrapping a sentinel, and that successes are coherent.
func FuzzParseEUFSFXML(f *testing.F) {
	addFixtureSeeds(f, filepath.Join("..", "testdata", "lists", "eu-fsf-xml", "*.xml"))
	f.Add([]byte(`<export><sanctionEntity logicalId="1"><birthdate calendarType="ISLAMIC" birthdate="1982-04-19" year="1402"/></sanctionEntity></export>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		l, err := ParseEUFSFXML(bytes.NewReader(in))
		if err != nil {
			xmlFuzzCheckError(t, err)
			return
		}
		sum := sha256.Sum256(in)
		if l.SHA256 != hex.EncodeToString(sum[:]) {
			t.Fatalf("SHA256 %s does not cover the input", l.SHA256)
		}
		xmlFuzzCheckList(t, l, "eu-fsf:")
		for _, e := range l.Entities {
			for i, n := range e.Names {
				if n.Kind == NamePrimary && i != 0 {
					t.Fatalf("%s: primary name not first: %+v", e.ID, e.Names)
				}
			}
		}
	})
}
