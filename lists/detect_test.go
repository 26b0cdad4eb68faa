package lists

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDetectFileShared recognizes every real file in ../shared/lists, from
// its content only.
func TestDetectFileShared(t *testing.T) {
	tests := []struct {
		file string
		want Format // "" means: not a parsed format
		role OFACCSVRole
	}{
		{"ofac/sdn.csv", FormatOFACSDNCSV, OFACCSVMain},
		{"ofac/add.csv", FormatOFACSDNCSV, OFACCSVAddresses},
		{"ofac/alt.csv", FormatOFACSDNCSV, OFACCSVAliases},
		{"ofac/sdn_comments.csv", FormatOFACSDNCSV, OFACCSVComments},
		{"ofac/newer/sdn.csv", FormatOFACSDNCSV, OFACCSVMain},
		{"ofac/unmatched_2025-12-24/add.csv", FormatOFACSDNCSV, OFACCSVAddresses},
		{"ofac/unmatched_2025-12-24/alt.csv", FormatOFACSDNCSV, OFACCSVAliases},
		{"ofac/unmatched_2025-12-24/sdn_comments.csv", FormatOFACSDNCSV, OFACCSVComments},
		{"ofac_consolidated/cons_prim.csv", FormatOFACConsCSV, OFACCSVMain},
		{"ofac_consolidated/cons_add.csv", FormatOFACSDNCSV, OFACCSVAddresses},
		{"ofac_consolidated/cons_alt.csv", FormatOFACSDNCSV, OFACCSVAliases},
		{"ofac_consolidated/cons_comments.csv", FormatOFACSDNCSV, OFACCSVComments},
		{"ofac_consolidated/consolidated.xml", FormatOFACXML, 0},
		{"ofac_consolidated/CONS_ENHANCED.XML", "", 0},
		{"ofac_consolidated/cons_advanced.xml", "", 0},
		{"un/consolidated.xml", FormatUNXML, 0},
		{"eu/excerpt_xmlFullSanctionsList_1_1.xml", FormatEUFSFXML, 0},
		{"uk/excerpt_UK_Sanctions_List.xml", FormatUKFCDOXML, 0},
		{"uk/ConList.xlsx", FormatUKHMTXLSX, 0},
		{"uk/FCDO_SL_2025-08-11.ods", "", 0},
		{"canada/sema-lmes.xml", FormatCASEMAXML, 0},
		{"australia/regulation8_consolidated.xlsx", FormatAUDFATXLSX, 0},
		{"us_csl/consolidated.csv", FormatUSCSLCSV, 0},
		{"opensanctions/ua_war_sanctions.targets.simple.csv", FormatTargetsCSV, 0},
		{"opensanctions/zala_cluster.entities.ftm.json", FormatFtMJSON, 0},
		{"opensanctions/eu_fsf_sample.entities.ftm.json", FormatFtMJSON, 0},
		{"PROVENANCE.md", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := sharedList(t, tt.file)
			got, err := DetectFile(p)
			if tt.want == "" {
				if !errors.Is(err, ErrUnknownFormat) {
					t.Fatalf("DetectFile = %q, %v; want ErrUnknownFormat", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("DetectFile = %q, %v; want %q", got, err, tt.want)
			}
			head := readHead(t, p)
			role, ok := DetectOFACCSVRole(head)
			if role != tt.role || ok != (tt.role != 0) {
				t.Errorf("DetectOFACCSVRole = %v, %v; want %v", role, ok, tt.role)
			}
		})
	}
}

func readHead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > DetectSize {
		b = b[:DetectSize]
	}
	return b
}

// TestDetectOFACSourceShared checks the non-SDN signal on the real OFAC files:
// it fires on the consolidated list and never on the SDN files.
func TestDetectOFACSourceShared(t *testing.T) {
	tests := []struct {
		file string
		want Source
		ok   bool
	}{
		{"ofac_consolidated/consolidated.xml", SourceOFACCons, true},
		{"ofac_consolidated/cons_prim.csv", SourceOFACCons, true},
		{"ofac_consolidated/cons_add.csv", "", false},
		{"ofac/sdn.csv", "", false},
		{"ofac/newer/sdn.csv", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, ok := DetectOFACSource(readHead(t, sharedList(t, tt.file)))
			if got != tt.want || ok != tt.ok {
				t.Errorf("DetectOFACSource = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	// No record of either SDN file, read whole, is listed only under non-SDN
	// programs: the signal cannot misfire on the SDN list.
	for _, f := range []string{"ofac/sdn.csv", "ofac/newer/sdn.csv"} {
		b, err := os.ReadFile(sharedList(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if ofacConsCSVSignal(b) {
			t.Errorf("%s: the non-SDN signal fired on the SDN list", f)
		}
	}
}

// TestDetect covers the content rules on small inputs, dirt included.
func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Format // "" means ErrUnknownFormat
	}{
		{"ofac sdn main", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a", FormatOFACSDNCSV},
		{"ofac main with a BOM", "\uFEFF36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", FormatOFACSDNCSV},
		{"ofac cons main", "9639,\"HANIYA, Ismail\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1962.\"\r\n", FormatOFACConsCSV},
		{"ofac cons main, CMIC", "1,\"X\",-0- ,\"CMIC-EO13959\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", FormatOFACConsCSV},
		{"ofac sdn with NS-PLC beside SDGT", "9659,\"HAMMAD, Fathi\",\"individual\",\"SDGT] [NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", FormatOFACSDNCSV},
		{"ofac add", "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n", FormatOFACSDNCSV},
		{"ofac alt", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n", FormatOFACSDNCSV},
		{"ofac comments", "17016,\"tive Date; a.k.a. 'X'.\"\r\n", FormatOFACSDNCSV},
		{"6 fields, non-numeric second", "36,x,-0- ,\"Havana\",\"Cuba\",-0- \r\n", ""},
		{"us csl", "_id,source,entity_number,type,programs,name\nabc,x,1,,,N\n", FormatUSCSLCSV},
		{"targets", "\"id\",\"schema\",\"name\",\"aliases\"\n\"NK-1\",\"Person\",\"A\",\"\"\n", FormatTargetsCSV},
		{"conlist csv", "Last Updated,14/04/2025\r\nName 6,Name 1,Group ID\r\nX,Y,1\r\n", FormatUKHMTCSV},
		{"conlist csv without date row", "Name 6,Name 1,Group Type,Group ID\r\n", FormatUKHMTCSV},
		{"last updated without header", "Last Updated,14/04/2025\r\nfoo,bar\r\n", ""},
		{"custom csv", "id,name,type\nblk-1,John Doe,person\n", FormatCustomCSV},
		{"custom csv, BOM and case", "\uFEFFID , Name,Country\n1,X,BR\n", FormatCustomCSV},
		{"custom csv with comments", "# Sieve custom list\n# published: 2026-01-31\nid,type,name\nbl-1,person,X\n", FormatCustomCSV},
		{"comments then another csv", "# note\n_id,source,entity_number\n", ""},
		{"only comments", "# a\n# b", ""},
		{"eu fsf csv", "fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber\n", ""},
		{"ofac xml", `<?xml version="1.0" standalone="yes"?><sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"><publshInformation>`, FormatOFACXML},
		{"ofac xml, old namespace", `<sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid></sdnEntry></sdnList>`, FormatOFACXML},
		{"un xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n<INDIVIDUALS>", FormatUNXML},
		{"un xml, Latin-1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><CONSOLIDATED_LIST><ENTITIES>", FormatUNXML},
		{"eu xml", `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-08-05T16:47:04.449+02:00"><sanctionEntity logicalId="1">`, FormatEUFSFXML},
		{"eu xml, no namespace", `<export><sanctionEntity logicalId="1"/></export>`, FormatEUFSFXML},
		{"other export", `<export><item/></export>`, ""},
		{"fcdo xml", "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Designations><DateGenerated>10/09/2026</DateGenerated>", FormatUKFCDOXML},
		{"canada", "<data-set>\n\t<record>\n\t\t<Country>Belarus</Country>", FormatCASEMAXML},
		{"generic data-set", "<data-set><row/></data-set>", ""},
		{"empty root", "<sdnList></sdnList>", ""},
		{"ofac enhanced", `<sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"><publicationInfo>`, ""},
		{"ofac advanced", `<Sanctions xmlns="http://www.un.org/sanctions/1.0" Version="3"><DateOfIssue>`, ""},
		{"html error page", "<!DOCTYPE html>\n<html><head><title>403</title></head>", ""},
		{"broken xml", "<<<", ""},
		{"ftm", `{"id": "NK-1", "caption": "X", "schema": "Person", "properties": {"name": ["X"]}}` + "\n", FormatFtMJSON},
		{"ftm, properties first and cut", `{"properties": {"name": ["X"], "alias": [{"a": [1, 2]}]}, "schema": "Per`, FormatFtMJSON},
		{"json without schema", `{"id": "x", "properties": {}}`, ""},
		{"json array", `[{"schema": "Person", "properties": {}}]`, ""},
		{"empty", "", ""},
		{"whitespace", " \r\n\t", ""},
		{"binary", "\x00\x01\x02", ""},
		{"gzip", "\x1f\x8b\x08\x00", ""},
		{"utf-16", "\xff\xfe<\x00", ""},
		{"zip head only", "PK\x03\x04\x14\x00\x00\x00", ""},
		{"markdown", "# Sanction-list data files\n\nReal public files.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect([]byte(tt.in))
			if tt.want == "" {
				if got != "" || !errors.Is(err, ErrUnknownFormat) {
					t.Fatalf("Detect = %q, %v; want ErrUnknownFormat", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Detect = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestDetectXLSX builds minimal workbooks (inline and shared strings) and
// recognizes them both from whole bytes (Detect) and from a file
// (DetectFile).
func TestDetectXLSX(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		want Format
	}{
		{"conlist", [][]string{{"Last Updated", "14/04/2025"}, {"Name 6", "Name 1", "Group ID"}}, FormatUKHMTXLSX},
		{"dfat", [][]string{{"Reference", "Name of Individual or Entity", "Type"}, {"1", "X", "Individual"}}, FormatAUDFATXLSX},
		{"dfat with a title row", [][]string{{"DFAT consolidated list"}, {"Reference", "Name of Individual or Entity"}}, FormatAUDFATXLSX},
		{"other workbook", [][]string{{"Name", "Amount"}, {"X", "1"}}, ""},
	}
	for _, tt := range tests {
		for _, sharedStrings := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/shared=%v", tt.name, sharedStrings), func(t *testing.T) {
				b := buildXLSX(t, tt.rows, sharedStrings)
				got, err := Detect(b)
				checkFormat(t, "Detect", got, err, tt.want)
				p := filepath.Join(t.TempDir(), "book.xlsx")
				if err := os.WriteFile(p, b, 0o600); err != nil {
					t.Fatal(err)
				}
				got, err = DetectFile(p)
				checkFormat(t, "DetectFile", got, err, tt.want)
			})
		}
	}
}

func checkFormat(t *testing.T, fn string, got Format, err error, want Format) {
	t.Helper()
	if want == "" {
		if !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("%s = %q, %v; want ErrUnknownFormat", fn, got, err)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("%s = %q, %v; want %q", fn, got, err, want)
	}
}

// buildXLSX writes the smallest workbook Excel-compatible readers accept:
// a workbook with one sheet named "Data", its relationship, and the rows.
func buildXLSX(t testing.TB, rows [][]string, sharedStrings bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("xl/workbook.xml", `<workbook `+ns+`><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>`)
	var sheet, sst strings.Builder
	sheet.WriteString(`<worksheet ` + ns + `><sheetData>`)
	n := 0
	for i, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, v := range row {
			ref := fmt.Sprintf("%c%d", 'A'+j, i+1)
			if sharedStrings {
				fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, n)
				fmt.Fprintf(&sst, `<si><t>%s</t></si>`, v)
				n++
			} else {
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
			}
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	add("xl/worksheets/data.xml", sheet.String())
	if sharedStrings {
		add("xl/sharedStrings.xml", `<sst `+ns+`>`+sst.String()+`</sst>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzDetect checks that Detect and DetectOFACCSVRole never panic, and that
// Detect returns either a format or an error, never both.
func FuzzDetect(f *testing.F) {
	seeds := []string{
		"36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
		"36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n",
		"_id,source,entity_number\n",
		"Last Updated,14/04/2025\r\nName 6,Group ID\r\n",
		`<sdnList><sdnEntry><programList><program>NS-PLC</program></programList></sdnEntry></sdnList>`,
		`<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity/>`,
		`{"schema": "Person", "properties": {"name": ["X"]}}`,
		"PK\x03\x04",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	if m, err := filepath.Glob(filepath.Join("..", "testdata", "lists", "*", "*")); err == nil {
		for _, p := range m {
			if b, err := os.ReadFile(p); err == nil {
				if len(b) > DetectSize {
					b = b[:DetectSize]
				}
				f.Add(b)
			}
		}
	}
	f.Add(buildXLSX(f, [][]string{{"Last Updated", "1"}, {"Group ID"}}, true))
	f.Fuzz(func(t *testing.T, head []byte) {
		got, err := Detect(head)
		if (got == "") == (err == nil) {
			t.Fatalf("Detect = %q, %v: want exactly one of format and error", got, err)
		}
		if err != nil && !errors.Is(err, ErrUnknownFormat) {
			t.Fatalf("Detect error %v does not wrap ErrUnknownFormat", err)
		}
		if role, ok := DetectOFACCSVRole(head); ok != (role != 0) {
			t.Fatalf("DetectOFACCSVRole = %v, %v", role, ok)
		}
	})
}

// ExampleDetect recognizes list formats from their first bytes.
func ExampleDetect() {
	for _, head := range []string{
		"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
		"36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n",
		`<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS>`,
		"# Sieve custom list\nid,name\nbl-1,John Doe\n",
		"# Notes\n",
	} {
		f, err := Detect([]byte(head))
		role, _ := DetectOFACCSVRole([]byte(head))
		switch {
		case err != nil:
			fmt.Println("error:", errors.Is(err, ErrUnknownFormat))
		case role != 0:
			fmt.Println(f, role)
		default:
			fmt.Println(f)
		}
	}
	// Output:
	// ofac-sdn-csv main
	// ofac-sdn-csv aliases
	// un-xml
	// custom-csv
	// error: true
}
