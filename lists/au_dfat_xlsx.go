package lists

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ParseAUDFATXLSX reads the Australian Sanctions Consolidated List that
// DFAT publishes as regulation8_consolidated.xlsx (the first sheet). Row 1 is
// the header; columns are found by header name, whatever their order, case
// or surrounding spaces. Every later row is one name of a party.
//
// The Reference column ties rows together: "2", "2a", "2b" and "2a1" are
// names of the same party, whose ID is "au-dfat:2" (the base number, without
// leading zeros). Rows of a party need not be adjacent; entities keep the
// order in which their base number first appears. For each row:
//
//   - Type (Individual or Entity) gives the entity type;
//   - Name of Individual or Entity is a name whose kind comes from Name Type:
//     "Primary Name" the primary name, "aka" an alias, "Original Script" an
//     alias in its own script, "Formerly known as" and "Previously listed as"
//     (also a trailing "(previously listed as)" in the name) a former name.
//     A party without a primary row gets its first name promoted;
//   - Date of Birth is free text ("a) Approximately 1955- 1958 b) 12/05/1960",
//     "1 Jan. 1960", "Between 1965 and 1969", "circa 1970", ...) or an Excel
//     date; each date or range it states becomes a birth date (a range is
//     Date..To, "approximately" and "circa" set Circa). Pieces it cannot read
//     are not an error: the whole text is kept in Remarks and noted in
//     List.Tolerated;
//   - Place of Birth (possibly a lettered list) becomes birth places;
//   - Citizenship becomes ISO 3166 alpha-2 codes (countries or nationality
//     words, possibly several); what does not map stays in Remarks;
//   - Address (possibly a lettered list) becomes addresses, the country read
//     from the last comma-separated part;
//   - Additional Information and Listing Information are kept in Remarks,
//     and a "Listed on <date>" in Listing Information becomes ListedOn;
//   - Committees becomes Programs.
//
// Control Date is an Excel date: the date the record was last changed, not
// its listing date, so it is not ListedOn. The file states no publication
// date, so List.Published is the newest Control Date in the file.
//
// Mixed case and trailing spaces in Type and Name Type, blank rows, white
// space around references and dates stored as numbers are tolerated and
// listed in List.Tolerated. Errors are [*ParseError]s with the spreadsheet
// row as Line and the cell as Element: input that is not an xlsx workbook
// wraps [ErrSyntax]; a header without the Reference, Name of Individual or
// Entity, Type or Name Type column, or a row with an empty Reference or
// name, wraps [ErrMissingField]; a Reference that does not start with a
// number or an unknown Type wraps [ErrInvalidValue]; a sheet without parties
// wraps [ErrEmpty]. The workbook is read into memory (see [ParseUKHMTXLSX]
// for the limits) and its rows are streamed.
func ParseAUDFATXLSX(r io.Reader) (*List, error) {
	p := &audfatReader{
		source:  string(SourceAUDFAT) + " " + string(FormatAUDFATXLSX),
		cols:    newSheetColumns(audfatHeaders[:]),
		parties: make(map[string]*audfatParty),
	}
	digest, err := readWorkbook(r, p.source, "", &p.date1904, p.row)
	if err != nil {
		return nil, err
	}
	return p.finish(digest)
}

// The DFAT columns, located by header name.
const (
	auReference = iota
	auName
	auType
	auNameType
	auDOB
	auPlaceOfBirth
	auCitizenship
	auAddress
	auAdditionalInfo
	auListingInfo
	auCommittees
	auControlDate
	auNumColumns
)

var audfatHeaders = [auNumColumns]string{
	"Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth",
	"Place of Birth", "Citizenship", "Address", "Additional Information",
	"Listing Information", "Committees", "Control Date",
}

var audfatRequired = []int{auReference, auName, auType, auNameType}

// audfatReader turns DFAT rows into parties.
type audfatReader struct {
	source     string
	tol        tolerances
	date1904   bool
	seenHeader bool
	cols       sheetColumns
	parties    map[string]*audfatParty
	order      []*audfatParty
	newest     time.Time // the newest Control Date
}

// audfatParty accumulates the rows of one base reference. Its remarks are
// the Additional and Listing Information texts.
type audfatParty struct {
	nameGroup
	typed bool
}

func (p *audfatReader) pos(row int) string { return "row " + strconv.Itoa(row) }

func (p *audfatReader) fail(row, c int, err error) error {
	return &ParseError{Source: p.source, Line: row, Element: cellName(p.cols.at[c], row),
		Field: audfatHeaders[c], Err: err}
}

// row reads one row: the header is the first row that is not blank.
func (p *audfatReader) row(cells []string, row int) error {
	if skipRow(cells, &p.tol, p.pos(row)) {
		return nil
	}
	if !p.seenHeader {
		if err := p.cols.locate(cells, audfatRequired, &p.tol, p.source, row, p.pos(row)); err != nil {
			return err
		}
		p.seenHeader = true
		return nil
	}
	return p.data(cells, row)
}

// audfatSplitReference splits "2a1" into base "2" and suffix "a1". The base loses
// leading zeros; the suffix must be letters followed by digits.
func audfatSplitReference(ref string) (base, suffix string, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= '0' && ref[i] <= '9' {
		i++
	}
	if i == 0 || i > 12 {
		return "", "", false
	}
	base = strings.TrimLeft(ref[:i], "0")
	if base == "" {
		base = "0"
	}
	suffix = strings.TrimSpace(ref[i:])
	j := 0
	for j < len(suffix) && (suffix[j] >= 'a' && suffix[j] <= 'z' || suffix[j] >= 'A' && suffix[j] <= 'Z') {
		j++
	}
	for k := j; k < len(suffix); k++ {
		if suffix[k] < '0' || suffix[k] > '9' {
			return "", "", false
		}
	}
	if j > 3 || len(suffix)-j > 3 {
		return "", "", false
	}
	return base, suffix, true
}

func (p *audfatReader) data(cells []string, row int) error {
	rawRef := p.cols.raw(cells, auReference)
	ref := CleanText(rawRef)
	if ref == "" {
		return p.fail(row, auReference, fmt.Errorf("%w: empty Reference", ErrMissingField))
	}
	base, suffix, ok := audfatSplitReference(ref)
	if !ok {
		return p.fail(row, auReference, valueError(ref))
	}
	if ref != rawRef {
		p.tol.note("white space around Reference", p.pos(row))
	}

	name := p.cols.cell(cells, auName)
	if name == "" {
		return p.fail(row, auName, fmt.Errorf("%w: empty name", ErrMissingField))
	}

	typ := TypeUnknown
	typeRaw := p.cols.raw(cells, auType)
	switch t := CleanText(typeRaw); {
	case t == "":
		p.tol.note("empty Type (the party's other rows decide)", p.pos(row))
	default:
		v, err := ParseEntityType(t)
		if err != nil || v == TypeUnknown {
			return p.fail(row, auType, valueError(t))
		}
		typ = v
		if typeRaw != "Individual" && typeRaw != "Entity" {
			p.tol.note("Type with other case or trailing spaces", p.pos(row))
		}
	}

	party := p.parties[base]
	if party == nil {
		party = &audfatParty{nameGroup: nameGroup{ent: Entity{ID: SourceAUDFAT.EntityID(base), Source: SourceAUDFAT}}}
		p.parties[base] = party
		p.order = append(p.order, party)
	}
	e := &party.ent
	if typ != TypeUnknown {
		switch {
		case !party.typed:
			e.Type, party.typed = typ, true
		case e.Type != typ:
			p.tol.note("Type differs between rows of one party (first kept)", p.pos(row))
		}
	}

	// Name and its kind.
	nameTypeRaw := p.cols.raw(cells, auNameType)
	kind := NameAlias
	switch nt := strings.ToLower(CleanText(nameTypeRaw)); nt {
	case "primary name", "aka", "original script", "formerly known as", "previously listed as":
		if nt == "primary name" {
			kind = NamePrimary
		} else if nt == "formerly known as" || nt == "previously listed as" {
			kind = NameFormerly
		}
		switch nameTypeRaw {
		case "Primary Name", "aka", "Original Script", "Formerly known as", "Previously listed as":
		default:
			p.tol.note("Name Type with other case or trailing spaces", p.pos(row))
		}
	case "":
		if suffix == "" {
			kind = NamePrimary
		}
		p.tol.note("empty Name Type (read from the Reference)", p.pos(row))
	default:
		p.tol.note("unknown Name Type (read as an alias)", p.pos(row))
	}
	names, former := audfatNames(name)
	if former {
		kind = NameFormerly
	}
	for _, n := range names {
		party.addName(n, "", "", kind)
	}
	if kind == NamePrimary {
		party.hasPrimary = true
	}

	// Date of birth.
	if dob := p.cols.cell(cells, auDOB); dob != "" {
		bds, ok := parseDFATBirthdates(dob, p.date1904)
		for _, b := range bds {
			e.BirthDates = appendDistinct(e.BirthDates, b)
		}
		if !ok {
			p.tol.note("Date of Birth partly not understood (kept in remarks)", p.pos(row))
			party.notes = appendFold(party.notes, "Date of birth: "+dob)
		}
	}

	for _, place := range splitLettered(p.cols.cell(cells, auPlaceOfBirth)) {
		if !audfatNA(place) {
			e.BirthPlaces = appendFold(e.BirthPlaces, place)
		}
	}

	if cit := p.cols.cell(cells, auCitizenship); cit != "" && !audfatNA(cit) {
		for _, piece := range splitLettered(cit) {
			codes, rest := countryCodes(piece)
			for _, c := range codes {
				e.Citizenships = appendFold(e.Citizenships, c)
			}
			for _, r := range rest {
				p.tol.note("Citizenship not a known country (kept in remarks)", p.pos(row))
				party.notes = appendFold(party.notes, "Citizenship: "+r)
			}
		}
	}

	for _, piece := range splitLettered(p.cols.cell(cells, auAddress)) {
		if audfatNA(piece) {
			continue
		}
		e.Addresses = appendAddress(e.Addresses, Address{Full: piece, Country: audfatAddressCountry(piece)})
	}

	if info := p.cols.cell(cells, auAdditionalInfo); info != "" {
		party.remarks = appendFold(party.remarks, info)
	}
	if listing := p.cols.cell(cells, auListingInfo); listing != "" {
		party.remarks = appendFold(party.remarks, listing)
		if d, ok := audfatListedOn(listing); ok && (e.ListedOn.IsZero() || earlier(d, e.ListedOn)) {
			e.ListedOn = d
		}
	}
	if c := p.cols.cell(cells, auCommittees); c != "" {
		e.Programs = appendFold(e.Programs, c)
	}
	if cd := p.cols.cell(cells, auControlDate); cd != "" {
		t, ok := cellDate(cd, p.date1904)
		switch {
		case !ok:
			p.tol.note("Control Date not a date (ignored)", p.pos(row))
		case t.After(p.newest):
			p.newest = t
		}
	}
	return nil
}

func (p *audfatReader) finish(digest string) (*List, error) {
	if err := tableEnd(p.source, p.seenHeader, len(p.order)); err != nil {
		return nil, err
	}
	out := make([]Entity, 0, len(p.order))
	for _, party := range p.order {
		e := party.entity(&p.tol, "party without a Primary Name row (first name made primary)")
		if !party.typed {
			p.tol.note("party without a Type (unknown)", e.ID)
		}
		out = append(out, e)
	}
	return &List{
		Source:    SourceAUDFAT,
		Format:    FormatAUDFATXLSX,
		Published: p.newest,
		SHA256:    digest,
		Entities:  out,
		Tolerated: p.tol.list(),
	}, nil
}

// audfatNA reports DFAT's placeholders for "no value".
func audfatNA(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "na", "n/a", "-", "unknown", "not known":
		return true
	}
	return false
}

// audfatNames reads a DFAT name cell. A name marked "(previously listed as)"
// or "(formerly listed as)" is a former name, and the Arabic form such a
// note may carry ("(Previously listed as. In Arabic: …)") is a second one.
func audfatNames(name string) (names []string, former bool) {
	lower := lowerASCII(name)
	i := strings.Index(lower, "(previously listed as")
	if i < 0 {
		i = strings.Index(lower, "(formerly listed as")
	}
	if i < 0 {
		return []string{name}, false
	}
	names = append(names, strings.TrimSpace(name[:i]))
	note := name[i:]
	if j := strings.Index(lowerASCII(note), "in arabic:"); j >= 0 {
		arabic := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(note[j+len("in arabic:"):]), ")"))
		if arabic != "" {
			names = append(names, arabic)
		}
	}
	return names, true
}

// audfatAddressCountry reads the country of a one-line address from its last
// comma-separated part ("Tehran, Iran" is IR), ignoring a parenthesised note.
func audfatAddressCountry(s string) string {
	last := s
	if i := strings.LastIndexByte(last, ','); i >= 0 {
		last = last[i+1:]
	}
	if i := strings.IndexByte(last, '('); i > 0 {
		last = last[:i]
	}
	if c, ok := NormalizeCountry(trimListPiece(last)); ok {
		return c
	}
	return ""
}

// audfatListedOn finds "Listed on 12 Apr. 2000" (also "Listed on: …", "Listed
// by UN 1267 Committee on 25 January 2001") in DFAT's Listing Information.
func audfatListedOn(s string) (PartialDate, bool) {
	lower := lowerASCII(s)
	i := strings.Index(lower, "listed")
	if i < 0 || i > 20 {
		return PartialDate{}, false
	}
	j := strings.Index(lower[i:], " on")
	if j < 0 || j > 40 {
		return PartialDate{}, false
	}
	rest := strings.TrimLeft(s[i+j+len(" on"):], ": ")
	words := strings.Fields(rest)
	if len(words) < 3 {
		return PartialDate{}, false
	}
	words[2] = strings.TrimRight(words[2], ".,;)")
	d, err := ParseDate(strings.Join(words[:3], " "))
	if err != nil || d.Day == 0 {
		return PartialDate{}, false
	}
	return d, true
}

// dfatToken is one token of a free-text date of birth.
type dfatToken struct {
	kind dfatKind
	n    int         // dfatYear, dfatDay: the number; dfatMonth: 1..12
	date PartialDate // dfatDate, dfatRange, dfatEither: the (first) date
	to   PartialDate // dfatRange: the range end; dfatEither: the other year
	text string      // dfatParen: the text inside the parentheses
	conn string      // dfatConn: "to", "and" or "-"
}

type dfatKind int

const (
	dfatUnknown dfatKind = iota
	dfatYear             // 1960
	dfatDay              // 12 or "12."
	dfatMonth            // Jan, January, Jan., Aprl
	dfatDate             // 12/05/1960, 1960-05-12, 19-Dec-1992
	dfatRange            // 1955-1958
	dfatEither           // 1977/1978: one year or the other
	dfatCirca            // approximately, approx, circa, c., about
	dfatBetween          // between
	dfatConn             // to, and, -
	dfatSep              // , ; or >> a) b) …
	dfatIgnore           // alt, DOB
	dfatParen            // ( … )
)

// parseDFATBirthdates reads DFAT's free-text Date of Birth. It returns every
// date and range it recognizes, and ok=false when some part of the text was
// not understood (words it does not know, a day and month without a year, a
// date in the Hijri calendar, a parenthesised note), so that the caller keeps
// the text in remarks. Placeholders such as "na" are no date and no problem.
func parseDFATBirthdates(s string, date1904 bool) (out []Birthdate, ok bool) {
	s = CleanText(s)
	if audfatNA(s) {
		return nil, true
	}
	if len(s) == 5 && allDigits(s) {
		if t, good := excelSerial(s, date1904); good {
			return []Birthdate{{Date: PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}}}, true
		}
	}
	toks := dfatTokens(s)
	ok = true
	circa, between, pendingRange := false, false, false
	last := -1 // index in out of the date just read, while it can start a range
	emit := func(b Birthdate) {
		if !b.Date.valid() || (!b.To.IsZero() && !b.To.valid()) {
			ok = false
			last = -1
			return
		}
		if pendingRange && last >= 0 && out[last].To.IsZero() && b.To.IsZero() {
			out[last].To = b.Date
			pendingRange, between, last = false, false, -1
			return
		}
		if pendingRange {
			ok = false // a connector without a start
		}
		b.Circa = b.Circa || circa
		out = append(out, b)
		last = len(out) - 1
		if !b.To.IsZero() {
			last = -1
		}
		circa, pendingRange = false, false
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.kind {
		case dfatCirca:
			circa = true
			i++
		case dfatBetween:
			between = true
			i++
		case dfatConn:
			if t.conn == "and" && !between {
				last, pendingRange = -1, false
			} else if last >= 0 {
				pendingRange = true
			} else {
				ok = false
			}
			i++
		case dfatSep:
			last, pendingRange, between, circa = -1, false, false, false
			i++
		case dfatIgnore:
			i++
		case dfatParen:
			if strings.Contains(strings.ToLower(t.text), "hijri") && last >= 0 && last == len(out)-1 {
				out = out[:last] // a Hijri date read as Gregorian would be wrong
			}
			ok = false // the note is kept with the text in remarks
			last = -1
			i++
		case dfatRange:
			emit(Birthdate{Date: t.date, To: t.to})
			i++
		case dfatEither:
			c := circa
			emit(Birthdate{Date: t.date})
			circa, last = c, -1
			emit(Birthdate{Date: t.to})
			last = -1 // "1977/1978 to 1980" is too unclear to make a range
			i++
		default:
			d, n := dfatTakeDate(toks[i:])
			if n == 0 {
				ok = false
				i++
				continue
			}
			emit(Birthdate{Date: d})
			i += n
		}
	}
	if pendingRange {
		ok = false
	}
	return out, ok
}

// dfatTakeDate reads one date from the start of toks: a whole-date token,
// day month year, month day [,] year, month [,] year, or a year. It returns
// the number of tokens used, 0 when toks does not start with a date.
func dfatTakeDate(toks []dfatToken) (PartialDate, int) {
	at := func(i int, k dfatKind) bool { return i < len(toks) && toks[i].kind == k }
	switch {
	case at(0, dfatDate):
		return toks[0].date, 1
	case at(0, dfatDay) && at(1, dfatMonth) && at(2, dfatYear):
		return PartialDate{Year: toks[2].n, Month: toks[1].n, Day: toks[0].n}, 3
	case at(0, dfatMonth) && at(1, dfatDay) && at(2, dfatYear):
		return PartialDate{Year: toks[2].n, Month: toks[0].n, Day: toks[1].n}, 3
	case at(0, dfatMonth) && at(1, dfatDay) && at(2, dfatSep) && at(3, dfatYear):
		return PartialDate{Year: toks[3].n, Month: toks[0].n, Day: toks[1].n}, 4
	case at(0, dfatMonth) && at(1, dfatYear):
		return PartialDate{Year: toks[1].n, Month: toks[0].n}, 2
	case at(0, dfatMonth) && at(1, dfatSep) && at(2, dfatYear):
		return PartialDate{Year: toks[2].n, Month: toks[0].n}, 3
	case at(0, dfatYear):
		return PartialDate{Year: toks[0].n}, 1
	}
	return PartialDate{}, 0
}

// dfatTokens splits a date-of-birth text into tokens.
func dfatTokens(s string) []dfatToken {
	var toks []dfatToken
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			toks = append(toks, dfatClassify(word.String())...)
			word.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(':
			flush()
			j := strings.IndexByte(s[i:], ')')
			if j < 0 {
				j = len(s) - i
			}
			toks = append(toks, dfatToken{kind: dfatParen, text: s[i:min(i+j+1, len(s))]})
			i += j
		case c == ' ':
			flush()
		case c == ',' || c == ';':
			flush()
			toks = append(toks, dfatToken{kind: dfatSep})
		default:
			word.WriteByte(c)
		}
	}
	flush()
	return toks
}

// dfatClassify turns one space-free word into tokens.
func dfatClassify(w string) []dfatToken {
	lower := strings.ToLower(w)
	switch lower {
	case "approximately", "approx", "approx.", "approximate", "circa", "c.", "ca.", "about", "around":
		return []dfatToken{{kind: dfatCirca}}
	case "between":
		return []dfatToken{{kind: dfatBetween}}
	case "to", "and", "-", "–", "until":
		conn := lower
		if conn == "–" {
			conn = "-"
		}
		return []dfatToken{{kind: dfatConn, conn: conn}}
	case "or", ">>", "/":
		return []dfatToken{{kind: dfatSep}}
	case "alt", "alt.", "dob", "dob:", "alt.dob:", "alternative", ":":
		return []dfatToken{{kind: dfatIgnore}}
	}
	// A list marker "a)" or "b)1937".
	if len(w) >= 2 && w[1] == ')' && ('a' <= w[0] && w[0] <= 'z') {
		return append([]dfatToken{{kind: dfatSep}}, dfatClassifyRest(w[2:])...)
	}
	if w == ")" {
		return []dfatToken{{kind: dfatSep}}
	}
	w = strings.TrimRight(w, ".:")
	lower = strings.ToLower(w)
	if w == "" {
		return nil
	}
	// Numbers: a year, or a day.
	if allDigits(w) {
		n, _ := strconv.Atoi(w)
		switch len(w) {
		case 4:
			return []dfatToken{{kind: dfatYear, n: n}}
		case 1, 2:
			return []dfatToken{{kind: dfatDay, n: n}}
		}
		return []dfatToken{{kind: dfatUnknown}}
	}
	// 1955- (a range follows), 1955-1958, 1977/1978 (either year).
	if len(w) == 5 && allDigits(w[:4]) && (w[4] == '-') {
		n, _ := strconv.Atoi(w[:4])
		return []dfatToken{{kind: dfatYear, n: n}, {kind: dfatConn, conn: "-"}}
	}
	if len(w) == 9 && allDigits(w[:4]) && allDigits(w[5:]) && (w[4] == '-' || w[4] == '/') {
		a, _ := strconv.Atoi(w[:4])
		b, _ := strconv.Atoi(w[5:])
		kind := dfatRange
		if w[4] == '/' {
			kind = dfatEither
		}
		return []dfatToken{{kind: kind, date: PartialDate{Year: a}, to: PartialDate{Year: b}}}
	}
	// Month names: Jan, January, Jan., and misspellings sharing the first
	// three letters ("Aprl").
	if m, ok := monthNames[lower]; ok {
		return []dfatToken{{kind: dfatMonth, n: m}}
	}
	if len(lower) >= 3 && len(lower) <= 9 && isLetters(lower) {
		if m, ok := monthNames[lower[:3]]; ok {
			return []dfatToken{{kind: dfatMonth, n: m}}
		}
	}
	// 19-Dec-1992, 29-Aprl-1967.
	if parts := strings.Split(w, "-"); len(parts) == 3 && isLetters(parts[1]) && len(parts[1]) >= 3 {
		day, okDay := atoi(parts[0])
		m, okMonth := monthNames[strings.ToLower(parts[1][:3])]
		year, okYear := atoi(parts[2])
		if okDay && okMonth && okYear && len(parts[2]) == 4 {
			return []dfatToken{{kind: dfatDate, date: PartialDate{Year: year, Month: m, Day: day}}}
		}
		return []dfatToken{{kind: dfatUnknown}}
	}
	// 12/05/1960, 05.09.1990, 1960-05-12, 05/1960.
	if strings.ContainsAny(w, "/.-") {
		if d, err := ParseDate(w); err == nil {
			return []dfatToken{{kind: dfatDate, date: d}}
		}
	}
	return []dfatToken{{kind: dfatUnknown}}
}

// dfatClassifyRest classifies the rest of a word after a list marker.
func dfatClassifyRest(w string) []dfatToken {
	if w == "" {
		return nil
	}
	return dfatClassify(w)
}

// isLetters reports whether s is one or more ASCII letters.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z') {
			return false
		}
	}
	return s != ""
}
