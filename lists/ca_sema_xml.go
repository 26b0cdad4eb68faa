package lists

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
)

// ParseCASEMAXML parses Canada's Consolidated Autonomous Sanctions List
// (sema-lmes.xml: root data-set, one record per listed person, entity or
// ship). It streams the file, decoding one record at a time.
//
// The file has no ID column, so the record key is built from the three
// fields that together identify a listing in the regulations: the regime
// (the English half of Country), the schedule and the item. For example
// Country "Russia / Russie", Schedule "1, Part 1", Item "12" is
// "ca-sema:russia-s1p1-12"; Schedule "Part 2" is "p2", "1.1" is "s1.1",
// and a record without a schedule has no schedule part
// ("ca-sema:ukraine-7"). A regime whose English name ends in an
// abbreviation in parentheses is keyed by it ("jvcfor"). Keys depend only
// on those three fields, so they are stable across downloads as long as
// Canada does not renumber its schedules. Should two records share a key,
// the later ones get "~2", "~3"... in file order (a "~" never occurs in a
// key), recorded in List.Tolerated. The file states no date, so Published is zero.
//
// The mapping:
//
//   - LastName and GivenName make a person (Given, Family, Full "Given
//     Last"); otherwise EntityOrShip names an organization, or a vessel
//     when the record has a ShipIMONumber or a ship type in TitleOrShip.
//     "Name/Nom" bilingual entity names and "(also known as ...)" become
//     aliases.
//   - Aliases is free text holding several names. It is split on ";", on
//     language labels ("Russian:", "Arabic:"), on line breaks between
//     scripts, on commas (except before a lower-case word or a bare legal
//     form such as "АО"), on " or ", on "/" between multi-word names and,
//     for persons, on " and ". A one-word alias of a person ("Hemedti") is
//     a NameWeakAlias.
//   - Country is the sanctions regime, not a nationality: its English half
//     is the program ("Russia"); no nationality is set.
//   - DateOfBirthOrShipBuildDate: YYYY-MM-DD, YYYY-MM, YYYY, a YYYY-YYYY
//     range, or several joined by "or"; for ships it is the build date,
//     kept in Remarks. A value that is no date ("born in the early
//     1970s") is tolerated and kept in Remarks.
//   - TitleOrShip is a person's title or a ship's type; ShipIMONumber is
//     IDIMO; DateOfListing is ListedOn; Schedule and Item go to Remarks.
//
// Errors: broken XML is ErrSyntax; a record without Country, Item or any
// name is ErrMissingField; a malformed DateOfListing is ErrInvalidValue.
// Each error is a *ParseError with Source "CA-SEMA ca-sema-xml", the line
// of the record and the field. A file without records is ErrEmpty.
func ParseCASEMAXML(r io.Reader) (*List, error) {
	s := newXMLStream(r, SourceCASEMA, FormatCASEMAXML, xmlUNConventions)
	l := &List{Source: SourceCASEMA, Format: FormatCASEMAXML}
	seen := make(map[string]bool)
	err := s.walk("data-set", nil,
		map[string]func(xml.StartElement, int) error{
			"record": func(start xml.StartElement, line int) error {
				var rec caRecord
				if err := s.dec.DecodeElement(&rec, &start); err != nil {
					return s.fail(err)
				}
				e, err := s.caEntity(&rec, line)
				if err != nil {
					return err
				}
				if seen[e.ID] {
					key := e.ID
					for n := 2; seen[e.ID]; n++ {
						e.ID = fmt.Sprintf("%s~%d", key, n)
					}
					s.tol.note("duplicate Country/Schedule/Item key numbered in file order", fmt.Sprintf("line %d", line))
				}
				seen[e.ID] = true
				l.Entities = append(l.Entities, *e)
				return nil
			},
		})
	if err != nil {
		return nil, err
	}
	return s.finish(l, "data-set")
}

// caRecord is one record element.
type caRecord struct {
	Country      string `xml:"Country"`
	LastName     string `xml:"LastName"`
	GivenName    string `xml:"GivenName"`
	EntityOrShip string `xml:"EntityOrShip"`
	TitleOrShip  string `xml:"TitleOrShip"`
	IMO          string `xml:"ShipIMONumber"`
	DateOfBirth  string `xml:"DateOfBirthOrShipBuildDate"`
	Aliases      string `xml:"Aliases"`
	Schedule     string `xml:"Schedule"`
	Item         string `xml:"Item"`
	ListedOn     string `xml:"DateOfListing"`
}

// caEntity maps one decoded record; the ID it returns is the bare key.
func (s *xmlStream) caEntity(rec *caRecord, line int) (*Entity, error) {
	pos := fmt.Sprintf("line %d", line)
	country := CleanText(rec.Country)
	if country == "" {
		return nil, s.fieldError(line, "record", "Country", ErrMissingField)
	}
	item := CleanText(rec.Item)
	if item == "" {
		return nil, s.fieldError(line, "record", "Item", ErrMissingField)
	}
	if country != rec.Country {
		s.tol.note("white space around Country trimmed", pos)
	}
	program, regimeKey := caRegime(country)
	key := regimeKey
	schedule := CleanText(rec.Schedule)
	if schedule != "" {
		sk, ok := caScheduleKey(schedule)
		if !ok {
			s.tol.note("Schedule in an unusual form keyed by its letters and digits", pos)
		}
		key += "-" + sk
	}
	key += "-" + caSlug(item)

	e := &Entity{ID: SourceCASEMA.EntityID(key), Source: SourceCASEMA, Programs: []string{program}}
	var rem remarkLines
	given, family := CleanText(rec.GivenName), CleanText(rec.LastName)
	title := CleanText(rec.TitleOrShip)
	entityName := strings.TrimRight(CleanText(rec.EntityOrShip), ";, ")
	isPerson := given != "" || family != ""
	switch {
	case isPerson:
		e.Type = TypePerson
		var variant string
		if outer, inner := trailingParen(family); outer != "" && inner != "" {
			family, variant = outer, inner // "Adanov (Adnuf)"
		}
		full := joinNonEmpty(" ", given, family)
		e.AddName(full, NamePrimary)
		e.Names[0].Given, e.Names[0].Family = given, family
		if variant != "" {
			e.AddName(joinNonEmpty(" ", given, variant), NameAlias)
		}
		if title != "" {
			e.Titles = []string{title}
		}
	case entityName != "":
		e.Type = TypeOrganization
		if CleanText(rec.IMO) != "" || title != "" {
			e.Type = TypeVessel
		}
		caEntityNames(e, entityName)
		if title != "" {
			rem.addFact("Vessel type", title)
		}
	default:
		return nil, s.fieldError(line, "record", "LastName", ErrMissingField)
	}
	for _, a := range caSplitAliases(rec.Aliases, isPerson) {
		kind := NameAlias
		if isPerson && !strings.ContainsAny(a, " -") {
			kind = NameWeakAlias
		}
		e.AddName(a, kind)
	}
	if imo := trimIMOPrefix(rec.IMO); imo != "" {
		e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: IDIMO, Number: imo, Label: "IMO number"})
	}
	if raw := rec.DateOfBirth; strings.TrimSpace(raw) != "" {
		v := CleanText(raw)
		if v != raw {
			s.tol.note("white space around DateOfBirthOrShipBuildDate trimmed", pos)
		}
		switch dates, ok := caParseDates(v); {
		case e.Type == TypeVessel:
			rem.addFact("Build date", v)
		case ok && isPerson:
			for _, b := range dates {
				e.BirthDates = appendDistinct(e.BirthDates, b)
			}
		case isPerson:
			s.tol.note("DateOfBirthOrShipBuildDate that is no date kept in remarks", pos)
			rem.addFact("Date of birth as listed", v)
		default:
			rem.addFact("Date as listed", v)
		}
	}
	if v := CleanText(rec.ListedOn); v != "" {
		d, err := ParseDate(v)
		if err != nil {
			return nil, s.fieldError(line, "record", "DateOfListing", err)
		}
		e.ListedOn = d
	}
	rem.addFact("Schedule", schedule)
	rem.addFact("Item", item)
	e.Remarks = rem.join("\n")
	return e, nil
}

// caAlsoKnownAs finds "(also known as" in an entity name.
var caAlsoKnownAs = regexp.MustCompile(`(?i)\(\s*also\s+known\s+as\s+`)

// caEntityNames adds the primary name of an entity or ship, splitting off
// "(also known as ...)" and a French name after "/".
func caEntityNames(e *Entity, name string) {
	var aka string
	if loc := caAlsoKnownAs.FindStringIndex(name); loc != nil {
		aka = strings.TrimSuffix(strings.TrimSpace(name[loc[1]:]), ")")
		name = strings.TrimSpace(name[:loc[0]])
	}
	var french string
	if parts := splitTopLevel(name, '/'); len(parts) == 2 &&
		len(strings.Fields(parts[0])) > 1 && len(strings.Fields(parts[1])) > 1 {
		name, french = strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
	}
	e.AddName(name, NamePrimary)
	e.AddName(french, NameAlias)
	for _, a := range caSplitAliases(aka, false) {
		e.AddName(a, NameAlias)
	}
}

// caRegime returns the program name (the English half of a bilingual
// Country) and its key.
func caRegime(country string) (program, key string) {
	program = country
	if i := strings.Index(country, " / "); i > 0 {
		program = strings.TrimSpace(country[:i])
	}
	if _, inner := trailingParen(program); len(inner) >= 2 && strings.ToUpper(inner) == inner &&
		!strings.ContainsFunc(inner, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return program, strings.ToLower(inner) // "... Regulations (JVCFOR)"
	}
	return program, caSlug(program)
}

// caSchedulePattern reads "1, Part 1", "1,Part 3", "Part 2", "1.1", "3".
var caSchedulePattern = regexp.MustCompile(`^(?i)(?:(\d+(?:\.\d+)?)\s*,?\s*)?(?:part\s*(\d+(?:\.\d+)?))?$`)

// caScheduleKey compacts a schedule: "1, Part 1" is "s1p1", "Part 2" is
// "p2". A schedule in another form is slugged and reported as not ok.
func caScheduleKey(schedule string) (string, bool) {
	m := caSchedulePattern.FindStringSubmatch(schedule)
	if m == nil || (m[1] == "" && m[2] == "") {
		return caSlug(schedule), false
	}
	var key string
	if m[1] != "" {
		key = "s" + m[1]
	}
	if m[2] != "" {
		key += "p" + m[2]
	}
	return key, true
}

// caSlug lower-cases s and keeps letters, digits and dots, joining the
// runs between them with "-".
func caSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

var (
	caOr      = regexp.MustCompile(`(?i)\s+or\s+`)
	caYearRng = regexp.MustCompile(`^(\d{4})\s*-\s*(\d{4})$`)
)

// caParseDates reads "1965-04-29", "1972", "1966-06", "1963-1964" and
// several of them joined by "or". It reports false if any part is no date.
func caParseDates(v string) ([]Birthdate, bool) {
	var out []Birthdate
	for _, p := range caOr.Split(v, -1) {
		p = strings.TrimSpace(p)
		if m := caYearRng.FindStringSubmatch(p); m != nil {
			from, err1 := parseYear(m[1])
			to, err2 := parseYear(m[2])
			if err1 != nil || err2 != nil || to.Year < from.Year {
				return nil, false
			}
			out = append(out, Birthdate{Date: from, To: to})
			continue
		}
		d, err := ParseDate(p)
		if err != nil || d.Year == 0 {
			return nil, false
		}
		out = append(out, Birthdate{Date: d})
	}
	return out, len(out) > 0
}

var (
	// caLanguageLabel finds the "Russian:" style labels that start the
	// next name in an Aliases text.
	caLanguageLabel = regexp.MustCompile(`(?i)\b(?:belarussian|belarusian|russian|ukrainian|arabic|hebrew|chinese|persian|farsi|english|french)\s*:`)
	caAnd           = regexp.MustCompile(`\s+and\s+`)
	caAKASuffix     = regexp.MustCompile(`(?i)\s+a\.?k\.?a\.?$`)
)

// caSeparator is a hard break between names inside an Aliases text.
const caSeparator = "\x00"

// caSplitAliases splits the Aliases text of one record into names.
func caSplitAliases(text string, person bool) []string {
	text = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) && r != '\n' {
			return ' '
		}
		return r
	}, text)
	text = caJoinLines(text)
	text = caLanguageLabel.ReplaceAllString(text, caSeparator)
	var out []string
	for _, seg := range strings.Split(text, caSeparator) {
		for _, part := range splitTopLevel(seg, ';') {
			for _, piece := range caSplitCommas(part) {
				for _, n := range caSplitWords(caCleanAlias(piece), person) {
					if n = caCleanAlias(n); n != "" {
						out = append(out, n)
					}
				}
			}
		}
	}
	return out
}

// caJoinLines joins wrapped lines, but breaks between lines in different
// scripts ("Abbas Nilforoushan\n عباس نیلفروشان").
func caJoinLines(text string) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	prev := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			if scriptsDiffer(prev, l) {
				b.WriteString(caSeparator)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
		prev = l
	}
	return b.String()
}

// caSplitCommas splits on top-level commas, except before a lower-case
// word ("Министерство образования, науки и молодежи") or a bare legal form
// ("КВЗ-Ремсервис, АО").
func caSplitCommas(part string) []string {
	var out []string
	for _, p := range splitTopLevel(part, ',') {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		first, _ := caFirstRune(p)
		if len(out) > 0 && (unicode.IsLower(first) || caIsLegalForm(p)) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

func caFirstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// caSplitWords splits a piece on " or ", on "/" between multi-word names,
// and for persons on " and ".
func caSplitWords(piece string, person bool) []string {
	parts := caOr.Split(piece, -1)
	for _, p := range parts {
		if caIsLegalForm(p) { // "Акционерное общество or АО «Усть-Луга Ойл»"
			parts = []string{piece}
			break
		}
	}
	if person {
		var split []string
		for _, p := range parts {
			split = append(split, caAnd.Split(p, -1)...)
		}
		parts = split
	}
	var out []string
	for _, p := range parts {
		halves := splitTopLevel(p, '/')
		multi := len(halves) > 1
		for _, h := range halves {
			if len(strings.Fields(h)) < 2 {
				multi = false
			}
		}
		if multi {
			out = append(out, halves...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// caCleanAlias trims separators, unbalanced parentheses and an "AKA" tag.
func caCleanAlias(n string) string {
	n = CleanText(n)
	for {
		before := n
		n = strings.TrimLeft(strings.TrimRight(strings.Trim(n, ",;: "), "( "), ") ")
		n = caAKASuffix.ReplaceAllString(n, "")
		opens, closes := strings.Count(n, "("), strings.Count(n, ")")
		switch {
		case opens > closes && strings.HasPrefix(n, "("):
			n = n[1:]
		case closes > opens && strings.HasSuffix(n, ")"):
			n = n[:len(n)-1]
		}
		if n == before {
			break
		}
	}
	if !hasLetterOrDigit(n) || caIsLegalForm(n) {
		return ""
	}
	return n
}

// caLegalForms are company forms that are no name on their own.
var caLegalForms = map[string]bool{
	"ао": true, "ооо": true, "оао": true, "зао": true, "пао": true, "сао": true, "ано": true,
	"ao": true, "ooo": true, "oao": true, "zao": true, "pao": true,
	"llc": true, "jsc": true, "pjsc": true, "ojsc": true, "cjsc": true, "ltd": true,
	"limited": true, "inc": true, "co": true, "corp": true, "gmbh": true, "plc": true,
	"акционерное общество":                     true,
	"общество с ограниченной ответственностью": true,
	"публичное акционерное общество":           true,
	"открытое акционерное общество":            true,
	"закрытое акционерное общество":            true,
	"некоммерческое партнерство":               true,
	"joint stock company":       true,
	"limited liability company": true,
}

// caIsLegalForm reports whether s is only a company form ("АО", "(ООО)",
// "Акционерное общество").
func caIsLegalForm(s string) bool {
	s = strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r)
	}), " "))
	return caLegalForms[s]
}
