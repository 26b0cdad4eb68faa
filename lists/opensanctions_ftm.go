package lists

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// ftmMaxLine bounds one JSON line of an FtM file; a longer line is
// ErrTooLarge. The largest real entities are a few hundred kilobytes.
const ftmMaxLine = 64 << 20

// ParseFtMJSON parses OpenSanctions entities in FollowTheMoney JSON lines
// (entities.ftm.json): one JSON object per line, {id, schema, caption,
// properties: {prop: [values]}, datasets, first_seen, last_seen,
// last_change, target}.
//
// # Targets and relations
//
// Entities of the schemata Person, Company, Organization, LegalEntity,
// PublicBody, Vessel and Airplane become entities with the ID
// "opensanctions:<id>", whether or not the file flags them as targets.
// Other entities enrich the entity they reference, wherever in the file
// either appears (links are resolved after the last line):
//
//   - Sanction (entity): programId values, else program, else authority,
//     go to Programs; the earliest startDate or listingDate is ListedOn.
//   - Address referenced by a target's addressEntity: an Address (street,
//     city, region, postal code, ISO country and the full line).
//   - Passport and Identification (holder): an Identifier (number, type,
//     country). One without a number adds nothing.
//
// Everything else (Ownership, Family, Directorship, ..., and relations whose
// subject is not in the file) is skipped and counted in List.Tolerated,
// one line per schema.
//
// # Properties
//
// The primary name is the caption when it is one of the names, else the
// first name; the other names are aliases, alias too, previousName
// formerly, weakAlias and abbreviation weak aliases. firstName, middleName,
// fatherName and lastName set Given and Family of the primary name when
// they occur in it. birthDate (partial ISO) is BirthDates; birthPlace,
// BirthPlaces; nationality, Nationalities; citizenship, Citizenships. The
// related country (country, and jurisdiction for organizations) is a
// nationality for a person and an address country otherwise. Identifiers:
// idNumber (national ID for a person), passportNumber, innCode and
// taxNumber and vatCode (tax ID), registrationNumber and ogrnCode
// (registration; the tail number for an Airplane), imoNumber (seven
// digits), mmsi, callSign, swiftBic, email, website and phone. position is
// Titles; programId, Programs; notes and summary are Remarks, followed by
// the topics and datasets. ListedOn falls back to the earliest createdAt
// when no Sanction dates the entity.
//
// List.Published is the newest last_seen of any line (the time OpenSanctions
// last saw the data), or the newest last_change when no line has last_seen.
//
// A line that is not one JSON object is a *ParseError with its line
// wrapping ErrSyntax; a top-level field of the wrong JSON type (properties
// that are not an object, a numeric id) wraps ErrInvalidValue; an
// entity without id or schema wraps ErrMissingField; a line over 64 MiB
// wraps ErrTooLarge. Blank lines, a byte-order mark and duplicate ids
// (the later one is skipped) are tolerated.
func ParseFtMJSON(r io.Reader) (*List, error) {
	const source = string(SourceOpenSanctions) + " " + string(FormatFtMJSON)
	dr := newDigestReader(r)
	p := &ftmParser{
		byID:      make(map[string]int),
		addresses: make(map[string]ftmAddress),
		addrAlias: make(map[string]string),
		targetIDs: make(map[string]bool),
		list:      &List{Source: SourceOpenSanctions, Format: FormatFtMJSON},
	}
	sc := bufio.NewScanner(dr)
	sc.Buffer(make([]byte, 0, 64<<10), ftmMaxLine)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			if rest, ok := bytes.CutPrefix(b, []byte("\xef\xbb\xbf")); ok {
				p.tol.note("UTF-8 byte-order mark", "line 1")
				b = rest
			}
		}
		if len(bytes.TrimSpace(b)) == 0 {
			p.tol.note("blank line", fmt.Sprintf("line %d", line))
			continue
		}
		if err := p.line(b, line); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &ParseError{Source: source, Line: line + 1,
				Err: fmt.Errorf("%w: a line longer than %d bytes", ErrTooLarge, ftmMaxLine)}
		}
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	p.resolve()
	l := p.list
	if !p.lastSeen.IsZero() {
		l.Published = p.lastSeen
	} else {
		l.Published = p.lastChange
	}
	return finishList(l, dr, &p.tol, source)
}

// ftmLine is one FtM entity as it appears in the file.
type ftmLine struct {
	ID         string               `json:"id"`
	Schema     string               `json:"schema"`
	Caption    string               `json:"caption"`
	Properties map[string]ftmValues `json:"properties"`
	Datasets   ftmValues            `json:"datasets"`
	Referents  ftmValues            `json:"referents"`
	FirstSeen  string               `json:"first_seen"`
	LastSeen   string               `json:"last_seen"`
	LastChange string               `json:"last_change"`
}

// ftmValues is a property's values. FtM writes arrays of strings; a bare
// string is accepted as one value, and values of other JSON types (nested
// entities in some exports) are dropped and counted.
type ftmValues struct {
	vals    []string
	dropped int
}

// UnmarshalJSON implements json.Unmarshaler.
func (v *ftmValues) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || bytes.Equal(b, []byte("null")):
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		v.vals = append(v.vals, s)
		return nil
	case b[0] != '[':
		v.dropped++
		return nil
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	for _, r := range raw {
		var s string
		if len(r) > 0 && r[0] == '"' && json.Unmarshal(r, &s) == nil {
			v.vals = append(v.vals, s)
		} else {
			v.dropped++
		}
	}
	return nil
}

// ftmTargetTypes maps the target-like schemata onto entity types.
var ftmTargetTypes = map[string]EntityType{
	"Person":       TypePerson,
	"Company":      TypeOrganization,
	"Organization": TypeOrganization,
	"LegalEntity":  TypeOrganization,
	"PublicBody":   TypeOrganization,
	"Vessel":       TypeVessel,
	"Airplane":     TypeAircraft,
}

// ftmAddress is an Address entity kept until the end, when it is attached
// to the targets that reference it.
type ftmAddress struct {
	addr Address
	pos  string
	used bool
}

// ftmLink is a relation entity (Sanction, Passport, Identification) whose
// subject may come later in the file.
type ftmLink struct {
	schema   string
	pos      string
	subjects []string
	props    map[string]ftmValues
}

// ftmAddressRef is a target's addressEntity reference.
type ftmAddressRef struct {
	entity int
	ids    []string
	pos    string
}

// ftmParser holds the state of one ParseFtMJSON call.
type ftmParser struct {
	list       *List
	tol        tolerances
	byID       map[string]int
	remarks    [][]string
	created    []PartialDate // earliest createdAt per entity
	addresses  map[string]ftmAddress
	addrOrder  []string          // Address ids in file order
	addrAlias  map[string]string // referent id -> Address id
	targetIDs  map[string]bool   // ids (not referents) of the targets
	addrRefs   []ftmAddressRef
	links      []ftmLink
	lastSeen   time.Time
	lastChange time.Time
}

// line handles one non-blank line.
func (p *ftmParser) line(b []byte, n int) error {
	const source = string(SourceOpenSanctions) + " " + string(FormatFtMJSON)
	pos := fmt.Sprintf("line %d", n)
	var ent ftmLine
	if err := json.Unmarshal(b, &ent); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return &ParseError{Source: source, Line: n, Field: te.Field,
				Err: fmt.Errorf("%w: JSON %s where %s belongs", ErrInvalidValue, te.Value, te.Type)}
		}
		return &ParseError{Source: source, Line: n, Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
	}
	ent.ID = strings.TrimSpace(ent.ID)
	if ent.ID == "" {
		return &ParseError{Source: source, Line: n, Field: "id", Err: ErrMissingField}
	}
	if ent.Schema == "" {
		return &ParseError{Source: source, Line: n, Field: "schema", Err: ErrMissingField}
	}
	for name, v := range ent.Properties {
		if v.dropped > 0 {
			p.tol.note("non-string value in property "+name+" dropped", pos)
		}
	}
	if t, err := parseTimestamp(ent.LastSeen); err == nil && t.After(p.lastSeen) {
		p.lastSeen = t
	}
	if t, err := parseTimestamp(ent.LastChange); err == nil && t.After(p.lastChange) {
		p.lastChange = t
	}

	if typ, ok := ftmTargetTypes[ent.Schema]; ok {
		if p.targetIDs[ent.ID] {
			p.tol.note("duplicate id, later entity skipped", pos)
			return nil
		}
		p.target(&ent, typ, pos)
		return nil
	}
	props := ent.Properties
	switch ent.Schema {
	case "Address":
		if _, dup := p.addresses[ent.ID]; dup {
			p.tol.note("duplicate id, later entity skipped", pos)
			return nil
		}
		p.addresses[ent.ID] = ftmAddress{addr: ftmAddressOf(props), pos: pos}
		p.addrOrder = append(p.addrOrder, ent.ID)
		for _, ref := range ent.Referents.vals {
			if _, taken := p.addrAlias[ref]; !taken {
				p.addrAlias[ref] = ent.ID
			}
		}
		return nil
	case "Sanction":
		p.links = append(p.links, ftmLink{schema: ent.Schema, pos: pos, subjects: props["entity"].vals, props: props})
		return nil
	case "Passport", "Identification":
		p.links = append(p.links, ftmLink{schema: ent.Schema, pos: pos, subjects: props["holder"].vals, props: props})
		return nil
	}
	p.tol.note("skipped non-target entity of schema "+ent.Schema, pos)
	return nil
}

// target converts a target-like entity.
func (p *ftmParser) target(ent *ftmLine, typ EntityType, pos string) {
	props := ent.Properties
	get := func(name string) []string { return props[name].vals }
	e := Entity{ID: SourceOpenSanctions.EntityID(ent.ID), Source: SourceOpenSanctions, Type: typ}
	var rem []string

	names := get("name")
	primary := ""
	caption := CleanText(ent.Caption)
	for _, n := range names {
		if CleanText(n) == caption && caption != "" {
			primary = caption
			break
		}
	}
	if primary == "" && len(names) > 0 {
		primary = names[0]
	}
	if primary == "" && caption != "" {
		p.tol.note("entity without a name property, caption used", pos)
		primary = caption
	}
	e.AddName(primary, NamePrimary)
	if len(e.Names) == 0 {
		p.tol.note("entity without any name skipped", pos)
		return
	}
	ftmSplitName(&e.Names[0], get("firstName"), get("middleName"), get("fatherName"), get("lastName"))
	for _, n := range names {
		e.AddName(n, NameAlias)
	}
	for _, n := range get("alias") {
		e.AddName(n, NameAlias)
	}
	for _, n := range get("previousName") {
		e.AddName(n, NameFormerly)
	}
	for _, n := range get("weakAlias") {
		e.AddName(n, NameWeakAlias)
	}
	for _, n := range get("abbreviation") {
		e.AddName(n, NameWeakAlias)
	}

	for _, d := range get("birthDate") {
		pd, err := ParseDate(d)
		if err != nil {
			p.tol.note("unreadable birthDate kept in remarks", pos)
			rem = append(rem, "Date of birth: "+d)
			continue
		}
		e.BirthDates = appendDistinct(e.BirthDates, Birthdate{Date: pd})
	}
	for _, s := range get("birthPlace") {
		if s = CleanText(s); s != "" {
			e.BirthPlaces = appendDistinct(e.BirthPlaces, s)
		}
	}
	country := func(prop string, add func(string)) {
		for _, c := range get(prop) {
			if iso, ok := NormalizeCountry(c); ok {
				add(iso)
			} else if c = strings.TrimSpace(c); c != "" {
				p.tol.note("country code without ISO equivalent kept in remarks", pos)
				rem = append(rem, prop+": "+c)
			}
		}
	}
	country("nationality", func(c string) { e.Nationalities = appendDistinct(e.Nationalities, c) })
	country("citizenship", func(c string) { e.Citizenships = appendDistinct(e.Citizenships, c) })
	var related []string
	country("country", func(c string) { related = appendDistinct(related, c) })
	if typ == TypePerson {
		e.Nationalities = appendDistinct(e.Nationalities, related...)
	} else {
		country("jurisdiction", func(c string) { related = appendDistinct(related, c) })
	}
	for _, g := range get("gender") {
		if g = parseGender(g); g != "" {
			e.Gender = g
		}
	}
	for _, a := range get("address") {
		if a = CleanText(a); a != "" {
			e.Addresses = appendDistinct(e.Addresses, Address{Full: a})
		}
	}
	if typ != TypePerson {
		for _, c := range related {
			e.Addresses = append(e.Addresses, Address{Country: c})
		}
	}
	for _, m := range ftmIdentifierProps {
		for _, v := range get(m.prop) {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			id := Identifier{Type: m.typ, Number: v, Label: m.label}
			switch {
			case m.prop == "idNumber" && typ == TypePerson:
				id.Type = IDNationalID
			case m.prop == "registrationNumber" && typ == TypeAircraft:
				id.Type = IDAircraft
			case m.typ == IDIMO:
				id.Number = trimIMOPrefix(v)
			}
			e.Identifiers = appendDistinct(e.Identifiers, id)
		}
	}
	for _, s := range get("position") {
		if s = CleanText(s); s != "" {
			e.Titles = appendDistinct(e.Titles, s)
		}
	}
	for _, s := range get("programId") {
		if s = strings.TrimSpace(s); s != "" {
			e.Programs = appendDistinct(e.Programs, s)
		}
	}
	for _, prop := range []string{"notes", "summary"} {
		for _, s := range get(prop) {
			if s = strings.TrimSpace(s); s != "" {
				rem = appendDistinct(rem, s)
			}
		}
	}
	if typ == TypeVessel {
		for _, f := range get("flag") {
			rem = append(rem, "Flag: "+strings.ToUpper(strings.TrimSpace(f)))
		}
	}
	if t := get("topics"); len(t) > 0 {
		rem = append(rem, "Topics: "+strings.Join(t, ", "))
	}
	if len(ent.Datasets.vals) > 0 {
		rem = append(rem, "Datasets: "+strings.Join(ent.Datasets.vals, ", "))
	}
	var created PartialDate
	for _, c := range get("createdAt") {
		if d, err := ParseDate(c); err == nil && (created.IsZero() || d.String() < created.String()) {
			created = d
		}
	}

	idx := len(p.list.Entities)
	p.byID[ent.ID] = idx
	p.targetIDs[ent.ID] = true
	for _, ref := range ent.Referents.vals {
		if _, taken := p.byID[ref]; !taken {
			p.byID[ref] = idx
		}
	}
	p.list.Entities = append(p.list.Entities, e)
	p.remarks = append(p.remarks, rem)
	p.created = append(p.created, created)
	if refs := get("addressEntity"); len(refs) > 0 {
		p.addrRefs = append(p.addrRefs, ftmAddressRef{entity: idx, ids: refs, pos: pos})
	}
}

// ftmIdentifierProps maps FtM identifier properties onto identifier types.
var ftmIdentifierProps = []struct{ prop, typ, label string }{
	{"idNumber", IDOther, "idNumber"},
	{"passportNumber", IDPassport, "passportNumber"},
	{"innCode", IDTaxID, "INN"},
	{"taxNumber", IDTaxID, "taxNumber"},
	{"vatCode", IDTaxID, "vatCode"},
	{"registrationNumber", IDRegistration, "registrationNumber"},
	{"ogrnCode", IDRegistration, "OGRN"},
	{"imoNumber", IDIMO, "IMO"},
	{"mmsi", IDMMSI, "MMSI"},
	{"callSign", IDCallSign, "callSign"},
	{"swiftBic", IDSWIFT, "SWIFT/BIC"},
	{"email", IDEmail, "email"},
	{"website", IDWebsite, "website"},
	{"phone", IDPhone, "phone"},
}

// ftmSplitName sets Given and Family of n from the name parts that occur
// in its full text (FtM lists each part in every script it knows).
func ftmSplitName(n *Name, first, middle, father, last []string) {
	full := strings.ToLower(n.Full)
	pick := func(vals []string) string {
		for _, v := range vals {
			if v = CleanText(v); v != "" && strings.Contains(full, strings.ToLower(v)) {
				return v
			}
		}
		return ""
	}
	var given []string
	for _, part := range [][]string{first, middle, father} {
		if v := pick(part); v != "" {
			given = appendDistinct(given, v)
		}
	}
	n.Given = strings.Join(given, " ")
	n.Family = pick(last)
}

// ftmAddressOf builds an Address from the properties of an Address entity.
func ftmAddressOf(props map[string]ftmValues) Address {
	first := func(name string) string {
		for _, v := range props[name].vals {
			if v = CleanText(v); v != "" {
				return v
			}
		}
		return ""
	}
	a := Address{
		Street:     strings.TrimSpace(first("street") + " " + first("street2")),
		City:       first("city"),
		Region:     first("region"),
		PostalCode: first("postalCode"),
		Full:       first("full"),
	}
	if iso, ok := NormalizeCountry(first("country")); ok {
		a.Country = iso
	}
	if a.Full == "" {
		var parts []string
		for _, s := range []string{a.Street, first("postOfficeBox"), a.City, a.PostalCode, a.Region} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		a.Full = strings.Join(parts, ", ")
	}
	return a
}

// resolve attaches addresses, sanctions and documents to their subjects,
// then joins each entity's remarks.
func (p *ftmParser) resolve() {
	ents := p.list.Entities
	for _, ref := range p.addrRefs {
		e := &ents[ref.entity]
		for _, id := range ref.ids {
			if canon, ok := p.addrAlias[id]; ok {
				if _, direct := p.addresses[id]; !direct {
					id = canon
				}
			}
			a, ok := p.addresses[id]
			if !ok {
				p.tol.note("addressEntity not in the file", ref.pos)
				continue
			}
			a.used = true
			p.addresses[id] = a
			// The structured address replaces the same line from the
			// address property and a country-only address of its country.
			kept := e.Addresses[:0]
			for _, have := range e.Addresses {
				if (a.addr.Country != "" && have == Address{Country: a.addr.Country}) ||
					(a.addr.Full != "" && have == Address{Full: a.addr.Full}) {
					continue
				}
				kept = append(kept, have)
			}
			e.Addresses = appendDistinct(kept, a.addr)
		}
	}
	for _, id := range p.addrOrder {
		if !p.addresses[id].used {
			p.tol.note("skipped Address entity no target references", p.addresses[id].pos)
		}
	}
	listed := make([]PartialDate, len(ents))
	for _, l := range p.links {
		used := false
		for _, s := range l.subjects {
			i, ok := p.byID[strings.TrimSpace(s)]
			if !ok {
				continue
			}
			used = true
			e := &ents[i]
			if l.schema == "Sanction" {
				p.applySanction(e, &listed[i], l.props)
			} else if !p.applyDocument(e, l) {
				used = false
			}
		}
		if !used {
			p.tol.note("skipped "+l.schema+" entity without a target subject or a number", l.pos)
		}
	}
	for i := range ents {
		e := &ents[i]
		switch {
		case !listed[i].IsZero():
			e.ListedOn = listed[i]
		case !p.created[i].IsZero():
			e.ListedOn = p.created[i]
		}
		e.Remarks = strings.Join(p.remarks[i], "\n")
	}
}

// applySanction adds a Sanction's programs and dates to its entity.
func (p *ftmParser) applySanction(e *Entity, listed *PartialDate, props map[string]ftmValues) {
	progs := props["programId"].vals
	if len(progs) == 0 {
		progs = props["program"].vals
	}
	if len(progs) == 0 {
		progs = props["authority"].vals
	}
	for _, s := range progs {
		if s = CleanText(s); s != "" {
			e.Programs = appendDistinct(e.Programs, s)
		}
	}
	for _, prop := range []string{"startDate", "listingDate"} {
		for _, s := range props[prop].vals {
			if d, err := ParseDate(s); err == nil && (listed.IsZero() || d.String() < listed.String()) {
				*listed = d
			}
		}
	}
}

// applyDocument adds a Passport's or Identification's number to its holder;
// it reports false when there is no number.
func (p *ftmParser) applyDocument(e *Entity, l ftmLink) bool {
	get := func(name string) string {
		for _, v := range l.props[name].vals {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
		return ""
	}
	number := get("number")
	if number == "" {
		number = get("passportNumber")
	}
	if number == "" {
		return false
	}
	id := Identifier{Type: IDNationalID, Number: number, Label: l.schema}
	if l.schema == "Passport" {
		id.Type = IDPassport
	}
	if t := get("type"); t != "" {
		id.Label = t
	}
	if iso, ok := NormalizeCountry(get("country")); ok {
		id.Country = iso
	}
	e.Identifiers = appendDistinct(e.Identifiers, id)
	return true
}
