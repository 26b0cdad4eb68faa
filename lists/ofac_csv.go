package lists

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"hash"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// OFACCSVSet is the four files of an OFAC legacy CSV list. Only Main is required.
//
// For the SDN list the files are SDN.CSV, ADD.CSV, ALT.CSV and
// SDN_COMMENTS.CSV; for the consolidated non-SDN list CONS_PRIM.CSV,
// CONS_ADD.CSV, CONS_ALT.CSV and CONS_COMMENTS.CSV. All have the same layout.
type OFACCSVSet struct {
	// Main holds one row per entity: ent_num, name, type, programs, title,
	// vessel columns and remarks (sdn.csv, cons_prim.csv).
	Main io.Reader
	// Addresses holds the addresses, joined to Main by ent_num (add.csv,
	// cons_add.csv).
	Addresses io.Reader
	// Aliases holds the a.k.a., f.k.a. and n.k.a. names (alt.csv, cons_alt.csv).
	Aliases io.Reader
	// Comments holds the continuation of remarks cut at 1,000 characters
	// (sdn_comments.csv, cons_comments.csv).
	Comments io.Reader
}

// ParseOFACSDNCSV parses OFAC's Specially Designated Nationals list in the
// legacy CSV format (sdn.csv, add.csv, alt.csv, sdn_comments.csv). The
// result has Source OFAC-SDN, Format ofac-sdn-csv and entity IDs
// "ofac-sdn:<ent_num>".
//
// The files have no header, CRLF line ends and a final 0x1A byte; a null is
// "-0-" with or without quotes and a trailing space. Each file is read once
// as a stream, in the order Main, Addresses, Aliases, Comments; the relation
// files are joined to Main in memory by ent_num. Entities keep the order of
// Main. SDN_Type "individual", "vessel" and "aircraft" give people, vessels
// and aircraft; a null type is an organization. People's names, written
// "LAST, First Middle", become "First Middle LAST" with Given and Family set;
// other names are kept as written. alt_type aka and nka give aliases, fka
// former names. Program ("IRAN] [SDGT] [IFSR") becomes Programs, Title
// becomes Titles, Call_Sign an identifier; the other vessel columns (type,
// tonnage, GRT, flag, owner) have no field of their own and are appended to
// Remarks as "Vessel Type ...; Vessel Flag ...". Remarks cut at 1,000
// characters are continued seamlessly from Comments, and the whole text is
// kept in Entity.Remarks while dates and places of birth, nationalities,
// citizenships, gender, identifiers (passports, national and tax IDs,
// registrations, IMO and MMSI numbers, crypto addresses, SWIFT/BIC, e-mail,
// websites, phones, aircraft serials, ...) and quoted aliases are lifted
// out of it.
//
// Relation rows whose ent_num is not in Main, comment rows for remarks that
// are not cut, an alias that repeats a name, a country that is not known, a
// missing final 0x1A byte, LF line ends, a BOM and bytes that are not UTF-8
// (read as Windows-1252) are tolerated and listed in List.Tolerated.
// Malformed rows (a wrong number of columns, bad quoting) fail with a
// [*ParseError] wrapping ErrSyntax; an ent_num that is not a positive
// integer, a repeated ent_num in Main or an unknown SDN_Type fails with
// ErrInvalidValue; a nil Main or an empty name with ErrMissingField; a Main
// without rows with ErrEmpty.
//
// List.SHA256 is the SHA-256 of Main's bytes followed by the bytes of
// Addresses, Aliases and Comments, in that order (absent files add nothing).
// Published is zero: the files state no date.
func ParseOFACSDNCSV(set OFACCSVSet) (*List, error) {
	l, _, err := parseOFACCSV(set, ofacSDNLayout)
	return l, err
}

// ParseOFACConsCSV parses OFAC's Consolidated (non-SDN) list in the legacy
// CSV format (cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv).
// The result has Source OFAC-CONS, Format ofac-cons-csv and entity IDs
// "ofac-cons:<ent_num>". The files have the layout of the SDN files and are
// read as [ParseOFACSDNCSV] reads those, digest included.
func ParseOFACConsCSV(set OFACCSVSet) (*List, error) {
	l, _, err := parseOFACCSV(set, ofacConsLayout)
	return l, err
}

// ofacCSVLayout names one OFAC CSV list and its four files.
type ofacCSVLayout struct {
	source Source
	format Format
	// files are the publisher's file names of Main, Addresses, Aliases and
	// Comments, used in error and tolerance positions.
	files [4]string
}

var (
	ofacSDNLayout = ofacCSVLayout{SourceOFACSDN, FormatOFACSDNCSV,
		[4]string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}}
	ofacConsLayout = ofacCSVLayout{SourceOFACCons, FormatOFACConsCSV,
		[4]string{"cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}}
)

// The columns of the four files, in order. The files have no header.
var (
	ofacMainCols = []string{"ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign",
		"Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"}
	ofacAddCols     = []string{"ent_num", "add_num", "Address", "City/State/Province/Postal Code", "Country", "Add_remarks"}
	ofacAltCols     = []string{"ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"}
	ofacCommentCols = []string{"ent_num", "Remarks_Extended"}
)

// ofacRemarksCut is the length at which OFAC cuts Remarks; the rest is in
// the comments file.
const ofacRemarksCut = 1000

// ofacCSVStats counts what the join did. Only tests read it.
type ofacCSVStats struct {
	addressRows     int // rows read from Addresses
	aliasRows       int // rows read from Aliases
	aliasesJoined   int // alias rows whose ent_num is in Main
	aliasNamesAdded int // of those, names not already on the entity
	commentRows     int // rows read from Comments
	commentsJoined  int // comment rows appended to cut remarks
	remarkNames     int // names added from a.k.a./f.k.a./n.k.a. in remarks
}

// ofacPending is what an entity still needs once all files are read.
type ofacPending struct {
	line    int    // line of the entity in Main
	remarks string // Remarks as published, possibly cut
	more    string // continuation from Comments
	vessel  string // the vessel columns, rendered for Remarks
}

// ofacCSVParser joins the files of one set.
type ofacCSVParser struct {
	lay     ofacCSVLayout
	hash    hash.Hash
	tol     tolerances
	stats   ofacCSVStats
	ents    []Entity
	pending []ofacPending
	index   map[int]int // ent_num → position in ents
}

// parseOFACCSV parses one OFAC CSV set; the stats are for tests.
func parseOFACCSV(set OFACCSVSet, lay ofacCSVLayout) (*List, ofacCSVStats, error) {
	p := &ofacCSVParser{lay: lay, hash: sha256.New(), index: make(map[int]int)}
	if set.Main == nil {
		return nil, p.stats, &ParseError{Source: p.src(0), Field: "Main",
			Err: fmt.Errorf("%w: the set has no main file", ErrMissingField)}
	}
	if err := p.read(set.Main, 0, ofacMainCols, p.mainRow); err != nil {
		return nil, p.stats, err
	}
	if len(p.ents) == 0 {
		return nil, p.stats, &ParseError{Source: p.src(0), Err: ErrEmpty}
	}
	for i, step := range []struct {
		r    io.Reader
		cols []string
		row  func([]string, int) error
	}{
		{set.Addresses, ofacAddCols, p.addressRow},
		{set.Aliases, ofacAltCols, p.aliasRow},
		{set.Comments, ofacCommentCols, p.commentRow},
	} {
		if step.r == nil {
			continue
		}
		if err := p.read(step.r, i+1, step.cols, step.row); err != nil {
			return nil, p.stats, err
		}
	}
	for i := range p.ents {
		p.finish(&p.ents[i], &p.pending[i])
	}
	return &List{
		Source:    lay.source,
		Format:    lay.format,
		SHA256:    fmt.Sprintf("%x", p.hash.Sum(nil)),
		Entities:  p.ents,
		Tolerated: p.tol.list(),
	}, p.stats, nil
}

// src is the ParseError Source for file f (0 main, 1 addresses, 2 aliases,
// 3 comments): "OFAC-SDN sdn.csv".
func (p *ofacCSVParser) src(f int) string {
	return string(p.lay.source) + " " + p.lay.files[f]
}

// at is a tolerance position: "alt.csv line 12".
func (p *ofacCSVParser) at(f, line int) string {
	return fmt.Sprintf("%s line %d", p.lay.files[f], line)
}

// read streams file f record by record into row, hashing every byte.
func (p *ofacCSVParser) read(in io.Reader, f int, cols []string, row func([]string, int) error) error {
	name := p.lay.files[f]
	digest := &digestReader{r: in, h: p.hash}
	filter := &ofacEOFFilter{r: digest}
	br := bufio.NewReaderSize(filter, 64<<10)
	if b, _ := br.Peek(3); string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
		p.tol.note(name+": UTF-8 byte order mark removed", p.at(f, 1))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ce *csv.ParseError
			if errors.As(err, &ce) {
				return &ParseError{Source: p.src(f), Line: ce.StartLine, Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
			}
			return fmt.Errorf("lists: reading %s: %w", p.src(f), err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			p.tol.note(name+": blank row skipped", p.at(f, line))
			continue
		}
		if len(rec) != len(cols) {
			return &ParseError{Source: p.src(f), Line: line,
				Err: fmt.Errorf("%w: %d fields, want %d (%s)", ErrSyntax, len(rec), len(cols), strings.Join(cols, ", "))}
		}
		for i, v := range rec {
			if !utf8.ValidString(v) {
				rec[i], _ = charmap.Windows1252.NewDecoder().String(v)
				p.tol.note(name+": bytes that are not UTF-8 read as Windows-1252", p.at(f, line))
			}
		}
		if err := row(rec, line); err != nil {
			return err
		}
	}
	if err := digest.drain(); err != nil {
		return fmt.Errorf("lists: reading %s: %w", p.src(f), err)
	}
	filter.report(&p.tol, name)
	return nil
}

// entNum parses the ent_num column of file f.
func (p *ofacCSVParser) entNum(rec []string, f, line int) (int, error) {
	s := strings.TrimSpace(rec[0])
	if s == "" {
		return 0, &ParseError{Source: p.src(f), Line: line, Field: "ent_num", Err: ErrMissingField}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, &ParseError{Source: p.src(f), Line: line, Field: "ent_num", Err: valueError(rec[0])}
	}
	if s != rec[0] || strconv.Itoa(n) != s {
		p.tol.note(p.lay.files[f]+": ent_num with spaces, a sign or leading zeros", p.at(f, line))
	}
	return n, nil
}

// ofacValue trims a field, folds inner runs of white space, and maps
// OFAC's null "-0-" to "".
func ofacValue(s string) string {
	s = cleaned(strings.TrimSpace(s))
	if s == "-0-" {
		return ""
	}
	return s
}

// mainRow reads one row of sdn.csv / cons_prim.csv.
func (p *ofacCSVParser) mainRow(rec []string, line int) error {
	n, err := p.entNum(rec, 0, line)
	if err != nil {
		return err
	}
	if _, dup := p.index[n]; dup {
		return &ParseError{Source: p.src(0), Line: line, Field: "ent_num",
			Err: fmt.Errorf("%w: ent_num %d repeated", ErrInvalidValue, n)}
	}
	name := ofacValue(rec[1])
	if name == "" {
		return &ParseError{Source: p.src(0), Line: line, Field: "SDN_Name", Err: ErrMissingField}
	}
	typ := TypeOrganization // OFAC's null type means an entity
	if t := ofacValue(rec[2]); t != "" {
		typ, err = ParseEntityType(t)
		if err != nil || typ == TypeUnknown {
			return &ParseError{Source: p.src(0), Line: line, Field: "SDN_Type", Err: valueError(rec[2])}
		}
		switch t {
		case "individual", "vessel", "aircraft":
		default:
			p.tol.note(p.lay.files[0]+": SDN_Type spelled differently from OFAC's individual/vessel/aircraft/-0-", p.at(0, line))
		}
	}
	key := strconv.Itoa(n)
	e := Entity{ID: p.lay.source.EntityID(key), Source: p.lay.source, Type: typ}
	addOFACName(&e, name, NamePrimary)
	e.Programs = ofacPrograms(rec[3])
	if t := ofacValue(rec[4]); t != "" {
		for _, title := range strings.Split(t, "; ") {
			if title = strings.TrimSpace(title); title != "" {
				e.Titles = appendDistinct(e.Titles, title)
			}
		}
	}
	if cs := ofacValue(rec[5]); cs != "" {
		e.Identifiers = append(e.Identifiers, Identifier{Type: IDCallSign, Number: cs, Label: "Call Sign"})
	}
	pend := ofacPending{line: line, vessel: ofacVesselText(rec)}
	if strings.TrimSpace(rec[11]) != "-0-" {
		pend.remarks = rec[11] // raw: a cut may fall on a space
	}
	p.index[n] = len(p.ents)
	p.ents = append(p.ents, e)
	p.pending = append(p.pending, pend)
	return nil
}

// ofacPrograms splits "IRAN] [SDGT] [IFSR" into its program codes.
func ofacPrograms(s string) []string {
	s = ofacValue(s)
	var out []string
	for _, prog := range strings.Split(s, "] [") {
		prog = strings.TrimSpace(strings.Trim(strings.TrimSpace(prog), "[]"))
		if prog != "" {
			out = appendDistinct(out, prog)
		}
	}
	return out
}

// ofacVesselText renders the vessel columns other than the call sign, which
// the entity model has no fields for, the way OFAC's remarks phrase vessel
// facts: "Vessel Type Tug; GRT 212; Vessel Flag Cuba; Vessel Owner X."
func ofacVesselText(rec []string) string {
	var parts []string
	for _, c := range []struct {
		label string
		col   int
	}{{"Vessel Type", 6}, {"Tonnage", 7}, {"GRT", 8}, {"Vessel Flag", 9}, {"Vessel Owner", 10}} {
		if v := ofacValue(rec[c.col]); v != "" {
			parts = append(parts, c.label+" "+v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ")
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// entity finds the entity of a relation row, or notes an orphan row.
func (p *ofacCSVParser) entity(rec []string, f, line int) (int, bool, error) {
	n, err := p.entNum(rec, f, line)
	if err != nil {
		return 0, false, err
	}
	i, ok := p.index[n]
	if !ok {
		p.tol.note(fmt.Sprintf("%s: row for an ent_num not in %s (ignored)", p.lay.files[f], p.lay.files[0]), p.at(f, line))
	}
	return i, ok, nil
}

// addressRow reads one row of add.csv / cons_add.csv.
func (p *ofacCSVParser) addressRow(rec []string, line int) error {
	p.stats.addressRows++
	i, ok, err := p.entity(rec, 1, line)
	if err != nil || !ok {
		return err
	}
	street, csp, country, remark := ofacValue(rec[2]), ofacValue(rec[3]), ofacValue(rec[4]), ofacValue(rec[5])
	if street == "" && csp == "" && country == "" && remark == "" {
		return nil // OFAC writes an all-null row for entities without an address
	}
	a := Address{Street: street, City: csp}
	if country != "" {
		code, ok := NormalizeCountry(country)
		if rest, region := strings.CutPrefix(country, "Region: "); !ok && region {
			code, ok = NormalizeCountry(rest) // "Region: Crimea", "Region: Russia"
		}
		if ok {
			a.Country = code
		} else {
			p.tol.note(p.lay.files[1]+": Country not a known country (kept in the address's Full)", p.at(1, line))
		}
	}
	var full []string
	for _, s := range []string{street, csp, country} {
		if s != "" {
			full = append(full, s)
		}
	}
	a.Full = strings.Join(full, ", ")
	if remark != "" {
		a.Full = strings.TrimSpace(a.Full + " (" + remark + ")")
	}
	e := &p.ents[i]
	for _, have := range e.Addresses {
		if have == a {
			return nil
		}
	}
	e.Addresses = append(e.Addresses, a)
	return nil
}

// aliasRow reads one row of alt.csv / cons_alt.csv.
func (p *ofacCSVParser) aliasRow(rec []string, line int) error {
	p.stats.aliasRows++
	i, ok, err := p.entity(rec, 2, line)
	if err != nil || !ok {
		return err
	}
	name := ofacValue(rec[3])
	if name == "" {
		p.tol.note(p.lay.files[2]+": row without alt_name (ignored)", p.at(2, line))
		return nil
	}
	kind := NameAlias
	switch t := ofacValue(rec[2]); strings.ToLower(t) {
	case "aka", "nka":
	case "fka":
		kind = NameFormerly
	default:
		p.tol.note(p.lay.files[2]+": alt_type not aka/fka/nka (read as aka)", p.at(2, line))
	}
	p.stats.aliasesJoined++
	if addOFACName(&p.ents[i], name, kind) {
		p.stats.aliasNamesAdded++
	} else {
		p.tol.note(p.lay.files[2]+": alt_name repeats a name the entity already has (ignored)", p.at(2, line))
	}
	return nil
}

// commentRow reads one row of sdn_comments.csv / cons_comments.csv.
func (p *ofacCSVParser) commentRow(rec []string, line int) error {
	p.stats.commentRows++
	i, ok, err := p.entity(rec, 3, line)
	if err != nil || !ok {
		return err
	}
	if strings.TrimSpace(rec[1]) == "-0-" || strings.TrimSpace(rec[1]) == "" {
		return nil
	}
	pend := &p.pending[i]
	if utf8.RuneCountInString(pend.remarks) < ofacRemarksCut {
		p.tol.note(fmt.Sprintf("%s: row for remarks shorter than %d characters, so not cut (ignored)",
			p.lay.files[3], ofacRemarksCut), p.at(3, line))
		return nil
	}
	pend.more += rec[1] // raw: the continuation often starts mid-word
	p.stats.commentsJoined++
	return nil
}

// finish lifts the facts out of the joined remarks and sets Entity.Remarks.
func (p *ofacCSVParser) finish(e *Entity, pend *ofacPending) {
	text := cleaned(pend.remarks + pend.more)
	r := parseOFACRemarks(text)
	e.BirthDates = append(e.BirthDates, r.BirthDates...)
	e.BirthPlaces = append(e.BirthPlaces, r.BirthPlaces...)
	e.Nationalities = append(e.Nationalities, r.Nationalities...)
	e.Citizenships = append(e.Citizenships, r.Citizenships...)
	if r.Gender != "" {
		e.Gender = r.Gender
	}
	for _, id := range r.Identifiers {
		e.Identifiers = appendIdentifier(e.Identifiers, id)
	}
	for _, n := range r.Names {
		if addOFACName(e, n.Text, n.Kind) {
			p.stats.remarkNames++
		}
	}
	for _, kind := range r.Problems {
		p.tol.note(p.lay.files[0]+": "+kind, p.at(0, pend.line))
	}
	remarks := text
	if pend.vessel != "" {
		remarks = strings.TrimSpace(remarks + " " + pend.vessel)
	}
	e.Remarks = remarks
}

// ofacEOFFilter drops the DOS end-of-file byte 0x1A that ends every OFAC
// CSV, and watches for the dirt worth reporting: no final 0x1A, a 0x1A
// before the end, LF line ends.
type ofacEOFFilter struct {
	r         io.Reader
	n         int64 // bytes read
	lines     int   // line feeds seen
	prev      byte  // previous byte kept
	lastSolid byte  // last byte that is not white space
	sawZ      bool  // a 0x1A was seen
	zLine     int   // line of the first 0x1A, 1-based
	dataAfter bool  // a non-space byte followed a 0x1A
	lfLine    int   // first line ending in a bare LF, 1-based; 0 when none
}

func (f *ofacEOFFilter) Read(p []byte) (int, error) {
	for {
		n, err := f.r.Read(p)
		f.n += int64(n)
		w := 0
		for rest := p[:n]; len(rest) > 0; {
			i := bytes.IndexByte(rest, 0x1A)
			seg := rest
			if i >= 0 {
				seg = rest[:i]
			}
			f.watch(seg)
			w += copy(p[w:], seg)
			if i < 0 {
				break
			}
			if !f.sawZ {
				f.sawZ, f.zLine = true, f.lines+1
			}
			f.lastSolid = 0x1A
			rest = rest[i+1:]
		}
		// Never return 0, nil: bufio gives up after repeated empty reads.
		if w > 0 || err != nil || n == 0 {
			return w, err
		}
	}
}

// watch looks at bytes that are kept: line ends, and whether text follows
// a 0x1A.
func (f *ofacEOFFilter) watch(seg []byte) {
	if len(seg) == 0 {
		return
	}
	if f.lfLine != 0 {
		f.lines += bytes.Count(seg, []byte{'\n'})
	} else {
		for off := 0; ; {
			j := bytes.IndexByte(seg[off:], '\n')
			if j < 0 {
				break
			}
			j += off
			f.lines++
			prev := f.prev
			if j > 0 {
				prev = seg[j-1]
			}
			if prev != '\r' && f.lfLine == 0 {
				f.lfLine = f.lines
			}
			off = j + 1
		}
	}
	if solid := bytes.TrimRight(seg, " \r\n\t"); len(solid) > 0 {
		f.lastSolid = solid[len(solid)-1]
		if f.sawZ {
			f.dataAfter = true
		}
	}
	f.prev = seg[len(seg)-1]
}

// report notes what the filter saw in file name.
func (f *ofacEOFFilter) report(tol *tolerances, name string) {
	if f.n == 0 {
		return
	}
	if f.lastSolid != 0x1A {
		tol.note(name+": no final Ctrl-Z (0x1A) byte", "end of "+name)
	}
	if f.dataAfter {
		tol.note(name+": Ctrl-Z (0x1A) byte before the end of the file (removed)", fmt.Sprintf("%s line %d", name, f.zLine))
	}
	if f.lfLine > 0 {
		tol.note(name+": LF line ends instead of CRLF", fmt.Sprintf("%s line %d", name, f.lfLine))
	}
}
