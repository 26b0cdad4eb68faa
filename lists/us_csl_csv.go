package lists

import (
	"bufio"
	"io"
	"sort"
	"strings"
	"unicode"
)

// ParseUSCSLCSV parses the US Consolidated Screening List CSV published by
// trade.gov (consolidated.csv): eleven export-control and sanctions lists of
// the Departments of Commerce, State and the Treasury in one file.
//
// Columns are located by their header names (the file has 29), so a
// reordered or extended header still parses; `_id` and `name` are required.
// Each row becomes an entity with the ID "us-csl:<_id>".
//
// # Sub-lists
//
// The `source` column names the sub-list a row comes from. Entity.Programs
// starts with the sub-list code prefixed with "CSL:" (several codes for a
// party on several sub-lists), taken
// from the parentheses of the source name: CSL:SDN, CSL:EL, CSL:DTC, CSL:DPL,
// CSL:SSI, CSL:UVL, CSL:ISN, CSL:PLC, CSL:MEU, CSL:CMIC, CSL:CAP, CSL:NS-MBS
// and CSL:FSE. A host filters on those entries (for example, screen only
// entities whose Programs contain "CSL:EL"). The row's own `programs`
// follow, and the full source name is repeated in Remarks as "Sub-list: ...".
//
// The same `_id` appears in several sub-lists when Treasury lists one
// party on more than one list (SDN and SSI, say). Such rows become one
// entity carrying every sub-list code, with names, addresses, identifiers
// and remarks merged; each merge is reported in List.Tolerated, so the row
// count is len(Entities) plus the merged rows.
//
// # Fields
//
// `type` is Individual, Entity, Vessel or Aircraft. The export-control
// sub-lists (EL, DTC, DPL, UVL, ISN, MEU) leave it empty; the type is then
// inferred: person when the row has a date or place of birth, a nationality,
// a citizenship or a gender; vessel or aircraft when it has vessel columns
// or aircraft identifiers; organization when the name holds a legal-form or
// institution word (Co., Ltd., Corporation, Institute, ...); unknown
// otherwise. Treasury's individuals are written "LAST, First" and are
// reordered to "First LAST" with Given and Family set; so are their aliases
// (`alt_names`). Names are trimmed (the real file has names with leading
// spaces).
//
// `ids` is a "; "-list of "[country, ][dates, ]value, type" items. "Gender"
// sets Entity.Gender; document and registration types are mapped onto the
// ID* constants, with the same table as OFAC's XML idType and legacy CSV
// remarks, the publisher's wording kept in Identifier.Label (IMO numbers
// keep their seven digits, without the "IMO" prefix); descriptive items
// ("Secondary sanctions risk:", "Organization Established Date", "Aircraft
// Model", "Nationality of Registration", ...) go to Remarks. `call_sign` becomes an IDCallSign
// identifier; the vessel columns, the Federal Register notice, `end_date`
// and the license columns go to Remarks; `start_date` is ListedOn; `title`
// is Titles. Dates of birth may be ISO dates, years, "circa 1967" or
// "1958 to 1960". Countries become ISO 3166 alpha-2 codes; values that do
// not map are kept in Remarks.
//
// The file states no publication date, so List.Published is zero; the
// newest start_date is not a publication date and is not used.
//
// Invalid UTF-8 is read as Windows-1252, and blank rows are skipped; both
// are reported in List.Tolerated. Malformed CSV is a *ParseError with the
// record's line wrapping ErrSyntax; a row without `_id` or `name` wraps
// ErrMissingField; an input without rows is ErrEmpty.
func ParseUSCSLCSV(r io.Reader) (*List, error) {
	const source = string(SourceUSCSL) + " " + string(FormatUSCSLCSV)
	dr := newDigestReader(r)
	var tol tolerances
	t := newNamedCSV(bufio.NewReaderSize(dr, 64<<10), source, &tol)
	if err := t.readHeader("_id", "name"); err != nil {
		return nil, err
	}
	list := &List{Source: SourceUSCSL, Format: FormatUSCSLCSV}
	var remarks [][]string // remark lines per entity, joined at the end
	byID := make(map[string]int)
	for {
		err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		e, rem, err := cslRow(t)
		if err != nil {
			return nil, err
		}
		if i, ok := byID[e.ID]; ok {
			tol.note("row repeats the _id of an earlier row (other sub-list), merged", t.pos())
			mergeEntity(&list.Entities[i], e)
			remarks[i] = appendDistinct(remarks[i], rem...)
			continue
		}
		byID[e.ID] = len(list.Entities)
		list.Entities = append(list.Entities, *e)
		remarks = append(remarks, rem)
	}
	for i := range list.Entities {
		e := &list.Entities[i]
		e.Remarks = strings.Join(remarks[i], "\n")
		// Merged rows: sub-list codes first, then the programs.
		sort.SliceStable(e.Programs, func(a, b int) bool {
			return strings.HasPrefix(e.Programs[a], "CSL:") && !strings.HasPrefix(e.Programs[b], "CSL:")
		})
	}
	return finishList(list, dr, &tol, source)
}

// cslRow converts the current row of the CSL file into an entity and its
// remark lines.
func cslRow(t *namedCSV) (*Entity, []string, error) {
	id := t.get("_id")
	if id == "" {
		return nil, nil, t.errorf("_id", ErrMissingField)
	}
	rawName := t.field("name")
	name := CleanText(rawName)
	if name == "" {
		return nil, nil, t.errorf("name", ErrMissingField)
	}
	if name != rawName {
		t.tol.note("leading, trailing or repeated spaces in name", t.pos())
	}
	e := &Entity{ID: SourceUSCSL.EntityID(id), Source: SourceUSCSL}
	var rem []string

	// Identifiers and facts from `ids` first: they feed type inference.
	var imo, aircraft bool
	for _, item := range t.splitField("ids", "; ") {
		kind, id, ok := cslID(item)
		switch {
		case !ok:
			t.tol.note("ids item without a type", t.pos())
			rem = append(rem, "ID: "+item)
		case kind == idGender:
			if g := parseGender(id.Number); g != "" {
				e.Gender = g
			} else {
				rem = append(rem, "Gender: "+id.Number)
			}
		case kind != idDocument:
			rem = append(rem, cslInfoRemark(id.Label, id.Number))
		default:
			imo = imo || id.Type == IDIMO
			aircraft = aircraft || id.Type == IDAircraft
			e.Identifiers = appendDistinct(e.Identifiers, id)
		}
	}
	if cs := t.get("call_sign"); cs != "" {
		e.Identifiers = appendDistinct(e.Identifiers, Identifier{Type: IDCallSign, Number: cs, Label: "Call Sign"})
	}

	for _, d := range t.splitField("dates_of_birth", ";") {
		b, ok := parseBirthdateText(d)
		if !ok {
			t.tol.note("unreadable date of birth kept in remarks", t.pos())
			rem = append(rem, "Date of birth: "+d)
			continue
		}
		e.BirthDates = appendDistinct(e.BirthDates, b)
	}
	e.BirthPlaces = appendDistinct(e.BirthPlaces, t.splitField("places_of_birth", ";")...)
	for _, f := range [...]struct {
		col, label string
		dst        *[]string
	}{{"citizenships", "Citizenship", &e.Citizenships}, {"nationalities", "Nationality", &e.Nationalities}} {
		for _, c := range t.splitField(f.col, ";") {
			if iso, ok := NormalizeCountry(c); ok {
				*f.dst = appendDistinct(*f.dst, iso)
			} else {
				t.tol.note("unknown country kept in remarks", t.pos())
				rem = append(rem, f.label+": "+c)
			}
		}
	}
	for _, a := range t.splitField("addresses", ";") {
		e.Addresses = appendDistinct(e.Addresses, cslAddress(a))
	}

	var vessel []string
	for _, c := range [...]struct{ col, label string }{
		{"vessel_type", "type"}, {"vessel_flag", "flag"}, {"vessel_owner", "owner"},
		{"gross_tonnage", "gross tonnage"}, {"gross_registered_tonnage", "gross registered tonnage"},
	} {
		if v := t.get(c.col); v != "" {
			vessel = append(vessel, c.label+": "+CleanText(v))
		}
	}

	// Type: stated, or inferred from what the row holds.
	word := t.get("type")
	typ, err := ParseEntityType(word)
	if err != nil {
		t.tol.note("unknown type word, type inferred", t.pos())
		word, typ = "", TypeUnknown
	}
	if word == "" {
		switch {
		case e.Gender != "" || len(e.BirthDates) > 0 || len(e.BirthPlaces) > 0 ||
			len(e.Nationalities) > 0 || len(e.Citizenships) > 0:
			typ = TypePerson
		case len(vessel) > 0 || imo:
			typ = TypeVessel
		case aircraft:
			typ = TypeAircraft
		case hasOrganizationWord(name):
			typ = TypeOrganization
		}
		t.tol.note("empty type, inferred as "+typ.String(), t.pos())
	}
	e.Type = typ

	addOFACName(e, name, NamePrimary)
	for _, a := range t.splitField("alt_names", ";") {
		addOFACName(e, a, NameAlias)
	}

	src := CleanText(t.get("source"))
	e.Programs = append(e.Programs, "CSL:"+cslSubList(src))
	e.Programs = appendDistinct(e.Programs, t.splitField("programs", ";")...)
	if title := CleanText(t.get("title")); title != "" {
		e.Titles = append(e.Titles, title)
	}
	if s := t.get("start_date"); s != "" {
		if d, err := ParseDate(s); err == nil {
			e.ListedOn = d
		} else {
			t.tol.note("unreadable start_date kept in remarks", t.pos())
			rem = append(rem, "Start date: "+s)
		}
	}

	if r := CleanText(t.get("remarks")); r != "" {
		rem = append([]string{r}, rem...)
	}
	if len(vessel) > 0 {
		rem = append(rem, "Vessel "+strings.Join(vessel, "; "))
	}
	for _, c := range [...]struct{ col, label string }{
		{"federal_register_notice", "Federal Register notice"}, {"end_date", "End date"},
		{"standard_order", "Standard order"}, {"license_requirement", "License requirement"},
		{"license_policy", "License policy"},
	} {
		if v := CleanText(t.get(c.col)); v != "" {
			rem = append(rem, c.label+": "+v)
		}
	}
	if src != "" {
		rem = append(rem, "Sub-list: "+src)
	}
	return e, rem, nil
}

// cslSubList extracts the short code of a CSL source name:
// "Specially Designated Nationals (SDN) - Treasury Department" is "SDN",
// "Non-SDN Menu-Based Sanctions List (NS-MBS List) - ..." is "NS-MBS".
func cslSubList(source string) string {
	if i := strings.IndexByte(source, '('); i >= 0 {
		if j := strings.IndexByte(source[i:], ')'); j > 1 {
			return strings.TrimSpace(strings.TrimSuffix(source[i+1:i+j], " List"))
		}
	}
	if i := strings.Index(source, " - "); i > 0 {
		source = source[:i]
	}
	if source == "" {
		return "UNKNOWN"
	}
	return source
}

// cslAddress reads one CSL address: a comma-separated line whose last part
// is usually an ISO country code ("..., SEAGOVILLE, TX, 75159, US").
func cslAddress(s string) Address {
	s = CleanText(s)
	last := s
	if i := strings.LastIndex(s, ","); i >= 0 {
		last = strings.TrimSpace(s[i+1:])
	}
	iso, ok := NormalizeCountry(last)
	if !ok {
		return Address{Full: s}
	}
	if last == s {
		return Address{Country: iso}
	}
	return Address{Full: s, Country: iso}
}

// cslID reads one `ids` item, "[country, ][date, [date, ]]value, type",
// classifying the type word with classifyIDLabel. For a document the
// country and dates become the identifier's Country and Note; for any
// other kind id holds only the type word as Label and the rest of the item
// as Number. ok is false for an item without a type word.
func cslID(item string) (kind idLabelKind, id Identifier, ok bool) {
	item = CleanText(item)
	i := strings.LastIndex(item, ", ")
	if i < 0 {
		return 0, Identifier{}, false
	}
	label, rest := strings.TrimSpace(item[i+2:]), strings.TrimSpace(item[:i])
	cls := classifyIDLabel(label)
	if cls.kind != idDocument {
		return cls.kind, Identifier{Number: rest, Label: label}, true
	}
	parts := strings.Split(rest, ", ")
	country := ""
	if len(parts) > 1 && len(parts[0]) == 2 && isUpperASCII(parts[0]) {
		if iso, ok := NormalizeCountry(parts[0]); ok {
			country = iso
			parts = parts[1:]
		}
	}
	var dates []string
	for len(parts) > 1 && isISODate(parts[0]) {
		dates = append(dates, parts[0])
		parts = parts[1:]
	}
	id = cls.identifier(label, strings.Join(parts, ", "))
	id.Country = country
	if len(dates) > 0 {
		id.Note = "dates " + strings.Join(dates, ", ")
	}
	return idDocument, id, true
}

// cslInfoRemark renders a descriptive ids item as "Label: value".
func cslInfoRemark(label, value string) string {
	label = strings.TrimSpace(strings.TrimRight(label, ":- "))
	return label + ": " + value
}

// hasOrganizationWord reports whether a name holds a legal-form or
// institution word, which marks an organization in a list that states no type.
func hasOrganizationWord(name string) bool {
	name = strings.ReplaceAll(strings.ToLower(name), ".", "")
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '&'
	}) {
		if _, ok := organizationWords[w]; ok {
			return true
		}
	}
	return false
}

var organizationWords = map[string]struct{}{
	"co": {}, "ltd": {}, "llc": {}, "inc": {}, "corp": {}, "corporation": {}, "company": {},
	"limited": {}, "group": {}, "gmbh": {}, "jsc": {}, "ojsc": {}, "pjsc": {}, "cjsc": {},
	"ooo": {}, "oao": {}, "zao": {}, "pao": {}, "sa": {}, "sarl": {}, "srl": {}, "ag": {},
	"bv": {}, "plc": {}, "pte": {}, "pvt": {}, "fze": {}, "fzco": {}, "fzc": {}, "llp": {},
	"institute": {}, "university": {}, "academy": {}, "bank": {}, "technology": {},
	"technologies": {}, "industries": {}, "industry": {}, "industrial": {}, "trading": {},
	"enterprise": {}, "enterprises": {}, "center": {}, "centre": {}, "laboratory": {},
	"electronics": {}, "engineering": {}, "systems": {}, "international": {}, "holding": {},
	"holdings": {}, "factory": {}, "plant": {}, "bureau": {}, "research": {}, "ministry": {},
	"organization": {}, "organisation": {}, "association": {}, "foundation": {}, "services": {},
	"logistics": {}, "shipping": {}, "airlines": {}, "aviation": {}, "import": {}, "export": {},
	"establishment": {}, "office": {}, "firm": {}, "partnership": {}, "works": {}, "department": {},
	"committee": {}, "agency": {}, "school": {}, "college": {}, "hospital": {}, "army": {},
	"brigade": {}, "front": {}, "party": {}, "network": {}, "solutions": {}, "electronic": {},
	"technical": {}, "science": {}, "sciences": {}, "scientific": {}, "instruments": {},
}

// isUpperASCII reports whether s is made only of the letters A to Z.
func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}
