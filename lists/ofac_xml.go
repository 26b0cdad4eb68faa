package lists

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ParseOFACXML parses OFAC's sdnList XML, the schema of both SDN.XML (the
// SDN list) and consolidated.xml (the consolidated non-SDN list). The file
// does not say which list it is, so the caller names it: source must be
// SourceOFACSDN or SourceOFACCons, else the error wraps ErrInvalidValue.
// Entity IDs are the source prefix and the sdnEntry uid ("ofac-sdn:36",
// "ofac-cons:9639").
//
// Elements are matched on their local names, so files in the old
// (http://tempuri.org/sdnList.xsd) and the current namespace both parse.
// publshInformation/Publish_Date (MM/DD/YYYY) becomes List.Published; a
// Record_Count that differs from the number of entries is recorded in
// List.Tolerated.
//
// Mapping: firstName and lastName become the primary name "First LAST" with
// Given and Family; a.k.a. aliases become NameAlias (NameWeakAlias when the
// category is weak) and f.k.a. aliases NameFormerly. An individual's alias
// written "LAST, First" in lastName alone is reordered. The idList mixes
// documents with other facts; its idType is read with the same table as
// the US CSL's ids and the legacy CSVs' remarks, so one label has one ID
// type in every format. Documents and contact data become Identifiers
// (Label keeps OFAC's idType); Gender sets Entity.Gender; Nationality
// Country, Citizenship Country, Birthdate and Place of Birth fill their
// fields; statements such as "Secondary sanctions risk:", "Target Type",
// directive and listing dates, and "Nationality of Registration" (a
// vessel's flag or a company's country, not a person's nationality) go to
// Remarks.
// Free-text dates of birth ("1962", "10 Dec 1948", "circa 1970", "1955 to
// 1958") become Birthdates; one that cannot be read is kept in Remarks.
// vesselInfo's callSign becomes an IDCallSign identifier, and its type,
// flag, owner and tonnage are kept in Remarks. Countries are mapped to ISO
// 3166 alpha-2; an address country that does not map is kept in Address.Full.
//
// Malformed input is reported as a *ParseError: broken XML wraps ErrSyntax
// with its line, an sdnEntry without uid wraps ErrMissingField, and a bad
// Publish_Date or uid wraps ErrInvalidValue. A file with no sdnEntry is
// ErrEmpty.
func ParseOFACXML(r io.Reader, source Source) (*List, error) {
	if source != SourceOFACSDN && source != SourceOFACCons {
		return nil, fmt.Errorf("lists: ParseOFACXML: %w: source %q is not %s or %s",
			ErrInvalidValue, string(source), SourceOFACSDN, SourceOFACCons)
	}
	s := newXMLStream(r, source, FormatOFACXML, xmlOFACConventions)
	p := &ofacXMLParser{source: source, s: s, tol: s.tol, seen: make(map[string]bool)}
	return p.parse()
}

type ofacXMLParser struct {
	source Source
	s      *xmlStream
	tol    *tolerances
	seen   map[string]bool
}

type ofacXMLPublish struct {
	PublishDate string `xml:"Publish_Date"`
	RecordCount string `xml:"Record_Count"`
}

type ofacXMLEntry struct {
	UID           string           `xml:"uid"`
	FirstName     string           `xml:"firstName"`
	LastName      string           `xml:"lastName"`
	Title         string           `xml:"title"`
	SDNType       string           `xml:"sdnType"`
	Remarks       string           `xml:"remarks"`
	Programs      []string         `xml:"programList>program"`
	AKAs          []ofacXMLAKA     `xml:"akaList>aka"`
	IDs           []ofacXMLID      `xml:"idList>id"`
	Nationalities []string         `xml:"nationalityList>nationality>country"`
	Citizenships  []string         `xml:"citizenshipList>citizenship>country"`
	BirthDates    []string         `xml:"dateOfBirthList>dateOfBirthItem>dateOfBirth"`
	BirthPlaces   []string         `xml:"placeOfBirthList>placeOfBirthItem>placeOfBirth"`
	Addresses     []ofacXMLAddress `xml:"addressList>address"`
	Vessel        []ofacXMLVessel  `xml:"vesselInfo"`
}

type ofacXMLAKA struct {
	Type      string `xml:"type"`
	Category  string `xml:"category"`
	LastName  string `xml:"lastName"`
	FirstName string `xml:"firstName"`
}

type ofacXMLID struct {
	Type           string `xml:"idType"`
	Number         string `xml:"idNumber"`
	Country        string `xml:"idCountry"`
	IssueDate      string `xml:"issueDate"`
	ExpirationDate string `xml:"expirationDate"`
}

type ofacXMLAddress struct {
	Address1        string `xml:"address1"`
	Address2        string `xml:"address2"`
	Address3        string `xml:"address3"`
	City            string `xml:"city"`
	StateOrProvince string `xml:"stateOrProvince"`
	PostalCode      string `xml:"postalCode"`
	Country         string `xml:"country"`
	Region          string `xml:"region"`
}

type ofacXMLVessel struct {
	CallSign    string `xml:"callSign"`
	VesselType  string `xml:"vesselType"`
	VesselFlag  string `xml:"vesselFlag"`
	VesselOwner string `xml:"vesselOwner"`
	Tonnage     string `xml:"tonnage"`
	GRT         string `xml:"grossRegisteredTonnage"`
}

func (p *ofacXMLParser) fail(line int, element, field string, err error) error {
	return p.s.fieldError(line, element, field, err)
}

func (p *ofacXMLParser) parse() (*List, error) {
	list := &List{Source: p.source, Format: FormatOFACXML}
	recordCount, recordLine := -1, 0
	err := p.s.walk("sdnList", nil, map[string]func(xml.StartElement, int) error{
		"publshInformation": func(t xml.StartElement, line int) error {
			return p.publishElement(list, t, line, &recordCount, &recordLine)
		},
		"publishInformation": func(t xml.StartElement, line int) error {
			return p.publishElement(list, t, line, &recordCount, &recordLine)
		},
		"sdnEntry": func(t xml.StartElement, line int) error {
			var e ofacXMLEntry
			if err := p.s.dec.DecodeElement(&e, &t); err != nil {
				return p.s.fail(err)
			}
			ent, err := p.entity(&e, line)
			if err != nil {
				return err
			}
			list.Entities = append(list.Entities, ent)
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	if recordCount >= 0 && len(list.Entities) > 0 && recordCount != len(list.Entities) {
		p.tol.note(fmt.Sprintf("Record_Count %d but %d sdnEntry elements", recordCount, len(list.Entities)),
			fmt.Sprintf("line %d", recordLine))
	}
	return p.s.finish(list, "sdnList")
}

// publishElement decodes a publshInformation element.
func (p *ofacXMLParser) publishElement(list *List, t xml.StartElement, line int, count, countLine *int) error {
	var pub ofacXMLPublish
	if err := p.s.dec.DecodeElement(&pub, &t); err != nil {
		return p.s.fail(err)
	}
	return p.publishInfo(list, pub, line, count, countLine)
}

func (p *ofacXMLParser) publishInfo(list *List, pub ofacXMLPublish, line int, count, countLine *int) error {
	if s := strings.TrimSpace(pub.PublishDate); s != "" {
		t, err := time.Parse("1/2/2006", s)
		if err != nil {
			return p.fail(line, "publshInformation", "Publish_Date", valueError(pub.PublishDate))
		}
		list.Published = t.UTC()
	}
	if s := strings.TrimSpace(pub.RecordCount); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			p.tol.note("unreadable Record_Count", fmt.Sprintf("line %d", line))
			return nil
		}
		*count, *countLine = n, line
	}
	return nil
}

func (p *ofacXMLParser) entity(x *ofacXMLEntry, line int) (Entity, error) {
	at := fmt.Sprintf("line %d", line)
	uid, err := p.s.numericKey(x.UID, p.seen, line, "sdnEntry", "uid")
	if err != nil {
		return Entity{}, err
	}

	e := Entity{ID: p.source.EntityID(uid), Source: p.source}
	var remarks remarkLines
	remarks.add(x.Remarks)

	switch st := strings.TrimSpace(x.SDNType); st {
	case "":
		p.tol.note("sdnEntry without sdnType", at)
	default:
		t, err := ParseEntityType(st)
		if err != nil {
			return Entity{}, p.fail(line, "sdnEntry", "sdnType", valueError(x.SDNType))
		}
		e.Type = t
	}

	first, last := CleanText(x.FirstName), CleanText(x.LastName)
	if first == "" && last == "" {
		return Entity{}, p.fail(line, "sdnEntry", "lastName", ErrMissingField)
	}
	ofacXMLAddName(&e, first, last, NamePrimary)
	for _, a := range x.AKAs {
		first, last := CleanText(a.FirstName), CleanText(a.LastName)
		if first == "" && last == "" {
			continue
		}
		if first == "" {
			addOFACName(&e, last, p.akaKind(a, at)) // "LAST, First" for a person
			continue
		}
		ofacXMLAddName(&e, first, last, p.akaKind(a, at))
	}

	if t := CleanText(x.Title); t != "" {
		e.Titles = append(e.Titles, t)
	}
	for _, prog := range x.Programs {
		e.Programs = appendFold(e.Programs, CleanText(prog))
	}
	for _, s := range x.BirthDates {
		s = CleanText(s)
		if s == "" {
			continue
		}
		b, ok := parseBirthdateText(s)
		if !ok {
			p.tol.note("unreadable dateOfBirth kept in remarks", at)
			remarks.add("DOB " + s)
			continue
		}
		e.BirthDates = appendDistinct(e.BirthDates, b)
	}
	for _, s := range x.BirthPlaces {
		e.BirthPlaces = appendFold(e.BirthPlaces, CleanText(s))
	}
	for _, c := range x.Nationalities {
		p.country(&e.Nationalities, c, "nationality", &remarks, at)
	}
	for _, c := range x.Citizenships {
		p.country(&e.Citizenships, c, "citizenship", &remarks, at)
	}
	for _, a := range x.Addresses {
		if addr, ok := p.address(a, at); ok {
			e.Addresses = append(e.Addresses, addr)
		}
	}
	for _, id := range x.IDs {
		p.idItem(&e, id, &remarks, at)
	}
	for _, v := range x.Vessel {
		if cs := CleanText(v.CallSign); cs != "" {
			e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: IDCallSign, Number: cs, Label: "Call Sign"})
		}
		remarks.addFact("Vessel Type", v.VesselType)
		remarks.addFact("Vessel Flag", v.VesselFlag)
		remarks.addFact("Vessel Owner", v.VesselOwner)
		remarks.addFact("Tonnage", v.Tonnage)
		remarks.addFact("GRT", v.GRT)
	}
	e.Remarks = remarks.join("; ")
	return e, nil
}

// akaKind maps an aka's type (a.k.a., f.k.a., n.k.a.) and category (strong,
// weak) onto a NameKind.
func (p *ofacXMLParser) akaKind(a ofacXMLAKA, at string) NameKind {
	typ := strings.ToLower(strings.ReplaceAll(CleanText(a.Type), " ", ""))
	cat := strings.ToLower(CleanText(a.Category))
	switch typ {
	case "f.k.a.", "fka", "f.k.a":
		return NameFormerly
	case "a.k.a.", "aka", "a.k.a", "n.k.a.", "nka", "n.k.a", "":
	default:
		p.tol.note("unknown aka type read as a.k.a.", at)
	}
	switch cat {
	case "weak", "low":
		return NameWeakAlias
	case "strong", "":
	default:
		p.tol.note("unknown aka category read as strong", at)
	}
	return NameAlias
}

func (p *ofacXMLParser) country(dst *[]string, raw, what string, remarks *remarkLines, at string) {
	c := CleanText(raw)
	if c == "" {
		return
	}
	if code, ok := NormalizeCountry(c); ok {
		*dst = appendFold(*dst, code)
		return
	}
	p.tol.note(what+" country not mapped to ISO 3166, kept in remarks", at)
	remarks.add(what + " " + c)
}

func (p *ofacXMLParser) address(a ofacXMLAddress, at string) (Address, bool) {
	addr := Address{
		Street:     joinNonEmpty(", ", CleanText(a.Address1), CleanText(a.Address2), CleanText(a.Address3)),
		City:       CleanText(a.City),
		Region:     joinNonEmpty(", ", CleanText(a.StateOrProvince), CleanText(a.Region)),
		PostalCode: CleanText(a.PostalCode),
	}
	country := CleanText(a.Country)
	if country != "" {
		if code, ok := NormalizeCountry(country); ok {
			addr.Country = code
		} else {
			p.tol.note("address country not mapped to ISO 3166, kept in address Full", at)
			addr.Full = joinNonEmpty(", ", addr.Street, addr.City, addr.Region, addr.PostalCode, country)
		}
	}
	return addr, addr != Address{}
}

// idItem reads one idList entry, whose idType is classified with
// classifyIDLabel: an identifier, a person's gender, nationality,
// citizenship, date or place of birth, or a fact kept in remarks.
func (p *ofacXMLParser) idItem(e *Entity, x ofacXMLID, remarks *remarkLines, at string) {
	label, num := CleanText(x.Type), CleanText(x.Number)
	if num == "" {
		if label != "" {
			p.tol.note("idList id without idNumber", at)
		}
		return
	}
	if label == "" {
		p.tol.note("idList id without idType", at)
	}
	cls := classifyIDLabel(label)
	switch cls.kind {
	case idFact:
		remarks.addFact(label, num)
		return
	case idGender:
		if g := parseGender(num); g != "" {
			e.Gender = g
		} else {
			remarks.addFact(label, num)
		}
		return
	case idNationality:
		p.country(&e.Nationalities, num, "nationality", remarks, at)
		return
	case idCitizenship:
		p.country(&e.Citizenships, num, "citizenship", remarks, at)
		return
	case idBirthdate:
		if b, ok := parseBirthdateText(num); ok {
			e.BirthDates = appendDistinct(e.BirthDates, b)
		} else {
			remarks.add("DOB " + num)
		}
		return
	case idBirthplace:
		e.BirthPlaces = appendFold(e.BirthPlaces, num)
		return
	}
	id := cls.identifier(label, num)
	var notes []string
	if c := CleanText(x.Country); c != "" {
		if code, ok := NormalizeCountry(c); ok {
			id.Country = code
		} else {
			p.tol.note("idCountry not mapped to ISO 3166, kept in identifier note", at)
			notes = append(notes, "issued by "+c)
		}
	}
	if d := CleanText(x.IssueDate); d != "" {
		notes = append(notes, "issued "+d)
	}
	if d := CleanText(x.ExpirationDate); d != "" {
		notes = append(notes, "expires "+d)
	}
	id.Note = strings.Join(notes, "; ")
	e.Identifiers = appendIdentifier(e.Identifiers, id)
}

// ofacXMLAddName adds "first last" with its parts; Given and Family are set
// only when the publisher split the name.
func ofacXMLAddName(e *Entity, first, last string, kind NameKind) {
	if !e.AddName(joinNonEmpty(" ", first, last), kind) {
		return
	}
	if first != "" && last != "" {
		n := &e.Names[len(e.Names)-1]
		n.Given, n.Family = first, last
	}
}
