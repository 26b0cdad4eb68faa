package lists

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseUKFCDOXMLRealFile(t *testing.T) {
	f, err := os.Open(sharedList(t, "uk/excerpt_UK_Sanctions_List.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := ParseUKFCDOXML(f)
	if err != nil {
		t.Fatal(err)
	}
	if l.Source != SourceUKFCDO || l.Format != FormatUKFCDOXML {
		t.Errorf("Source, Format = %s, %s", l.Source, l.Format)
	}
	if want := time.Date(2026, 9, 10, 0, 0, 0, 0, time.UTC); !l.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", l.Published, want)
	}
	if !strings.HasPrefix(l.SHA256, "8d1e38762fa20241") {
		t.Errorf("SHA256 = %s", l.SHA256)
	}
	if len(l.Tolerated) != 0 {
		t.Errorf("Tolerated = %q", l.Tolerated)
	}
	var ids []string
	for _, e := range l.Entities {
		ids = append(ids, e.ID+" "+e.Type.String())
	}
	xml2Same(t, "designations", ids, []string{
		"uk-fcdo:AFG0001 organization", "uk-fcdo:AFG0006 person", "uk-fcdo:BEL0107 organization",
		"uk-fcdo:DPR0075 vessel", "uk-fcdo:AQD0195 person",
	})
	if len(l.Entities) != 5 {
		t.FailNow()
	}
	const interpol = "INTERPOL-UN Security Council Special Notice web link: "
	want := []Entity{{
		ID: "uk-fcdo:AFG0001", Source: SourceUKFCDO, Type: TypeOrganization,
		Names: []Name{
			{Full: "HAJI KHAIRULLAH MONEY EXCHANGE", Kind: NamePrimary, Script: "Latn"},
			{Full: "Haji Alim Hawala", Kind: NameAlias, Script: "Latn"},
			{Full: "حاجی خيرالله صرافی", Kind: NameAlias, Script: "Arab"},
		},
		Addresses: []Address{
			{Street: "Ansari Market, 2nd Floor", City: "Nimroz Province", Country: "AF"},
			{Street: "Branch Office 14", City: "Dubai", Country: "AE"},
		},
		Identifiers: []Identifier{
			{Type: IDPhone, Number: "0202-104748"},
			{Type: IDEmail, Number: "helmand_exchange_msp@yahoo.com"},
		},
		Programs: []string{"The Afghanistan (Sanctions) (EU Exit) Regulations 2020"},
		ListedOn: PartialDate{Year: 2012, Month: 6, Day: 29},
		Remarks: "Afghan Money Service Provider License Number: 044. Associated with Abdul Sattar (TAi.162). " +
			interpol + "https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices-Individuals\n" +
			"UN reference: TAe.010\nOFSI group ID: 12703\nDesignation source: UN\nSanctions imposed: Asset freeze",
	}, {
		ID: "uk-fcdo:AFG0006", Source: SourceUKFCDO, Type: TypePerson,
		Names: []Name{
			{Full: "MOHAMMAD HASSAN AKHUND", Given: "MOHAMMAD HASSAN", Family: "AKHUND", Kind: NamePrimary, Script: "Latn"},
			{Full: "Mohammad Akhwand", Given: "Mohammad", Family: "Akhwand", Kind: NameAlias, Script: "Latn"},
			{Full: "محمد حسن آخوند", Kind: NameAlias, Script: "Arab"},
		},
		BirthDates: []Birthdate{
			{Date: PartialDate{Year: 1958, Month: 5, Day: 12}},
			{Date: PartialDate{Year: 1945}},
			{Date: PartialDate{Year: 1946}},
		},
		BirthPlaces:   []string{"Pashmul village, Panjwai District, Afghanistan"},
		Nationalities: []string{"AF"},
		Gender:        "male",
		Addresses:     []Address{{City: "Kabul", Country: "AF"}},
		Identifiers: []Identifier{
			{Type: IDPassport, Number: "P04581926", Label: "Passport",
				Note: "Afghanistan passport number P04581926, issued in Kandahar (expires 7 August 2034)"},
			{Type: IDNationalID, Number: "2132370", Label: "National identifier",
				Note: "Afghan national identification card (tazkira) number"},
		},
		Programs: []string{"The Afghanistan (Sanctions) (EU Exit) Regulations 2020"},
		Titles:   []string{"Mullah", "Haji", "Deputy Minister of Agriculture under the Taliban regime"},
		ListedOn: PartialDate{Year: 2001, Month: 1, Day: 25},
		Remarks: "A close associate of Mullah Mohammed Omar (TAi.004). Belongs to Baabar tribe. Review pursuant " +
			"to Security Council resolution 1822 (2008) was concluded on 21 Jul. 2010. " + interpol +
			"https://www.interpol.int/en/How-we-work/ Notices/View-UN-Notices-Individuals click here\n" +
			"UN reference: TAi.002\nOFSI group ID: 7172\nDesignation source: UK, UN\nSanctions imposed: Asset freeze, Travel Ban",
	}, {
		ID: "uk-fcdo:BEL0107", Source: SourceUKFCDO, Type: TypeOrganization,
		Names: []Name{
			{Full: "BNK (UK) Ltd", Kind: NamePrimary, Script: "Latn"},
			{Full: "BNK UK Limited", Kind: NameAlias, Script: "Latn"},
			{Full: "BNK", Kind: NameWeakAlias, Script: "Latn"},
		},
		Addresses: []Address{{Street: "Salatin House, 19 Cedar Road, Sutton, Surrey", PostalCode: "SM2 5DA", Country: "GB"}},
		Identifiers: []Identifier{
			{Type: IDWebsite, Number: "http://www.belnaft.co.uk/"},
			{Type: IDRegistration, Number: "06527449", Label: "Business registration number", Note: "UK Company no."},
		},
		Programs: []string{"The Republic of Belarus (Sanctions) (EU Exit) Regulations 2019"},
		ListedOn: PartialDate{Year: 2021, Month: 6, Day: 21},
		Remarks: "The Director Disqualification Sanction was imposed on 09/04/2025.\n" +
			"UK statement of reasons: BNK (UK) Ltd is controlled by CJSC Belarusian Oil Company, the state exporter of oil products.\n" +
			"OFSI group ID: 14124\nDesignation source: UK\nSanctions imposed: Asset freeze, Director Disqualification Sanction\n" +
			"Type of entity: Oil trading company\nParent companies: CJSC Belarusian Oil Company, Belneftekhim\n" +
			"Subsidiaries: BNK (Deutschland) GmbH",
	}, {
		ID: "uk-fcdo:DPR0075", Source: SourceUKFCDO, Type: TypeVessel,
		Names: []Name{
			{Full: "Petrel 8", Kind: NamePrimary, Script: "Latn"},
			{Full: "Tian Tai 36", Kind: NameAlias, Script: "Latn"},
		},
		Identifiers: []Identifier{{Type: IDIMO, Number: "9562233", Label: "IMO number"}},
		Programs:    []string{"The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019"},
		ListedOn:    PartialDate{Year: 2017, Month: 10, Day: 3},
		Remarks: "Pursuant to paragraph 6 of Security Council Resolution 2371 (2017).\nUN reference: KPv.001\n" +
			"Designation source: UN\nSanctions imposed: Prohibition of port entry\n" +
			"Current owner/operator: Global United Shipping India\nCurrent believed flag: Comoros\n" +
			"Previous flags: India\nType of ship: Bulk Carrier\nTonnage: 7078\nLength: 134.5",
	}, {
		ID: "uk-fcdo:AQD0195", Source: SourceUKFCDO, Type: TypePerson,
		Names:         []Name{{Full: "Fadhil Harun", Kind: NamePrimary, Script: "Latn"}},
		BirthDates:    []Birthdate{{Date: PartialDate{Year: 1972}}},
		BirthPlaces:   []string{"Moroni, Comoros"},
		Nationalities: []string{"KM"},
		Gender:        "male",
		Programs:      []string{"Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019"},
		ListedOn:      PartialDate{Year: 2010, Month: 5, Day: 13},
		Remarks: "In detention in the Philippines as of May 2011. Photo available for inclusion in the " +
			"INTERPOL-UN Security Council Special Notice. Review pursuant to Security Council resolution 1822 " +
			"(2008) was concluded on 13 May 2010. web link: https://www.interpol.int/en/notice/search/un/1523805\n" +
			"UN reference: QDi.196\nOFSI group ID: 6899\nDesignation source: UN\nSanctions imposed: Asset freeze, Travel Ban",
	}}
	for i := range want {
		xml2Same(t, want[i].ID, l.Entities[i], want[i])
	}
}

func TestParseUKFCDOXMLFixture(t *testing.T) {
	l, err := ParseUKFCDOXML(bytes.NewReader(xml2Fixture(t, "uk-fcdo-xml", "valid.xml")))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entities) != 3 || len(l.Tolerated) != 0 {
		t.Fatalf("%d entities, tolerated %q", len(l.Entities), l.Tolerated)
	}
	ind := l.Entities[0]
	xml2Same(t, "names", ind.Names, []Name{
		{Full: "MOHAMMAD HASSAN AKHUND", Given: "MOHAMMAD HASSAN", Family: "AKHUND", Kind: NamePrimary, Script: "Latn"},
		{Full: "Mohammad Akhwand", Given: "Mohammad", Family: "Akhwand", Kind: NameAlias, Script: "Latn"},
		{Full: "Mullah Hassan", Kind: NameWeakAlias, Script: "Latn"},
		{Full: "محمد حسن آخوند", Kind: NameAlias, Script: "Arab"},
	})
	xml2Same(t, "DOBs", ind.BirthDates, []Birthdate{
		{Date: PartialDate{Year: 1958, Month: 5, Day: 12}},
		{Date: PartialDate{Year: 1945}},
		{Date: PartialDate{Year: 1947, Month: 8}},
		{Date: PartialDate{Year: 1946}},
	})
	if len(ind.Identifiers) != 2 {
		t.Errorf("identifiers %+v: the repeated passport should be listed once", ind.Identifiers)
	}
	xml2Same(t, "entity identifiers", l.Entities[1].Identifiers, []Identifier{
		{Type: IDPhone, Number: "+44 20 7946 0000"},
		{Type: IDWebsite, Number: "http://www.belnaft.co.uk/"},
		{Type: IDRegistration, Number: "06527449", Label: "Business registration number", Note: "UK Company no."},
	})
	ship := l.Entities[2]
	if ship.Type != TypeVessel || len(ship.Identifiers) != 1 || ship.Identifiers[0].Number != "9562233" {
		t.Errorf("ship = %+v", ship)
	}
}

func TestParseUKFCDOXMLDirty(t *testing.T) {
	l, err := ParseUKFCDOXML(bytes.NewReader(xml2Fixture(t, "uk-fcdo-xml", "dirty.xml")))
	if err != nil {
		t.Fatal(err)
	}
	xml2Same(t, "tolerated", l.Tolerated, []string{
		"DOB that is no date kept in remarks: once, first at line 4",
		"Name without NameType read as alias: once, first at line 153",
		"UTF-8 byte-order mark skipped: once, first at line 1",
		"nationality that is no known country kept in remarks: once, first at line 4",
		`unknown IndividualEntityShip "Vessel of interest" read from the details: once, first at line 153`,
		"white space around UniqueID trimmed: once, first at line 153",
	})
	if e := l.Entities[2]; e.ID != "uk-fcdo:DPR0075" || e.Type != TypeVessel || e.Names[1].Kind != NameAlias {
		t.Errorf("ship = %+v", e)
	}
	if r := l.Entities[0].Remarks; !strings.Contains(r, "Date of birth: unknown") || !strings.Contains(r, "Nationality: Atlantis") {
		t.Errorf("remarks = %q", r)
	}
}

func TestParseUKFCDOXMLErrors(t *testing.T) {
	checkPositionedErrors(t, "uk-fcdo-xml", "UK-FCDO uk-fcdo-xml", func(r *bytes.Reader) (*List, error) { return ParseUKFCDOXML(r) }, []positionedErrorCase{
		{"truncated.xml", ErrSyntax, 155, "", ""},
		{"missing_uniqueid.xml", ErrMissingField, 96, "Designation", "UniqueID"},
		{"bad_date_designated.xml", ErrInvalidValue, 96, "Designation", "DateDesignated"},
		{"bad_date_generated.xml", ErrInvalidValue, 3, "Designations", "DateGenerated"},
		{"no_names.xml", ErrMissingField, 152, "Designation", "Names"},
		{"empty.xml", ErrEmpty, 5, "", ""},
	})
	dup := strings.Replace(string(xml2Fixture(t, "uk-fcdo-xml", "valid.xml")), "BEL0107", "AFG0006", 1)
	if _, err := ParseUKFCDOXML(strings.NewReader(dup)); !errors.Is(err, ErrInvalidValue) {
		t.Errorf("duplicate UniqueID: err = %v, want ErrInvalidValue", err)
	}
	if _, err := ParseUKFCDOXML(bytes.NewReader(xml2Fixture(t, "un-xml", "valid.xml"))); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("UN file: err = %v, want ErrUnknownFormat", err)
	}
}

func TestUKFParseDOB(t *testing.T) {
	tests := []struct {
		in   string
		want PartialDate
		ok   bool
	}{
		{"12/05/1958", PartialDate{Year: 1958, Month: 5, Day: 12}, true},
		{"dd/mm/1945", PartialDate{Year: 1945}, true},
		{"DD/MM/1945", PartialDate{Year: 1945}, true},
		{"dd/08/1947", PartialDate{Year: 1947, Month: 8}, true},
		{"1946", PartialDate{Year: 1946}, true},
		{"12/05/yyyy", PartialDate{}, false},
		{"31/02/1960", PartialDate{}, false},
		{"circa 1960", PartialDate{}, false},
	}
	for _, tt := range tests {
		got, ok := ukfParseDOB(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ukfParseDOB(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseUKFCDOXML(f *testing.F) {
	addFixtureSeeds(f, filepath.Join("..", "testdata", "lists", "uk-fcdo-xml", "*.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseUKFCDOXML(bytes.NewReader(data))
		xml2CheckFuzzResult(t, data, l, err, SourceUKFCDO)
	})
}

func ExampleParseUKFCDOXML() {
	const file = `<?xml version="1.0" encoding="utf-8"?>
<Designations>
  <DateGenerated>10/09/2026</DateGenerated>
  <Designation>
    <DateDesignated>13/05/2010</DateDesignated>
    <UniqueID>AQD0195</UniqueID>
    <Names>
      <Name><Name1>Fadhil</Name1><Name6>Harun</Name6><NameType>Primary Name</NameType></Name>
      <Name><Name6>Harun Fadhil</Name6><NameType>Alias</NameType><AliasStrength>Low quality a.k.a</AliasStrength></Name>
    </Names>
    <RegimeName>Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019</RegimeName>
    <IndividualEntityShip>Individual</IndividualEntityShip>
    <IndividualDetails><Individual><DOBs><DOB>dd/mm/1972</DOB></DOBs></Individual></IndividualDetails>
  </Designation>
</Designations>`
	l, err := ParseUKFCDOXML(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := l.Entities[0]
	fmt.Println(l.Published.Format("2006-01-02"), e.ID, e.Type, e.BirthDates[0], e.ListedOn)
	for _, n := range e.Names {
		fmt.Printf("%s %q given=%q family=%q\n", n.Kind, n.Full, n.Given, n.Family)
	}
	// Output:
	// 2026-09-10 uk-fcdo:AQD0195 person 1972 2010-05-13
	// primary "Fadhil Harun" given="Fadhil" family="Harun"
	// weak_alias "Harun Fadhil" given="" family=""
}
