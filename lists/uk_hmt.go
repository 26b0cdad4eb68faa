package lists

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This file holds what the CSV and the xlsx variants of OFSI's Consolidated
// List (ConList) share: the column names, the header and preamble rows, and
// the grouping of name rows into entities. ParseUKHMTCSV and ParseUKHMTXLSX
// only turn their container into rows of cells and feed them to a
// ukhmtReader. What ConList has in common with DFAT's list is in
// name_rows.go; packed "(1) … (2) …" values are split by splitPacked.

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
	cols       sheetColumns

	groups map[string]*ukhmtGroup
	order  []*ukhmtGroup
}

// ukhmtGroup accumulates the rows of one Group ID. Its remarks are the
// Other Information texts.
type ukhmtGroup struct {
	nameGroup
	listedOn  PartialDate
	lastOther string // the last Other Information cell read, as written
}

func newUKHMTReader(format Format, xlsx bool) *ukhmtReader {
	return &ukhmtReader{
		source: string(SourceUKHMT) + " " + string(format),
		xlsx:   xlsx,
		cols:   newSheetColumns(ukhmtHeaders[:]),
		groups: make(map[string]*ukhmtGroup),
	}
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
		if p.xlsx && p.cols.at[c] >= 0 {
			pe.Element = cellName(p.cols.at[c], line)
		}
	}
	return pe
}

// row consumes one row of cells; line is the CSV line or spreadsheet row.
// The cells may be reused by the caller after row returns.
func (p *ukhmtReader) row(cells []string, line int) error {
	if skipRow(cells, &p.tol, p.pos(line)) {
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
		t, ok := cellDate(raw, p.date1904)
		if !ok {
			pe := &ParseError{Source: p.source, Line: line, Field: "Last Updated", Err: valueError(raw)}
			if p.xlsx {
				pe.Element = cellName(1, line)
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
	if err := p.cols.locate(cells, ukhmtRequired, &p.tol, p.source, line, p.pos(line)); err != nil {
		return err
	}
	p.seenHeader = true
	return nil
}

// data reads one name row.
func (p *ukhmtReader) data(cells []string, line int) error {
	rawID := p.cols.raw(cells, ukGroupID)
	id := CleanText(rawID)
	switch {
	case id == "":
		return p.fail(line, ukGroupID, fmt.Errorf("%w: empty Group ID", ErrMissingField))
	case !allDigits(id):
		return p.fail(line, ukGroupID, valueError(id))
	case id != rawID:
		p.tol.note("white space around Group ID", p.pos(line))
	}

	typeRaw := p.cols.raw(cells, ukGroupType)
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
		g = &ukhmtGroup{nameGroup: nameGroup{ent: Entity{ID: SourceUKHMT.EntityID(id), Source: SourceUKHMT, Type: typ}}}
		p.groups[id] = g
		p.order = append(p.order, g)
	} else if g.ent.Type != typ {
		p.tol.note("Group Type differs between rows of one Group ID (first kept)", p.pos(line))
	}
	e := &g.ent

	// Names.
	var given []string
	for _, c := range []int{ukName1, ukName2, ukName3, ukName4, ukName5} {
		if v := p.cols.cell(cells, c); v != "" {
			given = append(given, v)
		}
	}
	family := p.cols.cell(cells, ukName6)
	full := strings.TrimSpace(strings.Join(given, " ") + " " + family)
	nonLatin := p.cols.cell(cells, ukNonLatin)
	if full == "" && nonLatin == "" {
		return p.fail(line, ukName6, fmt.Errorf("%w: a row without any name", ErrMissingField))
	}
	kind := NameAlias
	switch aliasType := p.cols.cell(cells, ukAliasType); strings.ToLower(aliasType) {
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
	if kind == NameAlias && strings.EqualFold(p.cols.cell(cells, ukAliasQuality), "low quality") {
		kind = NameWeakAlias
	}
	if kind == NamePrimary && full != "" {
		g.hasPrimary = true
	}
	if full != "" {
		if typ == TypePerson {
			g.addName(full, strings.Join(given, " "), family, kind)
		} else {
			g.addName(full, "", "", kind)
		}
	}
	if nonLatin != "" {
		// The original-script form of the row's name: never the primary.
		nk := kind
		if nk == NamePrimary {
			nk = NameAlias
		}
		g.addName(nonLatin, "", "", nk)
	}

	// Titles and positions.
	for _, c := range []int{ukTitle, ukPosition} {
		for _, v := range splitPacked(p.cols.cell(cells, c)) {
			e.Titles = appendFold(e.Titles, v)
		}
	}

	// Date of birth: dd/mm/yyyy with 00 for unknown parts, mm/yyyy or yyyy.
	if dob := p.cols.cell(cells, ukDOB); dob != "" {
		d, ok := cellPartialDate(dob, p.date1904)
		if ok {
			e.BirthDates = appendDistinct(e.BirthDates, Birthdate{Date: d})
		} else {
			p.tol.note("DOB not understood (kept in remarks)", p.pos(line))
			g.notes = appendFold(g.notes, "DOB: "+dob)
		}
	}

	// Places of birth: towns and countries may both be packed.
	for _, place := range ukhmtPairPlaces(splitPacked(p.cols.cell(cells, ukTownOfBirth)), splitPacked(p.cols.cell(cells, ukCountryOfBirth))) {
		e.BirthPlaces = appendFold(e.BirthPlaces, place)
	}

	// Nationalities.
	for _, v := range splitPacked(p.cols.cell(cells, ukNationality)) {
		codes, rest := countryCodes(v)
		for _, c := range codes {
			e.Nationalities = appendFold(e.Nationalities, c)
		}
		for _, r := range rest {
			p.tol.note("Nationality not a known country (kept in remarks)", p.pos(line))
			g.notes = appendFold(g.notes, "Nationality: "+r)
		}
	}

	// Documents.
	for _, id := range ukhmtIdentifiers(p.cols.cell(cells, ukPassportNumber), p.cols.cell(cells, ukPassportDetails), IDPassport, "Passport Number") {
		e.Identifiers = appendIdentifier(e.Identifiers, id)
	}
	for _, id := range ukhmtIdentifiers(p.cols.cell(cells, ukNINumber), p.cols.cell(cells, ukNIDetails), IDNationalID, "National Identification Number") {
		e.Identifiers = appendIdentifier(e.Identifiers, id)
	}

	// Address.
	if a, ok := p.address(cells); ok {
		e.Addresses = appendAddress(e.Addresses, a)
	}

	// Other Information: kept whole, with the structured facts lifted out.
	// A group repeats it on every row; read it again only when it changes.
	if raw := p.cols.raw(cells, ukOtherInfo); raw != g.lastOther {
		g.lastOther = raw
		if other := cleaned(raw); other != "" {
			g.remarks = appendFold(g.remarks, other)
			p.otherInformation(g, other, line)
		}
	}

	if regime := p.cols.cell(cells, ukRegime); regime != "" {
		e.Programs = appendFold(e.Programs, regime)
	}
	if listed := p.cols.cell(cells, ukListedOn); listed != "" {
		d, ok := cellPartialDate(listed, p.date1904)
		switch {
		case !ok:
			p.tol.note("Listed On not understood (kept in remarks)", p.pos(line))
			g.notes = appendFold(g.notes, "Listed On: "+listed)
		case g.listedOn.IsZero() || earlier(d, g.listedOn):
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
		if v := p.cols.cell(cells, c); v != "" {
			street = append(street, v)
			all = append(all, v)
		}
	}
	city := p.cols.cell(cells, ukAddress6)
	post := p.cols.cell(cells, ukPostCode)
	country := p.cols.cell(cells, ukCountry)
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
		e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: IDOther, Number: v, Label: "UK Sanctions List Ref"})
	}
	for _, v := range ukhmtTaggedRefs(s, "(UN Ref):") {
		e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: IDOther, Number: v, Label: "UN Ref"})
	}
	if v := ukhmtTagged(s, "(IMO number):"); v != "" {
		if len(v) == 7 && allDigits(v) {
			e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: IDIMO, Number: v, Label: "IMO number"})
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
	if err := tableEnd(p.source, p.seenHeader, len(p.order)); err != nil {
		return nil, err
	}
	out := make([]Entity, 0, len(p.order))
	for _, g := range p.order {
		e := g.entity(&p.tol, "Group ID without a Primary name row (first name made primary)")
		e.ListedOn = g.listedOn
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

// ukhmtRefCode accepts reference codes such as "RUS1831", "GHR0086" or
// "QDi.028": letters, digits and inner dots, with at least one letter and
// one digit, at most 20 bytes.
func ukhmtRefCode(s string) bool {
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
		if !ukhmtRefCode(v) {
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
		id.Country = ukhmtIssuingCountry(id.Note)
		out = append(out, id)
	}
	return out
}

// ukhmtIssuingCountry reads a country from the first words of a document note.
func ukhmtIssuingCountry(note string) string {
	if note == "" {
		return ""
	}
	head := note
	if i := strings.IndexAny(head, ",.;(:"); i >= 0 {
		head = head[:i]
	}
	lower := lowerASCII(head)
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
