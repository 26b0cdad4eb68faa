package lists

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseCustomCSV parses a host's own list (an internal blocklist, a list of
// former customers refused for fraud, ...) written in Sieve's CUSTOM CSV
// format. The format is strict so that typing mistakes are caught when the
// list is loaded, not missed when it is screened. docs/custom-csv.md is the
// full description; in short:
//
//	# published: 2026-01-31
//	id,type,name,aliases,dob,nationality,country,identifiers,programs,listed_on,remarks
//	bl-0001,person,Jonathan Q. Example,Jon Example;J. Q. Example,1971-03;~1970,GB,ES,passport:X0000001:GB,FRAUD,2025-11-02,chargeback ring
//
// The file is UTF-8, with or without a byte-order mark. Lines starting
// with "#" before the header are comments; "# published: <date>" (an ISO
// date or an RFC 3339 time) sets List.Published. The header names the
// columns, in any order and case-insensitively; id and name are required,
// the others optional, and a column not listed here is an error:
//
//   - id: the host's key, unique in the file, without white space; the
//     entity ID is "custom:<id>".
//   - name: the primary name.
//   - type: person, organization, vessel, aircraft, unknown or empty.
//   - aliases: more names, ";"-separated.
//   - dob: dates of birth, ";"-separated: 1971-03-09, 1971-03 or 1971;
//     "~1970" is circa 1970 and "1968..1972" a range of years.
//   - nationality: ";"-separated ISO 3166 alpha-2 codes or English country
//     names; they are Nationalities.
//   - country: the same, for the country of residence, registration or
//     flag; each becomes an address with only a Country.
//   - identifiers: ";"-separated "type:number" or "type:number:CC", where
//     type is one of the ID* constants (passport, national_id, tax_id,
//     registration, imo, mmsi, call_sign, crypto_address, swift_bic,
//     email, website, phone, aircraft, other) and CC the issuing country
//     (ISO alpha-2). The number may contain ":" (a URL).
//   - programs: ";"-separated program or reason codes, kept as Programs.
//   - listed_on: an ISO date, full or partial.
//   - remarks: free text.
//
// Every row must have as many fields as the header; blank lines are
// skipped. Errors are *ParseError values with the line and the column:
// a missing id or name wraps ErrMissingField; a repeated id, an unknown
// column or type, a date, country or identifier that does not read, and
// bytes that are not UTF-8 wrap ErrInvalidValue; broken quoting or a
// wrong field count wraps ErrSyntax. A file without rows is ErrEmpty.
func ParseCustomCSV(r io.Reader) (*List, error) {
	const source = string(SourceCustom) + " " + string(FormatCustomCSV)
	dr := newDigestReader(r)
	var tol tolerances
	br := bufio.NewReaderSize(dr, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
	}
	list := &List{Source: SourceCustom, Format: FormatCustomCSV}
	lines, err := customComments(br, source, list)
	if err != nil {
		return nil, err
	}
	t := newNamedCSV(br, source, &tol)
	t.strict = true
	t.offset = lines
	t.r.FieldsPerRecord = 0
	if err := t.readHeader("id", "name"); err != nil {
		return nil, err
	}
	for i, c := range t.names {
		if c == "" {
			return nil, t.errorf(fmt.Sprintf("column %d", i+1), fmt.Errorf("%w: empty column name", ErrInvalidValue))
		}
		if !customColumns[c] {
			return nil, t.errorf(c, fmt.Errorf("%w: unknown column (known: id, name, type, aliases, dob, "+
				"nationality, country, identifiers, programs, listed_on, remarks)", ErrInvalidValue))
		}
	}
	seen := make(map[string]int)
	for {
		err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		e, err := customRow(t)
		if err != nil {
			return nil, err
		}
		if first, dup := seen[e.ID]; dup {
			return nil, t.errorf("id", fmt.Errorf("%w: id %q repeats line %d", ErrInvalidValue, t.get("id"), first))
		}
		seen[e.ID] = t.line
		list.Entities = append(list.Entities, *e)
	}
	return finishList(list, dr, &tol, source)
}

// customColumns are the columns of the CUSTOM format.
var customColumns = map[string]bool{
	"id": true, "name": true, "type": true, "aliases": true, "dob": true,
	"nationality": true, "country": true, "identifiers": true, "programs": true,
	"listed_on": true, "remarks": true,
}

// customIDTypes are the identifier types a CUSTOM file may use.
var customIDTypes = map[string]bool{
	IDPassport: true, IDNationalID: true, IDTaxID: true, IDRegistration: true, IDIMO: true,
	IDMMSI: true, IDCallSign: true, IDCrypto: true, IDSWIFT: true, IDEmail: true,
	IDWebsite: true, IDPhone: true, IDAircraft: true, IDOther: true,
}

// customComments consumes the comment and blank lines before the header,
// setting list.Published from "# published: ...". It returns how many
// lines it consumed.
func customComments(br *bufio.Reader, source string, list *List) (int, error) {
	n := 0
	for {
		b, err := br.Peek(1)
		if err != nil || (b[0] != '#' && b[0] != '\n' && b[0] != '\r') {
			return n, nil
		}
		line, err := br.ReadString('\n')
		n++
		if err != nil && err != io.EOF {
			return n, fmt.Errorf("%s: %w", source, err)
		}
		if !utf8.ValidString(line) {
			return n, &ParseError{Source: source, Line: n, Err: fmt.Errorf("%w: comment is not UTF-8", ErrInvalidValue)}
		}
		key, value, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "#"), ":")
		if ok && strings.EqualFold(strings.TrimSpace(key), "published") {
			if !list.Published.IsZero() {
				return n, &ParseError{Source: source, Line: n, Field: "published",
					Err: fmt.Errorf("%w: published is given twice", ErrInvalidValue)}
			}
			t, err := customTime(value)
			if err != nil {
				return n, &ParseError{Source: source, Line: n, Field: "published", Err: err}
			}
			list.Published = t
		}
		if err == io.EOF {
			return n, nil
		}
	}
}

// customTime reads the published date: an ISO date or an RFC 3339 time.
func customTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, valueError(s)
}

// customRow converts the current row of a CUSTOM file.
func customRow(t *namedCSV) (*Entity, error) {
	id := t.get("id")
	if id == "" {
		return nil, t.errorf("id", ErrMissingField)
	}
	if strings.HasPrefix(id, "#") || strings.IndexFunc(id, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}) >= 0 {
		return nil, t.errorf("id", fmt.Errorf("%w: white space or a leading # in id %q", ErrInvalidValue, id))
	}
	name := CleanText(t.field("name"))
	if name == "" {
		return nil, t.errorf("name", ErrMissingField)
	}
	e := &Entity{ID: SourceCustom.EntityID(id), Source: SourceCustom}
	switch w := strings.ToLower(t.get("type")); w {
	case "", "unknown":
	case "person":
		e.Type = TypePerson
	case "organization":
		e.Type = TypeOrganization
	case "vessel":
		e.Type = TypeVessel
	case "aircraft":
		e.Type = TypeAircraft
	default:
		return nil, t.errorf("type", fmt.Errorf("%w: %q (want person, organization, vessel, aircraft or unknown)",
			ErrInvalidValue, t.get("type")))
	}
	e.AddName(name, NamePrimary)
	for _, a := range t.splitField("aliases", ";") {
		e.AddName(a, NameAlias)
	}
	for _, d := range t.splitField("dob", ";") {
		b, err := customBirthdate(d)
		if err != nil {
			return nil, t.errorf("dob", err)
		}
		e.BirthDates = appendDistinct(e.BirthDates, b)
	}
	for _, c := range t.splitField("nationality", ";") {
		iso, ok := NormalizeCountry(c)
		if !ok {
			return nil, t.errorf("nationality", fmt.Errorf("%w: not a country", valueError(c)))
		}
		e.Nationalities = appendDistinct(e.Nationalities, iso)
	}
	for _, c := range t.splitField("country", ";") {
		iso, ok := NormalizeCountry(c)
		if !ok {
			return nil, t.errorf("country", fmt.Errorf("%w: not a country", valueError(c)))
		}
		e.Addresses = appendDistinct(e.Addresses, Address{Country: iso})
	}
	for _, s := range t.splitField("identifiers", ";") {
		id, err := customIdentifier(s)
		if err != nil {
			return nil, t.errorf("identifiers", err)
		}
		e.Identifiers = appendDistinct(e.Identifiers, id)
	}
	e.Programs = appendDistinct(e.Programs, t.splitField("programs", ";")...)
	if s := t.get("listed_on"); s != "" {
		d, err := customISODate(s)
		if err != nil {
			return nil, t.errorf("listed_on", err)
		}
		e.ListedOn = d
	}
	e.Remarks = strings.TrimSpace(t.field("remarks"))
	return e, nil
}

// customIdentifier reads "type:number" or "type:number:CC".
func customIdentifier(s string) (Identifier, error) {
	typ, number, ok := strings.Cut(s, ":")
	typ = strings.ToLower(strings.TrimSpace(typ))
	if !ok || !customIDTypes[typ] {
		return Identifier{}, fmt.Errorf("%w: want type:number[:country] with a known type", valueError(s))
	}
	id := Identifier{Type: typ}
	if i := strings.LastIndexByte(number, ':'); i >= 0 {
		cc := strings.TrimSpace(number[i+1:])
		if len(cc) == 2 && isUpperASCII(strings.ToUpper(cc)) {
			iso, ok := NormalizeCountry(cc)
			if !ok {
				return Identifier{}, fmt.Errorf("%w: unknown issuing country", valueError(s))
			}
			id.Country = iso
			number = number[:i]
		}
	}
	id.Number = strings.TrimSpace(number)
	if id.Number == "" {
		return Identifier{}, fmt.Errorf("%w: empty number", valueError(s))
	}
	return id, nil
}

// customBirthdate reads 1971-03-09, 1971-03, 1971, ~1970 (circa) or
// 1968..1972 (a range).
func customBirthdate(s string) (Birthdate, error) {
	var b Birthdate
	rest, circa := strings.CutPrefix(strings.TrimSpace(s), "~")
	b.Circa = circa
	from, to, isRange := strings.Cut(rest, "..")
	var err error
	if b.Date, err = customISODate(from); err != nil {
		return Birthdate{}, err
	}
	if isRange {
		if b.To, err = customISODate(to); err != nil {
			return Birthdate{}, err
		}
		if b.To.String() < b.Date.String() {
			return Birthdate{}, fmt.Errorf("%w: range ends before it starts", valueError(s))
		}
	}
	return b, nil
}

// customISODate reads YYYY, YYYY-MM or YYYY-MM-DD, and nothing else: a
// day-first date such as 03/04/1971 is ambiguous.
func customISODate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	switch len(s) {
	case 4, 7, 10:
	default:
		return PartialDate{}, fmt.Errorf("%w: want YYYY, YYYY-MM or YYYY-MM-DD", valueError(s))
	}
	for i := 0; i < len(s); i++ {
		if (i == 4 || i == 7) != (s[i] == '-') || (s[i] != '-' && (s[i] < '0' || s[i] > '9')) {
			return PartialDate{}, fmt.Errorf("%w: want YYYY, YYYY-MM or YYYY-MM-DD", valueError(s))
		}
	}
	return ParseDate(s)
}
