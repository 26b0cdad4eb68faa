package lists

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
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
	s := newXMLStream(r, SourceUNSC, FormatUNXML, xmlUNConventions)
	l := &List{Source: SourceUNSC, Format: FormatUNXML}
	seen := make(map[string]int)
	onRoot := func(root xml.StartElement) error {
		for _, a := range root.Attr {
			if a.Name.Local != "dateGenerated" {
				continue
			}
			t, err := parseTimestamp(a.Value)
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
	return s.finish(l, "CONSOLIDATED_LIST")
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
func (s *xmlStream) unEntity(rec *unRecord, element string, line int) (*Entity, error) {
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
	var rem remarkLines
	rem.addFact("", rec.Comments)

	full := joinNonEmpty(" ", rec.First, rec.Second, rec.Third, rec.Fourth)
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
		e.Programs = appendFold(e.Programs, v)
	}
	if v := strings.TrimSpace(rec.ListedOn); v != "" {
		d, err := ParseDate(v)
		if err != nil {
			return nil, s.fieldError(line, element, "LISTED_ON", err)
		}
		e.ListedOn = d
	}
	for _, t := range append(rec.Titles, rec.Designations...) {
		if v := CleanText(t); v != "" {
			e.Titles = appendFold(e.Titles, v)
		}
	}
	e.Gender = s.gender(rec.Gender, pos)
	for _, n := range rec.Nationalities {
		s.country(&e.Nationalities, &rem, "Nationality", n, pos)
	}
	for _, d := range rec.BirthDates {
		if err := s.unBirthdate(e, &rem, d, pos); err != nil {
			return nil, s.fieldError(line, element+"/INDIVIDUAL_DATE_OF_BIRTH", err.field, err.err)
		}
	}
	for _, p := range rec.BirthPlaces {
		text := joinNonEmpty(", ", p.Street, p.City, p.State, p.Country)
		if n := CleanText(p.Note); n != "" {
			text = joinNonEmpty(" ", text, "("+strings.Trim(n, "()")+")")
		}
		if text != "" {
			e.BirthPlaces = appendFold(e.BirthPlaces, text)
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
	e.Remarks = rem.join("\n")
	return e, nil
}

// unAlias adds the names of one alias element.
func (s *xmlStream) unAlias(e *Entity, rem *remarkLines, a unAlias, pos string) {
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
		s.tol.note(fmt.Sprintf("unknown alias QUALITY %q read as alias", shortQuote(a.Quality)), pos)
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
		rem.addFact("Alias "+names[0], note)
	}
}

// unAliasBirth adds the date and place of birth an alias element carries.
func (s *xmlStream) unAliasBirth(e *Entity, rem *remarkLines, a unAlias, pos string) {
	names := unSplitAlias(a.Name)
	if len(names) == 0 {
		return
	}
	if v := strings.TrimSpace(a.DateOfBirth); v != "" {
		if d, err := ParseDate(v); err == nil {
			e.BirthDates = appendDistinct(e.BirthDates, Birthdate{Date: d})
		} else {
			s.tol.note("alias DATE_OF_BIRTH that is no date kept in remarks", pos)
			rem.addFact("Alias "+names[0]+" date of birth", v)
		}
	}
	if place := joinNonEmpty(", ", a.CityOfBirth, a.CountryOfBirth); place != "" {
		e.BirthPlaces = appendFold(e.BirthPlaces, place)
	}
}

// unFieldErr is a failure inside a child element, before it is positioned.
type unFieldErr struct {
	field string
	err   error
}

// unBirthdate adds one INDIVIDUAL_DATE_OF_BIRTH.
func (s *xmlStream) unBirthdate(e *Entity, rem *remarkLines, d unDOB, pos string) *unFieldErr {
	note := CleanText(d.Note)
	lowNote := strings.ToLower(strings.TrimSuffix(note, "."))
	var b Birthdate
	switch t := strings.ToUpper(strings.TrimSpace(d.Type)); t {
	case "EXACT", "", "BETWEEN":
	case "APPROXIMATELY":
		b.Circa = true
	default:
		s.tol.note(fmt.Sprintf("unknown TYPE_OF_DATE %q read as EXACT", shortQuote(d.Type)), pos)
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
		if b.Date, err = ParseDate(date); err != nil {
			return &unFieldErr{"DATE", err}
		}
	case year != "":
		if b.Date, err = parseYear(year); err != nil {
			return &unFieldErr{"YEAR", err}
		}
		if m, ok := monthNames[lowNote]; ok { // YEAR 1958 with NOTE "Sep."
			b.Date.Month = m
			note = ""
		}
	case from != "" || to != "":
		if from == "" {
			from, to = to, ""
		}
		if b.Date, err = parseYear(from); err != nil {
			return &unFieldErr{"FROM_YEAR", err}
		}
		if to != "" && to != from {
			if b.To, err = parseYear(to); err != nil {
				return &unFieldErr{"TO_YEAR", err}
			}
		}
	case note != "":
		// The date is only in NOTE: "Nov. 1973", "24/06/1402 (Hijri Calendar)".
		if dn, perr := ParseDate(note); perr == nil {
			b.Date = dn
			note = ""
		}
	}
	if !b.Date.IsZero() {
		e.BirthDates = appendDistinct(e.BirthDates, b)
	}
	if note != "" {
		label := "Date of birth"
		if !b.Date.IsZero() {
			label += " " + b.String()
		}
		rem.addFact(label, note)
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
		addr.Full = joinNonEmpty(", ", addr.Street, addr.City, addr.Region, addr.PostalCode, country)
		if note != "" {
			addr.Full = joinNonEmpty(" ", addr.Full, "("+strings.Trim(note, "()")+")")
		}
	}
	return addr, addr != Address{}
}

// unDocumentTo adds one INDIVIDUAL_DOCUMENT as an identifier, or to the
// remarks when it has no number.
func unDocumentTo(e *Entity, rem *remarkLines, d unDocument) {
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
	number, extra, hint := splitDocumentNumber(d.Number)
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
	note := joinNonEmpty("; ", extra, d.Note)
	if v := CleanText(d.DateOfIssue); v != "" {
		note = joinNonEmpty("; ", note, "issued "+v)
	}
	if v := CleanText(d.CityOfIssue); v != "" {
		note = joinNonEmpty("; ", note, "issued in "+v)
	}
	if number == "" {
		if note != "" {
			rem.addFact(joinNonEmpty(" ", "Document", "("+label+")"), note)
		}
		return
	}
	e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: kind, Number: number, Country: country, Label: label, Note: note})
}

// unDocumentType classifies the UN's document wording, or returns "" when
// the wording says nothing ("number:").
func unDocumentType(s string) string {
	l := strings.ToLower(s)
	switch {
	case l == "":
		return ""
	case containsAny(l, "passport", "passeport", "pasaporte", "travel document", "laissez-passer"):
		return IDPassport
	case containsAny(l, "fiscal code", "tax"):
		return IDTaxID
	case containsAny(l, "birth certificate", "ration card", "driver", "student", "voter", "military",
		"residential card", "certificate", "ex-serviceman", "fardc", "other id"):
		return IDOther
	case containsAny(l, "national", "identi", "tazkira", "civil", "personal", "social security", "id card"):
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
		if n != "" && hasLetterOrDigit(n) {
			out = append(out, n)
		}
	}
	for _, part := range splitTopLevel(s, ';') {
		for _, p := range unEnumeration.Split(part, -1) {
			p = strings.TrimSpace(p)
			outer, inner := trailingParen(p)
			listLike := inner != "" && outer != "" &&
				(strings.Contains(inner, ";") || scriptsDiffer(outer, inner) ||
					unOriginalScript.MatchString(inner))
			if !listLike {
				emit(p)
				continue
			}
			emit(outer)
			for _, n := range splitTopLevel(inner, ';') {
				emit(n)
			}
		}
	}
	return out
}
