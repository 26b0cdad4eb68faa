package lists

import (
	"bufio"
	"io"
	"strings"
	"time"
)

// ParseTargetsCSV parses an OpenSanctions targets.simple.csv export: one
// row per target with the columns id, schema, name, aliases, birth_date,
// countries, addresses, identifiers, sanctions, phones, emails,
// program_ids, dataset, first_seen, last_seen and last_change. Columns are
// found by their header names; id, schema and name are required, so the
// older 15-column export without program_ids parses too. Columns the parser
// does not know are ignored and reported in List.Tolerated.
//
// Each row becomes an entity with the ID "opensanctions:<id>". The schema
// gives the type (Person; Company, Organization, LegalEntity and
// PublicBody are organizations; Vessel; Airplane); another schema is
// unknown and reported. name is the primary name and aliases (";"-joined)
// are aliases. birth_date (";") is BirthDates.
//
// countries (ISO alpha-2, ";") are OpenSanctions' "related countries":
// for a person they are Nationalities (a screening that compares a
// nationality then finds agreement with any related country and no false
// conflict), for other types each becomes an address with only a Country.
// addresses (";") become addresses with the full line.
//
// identifiers (";") carry no type: a value with the "IMO" prefix is an
// IDIMO identifier holding the seven digits, any other is IDOther. phones
// and emails become IDPhone and IDEmail identifiers. program_ids (";") are
// Programs; the sanctions text (some exports wrap it in an extra pair of
// quotes, which is removed) and the dataset name are Remarks; first_seen is
// ListedOn. List.Published is the newest last_seen (the time OpenSanctions
// last saw the data).
//
// Invalid UTF-8 is read as Windows-1252; a byte-order mark, blank rows and
// a repeated id (the later row is skipped) are reported in List.Tolerated.
// Malformed CSV is a *ParseError with the line wrapping ErrSyntax; a row
// without id or name wraps ErrMissingField; no rows is ErrEmpty.
func ParseTargetsCSV(r io.Reader) (*List, error) {
	const source = string(SourceOpenSanctions) + " " + string(FormatTargetsCSV)
	dr := newDigestReader(r)
	var tol tolerances
	t := newNamedCSV(bufio.NewReaderSize(dr, 64<<10), source, &tol)
	if err := t.readHeader("id", "schema", "name"); err != nil {
		return nil, err
	}
	for _, c := range t.names {
		if !targetsColumns[c] {
			tol.note("unknown column "+c+" ignored", "line 1")
		}
	}
	list := &List{Source: SourceOpenSanctions, Format: FormatTargetsCSV}
	seen := make(map[string]bool)
	var newest time.Time
	for {
		err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		id := t.get("id")
		if id == "" {
			return nil, t.errorf("id", ErrMissingField)
		}
		if seen[id] {
			tol.note("repeated id, later row skipped", t.pos())
			continue
		}
		seen[id] = true
		e, err := targetsRow(t, id)
		if err != nil {
			return nil, err
		}
		list.Entities = append(list.Entities, *e)
		if s := t.get("last_seen"); s != "" {
			if ts, err := parseTimestamp(s); err == nil {
				if ts.After(newest) {
					newest = ts
				}
			} else {
				tol.note("unreadable last_seen", t.pos())
			}
		}
	}
	list.Published = newest
	return finishList(list, dr, &tol, source)
}

// targetsColumns are the columns ParseTargetsCSV reads.
var targetsColumns = map[string]bool{
	"id": true, "schema": true, "name": true, "aliases": true, "birth_date": true,
	"countries": true, "addresses": true, "identifiers": true, "sanctions": true,
	"phones": true, "emails": true, "program_ids": true, "dataset": true,
	"first_seen": true, "last_seen": true, "last_change": true,
}

// targetsRow converts the current row of a targets.simple.csv.
func targetsRow(t *namedCSV, id string) (*Entity, error) {
	name := CleanText(t.field("name"))
	if name == "" {
		return nil, t.errorf("name", ErrMissingField)
	}
	e := &Entity{ID: SourceOpenSanctions.EntityID(id), Source: SourceOpenSanctions}
	schema := t.get("schema")
	typ, ok := ftmTargetTypes[schema]
	if !ok {
		t.tol.note("schema "+schema+" is not a target type, type unknown", t.pos())
	}
	e.Type = typ
	e.AddName(name, NamePrimary)
	for _, a := range t.splitField("aliases", ";") {
		e.AddName(a, NameAlias)
	}
	var rem []string
	for _, d := range t.splitField("birth_date", ";") {
		pd, err := ParseDate(d)
		if err != nil {
			t.tol.note("unreadable birth_date kept in remarks", t.pos())
			rem = append(rem, "Date of birth: "+d)
			continue
		}
		e.BirthDates = appendDistinct(e.BirthDates, Birthdate{Date: pd})
	}
	for _, a := range t.splitField("addresses", ";") {
		e.Addresses = appendDistinct(e.Addresses, Address{Full: CleanText(a)})
	}
	for _, c := range t.splitField("countries", ";") {
		iso, ok := NormalizeCountry(c)
		if !ok {
			t.tol.note("country code without ISO equivalent kept in remarks", t.pos())
			rem = append(rem, "Country: "+c)
			continue
		}
		if typ == TypePerson {
			e.Nationalities = appendDistinct(e.Nationalities, iso)
		} else {
			e.Addresses = appendDistinct(e.Addresses, Address{Country: iso})
		}
	}
	for _, v := range t.splitField("identifiers", ";") {
		id := Identifier{Type: IDOther, Number: v}
		if len(v) > 3 && strings.EqualFold(v[:3], "IMO") {
			id = Identifier{Type: IDIMO, Number: trimIMOPrefix(v), Label: "IMO"}
		}
		e.Identifiers = appendDistinct(e.Identifiers, id)
	}
	for _, v := range t.splitField("phones", ";") {
		e.Identifiers = appendDistinct(e.Identifiers, Identifier{Type: IDPhone, Number: v})
	}
	for _, v := range t.splitField("emails", ";") {
		e.Identifiers = appendDistinct(e.Identifiers, Identifier{Type: IDEmail, Number: v})
	}
	e.Programs = appendDistinct(e.Programs, t.splitField("program_ids", ";")...)
	if s := t.get("first_seen"); s != "" {
		if ts, err := parseTimestamp(s); err == nil {
			e.ListedOn = PartialDate{Year: ts.Year(), Month: int(ts.Month()), Day: ts.Day()}
		} else {
			t.tol.note("unreadable first_seen", t.pos())
		}
	}
	raw := t.get("sanctions")
	sanctions := targetsUnquote(raw)
	if sanctions != raw {
		t.tol.note("sanctions text wrapped in an extra pair of quotes", t.pos())
	}
	if sanctions = strings.TrimSpace(sanctions); sanctions != "" {
		rem = append([]string{sanctions}, rem...)
	}
	if d := CleanText(t.get("dataset")); d != "" {
		rem = append(rem, "Dataset: "+d)
	}
	e.Remarks = strings.Join(rem, "\n")
	return e, nil
}

// targetsUnquote removes the extra CSV quoting some exports put around the
// sanctions text (`"text with ""quotes"""`); other text is returned as is.
func targetsUnquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	inner := s[1 : len(s)-1]
	if strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
		return s
	}
	return strings.ReplaceAll(inner, `""`, `"`)
}
