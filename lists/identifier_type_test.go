package lists

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

func TestClassifyIDLabel(t *testing.T) {
	tests := []struct {
		label string
		kind  idLabelKind
		typ   string
	}{
		{"Passport", idDocument, IDPassport},
		{"Diplomatic Passport", idDocument, IDPassport},
		{"National ID No.", idDocument, IDNationalID},
		{"Cedula No.", idDocument, IDNationalID},
		{"Kenyan ID No.", idDocument, IDNationalID},
		{"C.U.R.P.", idDocument, IDNationalID},
		{"Tax ID No.", idDocument, IDTaxID},
		{"V.A.T. Number", idDocument, IDTaxID},
		{"Italian Fiscal Code", idDocument, IDTaxID},
		{"RFC", idDocument, IDTaxID},
		{"Registration ID", idDocument, IDRegistration},
		{"Government Gazette Number", idDocument, IDRegistration},
		{"Unified Social Credit Code (USCC)", idDocument, IDRegistration},
		{"Trade License No.", idDocument, IDRegistration},
		{"Vessel Registration Identification", idDocument, IDIMO},
		{"MMSI", idDocument, IDMMSI},
		{"Digital Currency Address - XBT", idDocument, IDCrypto},
		{"Digital Currency Address - ETH", idDocument, IDCrypto},
		{"Website", idDocument, IDWebsite},
		{"Email Address", idDocument, IDEmail},
		{"SWIFT/BIC", idDocument, IDSWIFT},
		{"Phone Number", idDocument, IDPhone},
		{"Aircraft Tail Number", idDocument, IDAircraft},
		{"Aircraft Manufacturer's Serial Number (MSN)", idDocument, IDAircraft},
		{"ISIN", idDocument, IDOther},
		{"Driver's License No.", idDocument, IDOther},
		{"Some Future Document", idDocument, IDOther},
		{"Secondary sanctions risk:", idFact, ""},
		{"Target Type", idFact, ""},
		{"Additional Sanctions Information -", idFact, ""},
		{"Executive Order 13662 Directive Determination -", idFact, ""},
		{"Executive Order 14024 Directive Information", idFact, ""},
		{"Listing Date (EO 14024 Directive 2):", idFact, ""},
		{"Effective Date (CMIC)", idFact, ""},
		{"Organization Established Date", idFact, ""},
		{"Organization Type:", idFact, ""},
		{"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:", idFact, ""},
		{"Issuer Name", idFact, ""},
		{"Equity Ticker", idFact, ""},
		{"Aircraft Manufacture Date", idFact, ""},
		{"Vessel Year of Build", idFact, ""},
		{"Gender", idGender, ""},
		{"Nationality Country", idNationality, ""},
		{"Citizenship Country", idCitizenship, ""},
		{"Birthdate", idBirthdate, ""},
		{"Place of Birth", idBirthplace, ""},
		// The labels the three old classifiers disagreed on (see idLabels).
		{"Travel Document Number", idDocument, IDPassport},
		{"RSIN", idDocument, IDTaxID},
		{"N.I.F.", idDocument, IDTaxID},
		{"C.U.I.", idDocument, IDNationalID},
		{"C.U.I.P.", idDocument, IDNationalID},
		{"C.U.R.P. #", idDocument, IDNationalID},
		{"National Foreign ID Number", idDocument, IDNationalID},
		{"Residency Number", idDocument, IDNationalID},
		{"Romanian Permanent Resident", idDocument, IDNationalID},
		{"Birth Certificate Number", idDocument, IDNationalID},
		{"Immigration No.", idDocument, IDNationalID},
		{"Public Security and Immigration No.", idDocument, IDNationalID},
		{"LE Number", idDocument, IDRegistration},
		{"Organization Code", idDocument, IDRegistration},
		{"C.I.N.", idDocument, IDRegistration},
		{"Economic Register Number (CBLS)", idDocument, IDRegistration},
		{"Branch Unit Number", idDocument, IDRegistration},
		{"D-U-N-S Number", idDocument, IDRegistration},
		{"File Number", idDocument, IDRegistration},
		{"Permit Number", idDocument, IDRegistration},
		{"SRE Permit No.", idDocument, IDRegistration},
		{"Military Registration Number", idDocument, IDOther},
		{"Seafarer's Identification Document", idDocument, IDOther},
		{"Serial No.", idDocument, IDOther},
		{"Identification Number ISIN", idDocument, IDOther},
		{"Company Number IMO", idDocument, IDIMO},
		{"Identification Number IMO", idDocument, IDIMO},
		{"Vessel Registration Identification IMO", idDocument, IDIMO},
		{"International Maritime Organization No.", idDocument, IDIMO},
		{"Other Vessel Call Sign", idDocument, IDCallSign},
		{"Fax", idDocument, IDPhone},
		{"Fax No.", idDocument, IDPhone},
		{"Telephone Number", idDocument, IDPhone},
		{"Email", idDocument, IDEmail},
		{"Nationality of Registration", idFact, ""},
		{"Registration Country", idFact, ""},
		{"Chinese Commercial Code", idFact, ""},
		{"MICEX Code", idFact, ""},
		{"UN/LOCODE", idFact, ""},
		// Case and spaces do not matter.
		{"  travel   document NUMBER ", idDocument, IDPassport},
		// Labels nobody has seen yet, by their words.
		{"Andorran Passport Card", idDocument, IDPassport},
		{"Seychelles Tax Number", idDocument, IDTaxID},
		{"N.I.T.", idDocument, IDTaxID},
		{"Freezone Company Licence", idDocument, IDRegistration},
		{"Voter ID", idDocument, IDNationalID},
		{"Driver Permit", idDocument, IDOther},
		{"Vessel IMO", idDocument, IDIMO},
		{"Telex", idDocument, IDOther},
		{"Delisting Date", idFact, ""},
		{"Executive Order 99999 information:", idFact, ""},
		{"", idDocument, IDOther},
	}
	for _, tc := range tests {
		got := classifyIDLabel(tc.label)
		if got.kind != tc.kind || got.typ != tc.typ {
			t.Errorf("classifyIDLabel(%q) = %d, %q; want %d, %q", tc.label, got.kind, got.typ, tc.kind, tc.typ)
		}
	}
}

// Every label of idLabels is in the table once, and a document label has
// a type.
func TestIDLabelsTable(t *testing.T) {
	seen := make(map[string]bool)
	for _, l := range idLabels {
		k := strings.ToLower(l.label)
		if seen[k] {
			t.Errorf("%q twice", l.label)
		}
		seen[k] = true
		if (l.kind == idDocument) != (l.typ != "") {
			t.Errorf("%q: kind %d with type %q", l.label, l.kind, l.typ)
		}
		if l.label != CleanText(l.label) {
			t.Errorf("%q is not clean", l.label)
		}
	}
}

func TestIDLabelIdentifier(t *testing.T) {
	tests := []struct {
		label, number string
		want          Identifier
	}{
		{"Vessel Registration Identification", "IMO 9187629",
			Identifier{Type: IDIMO, Number: "9187629", Label: "Vessel Registration Identification"}},
		{"Vessel Registration Identification", "8606173",
			Identifier{Type: IDIMO, Number: "8606173", Label: "Vessel Registration Identification"}},
		// A number written as an IMO number stays one, even a short one.
		{"Vessel Registration Identification", "IMO 918762",
			Identifier{Type: IDIMO, Number: "918762", Label: "Vessel Registration Identification"}},
		// The ship's registration in its flag state.
		{"Vessel Registration Identification", "RS 150443",
			Identifier{Type: IDRegistration, Number: "RS 150443", Label: "Vessel Registration Identification"}},
		{"Vessel Registration Identification", "15411",
			Identifier{Type: IDRegistration, Number: "15411", Label: "Vessel Registration Identification"}},
		{"Company Number IMO", "IMO 5055293",
			Identifier{Type: IDIMO, Number: "5055293", Label: "Company Number IMO"}},
		{"IMO", "IMO",
			Identifier{Type: IDIMO, Number: "IMO", Label: "IMO"}},
		{"Passport", "IMO 1",
			Identifier{Type: IDPassport, Number: "IMO 1", Label: "Passport"}},
	}
	for _, tc := range tests {
		if got := classifyIDLabel(tc.label).identifier(tc.label, tc.number); got != tc.want {
			t.Errorf("%q %q: got %+v, want %+v", tc.label, tc.number, got, tc.want)
		}
	}
}

// TestIDLabelsAgreeAcrossFormats writes every label of idLabels into the
// three formats that use the Treasury's vocabulary, OFAC's sdnList XML
// (idType), the US CSL (the ids column) and OFAC's legacy CSV remarks,
// parses them, and checks that each reads a document label as an
// identifier of the table's type and a fact as no identifier.
func TestIDLabelsAgreeAcrossFormats(t *testing.T) {
	var labels []idLabel
	for _, l := range idLabels {
		if l.kind == idDocument || l.kind == idFact {
			labels = append(labels, l)
		}
	}
	number := func(i int) string { return fmt.Sprintf("%07d", 1000000+i) }

	// OFAC sdnList XML.
	var x bytes.Buffer
	x.WriteString(`<sdnList><publshInformation><Publish_Date>01/08/2026</Publish_Date><Record_Count>1</Record_Count></publshInformation>` +
		`<sdnEntry><uid>1</uid><lastName>EXAMPLE</lastName><sdnType>Entity</sdnType><idList>`)
	for i, l := range labels {
		fmt.Fprintf(&x, "<id><uid>%d</uid><idType>", i+1)
		_ = xml.EscapeText(&x, []byte(l.label))
		fmt.Fprintf(&x, "</idType><idNumber>%s</idNumber></id>", number(i))
	}
	x.WriteString(`</idList></sdnEntry></sdnList>`)
	xl, err := ParseOFACXML(&x, SourceOFACSDN)
	if err != nil {
		t.Fatal(err)
	}

	// US CSL.
	var items []string
	for i, l := range labels {
		items = append(items, number(i)+", "+l.label)
	}
	var c bytes.Buffer
	w := csv.NewWriter(&c)
	_ = w.Write([]string{"_id", "name", "ids"})
	_ = w.Write([]string{"1", "EXAMPLE", strings.Join(items, "; ")})
	w.Flush()
	cl, err := ParseUSCSLCSV(&c)
	if err != nil {
		t.Fatal(err)
	}

	// OFAC legacy CSV remarks.
	var statements []string
	for i, l := range labels {
		statements = append(statements, l.label+" "+number(i))
	}
	rem := parseOFACRemarks(strings.Join(statements, "; ") + ".")

	for name, ids := range map[string][]Identifier{
		"sdnList XML": xl.Entities[0].Identifiers,
		"US CSL":      cl.Entities[0].Identifiers,
		"remarks":     rem.Identifiers,
	} {
		byLabel := make(map[string]Identifier)
		for _, id := range ids {
			byLabel[id.Label] = id
		}
		for i, l := range labels {
			id, found := byLabel[l.label]
			switch {
			case l.kind == idFact && found:
				t.Errorf("%s: fact %q read as identifier %+v", name, l.label, id)
			case l.kind == idDocument && !found:
				t.Errorf("%s: %q not read as an identifier", name, l.label)
			case l.kind == idDocument && (id.Type != l.typ || id.Number != number(i)):
				t.Errorf("%s: %q read as %+v, want type %q number %s", name, l.label, id, l.typ, number(i))
			}
		}
	}
}

// FuzzClassifyIDLabel checks that any label gets a kind, a document one of
// the ID* types, and that building its identifier keeps the number's text.
func FuzzClassifyIDLabel(f *testing.F) {
	for _, l := range idLabels {
		f.Add(l.label, "IMO 9187629")
	}
	f.Add("Digital Currency Address - XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")
	f.Add("Executive Order 13662 Directive Determination -", "Subject to Directive 1")
	f.Add("Vessel Registration Identification", "RS 150443")
	valid := map[string]bool{IDPassport: true, IDNationalID: true, IDTaxID: true, IDRegistration: true,
		IDIMO: true, IDMMSI: true, IDCallSign: true, IDCrypto: true, IDSWIFT: true, IDEmail: true,
		IDWebsite: true, IDPhone: true, IDAircraft: true, IDOther: true}
	f.Fuzz(func(t *testing.T, label, number string) {
		l := classifyIDLabel(label)
		if (l.kind == idDocument) != valid[l.typ] || l.kind > idBirthplace {
			t.Fatalf("classifyIDLabel(%q) = kind %d type %q", label, l.kind, l.typ)
		}
		if l.kind != idDocument {
			return
		}
		id := l.identifier(label, number)
		if !valid[id.Type] || id.Label != label {
			t.Fatalf("identifier(%q, %q) = %+v", label, number, id)
		}
		if id.Type != IDIMO && id.Type != IDRegistration && id.Number != number {
			t.Fatalf("identifier(%q, %q) changed the number: %+v", label, number, id)
		}
	})
}
