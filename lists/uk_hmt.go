package lists

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// This file holds what the CSV and the xlsx variants of OFSI's Consolidated
// List (ConList) share: the column names, the header and preamble rows, and
// the grouping of name rows into entities. ParseUKHMTCSV and ParseUKHMTXLSX
// only turn their container into rows of cells and feed them to a
// ukhmtReader. The small text helpers at the end (packed "(1) … (2) …"
// values, country lists, Excel serial dates, name merging) are used by the
// DFAT parser too.

// The ConList columns, in the publisher's order. Columns are located by
// header name (see ukhmtHeaders), never by position.
const (
	ukName6 = iota
	ukName1
	ukName2
	ukName3
	ukName4
	ukName5
	ukTitle
	ukNonLatin
	ukNonLatinType
	ukNonLatinLanguage
	ukDOB
	ukTownOfBirth
	ukCountryOfBirth
	ukNationality
	ukPassportNumber
	ukPassportDetails
	ukNINumber
	ukNIDetails
	ukPosition
	ukAddress1
	ukAddress2
	ukAddress3
	ukAddress4
	ukAddress5
	ukAddress6
	ukPostCode
	ukCountry
	ukOtherInfo
	ukGroupType
	ukAliasType
	ukAliasQuality
	ukRegime
	ukListedOn
	ukDateDesignated
	ukLastUpdated
	ukGroupID
	ukNumColumns
)

// ukhmtHeaders are the 36 header cells of row 2 of ConList.
var ukhmtHeaders = [ukNumColumns]string{
	"Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
	"Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language",
	"DOB", "Town of Birth", "Country of Birth", "Nationality", "Passport Number",
	"Passport Details", "National Identification Number", "National Identification Details",
	"Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
	"Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type",
	"Alias Quality", "Regime", "Listed On", "UK Sanctions List Date Designated",
	"Last Updated", "Group ID",
}

// ukhmtRequired are the columns without which a row cannot become an entity.
var ukhmtRequired = []int{ukGroupID, ukName6, ukGroupType, ukAliasType}

// ukhmtReader turns ConList rows, in file order, into entities. The rows of
// one Group ID need not be adjacent; entities keep the order in which their
// Group ID first appears.
type ukhmtReader struct {
	source string // "UK-HMT uk-hmt-csv", for errors
	xlsx   bool   // positions are spreadsheet rows and cells, not lines
	tol    tolerances
	// date1904 says serial day numbers count from 1904 (a workbook setting).
	date1904 bool

	seenHeader bool
	published  time.Time
	col        [ukNumColumns]int // cell index of each column, -1 when absent

	groups map[string]*ukhmtGroup
	order  []*ukhmtGroup
}

// ukhmtGroup accumulates the rows of one Group ID.
type ukhmtGroup struct {
	ent        Entity
	hasPrimary bool
	listedOn   PartialDate
	remarks    []string // Other Information texts
	notes      []string // values that could not be used ("DOB: 31/02/1990"), after the texts
	lastOther  string   // the last Other Information cell read, as written
}

func newUKHMTReader(format Format, xlsx bool) *ukhmtReader {
	p := &ukhmtReader{
		source: string(SourceUKHMT) + " " + string(format),
		xlsx:   xlsx,
		groups: make(map[string]*ukhmtGroup),
	}
	for i := range p.col {
		p.col[i] = -1
	}
	return p
}

// pos renders a position for tolerance notes.
func (p *ukhmtReader) pos(line int) string {
	if p.xlsx {
		return "row " + strconv.Itoa(line)
	}
	return "line " + strconv.Itoa(line)
}

// fail builds the positioned error for column c (-1 for none) of a row.
func (p *ukhmtReader) fail(line, c int, err error) error {
	pe := &ParseError{Source: p.source, Line: line, Err: err}
	if c >= 0 {
		pe.Field = ukhmtHeaders[c]
		if p.xlsx && p.col[c] >= 0 {
			pe.Element = sheetCellName(p.col[c], line)
		}
	}
	return pe
}

// row consumes one row of cells; line is the CSV line or spreadsheet row.
// The cells may be reused by the caller after row returns.
func (p *ukhmtReader) row(cells []string, line int) error {
	sheetFixEncoding(cells, &p.tol, p.pos(line))
	if sheetBlankRow(cells) {
		p.tol.note("blank row skipped", p.pos(line))
		return nil
	}
	if !p.seenHeader {
		return p.preamble(cells, line)
	}
	return p.data(cells, line)
}

// preamble reads the "Last Updated | dd/mm/yyyy" row and the header row.
func (p *ukhmtReader) preamble(cells []string, line int) error {
	first := strings.ToLower(CleanText(cells[0]))
	if first == "last updated" {
		if !p.published.IsZero() {
			return &ParseError{Source: p.source, Line: line, Field: "Last Updated",
				Err: fmt.Errorf("%w: a second Last Updated row", ErrInvalidValue)}
		}
		raw := ""
		if len(cells) > 1 {
			raw = CleanText(cells[1])
		}
		t, ok := sheetDate(raw, p.date1904)
		if !ok {
			pe := &ParseError{Source: p.source, Line: line, Field: "Last Updated", Err: valueError(raw)}
			if p.xlsx {
				pe.Element = sheetCellName(1, line)
			}
			return pe
		}
		p.published = t
		return nil
	}
	// Any other row is the header. A file without the Last Updated row
	// still parses, with no publication date.
	if p.published.IsZero() {
		p.tol.note("no Last Updated row before the header (no publication date)", p.pos(line))
	}
	for i, h := range cells {
		name := CleanText(h)
		for c, want := range ukhmtHeaders {
			if !strings.EqualFold(name, want) || p.col[c] >= 0 {
				continue
			}
			p.col[c] = i
			if h != want {
				p.tol.note("header cell spelled with other case or spaces", p.pos(line))
			}
		}
	}
	for _, c := range ukhmtRequired {
		if p.col[c] < 0 {
			return &ParseError{Source: p.source, Line: line, Field: ukhmtHeaders[c],
				Err: fmt.Errorf("%w: column %q not in the header", ErrMissingField, ukhmtHeaders[c])}
		}
	}
	for c, i := range p.col {
		if i < 0 {
			p.tol.note("column absent from the header: "+ukhmtHeaders[c], p.pos(line))
		}
	}
	p.seenHeader = true
	return nil
}

// rawCell returns column c of a row as written; "" when the column is absent.
func (p *ukhmtReader) rawCell(cells []string, c int) string {
	i := p.col[c]
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// cell returns column c of a row, cleaned with CleanText.
func (p *ukhmtReader) cell(cells []string, c int) string {
	return sheetClean(p.rawCell(cells, c))
}

// data reads one name row.
func (p *ukhmtReader) data(cells []string, line int) error {
	rawID := p.rawCell(cells, ukGroupID)
	id := CleanText(rawID)
	switch {
	case id == "":
		return p.fail(line, ukGroupID, fmt.Errorf("%w: empty Group ID", ErrMissingField))
	case !sheetAllDigits(id):
		return p.fail(line, ukGroupID, valueError(id))
	case id != rawID:
		p.tol.note("white space around Group ID", p.pos(line))
	}

	typeRaw := p.rawCell(cells, ukGroupType)
	typeText := CleanText(typeRaw)
	if typeText == "" {
		return p.fail(line, ukGroupType, fmt.Errorf("%w: empty Group Type", ErrMissingField))
	}
	typ, err := ParseEntityType(typeText)
	if err != nil || typ == TypeUnknown {
		return p.fail(line, ukGroupType, valueError(typeText))
	}
	if typeRaw != "Individual" && typeRaw != "Entity" && typeRaw != "Ship" {
		p.tol.note("Group Type with other case or spaces", p.pos(line))
	}

	g := p.groups[id]
	if g == nil {
		g = &ukhmtGroup{ent: Entity{ID: SourceUKHMT.EntityID(id), Source: SourceUKHMT, Type: typ}}
		p.groups[id] = g
		p.order = append(p.order, g)
	} else if g.ent.Type != typ {
		p.tol.note("Group Type differs between rows of one Group ID (first kept)", p.pos(line))
	}
	e := &g.ent

	// Names.
	var given []string
	for _, c := range []int{ukName1, ukName2, ukName3, ukName4, ukName5} {
		if v := p.cell(cells, c); v != "" {
			given = append(given, v)
		}
	}
	family := p.cell(cells, ukName6)
	full := strings.TrimSpace(strings.Join(given, " ") + " " + family)
	nonLatin := p.cell(cells, ukNonLatin)
	if full == "" && nonLatin == "" {
		return p.fail(line, ukName6, fmt.Errorf("%w: a row without any name", ErrMissingField))
	}
	kind := NameAlias
	switch aliasType := p.cell(cells, ukAliasType); strings.ToLower(aliasType) {
	case "primary name":
		kind = NamePrimary
	case "primary name variation", "aka":
	case "fka":
		kind = NameFormerly
	case "":
		p.tol.note("empty Alias Type (read as an alias)", p.pos(line))
	default:
		p.tol.note("unknown Alias Type (read as an alias)", p.pos(line))
	}
	if kind == NameAlias && strings.EqualFold(p.cell(cells, ukAliasQuality), "low quality") {
		kind = NameWeakAlias
	}
	if kind == NamePrimary && full != "" {
		g.hasPrimary = true
	}
	if full != "" {
		if typ == TypePerson {
			sheetMergeName(e, full, strings.Join(given, " "), family, kind)
		} else {
			sheetMergeName(e, full, "", "", kind)
		}
	}
	if nonLatin != "" {
		// The original-script form of the row's name: never the primary.
		nk := kind
		if nk == NamePrimary {
			nk = NameAlias
		}
		sheetMergeName(e, nonLatin, "", "", nk)
	}

	// Titles and positions.
	for _, c := range []int{ukTitle, ukPosition} {
		for _, v := range splitPacked(p.cell(cells, c)) {
			e.Titles = sheetAppendUnique(e.Titles, v)
		}
	}

	// Date of birth: dd/mm/yyyy with 00 for unknown parts, mm/yyyy or yyyy.
	if dob := p.cell(cells, ukDOB); dob != "" {
		d, ok := sheetPartialDate(dob, p.date1904)
		if ok {
			e.BirthDates = sheetAppendBirthdate(e.BirthDates, Birthdate{Date: d})
		} else {
			p.tol.note("DOB not understood (kept in remarks)", p.pos(line))
			g.notes = sheetAppendUnique(g.notes, "DOB: "+dob)
		}
	}

	// Places of birth: towns and countries may both be packed.
	for _, place := range ukhmtPairPlaces(splitPacked(p.cell(cells, ukTownOfBirth)), splitPacked(p.cell(cells, ukCountryOfBirth))) {
		e.BirthPlaces = sheetAppendUnique(e.BirthPlaces, place)
	}

	// Nationalities.
	for _, v := range splitPacked(p.cell(cells, ukNationality)) {
		codes, rest := sheetCountryCodes(v)
		for _, c := range codes {
			e.Nationalities = sheetAppendUnique(e.Nationalities, c)
		}
		for _, r := range rest {
			p.tol.note("Nationality not a known country (kept in remarks)", p.pos(line))
			g.notes = sheetAppendUnique(g.notes, "Nationality: "+r)
		}
	}

	// Documents.
	for _, id := range ukhmtIdentifiers(p.cell(cells, ukPassportNumber), p.cell(cells, ukPassportDetails), IDPassport, "Passport Number") {
		e.Identifiers = sheetAppendIdentifier(e.Identifiers, id)
	}
	for _, id := range ukhmtIdentifiers(p.cell(cells, ukNINumber), p.cell(cells, ukNIDetails), IDNationalID, "National Identification Number") {
		e.Identifiers = sheetAppendIdentifier(e.Identifiers, id)
	}

	// Address.
	if a, ok := p.address(cells); ok {
		e.Addresses = sheetAppendAddress(e.Addresses, a)
	}

	// Other Information: kept whole, with the structured facts lifted out.
	// A group repeats it on every row; read it again only when it changes.
	if raw := p.rawCell(cells, ukOtherInfo); raw != g.lastOther {
		g.lastOther = raw
		if other := sheetClean(raw); other != "" {
			g.remarks = sheetAppendUnique(g.remarks, other)
			p.otherInformation(g, other, line)
		}
	}

	if regime := p.cell(cells, ukRegime); regime != "" {
		e.Programs = sheetAppendUnique(e.Programs, regime)
	}
	if listed := p.cell(cells, ukListedOn); listed != "" {
		d, ok := sheetPartialDate(listed, p.date1904)
		switch {
		case !ok:
			p.tol.note("Listed On not understood (kept in remarks)", p.pos(line))
			g.notes = sheetAppendUnique(g.notes, "Listed On: "+listed)
		case g.listedOn.IsZero() || sheetDateBefore(d, g.listedOn):
			g.listedOn = d
		}
	}
	return nil
}

// address builds the row's address from Address 1..6, Post/Zip Code and
// Country. OFSI's last address line usually holds the town, so Address 6 is
// read as the city; Full keeps every part in order.
func (p *ukhmtReader) address(cells []string) (Address, bool) {
	var street, all []string
	for _, c := range []int{ukAddress1, ukAddress2, ukAddress3, ukAddress4, ukAddress5} {
		if v := p.cell(cells, c); v != "" {
			street = append(street, v)
			all = append(all, v)
		}
	}
	city := p.cell(cells, ukAddress6)
	post := p.cell(cells, ukPostCode)
	country := p.cell(cells, ukCountry)
	for _, v := range []string{city, post, country} {
		if v != "" {
			all = append(all, v)
		}
	}
	if len(all) == 0 {
		return Address{}, false
	}
	code, _ := NormalizeCountry(country)
	return Address{
		Street:     strings.Join(street, ", "),
		City:       city,
		PostalCode: post,
		Country:    code,
		Full:       strings.Join(all, ", "),
	}, true
}

// otherInformation lifts the tagged facts out of the Other Information text:
// "(UK Sanctions List Ref):RUS1831", "(UN Ref):QDi.028", "(Gender):Male" and,
// for ships, "(IMO number):7408873".
func (p *ukhmtReader) otherInformation(g *ukhmtGroup, s string, line int) {
	e := &g.ent
	for _, v := range ukhmtTaggedRefs(s, "(UK Sanctions List Ref):") {
		e.Identifiers = sheetAppendIdentifier(e.Identifiers, Identifier{Type: IDOther, Number: v, Label: "UK Sanctions List Ref"})
	}
	for _, v := range ukhmtTaggedRefs(s, "(UN Ref):") {
		e.Identifiers = sheetAppendIdentifier(e.Identifiers, Identifier{Type: IDOther, Number: v, Label: "UN Ref"})
	}
	if v := ukhmtTagged(s, "(IMO number):"); v != "" {
		if len(v) == 7 && sheetAllDigits(v) {
			e.Identifiers = sheetAppendIdentifier(e.Identifiers, Identifier{Type: IDIMO, Number: v, Label: "IMO number"})
		} else {
			p.tol.note("IMO number not 7 digits (kept in remarks)", p.pos(line))
		}
	}
	if v := ukhmtTagged(s, "(Gender):"); v != "" {
		switch strings.ToLower(v) {
		case "male":
			e.Gender = "male"
		case "female":
			e.Gender = "female"
		default:
			p.tol.note("Gender neither Male nor Female (kept in remarks)", p.pos(line))
		}
	}
}

// finish returns the list once every row has been read.
func (p *ukhmtReader) finish(format Format, digest string) (*List, error) {
	if !p.seenHeader {
		return nil, &ParseError{Source: p.source, Err: fmt.Errorf("%w: no header row", ErrEmpty)}
	}
	if len(p.order) == 0 {
		return nil, &ParseError{Source: p.source, Err: ErrEmpty}
	}
	out := make([]Entity, 0, len(p.order))
	for _, g := range p.order {
		e := g.ent
		if !g.hasPrimary && len(e.Names) > 0 {
			p.tol.note("Group ID without a Primary name row (first name made primary)", e.ID)
			e.Names[0].Kind = NamePrimary
		}
		sheetPrimaryFirst(e.Names)
		e.ListedOn = g.listedOn
		e.Remarks = strings.Join(append(g.remarks, g.notes...), "\n")
		out = append(out, e)
	}
	return &List{
		Source:    SourceUKHMT,
		Format:    format,
		Published: p.published,
		SHA256:    digest,
		Entities:  out,
		Tolerated: p.tol.list(),
	}, nil
}

// ---- helpers shared by the spreadsheet-style parsers (ConList, DFAT) ----

// sheetFixEncoding re-decodes as Windows-1252 any cell that is not valid UTF-8
// (a Latin-1 export), noting each such cell.
func sheetFixEncoding(cells []string, tol *tolerances, position string) {
	for i, c := range cells {
		if utf8.ValidString(c) {
			continue
		}
		if s, err := charmap.Windows1252.NewDecoder().String(c); err == nil {
			cells[i] = s
		} else {
			cells[i] = strings.ToValidUTF8(c, "\uFFFD")
		}
		tol.note("Latin-1 (Windows-1252) bytes, converted to UTF-8", position)
	}
}

// sheetClean is CleanText without the allocation when s is clean already
// (no leading, trailing or repeated spaces, no other white space).
func sheetClean(s string) string {
	space := true // at the start, a space is leading
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return CleanText(s)
			}
			space = true
		case r < 0x80 && r >= 0x21 && r != 0x7f, r >= 0x80 && !unicode.IsSpace(r):
			space = false
		default:
			return CleanText(s)
		}
	}
	if space && s != "" {
		return CleanText(s)
	}
	return s
}

// sheetBlankRow reports whether every cell is empty or white space.
func sheetBlankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// sheetCellName renders the spreadsheet cell of 0-based column col in row line:
// sheetCellName(35, 7) is "AJ7".
func sheetCellName(col, line int) string {
	var b []byte
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(line)
}

func sheetAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sheetRefCode accepts reference codes such as "RUS1831", "GHR0086" or
// "QDi.028": letters, digits and inner dots, with at least one letter and
// one digit, at most 20 bytes.
func sheetRefCode(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	letter, digit := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			letter = true
		case '0' <= c && c <= '9':
			digit = true
		case c != '.':
			return false
		}
	}
	return letter && digit
}

// ukhmtTagged returns the first word after tag in s, without trailing
// punctuation: ukhmtTagged("(Gender):Male (Phone…", "(Gender):") is "Male".
func ukhmtTagged(s, tag string) string {
	i := strings.Index(s, tag)
	if i < 0 {
		return ""
	}
	rest := strings.TrimSpace(s[i+len(tag):])
	if j := strings.IndexAny(rest, " \t\n("); j >= 0 {
		rest = rest[:j]
	}
	return strings.TrimRight(rest, ".,;:")
}

// ukhmtTaggedRefs returns the reference codes after tag: one ("RUS1831.")
// or several joined by "and" or commas ("BEL0045 and GHR0050.").
func ukhmtTaggedRefs(s, tag string) []string {
	i := strings.Index(s, tag)
	if i < 0 {
		return nil
	}
	rest := s[i+len(tag):]
	if len(rest) > 256 {
		rest = rest[:256] // the references come first; a cut word is no reference
	}
	words := strings.Fields(rest)
	var refs []string
	for j := 0; j < len(words) && j < 12; j++ {
		w := words[j]
		if j > 0 && (w == "and" || w == "&") {
			continue
		}
		v := strings.TrimRight(w, ".,;:")
		if !sheetRefCode(v) {
			break
		}
		refs = append(refs, v)
		more := j+1 < len(words) && (words[j+1] == "and" || words[j+1] == "&")
		if !more && !strings.HasSuffix(w, ",") {
			break
		}
	}
	return refs
}

// splitPacked splits OFSI's packed multi-values "(1) Germany. (2) Morocco"
// into "Germany" and "Morocco". Markers are only honoured in sequence from
// "(1)", so "(2008)" inside a text is left alone. A value without markers
// comes back whole; empty pieces are dropped; trailing "." and "," are cut.
func splitPacked(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "(1)") {
		return []string{sheetTrimPiece(s)}
	}
	var out []string
	rest := s[len("(1)"):]
	for n := 2; ; n++ {
		marker := "(" + strconv.Itoa(n) + ")"
		i := strings.Index(rest, marker)
		if i < 0 {
			break
		}
		if v := sheetTrimPiece(rest[:i]); v != "" {
			out = append(out, v)
		}
		rest = rest[i+len(marker):]
	}
	if v := sheetTrimPiece(rest); v != "" {
		out = append(out, v)
	}
	return out
}

// splitLettered splits DFAT's lettered lists "a) Kabul b) Kandahar" the way
// splitPacked splits numbered ones: markers "a)", "b)", … only in sequence
// from "a)", and only at the start or after a space or punctuation.
func splitLettered(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "a)") {
		return []string{sheetTrimPiece(s)}
	}
	var out []string
	rest := s[len("a)"):]
	for letter := byte('b'); letter <= 'z'; letter++ {
		i := sheetLetterMarker(rest, letter)
		if i < 0 {
			break
		}
		if v := sheetTrimPiece(rest[:i]); v != "" {
			out = append(out, v)
		}
		rest = rest[i+2:]
	}
	if v := sheetTrimPiece(rest); v != "" {
		out = append(out, v)
	}
	return out
}

// sheetLetterMarker finds "x)" in s preceded by the start, a space or punctuation.
func sheetLetterMarker(s string, letter byte) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], string([]byte{letter, ')'}))
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || strings.IndexByte(" \t\n;,.", s[i-1]) >= 0 {
			return i
		}
		from = i + 1
	}
	return -1
}

// sheetTrimPiece trims white space and trailing list punctuation.
func sheetTrimPiece(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,;"))
}

// sheetCountryCodes maps a country text to ISO alpha-2 codes. It accepts one
// country ("Russia", "Iraq (previous address)"), a former state with its
// successor ("Former USSR, now Ukraine", "Kazakh SSR (now Kazakhstan)") and
// several countries joined by ",", ";", "/", "." or "and" ("Estonia,
// Russia", "Russian and Ukrainian"). What it cannot map comes back in rest.
func sheetCountryCodes(s string) (codes, rest []string) {
	s = sheetTrimPiece(s)
	if s == "" {
		return nil, nil
	}
	if c, ok := NormalizeCountry(s); ok {
		return []string{c}, nil
	}
	lower := strings.ToLower(s)
	for _, w := range []string{"now ", "currently "} {
		if i := strings.LastIndex(lower, w); i >= 0 {
			if c, ok := NormalizeCountry(strings.Trim(s[i+len(w):], " ()")); ok {
				return []string{c}, nil
			}
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '.' })
	var split []string
	for _, part := range parts {
		for _, q := range strings.Split(part, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				split = append(split, q)
			}
		}
	}
	if len(split) < 2 {
		return nil, []string{s}
	}
	for _, q := range split {
		if c, ok := NormalizeCountry(q); ok {
			codes = append(codes, c)
		} else {
			rest = append(rest, q)
		}
	}
	if len(codes) == 0 {
		return nil, []string{s}
	}
	return codes, rest
}

// ukhmtPairPlaces joins packed towns and countries of birth into places: pairwise
// when the counts agree, the one country after every town when there is one
// country, and each value on its own otherwise.
func ukhmtPairPlaces(towns, countries []string) []string {
	join := func(t, c string) string {
		switch {
		case t == "":
			return c
		case c == "" || strings.EqualFold(t, c):
			return t
		}
		return t + ", " + c
	}
	var out []string
	switch {
	case len(towns) == 0:
		out = append(out, countries...)
	case len(countries) == len(towns):
		for i := range towns {
			out = append(out, join(towns[i], countries[i]))
		}
	case len(countries) <= 1:
		c := ""
		if len(countries) == 1 {
			c = countries[0]
		}
		for _, t := range towns {
			out = append(out, join(t, c))
		}
	default:
		out = append(append(out, towns...), countries...)
	}
	return out
}

// ukhmtIdentifiers pairs packed document numbers with their packed details.
// The issuing country is read from the start of the details ("India number,
// issued…", "Pakistani. Issued…") when it names one.
func ukhmtIdentifiers(numbers, details, typ, label string) []Identifier {
	nums := splitPacked(numbers)
	dets := splitPacked(details)
	var out []Identifier
	for i, n := range nums {
		if n == "-" || n == "" {
			continue
		}
		id := Identifier{Type: typ, Number: n, Label: label}
		switch {
		case len(dets) == len(nums):
			id.Note = dets[i]
		case len(dets) == 1:
			id.Note = dets[0]
		case len(dets) > 1:
			id.Note = CleanText(details)
		}
		id.Country = sheetIssuingCountry(id.Note)
		out = append(out, id)
	}
	return out
}

// sheetIssuingCountry reads a country from the first words of a document note.
func sheetIssuingCountry(note string) string {
	if note == "" {
		return ""
	}
	head := note
	if i := strings.IndexAny(head, ",.;(:"); i >= 0 {
		head = head[:i]
	}
	lower := strings.ToLower(head)
	for _, w := range []string{" number", " passport", " national", " diplomatic", " no"} {
		if i := strings.Index(lower, w); i > 0 {
			head, lower = head[:i], lower[:i]
		}
	}
	if c, ok := NormalizeCountry(head); ok {
		return c
	}
	return ""
}

// sheetPartialDate parses a date cell: the spellings ParseDate reads, and an
// Excel serial day number (a date cell stored as a number).
func sheetPartialDate(s string, date1904 bool) (PartialDate, bool) {
	if d, err := ParseDate(s); err == nil {
		return d, true
	}
	if t, ok := excelSerial(s, date1904); ok {
		return PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
	}
	return PartialDate{}, false
}

// sheetDate parses a full date cell into a UTC midnight time.
func sheetDate(s string, date1904 bool) (time.Time, bool) {
	d, ok := sheetPartialDate(s, date1904)
	if !ok || d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return time.Time{}, false
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
}

// excelSerial reads an Excel serial day number ("41988", "41988.5"), as
// spreadsheets store dates, in the 1900 date system or, for a workbook that
// says so, the 1904 one. Only days 1 to 2958465 (9999-12-31 in the 1900
// system) are accepted; the fraction (time of day) is dropped.
func excelSerial(s string, date1904 bool) (time.Time, bool) {
	if s == "" || len(s) > 24 || !(s[0] >= '0' && s[0] <= '9') {
		return time.Time{}, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v >= 2958466 {
		return time.Time{}, false
	}
	days := int(v)
	if date1904 {
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
	}
	if days < 60 {
		// Excel counts a 29 February 1900 that never was; days before it
		// are one day later than the 1899-12-30 epoch suggests.
		days++
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days), true
}

// sheetDateBefore orders partial dates by their known parts.
func sheetDateBefore(a, b PartialDate) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// sheetNameRank orders name kinds by strength: a name seen both as an alias and
// as the primary name is the primary name.
var sheetNameRank = [...]int{NamePrimary: 0, NameAlias: 1, NameFormerly: 2, NameWeakAlias: 3}

// sheetMergeName adds a name to e unless it has the same text already (compared
// case-insensitively after CleanText); a repeated name keeps the stronger
// kind and gains a given/family split it lacked.
func sheetMergeName(e *Entity, full, given, family string, kind NameKind) {
	full = CleanText(full)
	if full == "" {
		return
	}
	for i := range e.Names {
		n := &e.Names[i]
		if !strings.EqualFold(n.Full, full) {
			continue
		}
		if sheetNameRank[kind] < sheetNameRank[n.Kind] {
			n.Kind = kind
		}
		if n.Given == "" && n.Family == "" {
			n.Given, n.Family = given, family
		}
		return
	}
	e.Names = append(e.Names, Name{Full: full, Given: given, Family: family, Kind: kind, Script: DetectScript(full)})
}

// sheetPrimaryFirst moves primary names to the front, keeping the order otherwise.
func sheetPrimaryFirst(names []Name) {
	sort.SliceStable(names, func(i, j int) bool {
		return names[i].Kind == NamePrimary && names[j].Kind != NamePrimary
	})
}

// sheetAppendUnique appends v unless s holds it already (case-insensitively).
func sheetAppendUnique(s []string, v string) []string {
	if v == "" {
		return s
	}
	for _, x := range s {
		if strings.EqualFold(x, v) {
			return s
		}
	}
	return append(s, v)
}

func sheetAppendBirthdate(s []Birthdate, b Birthdate) []Birthdate {
	for _, x := range s {
		if x == b {
			return s
		}
	}
	return append(s, b)
}

func sheetAppendIdentifier(s []Identifier, id Identifier) []Identifier {
	for _, x := range s {
		if x.Type == id.Type && strings.EqualFold(x.Number, id.Number) && x.Label == id.Label {
			return s
		}
	}
	return append(s, id)
}

func sheetAppendAddress(s []Address, a Address) []Address {
	for _, x := range s {
		if strings.EqualFold(x.Full, a.Full) {
			return s
		}
	}
	return append(s, a)
}
