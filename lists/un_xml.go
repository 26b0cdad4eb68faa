package lists

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ParseUNXML parses the UN Security Council consolidated list
// (consolidated.xml, root CONSOLIDATED_LIST, schema sc-sanctions.xsd). It
// streams the file, decoding one INDIVIDUAL or ENTITY element at a time.
//
// Entity IDs are "un-sc:" followed by the REFERENCE_NUMBER with surrounding
// white space trimmed ("un-sc:QDi.196"); the trim is recorded in
// List.Tolerated. Published is the root's dateGenerated, in UTC.
//
// The mapping:
//
//   - FIRST_NAME..FOURTH_NAME, joined in that order, are the primary name.
//     The UN does not say which part is the family name, so Given and
//     Family stay empty. NAME_ORIGINAL_SCRIPT is an alias.
//   - Alias QUALITY "Good", "a.k.a." and empty are NameAlias, "Low" is
//     NameWeakAlias, "f.k.a." (or an alias NOTE saying "formerly" or
//     "previously listed as") is NameFormerly. One ALIAS_NAME may hold
//     several names: they are split on ";" (outside parentheses), on
//     "b)"-style enumerations, and a trailing parenthesis is split off
//     when it holds a list or a name in another script, as in
//     "حسن غول (Hassan Ghul; Hassan Gul)". "Last, First" aliases are kept
//     as written.
//   - INDIVIDUAL_DATE_OF_BIRTH: DATE, YEAR or FROM_YEAR/TO_YEAR; Circa for
//     APPROXIMATELY. Dates the UN gives only in NOTE ("Nov. 1973") are
//     parsed when possible, else kept in Remarks. Dates and places of birth
//     attached to aliases are added too.
//   - INDIVIDUAL_PLACE_OF_BIRTH becomes one BirthPlaces text.
//   - NATIONALITY/VALUE: ISO alpha-2; a value that is no country ("former
//     Soviet Union") goes to Remarks.
//   - INDIVIDUAL_DOCUMENT: Identifiers. The type comes from
//     TYPE_OF_DOCUMENT2 when it is telling, else TYPE_OF_DOCUMENT
//     (passport, national ID, tax ID, other); wording such as
//     "Afghan passport number OA296623" is split into the number and a note.
//     A document without NUMBER goes to Remarks.
//   - UN_LIST_TYPE is the program; TITLE and DESIGNATION values are Titles;
//     LISTED_ON is ListedOn; COMMENTS1 starts Remarks.
//
// Errors: broken XML is ErrSyntax; a record without REFERENCE_NUMBER, or
// without any name, is ErrMissingField; a malformed value in a field the
// schema types as a date (dateGenerated, LISTED_ON, DOB DATE, YEAR,
// FROM_YEAR, TO_YEAR) or a duplicate REFERENCE_NUMBER is ErrInvalidValue.
// Free-text dates (NOTE, alias DATE_OF_BIRTH) are tolerated. Each error is a
// *ParseError with Source "UN-SC un-xml", the line of the record and the
// field. A file without records is ErrEmpty.
func ParseUNXML(r io.Reader) (*List, error) {
	s := newXML2Stream(r, SourceUNSC, FormatUNXML)
	l := &List{Source: SourceUNSC, Format: FormatUNXML}
	seen := make(map[string]int)
	onRoot := func(root xml.StartElement) error {
		for _, a := range root.Attr {
			if a.Name.Local != "dateGenerated" {
				continue
			}
			t, err := xml2ParseTimestamp(a.Value)
			if err != nil {
				return s.fieldError(s.line(), "CONSOLIDATED_LIST", "dateGenerated", err)
			}
			l.Published = t
		}
		return nil
	}
	onRecord := func(start xml.StartElement, line int) error {
		var rec unRecord
		if err := s.dec.DecodeElement(&rec, &start); err != nil {
			return s.fail(err)
		}
		e, err := s.unEntity(&rec, start.Name.Local, line)
		if err != nil {
			return err
		}
		if first, dup := seen[e.ID]; dup {
			return s.fieldError(line, start.Name.Local, "REFERENCE_NUMBER",
				fmt.Errorf("%w (first at line %d)", valueError(rec.Reference), first))
		}
		seen[e.ID] = line
		l.Entities = append(l.Entities, *e)
		return nil
	}
	err := s.walk("CONSOLIDATED_LIST", onRoot, map[string]func(xml.StartElement, int) error{
		"INDIVIDUAL": onRecord,
		"ENTITY":     onRecord,
	})
	if err != nil {
		return nil, err
	}
	return s.finish(l)
}

// unRecord is one INDIVIDUAL or ENTITY element.
type unRecord struct {
	First          string       `xml:"FIRST_NAME"`
	Second         string       `xml:"SECOND_NAME"`
	Third          string       `xml:"THIRD_NAME"`
	Fourth         string       `xml:"FOURTH_NAME"`
	OriginalScript string       `xml:"NAME_ORIGINAL_SCRIPT"`
	ListType       string       `xml:"UN_LIST_TYPE"`
	Reference      string       `xml:"REFERENCE_NUMBER"`
	ListedOn       string       `xml:"LISTED_ON"`
	Gender         string       `xml:"GENDER"`
	Comments       string       `xml:"COMMENTS1"`
	Titles         []string     `xml:"TITLE>VALUE"`
	Designations   []string     `xml:"DESIGNATION>VALUE"`
	Nationalities  []string     `xml:"NATIONALITY>VALUE"`
	Aliases        []unAlias    `xml:"INDIVIDUAL_ALIAS"`
	EntityAliases  []unAlias    `xml:"ENTITY_ALIAS"`
	Addresses      []unAddress  `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddrs    []unAddress  `xml:"ENTITY_ADDRESS"`
	BirthDates     []unDOB      `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces    []unAddress  `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents      []unDocument `xml:"INDIVIDUAL_DOCUMENT"`
}

type unAlias struct {
	Quality        string `xml:"QUALITY"`
	Name           string `xml:"ALIAS_NAME"`
	Note           string `xml:"NOTE"`
	DateOfBirth    string `xml:"DATE_OF_BIRTH"`
	CityOfBirth    string `xml:"CITY_OF_BIRTH"`
	CountryOfBirth string `xml:"COUNTRY_OF_BIRTH"`
}

// unAddress is an *_ADDRESS or INDIVIDUAL_PLACE_OF_BIRTH element.
type unAddress struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type unDOB struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
	Note     string `xml:"NOTE"`
}

type unDocument struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Type2          string `xml:"TYPE_OF_DOCUMENT2"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	DateOfIssue    string `xml:"DATE_OF_ISSUE"`
	CityOfIssue    string `xml:"CITY_OF_ISSUE"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
	Note           string `xml:"NOTE"`
}

// unEntity maps one decoded record; element is INDIVIDUAL or ENTITY.
func (s *xml2Stream) unEntity(rec *unRecord, element string, line int) (*Entity, error) {
	pos := fmt.Sprintf("line %d", line)
	ref := strings.TrimSpace(rec.Reference)
	if ref == "" {
		return nil, s.fieldError(line, element, "REFERENCE_NUMBER", ErrMissingField)
	}
	if ref != rec.Reference {
		s.tol.note("white space around REFERENCE_NUMBER trimmed", pos)
	}
	e := &Entity{ID: SourceUNSC.EntityID(ref), Source: SourceUNSC, Type: TypeOrganization}
	if element == "INDIVIDUAL" {
		e.Type = TypePerson
	}
	var rem xml2Remarks
	rem.add("", rec.Comments)

	full := xml2Join(" ", rec.First, rec.Second, rec.Third, rec.Fourth)
	if full == "" {
		full = CleanText(rec.OriginalScript)
	}
	if full == "" {
		return nil, s.fieldError(line, element, "FIRST_NAME", ErrMissingField)
	}
	e.AddName(full, NamePrimary)
	e.AddName(rec.OriginalScript, NameAlias)
	for _, a := range append(rec.Aliases, rec.EntityAliases...) {
		s.unAlias(e, &rem, a, pos)
	}

	if v := CleanText(rec.ListType); v != "" {
		e.Programs = xml2AppendUnique(e.Programs, v)
	}
	if v := strings.TrimSpace(rec.ListedOn); v != "" {
		d, err := xml2ParseXSDate(v)
		if err != nil {
			return nil, s.fieldError(line, element, "LISTED_ON", err)
		}
		e.ListedOn = d
	}
	for _, t := range append(rec.Titles, rec.Designations...) {
		if v := CleanText(t); v != "" {
			e.Titles = xml2AppendUnique(e.Titles, v)
		}
	}
	e.Gender = s.xml2Gender(rec.Gender, pos)
	for _, n := range rec.Nationalities {
		s.xml2Country(&e.Nationalities, &rem, "Nationality", n, pos)
	}
	for _, d := range rec.BirthDates {
		if err := s.unBirthdate(e, &rem, d, pos); err != nil {
			return nil, s.fieldError(line, element+"/INDIVIDUAL_DATE_OF_BIRTH", err.field, err.err)
		}
	}
	for _, p := range rec.BirthPlaces {
		text := xml2Join(", ", p.Street, p.City, p.State, p.Country)
		if n := CleanText(p.Note); n != "" {
			text = xml2Join(" ", text, "("+strings.Trim(n, "()")+")")
		}
		if text != "" {
			e.BirthPlaces = xml2AppendUnique(e.BirthPlaces, text)
		}
	}
	for _, a := range rec.Aliases {
		s.unAliasBirth(e, &rem, a, pos)
	}
	for _, a := range append(rec.Addresses, rec.EntityAddrs...) {
		if addr, ok := unMakeAddress(a); ok {
			e.Addresses = append(e.Addresses, addr)
		}
	}
	for _, d := range rec.Documents {
		unDocumentTo(e, &rem, d)
	}
	e.Remarks = rem.String()
	return e, nil
}

// unAlias adds the names of one alias element.
func (s *xml2Stream) unAlias(e *Entity, rem *xml2Remarks, a unAlias, pos string) {
	names := unSplitAlias(a.Name)
	note := CleanText(a.Note)
	kind := NameAlias
	switch q := strings.ToLower(strings.TrimSpace(a.Quality)); q {
	case "good", "", "a.k.a.", "aka", "a.k.a":
	case "low":
		kind = NameWeakAlias
	case "f.k.a.", "fka", "f.k.a":
		kind = NameFormerly
	default:
		s.tol.note(fmt.Sprintf("unknown alias QUALITY %q read as alias", xml2Short(a.Quality)), pos)
	}
	if lower := strings.ToLower(note); strings.Contains(lower, "formerly") || strings.Contains(lower, "previously listed") {
		kind = NameFormerly
		note = ""
	}
	for _, n := range names {
		e.AddName(n, kind)
	}
	if len(names) == 0 {
		return
	}
	if note != "" {
		rem.add("Alias "+names[0], note)
	}
}

// unAliasBirth adds the date and place of birth an alias element carries.
func (s *xml2Stream) unAliasBirth(e *Entity, rem *xml2Remarks, a unAlias, pos string) {
	names := unSplitAlias(a.Name)
	if len(names) == 0 {
		return
	}
	if v := strings.TrimSpace(a.DateOfBirth); v != "" {
		if d, err := xml2ParseXSDate(v); err == nil {
			xml2AddBirthdate(e, Birthdate{Date: d})
		} else {
			s.tol.note("alias DATE_OF_BIRTH that is no date kept in remarks", pos)
			rem.add("Alias "+names[0]+" date of birth", v)
		}
	}
	if place := xml2Join(", ", a.CityOfBirth, a.CountryOfBirth); place != "" {
		e.BirthPlaces = xml2AppendUnique(e.BirthPlaces, place)
	}
}

// xml2FieldErr is a failure inside a child element, before it is positioned.
type xml2FieldErr struct {
	field string
	err   error
}

// unBirthdate adds one INDIVIDUAL_DATE_OF_BIRTH.
func (s *xml2Stream) unBirthdate(e *Entity, rem *xml2Remarks, d unDOB, pos string) *xml2FieldErr {
	note := CleanText(d.Note)
	lowNote := strings.ToLower(strings.TrimSuffix(note, "."))
	var b Birthdate
	switch t := strings.ToUpper(strings.TrimSpace(d.Type)); t {
	case "EXACT", "", "BETWEEN":
	case "APPROXIMATELY":
		b.Circa = true
	default:
		s.tol.note(fmt.Sprintf("unknown TYPE_OF_DATE %q read as EXACT", xml2Short(d.Type)), pos)
	}
	if lowNote == "approximately" || lowNote == "approx" || lowNote == "circa" {
		b.Circa = true
		note = ""
	}
	date := strings.TrimSpace(d.Date)
	year := strings.TrimSpace(d.Year)
	from, to := strings.TrimSpace(d.FromYear), strings.TrimSpace(d.ToYear)
	var err error
	switch {
	case date != "":
		if b.Date, err = xml2ParseXSDate(date); err != nil {
			return &xml2FieldErr{"DATE", err}
		}
	case year != "":
		if b.Date, err = xml2ParseYear(year); err != nil {
			return &xml2FieldErr{"YEAR", err}
		}
		if m, ok := monthNames[lowNote]; ok { // YEAR 1958 with NOTE "Sep."
			b.Date.Month = m
			note = ""
		}
	case from != "" || to != "":
		if from == "" {
			from, to = to, ""
		}
		if b.Date, err = xml2ParseYear(from); err != nil {
			return &xml2FieldErr{"FROM_YEAR", err}
		}
		if to != "" && to != from {
			if b.To, err = xml2ParseYear(to); err != nil {
				return &xml2FieldErr{"TO_YEAR", err}
			}
		}
	case note != "":
		// The date is only in NOTE: "Nov. 1973", "24/06/1402 (Hijri Calendar)".
		if dn, perr := xml2ParseLooseDate(note); perr == nil {
			b.Date = dn
			note = ""
		}
	}
	if !b.Date.IsZero() {
		xml2AddBirthdate(e, b)
	}
	if note != "" {
		label := "Date of birth"
		if !b.Date.IsZero() {
			label += " " + b.String()
		}
		rem.add(label, note)
	}
	return nil
}

func unMakeAddress(a unAddress) (Address, bool) {
	addr := Address{
		Street:     CleanText(a.Street),
		City:       CleanText(a.City),
		Region:     CleanText(a.State),
		PostalCode: CleanText(a.Zip),
	}
	country := CleanText(a.Country)
	if code, ok := NormalizeCountry(country); ok {
		addr.Country = code
	}
	note := CleanText(a.Note)
	if (country != "" && addr.Country == "") || note != "" {
		addr.Full = xml2Join(", ", addr.Street, addr.City, addr.Region, addr.PostalCode, country)
		if note != "" {
			addr.Full = xml2Join(" ", addr.Full, "("+strings.Trim(note, "()")+")")
		}
	}
	return addr, addr != Address{}
}

// unDocumentTo adds one INDIVIDUAL_DOCUMENT as an identifier, or to the
// remarks when it has no number.
func unDocumentTo(e *Entity, rem *xml2Remarks, d unDocument) {
	t1 := strings.Trim(CleanText(d.Type), " :")
	t2 := strings.Trim(CleanText(d.Type2), " :")
	kind := unDocumentType(t2)
	label := t1
	if kind != "" && !strings.EqualFold(t1, t2) {
		label = t2
	}
	if kind == "" {
		kind = unDocumentType(t1)
	}
	if kind == "" {
		kind = IDOther
	}
	number, extra, hint := xml2SplitNumber(d.Number)
	country, ok := NormalizeCountry(d.IssuingCountry)
	if !ok {
		country, ok = NormalizeCountry(d.CountryOfIssue)
	}
	if !ok {
		country = hint
	}
	if strings.EqualFold(extra, label) {
		extra = ""
	}
	note := xml2Join("; ", extra, d.Note)
	if v := CleanText(d.DateOfIssue); v != "" {
		note = xml2Join("; ", note, "issued "+v)
	}
	if v := CleanText(d.CityOfIssue); v != "" {
		note = xml2Join("; ", note, "issued in "+v)
	}
	if number == "" {
		if note != "" {
			rem.add(xml2Join(" ", "Document", "("+label+")"), note)
		}
		return
	}
	xml2AddIdentifier(e, Identifier{Type: kind, Number: number, Country: country, Label: label, Note: note})
}

// unDocumentType classifies the UN's document wording, or returns "" when
// the wording says nothing ("number:").
func unDocumentType(s string) string {
	l := strings.ToLower(s)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case l == "":
		return ""
	case has("passport", "passeport", "pasaporte", "travel document", "laissez-passer"):
		return IDPassport
	case has("fiscal code", "tax"):
		return IDTaxID
	case has("birth certificate", "ration card", "driver", "student", "voter", "military",
		"residential card", "certificate", "ex-serviceman", "fardc", "other id"):
		return IDOther
	case has("national", "identi", "tazkira", "civil", "personal", "social security", "id card"):
		return IDNationalID
	}
	return ""
}

var (
	// unEnumeration splits "Mohammed Sabet b) M. Javad Sabet".
	unEnumeration = regexp.MustCompile(`\s[b-h]\)\s`)
	// unSubUnit strips the UN's " - sub-unit name" tag from an alias.
	unSubUnit = regexp.MustCompile(`(?i)\s*-\s*sub-unit name\s*$`)
	// unOriginalScript strips "(original script)" and "original script:".
	unOriginalScript = regexp.MustCompile(`(?i)\s*\(original script\)\s*$|^\s*original script\s*:\s*`)
)

// unSplitAlias splits one ALIAS_NAME into the names it holds.
func unSplitAlias(s string) []string {
	s = strings.TrimRight(CleanText(s), ",; ")
	if s == "" {
		return nil
	}
	var out []string
	emit := func(n string) {
		n = strings.TrimSpace(unSubUnit.ReplaceAllString(unOriginalScript.ReplaceAllString(n, ""), ""))
		n = strings.TrimRight(n, ",; ")
		if n != "" && xml2HasLetter(n) {
			out = append(out, n)
		}
	}
	for _, part := range xml2SplitTopLevel(s, ';') {
		for _, p := range unEnumeration.Split(part, -1) {
			p = strings.TrimSpace(p)
			outer, inner := xml2TrailingParen(p)
			listLike := inner != "" && outer != "" &&
				(strings.Contains(inner, ";") || xml2ScriptsDiffer(outer, inner) ||
					unOriginalScript.MatchString(inner))
			if !listLike {
				emit(p)
				continue
			}
			emit(outer)
			for _, n := range xml2SplitTopLevel(inner, ';') {
				emit(n)
			}
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Streaming plumbing shared by ParseUNXML, ParseUKFCDOXML and ParseCASEMAXML.

// xml2Stream reads one XML list file: it hashes every byte, strips a BOM,
// repairs Latin-1 bytes and XML-illegal control characters in a file that
// claims UTF-8 (recording both as tolerated), and positions every error.
type xml2Stream struct {
	src string // ParseError.Source: "UN-SC un-xml"
	dig *digestReader
	in  *xml2Repair
	dec *xml.Decoder
	tol *tolerances
}

func newXML2Stream(r io.Reader, source Source, format Format) *xml2Stream {
	s := &xml2Stream{src: string(source) + " " + string(format), dig: newDigestReader(r), tol: &tolerances{}}
	br := bufio.NewReaderSize(s.dig, 64<<10)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
		s.tol.note("UTF-8 byte-order mark skipped", "line 1")
	}
	head, _ := br.Peek(512)
	s.in = &xml2Repair{r: br, tol: s.tol, line: 1}
	switch enc := xml2DeclaredEncoding(head); enc {
	case "", "utf-8", "utf8":
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		s.in.latin1 = true
	default:
		s.in.badEncoding = enc
	}
	s.dec = xml.NewDecoder(s.in)
	// The bytes are UTF-8 by the time the decoder sees them.
	s.dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return s
}

// xml2DeclaredEncoding returns the lower-cased encoding of the XML
// declaration at the start of head, or "".
func xml2DeclaredEncoding(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(head[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "="), " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		return strings.ToLower(strings.TrimSpace(rest[:j]))
	}
	return ""
}

func (s *xml2Stream) line() int {
	l, _ := s.dec.InputPos()
	return l
}

// fieldError positions an error wrapping a sentinel.
func (s *xml2Stream) fieldError(line int, element, field string, err error) error {
	return &ParseError{Source: s.src, Line: line, Element: element, Field: field, Err: err}
}

// fail turns an error of the decoder into a *ParseError: reading errors keep
// their cause, everything else is ErrSyntax.
func (s *xml2Stream) fail(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	if s.in.err != nil && s.in.err != io.EOF && errors.Is(err, s.in.err) {
		return &ParseError{Source: s.src, Line: s.line(), Err: err}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &ParseError{Source: s.src, Line: se.Line, Err: fmt.Errorf("%w: %s", ErrSyntax, se.Msg)}
	}
	return &ParseError{Source: s.src, Line: s.line(), Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
}

// walk reads the whole document. It checks the root element's name (calling
// onRoot with it), and hands each start element named in records, at any
// depth below the root, to its handler with the element's line; the handler
// must consume the element (DecodeElement or Skip).
func (s *xml2Stream) walk(root string, onRoot func(xml.StartElement) error,
	records map[string]func(xml.StartElement, int) error) error {
	if s.in.badEncoding != "" {
		return &ParseError{Source: s.src, Line: 1, Element: "?xml", Field: "encoding",
			Err: fmt.Errorf("%w: unsupported encoding %q", ErrSyntax, xml2Short(s.in.badEncoding))}
	}
	depth, roots := 0, 0
	for {
		tok, err := s.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if roots > 1 {
					return s.fieldError(s.line(), t.Name.Local, "", fmt.Errorf("%w: second root element", ErrSyntax))
				}
				if t.Name.Local != root {
					return s.fieldError(s.line(), t.Name.Local, "",
						fmt.Errorf("%w: root element is <%s>, want <%s>", ErrUnknownFormat, xml2Short(t.Name.Local), root))
				}
				if err := onRoot(t); err != nil {
					return err
				}
				depth++
				continue
			}
			if h, ok := records[t.Name.Local]; ok {
				if err := h(t, s.line()); err != nil {
					return err
				}
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return s.fieldError(s.line(), "", "", fmt.Errorf("%w: text outside the root element", ErrSyntax))
			}
		}
	}
	if roots == 0 {
		return &ParseError{Source: s.src, Line: s.line(), Err: fmt.Errorf("%w: no <%s> element", ErrEmpty, root)}
	}
	return nil
}

// finish drains the input, records the digest and the tolerances, and
// rejects a list without entities.
func (s *xml2Stream) finish(l *List) (*List, error) {
	if err := s.dig.drain(); err != nil {
		return nil, &ParseError{Source: s.src, Line: s.line(), Err: err}
	}
	if len(l.Entities) == 0 {
		return nil, &ParseError{Source: s.src, Line: s.line(), Err: ErrEmpty}
	}
	l.SHA256 = s.dig.sum()
	l.Tolerated = s.tol.list()
	return l, nil
}

// xml2Repair hands the decoder valid UTF-8: in a file that claims UTF-8 it
// reads each byte that is not part of a UTF-8 sequence as Windows-1252
// (a superset of Latin-1); in a file that declares Latin-1 or Windows-1252
// it converts every byte. It drops the C0 control characters XML 1.0
// forbids. Both repairs are noted as tolerated.
type xml2Repair struct {
	r           io.Reader
	tol         *tolerances
	latin1      bool   // the file declares a single-byte encoding
	badEncoding string // the file declares an encoding we do not read
	buf         []byte
	carry       []byte // an incomplete UTF-8 sequence from the last read
	out         []byte // converted bytes not yet returned
	obuf        []byte
	line        int
	err         error
}

func (x *xml2Repair) Read(p []byte) (int, error) {
	for len(x.out) == 0 {
		if x.err != nil {
			return 0, x.err
		}
		x.fill()
	}
	n := copy(p, x.out)
	x.out = x.out[n:]
	return n, nil
}

func (x *xml2Repair) fill() {
	if x.buf == nil {
		x.buf = make([]byte, 32<<10)
	}
	k := copy(x.buf, x.carry)
	n, err := x.r.Read(x.buf[k:])
	data := x.buf[:k+n]
	x.carry = x.carry[:0]
	if err != nil {
		x.err = err
	}
	out := x.obuf[:0]
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n':
				x.line++
			case c < 0x20 && c != '\t' && c != '\r':
				x.tol.note("control character dropped", fmt.Sprintf("line %d", x.line))
				continue
			}
			out = append(out, c)
			continue
		}
		if !x.latin1 {
			r, size := utf8.DecodeRune(data[i:])
			if r != utf8.RuneError || size > 1 {
				out = append(out, data[i:i+size]...)
				i += size
				continue
			}
			if x.err == nil && !utf8.FullRune(data[i:]) {
				x.carry = append(x.carry, data[i:]...)
				break
			}
			x.tol.note("byte that is not UTF-8 read as Latin-1", fmt.Sprintf("line %d", x.line))
		}
		out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(c))
		i++
	}
	x.obuf = out
	x.out = out
}

// ---------------------------------------------------------------------------
// Small value helpers shared by the three parsers.

// xml2Remarks collects remark lines.
type xml2Remarks struct{ lines []string }

// add appends "label: value" (or value alone), cleaned; empty values are skipped.
func (r *xml2Remarks) add(label, value string) {
	value = CleanText(value)
	if value == "" {
		return
	}
	if label != "" {
		value = label + ": " + value
	}
	for _, l := range r.lines {
		if l == value {
			return
		}
	}
	r.lines = append(r.lines, value)
}

func (r *xml2Remarks) String() string { return strings.Join(r.lines, "\n") }

// xml2Join cleans each part and joins the non-empty ones with sep.
func xml2Join(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = CleanText(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

func xml2AppendUnique(list []string, v string) []string {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return list
		}
	}
	return append(list, v)
}

func xml2AddBirthdate(e *Entity, b Birthdate) {
	for _, x := range e.BirthDates {
		if x == b {
			return
		}
	}
	e.BirthDates = append(e.BirthDates, b)
}

func xml2AddIdentifier(e *Entity, id Identifier) {
	for _, x := range e.Identifiers {
		if x.Type == id.Type && strings.EqualFold(x.Number, id.Number) && x.Country == id.Country {
			return
		}
	}
	e.Identifiers = append(e.Identifiers, id)
}

// xml2Country appends the ISO code of a country to codes, or keeps a value
// that is no country in the remarks under label.
func (s *xml2Stream) xml2Country(codes *[]string, rem *xml2Remarks, label, v, pos string) {
	v = CleanText(v)
	switch strings.ToLower(v) {
	case "":
		return
	case "na", "n/a", "n.a.", "unknown", "-":
		s.tol.note(strings.ToLower(label)+" placeholder ignored", pos)
		return
	}
	if code, ok := NormalizeCountry(v); ok {
		*codes = xml2AppendUnique(*codes, code)
		return
	}
	s.tol.note(strings.ToLower(label)+" that is no known country kept in remarks", pos)
	rem.add(label, v)
}

// xml2Gender maps "Male"/"Female" to "male"/"female".
func (s *xml2Stream) xml2Gender(v, pos string) string {
	switch g := strings.ToLower(CleanText(v)); g {
	case "male", "m":
		return "male"
	case "female", "f":
		return "female"
	case "":
	default:
		s.tol.note(fmt.Sprintf("gender %q ignored", xml2Short(v)), pos)
	}
	return ""
}

// xml2ParseYear parses a four-digit year.
func xml2ParseYear(v string) (PartialDate, error) {
	d, err := ParseDate(v)
	if err != nil {
		return PartialDate{}, err
	}
	if d.Month != 0 || d.Day != 0 || d.Year == 0 {
		return PartialDate{}, valueError(v)
	}
	return d, nil
}

// xml2ParseXSDate parses a date, accepting the time-zone suffix an
// xs:date may carry ("2015-04-07-04:00", "2015-04-07Z").
func xml2ParseXSDate(v string) (PartialDate, error) {
	v = strings.TrimSpace(v)
	if len(v) > 10 && v[4] == '-' && v[7] == '-' {
		switch z := v[10:]; {
		case z == "Z", len(z) == 6 && (z[0] == '+' || z[0] == '-') && z[3] == ':':
			v = v[:10]
		}
	}
	return ParseDate(v)
}

// xml2ParseLooseDate is ParseDate that also reads abbreviated month names
// with a dot ("Nov. 1973", "10 Dec. 1948").
func xml2ParseLooseDate(v string) (PartialDate, error) {
	d, err := ParseDate(v)
	if err == nil || !strings.ContainsFunc(v, unicode.IsLetter) {
		return d, err
	}
	return ParseDate(CleanText(strings.ReplaceAll(v, ".", " ")))
}

// xml2ParseTimestamp parses an RFC 3339 timestamp or a full date (ISO or
// day first) into a UTC time.
func xml2ParseTimestamp(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t.UTC(), nil
	}
	d, err := ParseDate(v)
	if err != nil {
		return time.Time{}, err
	}
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return time.Time{}, valueError(v)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), nil
}

// xml2Short quotes at most 40 bytes of an unexpected value in a note.
func xml2Short(v string) string {
	v = CleanText(v)
	if len(v) > 40 {
		v = strings.ToValidUTF8(v[:40], "") + "…"
	}
	return v
}

func xml2HasLetter(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return true
		}
	}
	return false
}

// xml2ScriptsDiffer reports whether a and b are written in different
// scripts (text without letters differs from nothing).
func xml2ScriptsDiffer(a, b string) bool {
	sa, sb := DetectScript(a), DetectScript(b)
	return sa != "Zyyy" && sb != "Zyyy" && sa != sb
}

// xml2SplitTopLevel splits s on sep where it is not inside parentheses.
func xml2SplitTopLevel(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	return append(out, s[start:])
}

// xml2TrailingParen splits "Name (Other)" into "Name" and "Other" when s
// ends with a balanced parenthesis; otherwise it returns s, "".
func xml2TrailingParen(s string) (outer, inner string) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
			}
		}
	}
	return s, ""
}

var (
	// xml2NumberMarker finds "number", "passport", "no.", "nr.", "N°" or ":" before a
	// document number.
	xml2NumberMarker = regexp.MustCompile(`(?i)number|passport|\bno\.|\bnr\.|n°|:`)
	xml2HasDigit     = regexp.MustCompile(`[0-9]`)
)

// xml2SplitNumber takes a document number as publishers write it
// ("Afghan passport number OA296623", "381110042 (Expired 25 Jan. 2016)",
// "R00012098, South Sudan", "Libya 428720") and returns the number, the
// wording around it (for Identifier.Note) and the ISO code of a country
// named around it.
func xml2SplitNumber(v string) (number, note, country string) {
	number = CleanText(v)
	if outer, inner := xml2TrailingParen(number); inner != "" && xml2HasDigit.MatchString(outer) {
		number, note = outer, inner
	}
	if i := strings.LastIndex(number, ", "); i > 0 {
		if code, ok := NormalizeCountry(number[i+2:]); ok && xml2HasDigit.MatchString(number[:i]) {
			number, country = number[:i], code
		}
	}
	if locs := xml2NumberMarker.FindAllStringIndex(number, -1); len(locs) > 0 {
		last := locs[len(locs)-1]
		rest := strings.TrimSpace(number[last[1]:])
		if rest != "" && xml2HasDigit.MatchString(rest) && len(strings.Fields(rest)) <= 3 {
			note = xml2Join("; ", strings.TrimSpace(number[:last[1]]), note)
			number = rest
		}
	}
	if f := strings.Fields(number); len(f) >= 2 && len(f[0]) > 3 {
		if code, ok := NormalizeCountry(f[0]); ok && xml2HasDigit.MatchString(number) {
			number = strings.Join(f[1:], " ")
			if country == "" {
				country = code
			}
		}
	}
	return number, note, country
}
