package lists

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// DetectSize is how many leading bytes [Detect] looks at; [DetectFile] reads
// this much of a file before deciding.
const DetectSize = 64 << 10

// Detect recognizes a list format from the first bytes of a file (up to
// [DetectSize]; more is ignored). It looks at content only, never at a file
// name:
//
//   - XML by its root element, namespace and first child: sdnList (OFAC),
//     CONSOLIDATED_LIST (UN), export in the EU FSF namespace, Designations
//     (FCDO), data-set/record (Canada);
//   - CSV with a header by its first row: _id,source,entity_number (US CSL),
//     id,schema,name (OpenSanctions targets.simple), a "Last Updated" row
//     followed by a header with "Group ID" (OFSI ConList), a header holding
//     id and name columns (Sieve's custom CSV);
//   - OFAC's header-less legacy CSVs by the shape of the first record: 12
//     fields for the main file, 6 for addresses, 5 for aliases, 2 for
//     comments, the first field a number (see [DetectOFACCSVRole]). Every file
//     of a set reports the set's format;
//   - FtM JSON lines by a first line that is a JSON object with "schema" and
//     "properties".
//
// The legacy CSV sets of the SDN list and of the non-SDN consolidated list
// share one layout. Detect reports [FormatOFACConsCSV] only when a main-file
// record in head is listed solely under non-SDN programs (OFAC prefixes them
// "NS-", as in NS-PLC, NS-ISA, NS-MBS; also CMIC-EO13959, 561-Related and the
// FSE programs), which never happens in the SDN file; otherwise it reports
// [FormatOFACSDNCSV]. That signal depends on which records come first, so
// [LoadDir] also honours OFAC's "cons_" file-name prefix. Relation files
// (addresses, aliases, comments) carry no such signal and always report
// [FormatOFACSDNCSV]: their list is the one of the main file they join.
//
// Spreadsheets are zip containers whose table sits at the end of the file:
// Detect recognizes an xlsx only when head holds the whole file, and
// otherwise returns an error wrapping [ErrUnknownFormat] that says to use
// [DetectFile]. Anything else, including formats Sieve recognizes but does not
// parse (OFAC Enhanced and Advanced XML, ODS, EU FSF CSV), wraps
// [ErrUnknownFormat] with a reason.
func Detect(head []byte) (Format, error) {
	if len(head) > DetectSize {
		head = head[:DetectSize]
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "", unknownFormat("UTF-16 text; convert it to UTF-8")
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return "", unknownFormat("gzip-compressed data; decompress it first")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(head), int64(len(head)))
		if err != nil {
			return "", unknownFormat("zip container (xlsx?): it needs the whole file, use DetectFile")
		}
		return detectZip(zr)
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	body := bytes.TrimLeft(head, " \t\r\n")
	if len(body) == 0 {
		return "", unknownFormat("empty input")
	}
	if bytes.IndexByte(body, 0) >= 0 {
		return "", unknownFormat("binary data")
	}
	switch body[0] {
	case '<':
		return detectXML(body)
	case '{':
		return detectFtM(body)
	}
	return detectCSV(body)
}

// DetectFile recognizes the format of the file at path. It reads the first
// [DetectSize] bytes and calls [Detect]; for a zip container it opens the
// archive and looks at the first worksheet of an xlsx: OFSI's ConList has a
// "Last Updated" row over a header holding "Group ID", DFAT's consolidated
// list a header holding "Reference" and "Name of Individual or Entity".
func DetectFile(path string) (Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("lists: detect: %w", err)
	}
	defer f.Close()
	head := make([]byte, DetectSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("lists: detect %s: %w", path, err)
	}
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return Detect(head)
	}
	st, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("lists: detect %s: %w", path, err)
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return "", unknownFormat("a damaged zip container: " + err.Error())
	}
	return detectZip(zr)
}

// OFACCSVRole is the part a file plays in an OFAC legacy CSV set.
type OFACCSVRole int

// The roles of the four files of an OFAC legacy CSV set. The zero value means
// "not an OFAC legacy CSV".
const (
	OFACCSVMain      OFACCSVRole = iota + 1 // sdn.csv, cons_prim.csv: 12 fields
	OFACCSVAddresses                        // add.csv, cons_add.csv: 6 fields
	OFACCSVAliases                          // alt.csv, cons_alt.csv: 5 fields
	OFACCSVComments                         // sdn_comments.csv, cons_comments.csv: 2 fields
)

var ofacCSVRoleNames = [...]string{"", "main", "addresses", "aliases", "comments"}

// String returns "main", "addresses", "aliases" or "comments".
func (r OFACCSVRole) String() string {
	if r <= 0 || int(r) >= len(ofacCSVRoleNames) {
		return fmt.Sprintf("OFACCSVRole(%d)", int(r))
	}
	return ofacCSVRoleNames[r]
}

// DetectOFACCSVRole tells which file of an OFAC legacy CSV set head starts:
// OFAC's files have no header, so the role is read from the first record's
// field count (12 main, 6 addresses, 5 aliases, 2 comments) with a numeric
// ent_num (and a numeric add_num or alt_num). ok is false for anything else.
func DetectOFACCSVRole(head []byte) (role OFACCSVRole, ok bool) {
	if len(head) > DetectSize {
		head = head[:DetectSize]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	r := newSniffCSV(head)
	rec, err := r.Read()
	if err != nil {
		return 0, false
	}
	role = ofacRoleOf(rec)
	return role, role != 0
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func unknownFormat(reason string) error {
	return fmt.Errorf("%w: %s", ErrUnknownFormat, reason)
}

// XML ------------------------------------------------------------------------

const (
	nsEUFSF        = "http://eu.europa.ec/fpi/fsd/export"
	nsOFACAdvanced = "http://www.un.org/sanctions/1.0"
)

// detectXML reads the root element and its first child. A head cut in the
// middle of the document is normal: whatever was read decides.
func detectXML(head []byte) (Format, error) {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	// Only element names matter here, and they are ASCII in every format:
	// accept any declared charset as is.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root, child xml.Name
	depth := 0
	for child.Local == "" {
		tok, err := d.Token()
		if err != nil {
			if root.Local == "" {
				return "", unknownFormat("not well-formed XML: " + err.Error())
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				root = t.Name
			} else {
				child = t.Name
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				return "", unknownFormat(fmt.Sprintf("XML root <%s> holds no records", root.Local))
			}
		}
	}
	childIs := func(names ...string) bool {
		if child.Local == "" { // head too short to tell: trust the root
			return true
		}
		for _, n := range names {
			if strings.EqualFold(child.Local, n) {
				return true
			}
		}
		return false
	}
	switch {
	case root.Local == "sdnList" && childIs("publshInformation", "sdnEntry"):
		return FormatOFACXML, nil
	case root.Local == "CONSOLIDATED_LIST" && childIs("INDIVIDUALS", "ENTITIES"):
		return FormatUNXML, nil
	case root.Local == "export" && (root.Space == nsEUFSF || (root.Space == "" && child.Local == "sanctionEntity")):
		return FormatEUFSFXML, nil
	case root.Local == "Designations" && childIs("DateGenerated", "Designation"):
		return FormatUKFCDOXML, nil
	case root.Local == "data-set" && child.Local == "record":
		return FormatCASEMAXML, nil
	case root.Local == "sanctionsData":
		return "", unknownFormat("OFAC Enhanced XML (sanctionsData) is recognized but not parsed; use the sdnList XML or the legacy CSVs")
	case root.Local == "Sanctions" && root.Space == nsOFACAdvanced:
		return "", unknownFormat("OFAC Advanced XML (UN/ISO sanctions 1.0 schema) is recognized but not parsed; use the sdnList XML or the legacy CSVs")
	case strings.EqualFold(root.Local, "html"):
		return "", unknownFormat("an HTML page, not a list (an error or login page?)")
	}
	desc := "<" + root.Local + ">"
	if root.Space != "" {
		desc += " in namespace " + root.Space
	}
	return "", unknownFormat("XML with root " + desc)
}

// FtM JSON -------------------------------------------------------------------

// detectFtM checks that the first JSON object has "schema" and "properties"
// keys at its top level. The first line may be longer than head: the keys
// are read as a token stream and a cut object is fine once both were seen.
func detectFtM(head []byte) (Format, error) {
	notFtM := unknownFormat("JSON that is not FollowTheMoney entities (no \"schema\" and \"properties\" in the first object)")
	d := json.NewDecoder(bytes.NewReader(head))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return "", notFtM
	}
	var schema, properties bool
	for !(schema && properties) {
		tok, err := d.Token()
		if err != nil {
			return "", notFtM
		}
		key, ok := tok.(string)
		if !ok { // the closing brace: the object ended without both keys
			return "", notFtM
		}
		switch key {
		case "schema":
			schema = true
		case "properties":
			properties = true
		}
		if schema && properties {
			break
		}
		if err := skipJSONValue(d); err != nil {
			return "", notFtM
		}
	}
	return FormatFtMJSON, nil
}

// skipJSONValue consumes one value (a scalar or a whole array or object).
func skipJSONValue(d *json.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		if delim, ok := tok.(json.Delim); ok {
			switch delim {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
		}
		if depth <= 0 {
			return nil
		}
	}
}

// CSV ------------------------------------------------------------------------

func newSniffCSV(head []byte) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(head))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r
}

func detectCSV(head []byte) (Format, error) {
	if head[0] == '#' {
		return detectCommentedCSV(head)
	}
	r := newSniffCSV(head)
	first, err := r.Read()
	if err != nil {
		return "", unknownFormat("neither XML, JSON nor readable CSV")
	}
	first = append([]string(nil), first...)
	if role := ofacRoleOf(first); role != 0 {
		if role == OFACCSVMain && ofacConsCSVSignal(head) {
			return FormatOFACConsCSV, nil
		}
		return FormatOFACSDNCSV, nil
	}
	cols := normalizeHeader(first)
	has := func(name string) bool {
		for _, c := range cols {
			if c == name {
				return true
			}
		}
		return false
	}
	switch {
	case len(cols) >= 3 && cols[0] == "_id" && cols[1] == "source" && cols[2] == "entity_number":
		return FormatUSCSLCSV, nil
	case len(cols) >= 3 && cols[0] == "id" && cols[1] == "schema" && cols[2] == "name":
		return FormatTargetsCSV, nil
	case len(cols) >= 1 && cols[0] == "last updated":
		next, err := r.Read()
		if err == nil {
			cols = normalizeHeader(next)
			if has("group id") {
				return FormatUKHMTCSV, nil
			}
		}
		return "", unknownFormat("a \"Last Updated\" row without a ConList header (\"Group ID\") after it")
	case has("group id") && has("name 6"):
		return FormatUKHMTCSV, nil // a ConList without its "Last Updated" row
	case has("id") && has("name"):
		return FormatCustomCSV, nil
	case len(first) == 1 && strings.Contains(first[0], ";") &&
		strings.Contains(strings.ToLower(first[0]), "entity_logicalid"):
		return "", unknownFormat("EU FSF CSV is recognized but not parsed; use the FSF XML")
	}
	return "", unknownFormat(fmt.Sprintf("CSV whose first row (%d fields) is no known header", len(first)))
}

// detectCommentedCSV recognizes Sieve's custom CSV, the one CSV format
// whose header may follow "#" comment lines ("# published: 2026-01-31").
func detectCommentedCSV(head []byte) (Format, error) {
	for len(head) > 0 && head[0] == '#' {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			return "", unknownFormat("only comment lines")
		}
		head = bytes.TrimLeft(head[i+1:], " \t\r\n")
	}
	if len(head) == 0 {
		return "", unknownFormat("only comment lines")
	}
	if f, err := detectCSV(head); err == nil && f == FormatCustomCSV {
		return f, nil
	}
	return "", unknownFormat("CSV with comment lines but no custom-list header (id and name columns)")
}

// normalizeHeader lower-cases and trims header cells (and a BOM left in the
// first cell).
func normalizeHeader(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF")))
	}
	return out
}

// ofacRoleOf reads the role of an OFAC legacy CSV from its first record.
func ofacRoleOf(rec []string) OFACCSVRole {
	if len(rec) == 0 || !allDigits(strings.TrimSpace(rec[0])) {
		return 0
	}
	switch len(rec) {
	case 12:
		return OFACCSVMain
	case 6:
		if allDigits(strings.TrimSpace(rec[1])) {
			return OFACCSVAddresses
		}
	case 5:
		if allDigits(strings.TrimSpace(rec[1])) {
			return OFACCSVAliases
		}
	case 2:
		return OFACCSVComments
	}
	return 0
}

// ofacConsCSVSignal reports whether a record of the main file in head is
// listed only under non-SDN programs. Records cut by the end of head are
// read as far as they go; a cut program code still starts as it would.
func ofacConsCSVSignal(head []byte) bool {
	r := newSniffCSV(head)
	r.ReuseRecord = true
	for {
		rec, err := r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			return false
		}
		if len(rec) < 4 || !allDigits(strings.TrimSpace(rec[0])) {
			continue
		}
		if ofacNonSDNOnly(strings.Split(rec[3], "] [")) {
			return true
		}
	}
}

// ofacNonSDNOnly reports whether every program code is a non-SDN program.
func ofacNonSDNOnly(programs []string) bool {
	n := 0
	for _, p := range programs {
		p = strings.ToUpper(strings.Trim(strings.TrimSpace(p), "[]"))
		if p == "" || p == "-0-" {
			continue
		}
		if !isNonSDNProgram(p) {
			return false
		}
		n++
	}
	return n > 0
}

// isNonSDNProgram knows OFAC's program codes that exist only on the non-SDN
// consolidated list: OFAC names them "NS-..." (non-SDN), plus the Chinese
// military companies list, the CAATSA section 231 "561" list and the Foreign
// Sanctions Evaders.
func isNonSDNProgram(p string) bool {
	return strings.HasPrefix(p, "NS-") || strings.HasPrefix(p, "CMIC") ||
		strings.HasPrefix(p, "561") || strings.HasPrefix(p, "FSE-")
}

// ofacXMLConsSignal is the same signal for the sdnList XML: an sdnEntry in
// head whose programList holds only non-SDN programs.
func ofacXMLConsSignal(head []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var programs []string
	inEntry, inProgram := false, false
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sdnEntry":
				inEntry, programs = true, programs[:0]
			case "program":
				if inEntry {
					inProgram = true
					text.Reset()
				}
			}
		case xml.CharData:
			if inProgram {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "program":
				if inProgram {
					programs = append(programs, text.String())
					inProgram = false
				}
			case "sdnEntry":
				if ofacNonSDNOnly(programs) {
					return true
				}
				inEntry = false
			}
		}
	}
}

// DetectOFACSource tells whether the head of an OFAC sdnList XML file or of
// an OFAC legacy CSV main file is the consolidated non-SDN list: it reports
// SourceOFACCons, true when a record in head is listed only under non-SDN
// programs (see [Detect]). Otherwise ok is false: the content does not say,
// and the SDN list is the likelier reading, but a caller that knows better
// (OFAC's file name, the URL it downloaded) should decide.
func DetectOFACSource(head []byte) (source Source, ok bool) {
	if len(head) > DetectSize {
		head = head[:DetectSize]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(head) > 0 && head[0] == '<' {
		if ofacXMLConsSignal(head) {
			return SourceOFACCons, true
		}
		return "", false
	}
	if role, isCSV := DetectOFACCSVRole(head); isCSV && role == OFACCSVMain && ofacConsCSVSignal(head) {
		return SourceOFACCons, true
	}
	return "", false
}

// Spreadsheets ---------------------------------------------------------------

// detectZip recognizes an xlsx by the first rows of its first worksheet.
func detectZip(zr *zip.Reader) (Format, error) {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[f.Name] = f
	}
	if mt, ok := files["mimetype"]; ok {
		b, _ := readZipFile(mt, 256)
		if strings.HasPrefix(string(b), "application/vnd.oasis.opendocument.spreadsheet") {
			return "", unknownFormat("an OpenDocument spreadsheet (.ods), which is not parsed")
		}
	}
	if files["xl/workbook.xml"] == nil {
		return "", unknownFormat("a zip container that is not an xlsx workbook")
	}
	rows, err := xlsxFirstRows(files, 5)
	if err != nil {
		return "", unknownFormat("an xlsx workbook that cannot be read: " + err.Error())
	}
	rowHas := func(row []string, want string) bool {
		for _, c := range row {
			if strings.EqualFold(strings.TrimSpace(c), want) {
				return true
			}
		}
		return false
	}
	for i, row := range rows {
		if len(row) > 0 && strings.EqualFold(strings.TrimSpace(row[0]), "Last Updated") {
			if i+1 < len(rows) && rowHas(rows[i+1], "Group ID") {
				return FormatUKHMTXLSX, nil
			}
		}
		if rowHas(row, "Group ID") && rowHas(row, "Name 6") {
			return FormatUKHMTXLSX, nil
		}
		if rowHas(row, "Reference") && rowHas(row, "Name of Individual or Entity") {
			return FormatAUDFATXLSX, nil
		}
	}
	return "", unknownFormat("an xlsx workbook whose first sheet has no known header")
}

// readZipFile reads at most limit bytes of a zip member.
func readZipFile(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit))
}

// xlsxFirstRows returns the text of the first n rows of the workbook's first
// sheet, shared strings resolved. It streams: only those rows are decoded,
// and the shared-string table only as far as they need.
func xlsxFirstRows(files map[string]*zip.File, n int) ([][]string, error) {
	sheet, err := xlsxFirstSheetPath(files)
	if err != nil {
		return nil, err
	}
	sf := files[sheet]
	if sf == nil {
		return nil, fmt.Errorf("missing worksheet %s", sheet)
	}
	rc, err := sf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()

	// The first rows of a real sheet take a few kilobytes; the limits keep
	// a hostile file (a zip bomb, a row of a million cells) cheap.
	const maxSheetBytes, maxCells = 16 << 20, 1024
	type cell struct {
		col    int
		shared int // index into sharedStrings, or -1
		text   string
	}
	var rows [][]cell
	d := xml.NewDecoder(io.LimitReader(rc, maxSheetBytes))
	var cur *cell
	var inValue bool
	var value strings.Builder
	var cellType string
	maxShared := -1
tokens:
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(rows) > 0 { // cut by the limit or broken later: use what was read
				break
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if len(rows) == n {
					break tokens
				}
				rows = append(rows, nil)
			case "c":
				if len(rows) == 0 {
					continue
				}
				cur = &cell{col: -1, shared: -1}
				cellType = ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "t":
						cellType = a.Value
					case "r":
						cur.col = xlsxColumn(a.Value)
					}
				}
			case "v", "t":
				if cur != nil {
					inValue = true
					value.Reset()
				}
			}
		case xml.CharData:
			if inValue {
				value.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				if cur != nil && inValue {
					inValue = false
					if cellType == "s" {
						var idx int
						if _, err := fmt.Sscan(value.String(), &idx); err == nil && idx >= 0 {
							cur.shared = idx
							maxShared = max(maxShared, idx)
						}
					} else {
						cur.text += value.String()
					}
				}
			case "c":
				if cur != nil && len(rows[len(rows)-1]) < maxCells {
					rows[len(rows)-1] = append(rows[len(rows)-1], *cur)
				}
				cur = nil
			}
		}
	}
	var shared map[int]string
	if maxShared >= 0 {
		needed := make(map[int]bool)
		for _, row := range rows {
			for _, c := range row {
				if c.shared >= 0 {
					needed[c.shared] = true
				}
			}
		}
		if sst := files["xl/sharedStrings.xml"]; sst != nil {
			shared, err = xlsxSharedStrings(sst, needed, maxShared)
			if err != nil {
				return nil, err
			}
		}
	}
	out := make([][]string, len(rows))
	for i, row := range rows {
		var texts []string
		for j, c := range row {
			col := c.col
			if col < 0 {
				col = j
			}
			if col > 1024 {
				continue
			}
			for len(texts) <= col {
				texts = append(texts, "")
			}
			if c.shared >= 0 {
				texts[col] = shared[c.shared]
			} else {
				texts[col] = c.text
			}
		}
		out[i] = texts
	}
	return out, nil
}

// xlsxColumn turns a cell reference such as "AB12" into a 0-based column.
func xlsxColumn(ref string) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > 1<<20 {
			return -1
		}
	}
	return col - 1
}

// xlsxFirstSheetPath finds the part name of the first sheet listed in the
// workbook, through the workbook's relationships; it falls back to the
// conventional xl/worksheets/sheet1.xml.
func xlsxFirstSheetPath(files map[string]*zip.File) (string, error) {
	const fallback = "xl/worksheets/sheet1.xml"
	wb, err := readZipFile(files["xl/workbook.xml"], 4<<20)
	if err != nil {
		return "", err
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &book); err != nil || len(book.Sheets) == 0 {
		return fallback, nil
	}
	rels := files["xl/_rels/workbook.xml.rels"]
	if rels == nil {
		return fallback, nil
	}
	rb, err := readZipFile(rels, 4<<20)
	if err != nil {
		return "", err
	}
	var rel struct {
		Items []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(rb, &rel); err != nil {
		return fallback, nil
	}
	for _, it := range rel.Items {
		if it.ID != book.Sheets[0].RID {
			continue
		}
		if strings.HasPrefix(it.Target, "/") {
			return strings.TrimPrefix(it.Target, "/"), nil
		}
		return path.Clean("xl/" + it.Target), nil
	}
	return fallback, nil
}

// xlsxSharedStrings reads the strings of the shared-string table whose
// indices are needed, stopping after index last.
func xlsxSharedStrings(f *zip.File, needed map[int]bool, last int) (map[int]string, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, 64<<20))
	out := make(map[int]string, len(needed))
	var b strings.Builder
	index := 0
	inSI, inT := false, false
	for index <= last {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "t":
				inT = inSI
			case "rPh": // phonetic runs are not part of the text
				if err := d.Skip(); err != nil {
					return nil, err
				}
			}
		case xml.CharData:
			if inT && needed[index] && b.Len() < 4096 {
				b.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "si":
				inSI = false
				if needed[index] {
					out[index] = b.String()
				}
				index++
			}
		}
	}
	return out, nil
}
