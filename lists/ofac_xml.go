package lists

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
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
// documents with other facts: documents and contact data become Identifiers
// (Label keeps OFAC's idType), Gender sets Entity.Gender, "Nationality of
// Registration" adds a nationality, and statements such as "Secondary
// sanctions risk:", "Target Type", directive and listing dates go to Remarks.
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
	p := &ofacXMLParser{
		source: source,
		name:   string(source) + " " + string(FormatOFACXML),
		seen:   make(map[string]bool),
	}
	return p.parse(r)
}

type ofacXMLParser struct {
	source Source
	name   string // ParseError.Source
	tol    tolerances
	seen   map[string]bool
	in     *listXMLReader
	dec    *xml.Decoder
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
	return &ParseError{Source: p.name, Line: line, Element: element, Field: field, Err: err}
}

func (p *ofacXMLParser) line() int {
	l, _ := p.dec.InputPos()
	return l
}

func (p *ofacXMLParser) parse(r io.Reader) (*List, error) {
	dr := newDigestReader(r)
	p.in = &listXMLReader{r: dr}
	dec, err := newListXMLDecoder(p.in, &p.tol)
	if err != nil {
		return nil, p.fail(1, "xml", "encoding", err)
	}
	p.dec = dec
	list := &List{Source: p.source, Format: FormatOFACXML}
	recordCount, recordLine := -1, 0
	depth := 0
loop:
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			if depth == 0 {
				break
			}
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, listXMLTokenError(p.name, p.line(), err, p.in.err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				if t.Name.Local != "sdnList" {
					return nil, p.fail(p.line(), t.Name.Local, "", fmt.Errorf(
						"%w: root element %q is not sdnList", ErrUnknownFormat, t.Name.Local))
				}
				continue
			}
			line := p.line()
			switch t.Name.Local {
			case "publshInformation", "publishInformation":
				var pub ofacXMLPublish
				if err := p.dec.DecodeElement(&pub, &t); err != nil {
					return nil, listXMLTokenError(p.name, p.line(), err, p.in.err)
				}
				if err := p.publishInfo(list, pub, line, &recordCount, &recordLine); err != nil {
					return nil, err
				}
			case "sdnEntry":
				var e ofacXMLEntry
				if err := p.dec.DecodeElement(&e, &t); err != nil {
					return nil, listXMLTokenError(p.name, p.line(), err, p.in.err)
				}
				ent, err := p.entity(&e, line)
				if err != nil {
					return nil, err
				}
				list.Entities = append(list.Entities, ent)
			default:
				if err := p.dec.Skip(); err != nil {
					return nil, listXMLTokenError(p.name, p.line(), err, p.in.err)
				}
			}
			depth--
		case xml.EndElement:
			depth--
			if depth == 0 {
				break loop
			}
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return nil, p.fail(p.line(), "", "", fmt.Errorf("%w: text outside the root element", ErrSyntax))
			}
		}
	}
	if len(list.Entities) == 0 {
		return nil, p.fail(0, "sdnList", "", ErrEmpty)
	}
	if recordCount >= 0 && recordCount != len(list.Entities) {
		p.tol.note(fmt.Sprintf("Record_Count %d but %d sdnEntry elements", recordCount, len(list.Entities)),
			fmt.Sprintf("line %d", recordLine))
	}
	if err := dr.drain(); err != nil {
		return nil, p.fail(0, "", "", err)
	}
	list.SHA256 = dr.sum()
	list.Tolerated = p.tol.list()
	return list, nil
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
	uid := strings.TrimSpace(x.UID)
	if uid == "" {
		return Entity{}, p.fail(line, "sdnEntry", "uid", ErrMissingField)
	}
	if uid != x.UID {
		p.tol.note("white space around uid", at)
	}
	if !listXMLDigits(uid) {
		return Entity{}, p.fail(line, "sdnEntry", "uid", valueError(x.UID))
	}
	if n := strings.TrimLeft(uid, "0"); n != uid {
		p.tol.note("leading zeros in uid", at)
		if n == "" {
			n = "0"
		}
		uid = n
	}
	if p.seen[uid] {
		return Entity{}, p.fail(line, "sdnEntry", "uid", fmt.Errorf("%w: duplicate uid %s", ErrInvalidValue, uid))
	}
	p.seen[uid] = true

	e := Entity{ID: p.source.EntityID(uid), Source: p.source}
	var remarks listXMLRemarks
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
		if first == "" && e.Type == TypePerson {
			if i := strings.IndexByte(last, ','); i > 0 && strings.Count(last, ",") == 1 {
				first, last = strings.TrimSpace(last[i+1:]), strings.TrimSpace(last[:i])
			}
		}
		ofacXMLAddName(&e, first, last, p.akaKind(a, at))
	}

	if t := CleanText(x.Title); t != "" {
		e.Titles = append(e.Titles, t)
	}
	for _, prog := range x.Programs {
		e.Programs = listXMLAppendUnique(e.Programs, CleanText(prog))
	}
	for _, s := range x.BirthDates {
		s = CleanText(s)
		if s == "" {
			continue
		}
		b, ok := ofacXMLParseDOB(s)
		if !ok {
			p.tol.note("unreadable dateOfBirth kept in remarks", at)
			remarks.add("DOB " + s)
			continue
		}
		e.BirthDates = listXMLAppendBirthdate(e.BirthDates, b)
	}
	for _, s := range x.BirthPlaces {
		e.BirthPlaces = listXMLAppendUnique(e.BirthPlaces, CleanText(s))
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
			e.Identifiers = listXMLAppendIdentifier(e.Identifiers, Identifier{Type: IDCallSign, Number: cs, Label: "Call Sign"})
		}
		remarks.addFact("Vessel Type", v.VesselType)
		remarks.addFact("Vessel Flag", v.VesselFlag)
		remarks.addFact("Vessel Owner", v.VesselOwner)
		remarks.addFact("Tonnage", v.Tonnage)
		remarks.addFact("GRT", v.GRT)
	}
	e.Remarks = remarks.String()
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

func (p *ofacXMLParser) country(dst *[]string, raw, what string, remarks *listXMLRemarks, at string) {
	c := CleanText(raw)
	if c == "" {
		return
	}
	if code, ok := NormalizeCountry(c); ok {
		*dst = listXMLAppendUnique(*dst, code)
		return
	}
	p.tol.note(what+" country not mapped to ISO 3166, kept in remarks", at)
	remarks.add(what + " " + c)
}

func (p *ofacXMLParser) address(a ofacXMLAddress, at string) (Address, bool) {
	addr := Address{
		Street:     listXMLJoin(", ", CleanText(a.Address1), CleanText(a.Address2), CleanText(a.Address3)),
		City:       CleanText(a.City),
		Region:     listXMLJoin(", ", CleanText(a.StateOrProvince), CleanText(a.Region)),
		PostalCode: CleanText(a.PostalCode),
	}
	country := CleanText(a.Country)
	if country != "" {
		if code, ok := NormalizeCountry(country); ok {
			addr.Country = code
		} else {
			p.tol.note("address country not mapped to ISO 3166, kept in address Full", at)
			addr.Full = listXMLJoin(", ", addr.Street, addr.City, addr.Region, addr.PostalCode, country)
		}
	}
	return addr, addr != Address{}
}

// ofacXMLIDKind says what an idList entry is.
type ofacXMLIDKind int

const (
	ofacXMLIdentifier  ofacXMLIDKind = iota // a document, registration or contact datum
	ofacXMLRemark                           // a statement: goes to Remarks
	ofacXMLGender                           // sets Entity.Gender
	ofacXMLNationality                      // a country: adds a nationality
	ofacXMLCitizenship                      // a country: adds a citizenship
	ofacXMLBirthdate                        // a date of birth
	ofacXMLBirthplace                       // a place of birth
)

// ofacXMLIDTypes maps OFAC idType wordings (lower case, trimmed) that are not
// documents, or whose identifier type the keyword rules in ofacXMLClassify
// would get wrong.
var ofacXMLIDTypes = map[string]struct {
	kind ofacXMLIDKind
	typ  string
}{
	"gender":                             {ofacXMLGender, ""},
	"nationality of registration":        {ofacXMLNationality, ""},
	"nationality country":                {ofacXMLNationality, ""},
	"citizenship country":                {ofacXMLCitizenship, ""},
	"birthdate":                          {ofacXMLBirthdate, ""},
	"place of birth":                     {ofacXMLBirthplace, ""},
	"target type":                        {ofacXMLRemark, ""},
	"issuer name":                        {ofacXMLRemark, ""},
	"equity ticker":                      {ofacXMLRemark, ""},
	"location":                           {ofacXMLRemark, ""},
	"other vessel type":                  {ofacXMLRemark, ""},
	"other vessel flag":                  {ofacXMLRemark, ""},
	"former vessel flag":                 {ofacXMLRemark, ""},
	"vessel type":                        {ofacXMLRemark, ""},
	"vessel flag":                        {ofacXMLRemark, ""},
	"vessel owner":                       {ofacXMLRemark, ""},
	"vessel year of build":               {ofacXMLRemark, ""},
	"aircraft model":                     {ofacXMLRemark, ""},
	"aircraft operator":                  {ofacXMLRemark, ""},
	"website":                            {ofacXMLIdentifier, IDWebsite},
	"email address":                      {ofacXMLIdentifier, IDEmail},
	"swift/bic":                          {ofacXMLIdentifier, IDSWIFT},
	"phone number":                       {ofacXMLIdentifier, IDPhone},
	"fax":                                {ofacXMLIdentifier, IDPhone},
	"fax number":                         {ofacXMLIdentifier, IDPhone},
	"vessel registration identification": {ofacXMLIdentifier, IDIMO},
	"imo":                                {ofacXMLIdentifier, IDIMO},
	"mmsi":                               {ofacXMLIdentifier, IDMMSI},
	"ssn":                                {ofacXMLIdentifier, IDNationalID},
	"d.n.i.":                             {ofacXMLIdentifier, IDNationalID},
	"c.i.n.":                             {ofacXMLIdentifier, IDNationalID},
	"c.u.r.p.":                           {ofacXMLIdentifier, IDNationalID},
	"i.f.e.":                             {ofacXMLIdentifier, IDNationalID},
	"n.i.e.":                             {ofacXMLIdentifier, IDNationalID},
	"credencial electoral":               {ofacXMLIdentifier, IDNationalID},
	"electoral registry no.":             {ofacXMLIdentifier, IDNationalID},
	"numero de identidad":                {ofacXMLIdentifier, IDNationalID},
	"uae identification":                 {ofacXMLIdentifier, IDNationalID},
	"r.f.c.":                             {ofacXMLIdentifier, IDTaxID},
	"rfc":                                {ofacXMLIdentifier, IDTaxID},
	"nit #":                              {ofacXMLIdentifier, IDTaxID},
	"ruc #":                              {ofacXMLIdentifier, IDTaxID},
	"rif #":                              {ofacXMLIdentifier, IDTaxID},
	"c.i.f.":                             {ofacXMLIdentifier, IDTaxID},
	"c.u.i.t.":                           {ofacXMLIdentifier, IDTaxID},
	"c.u.i.":                             {ofacXMLIdentifier, IDTaxID},
	"n.i.f.":                             {ofacXMLIdentifier, IDTaxID},
	"rtn":                                {ofacXMLIdentifier, IDTaxID},
	"rsin":                               {ofacXMLIdentifier, IDTaxID},
	"us fein":                            {ofacXMLIdentifier, IDTaxID},
	"v.a.t. number":                      {ofacXMLIdentifier, IDTaxID},
	"isin":                               {ofacXMLIdentifier, IDOther},
	"bik (ru)":                           {ofacXMLIdentifier, IDOther},
	"chinese commercial code":            {ofacXMLIdentifier, IDOther},
	"driver's license no.":               {ofacXMLIdentifier, IDOther},
	"pilot license number":               {ofacXMLIdentifier, IDOther},
	"military registration number":       {ofacXMLIdentifier, IDOther},
	"c.r. no.":                           {ofacXMLIdentifier, IDRegistration},
	"le number":                          {ofacXMLIdentifier, IDRegistration},
	"romanian c.r.":                      {ofacXMLIdentifier, IDRegistration},
	"government gazette number":          {ofacXMLIdentifier, IDRegistration},
	"legal entity number":                {ofacXMLIdentifier, IDRegistration},
	"organization code":                  {ofacXMLIdentifier, IDRegistration},
	"unified social credit code (uscc)":  {ofacXMLIdentifier, IDRegistration},
	"united social credit code certificate (usccc)": {ofacXMLIdentifier, IDRegistration},
	"global intermediary identification number":     {ofacXMLIdentifier, IDRegistration},
}

// ofacXMLClassify decides what an idType is: first the table, then keyword
// rules, and IDOther for a document type nobody has seen yet.
func ofacXMLClassify(idType string) (ofacXMLIDKind, string) {
	k := strings.ToLower(idType)
	if v, ok := ofacXMLIDTypes[k]; ok {
		return v.kind, v.typ
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(k, w) {
				return true
			}
		}
		return false
	}
	switch {
	case strings.HasPrefix(k, "digital currency address"):
		return ofacXMLIdentifier, IDCrypto
	case strings.HasPrefix(k, "aircraft") || strings.HasPrefix(k, "previous aircraft"):
		if has("date", "model", "operator") {
			return ofacXMLRemark, ""
		}
		return ofacXMLIdentifier, IDAircraft
	// Statements, directives and dates: "Secondary sanctions risk:",
	// "Executive Order 13662 Directive Determination -", "Listing Date
	// (CMIC)", "Organization Established Date", "Organization Type:",
	// "Additional Sanctions Information -", "CAATSA Section 235 Information:".
	case strings.HasSuffix(k, ":") || strings.HasSuffix(k, "-"),
		has("sanction", "executive order", "directive", "information", "determination",
			"prohibited", "date", "organization type", "caatsa", "peesa", "ifca"):
		return ofacXMLRemark, ""
	case has("passport", "pasaporte", "travel document"):
		return ofacXMLIdentifier, IDPassport
	case has("tax", "fiscal", "tributaria", "vat", "v.a.t."):
		return ofacXMLIdentifier, IDTaxID
	case has("regist", "company", "business", "enterprise", "chamber of comm", "incorporation",
		"license", "licence", "matricula", "mercantil", "charity", "commercial", "permit no"):
		return ofacXMLIdentifier, IDRegistration
	case has("national id", "cedula", "cédula", "personal id", "id card", "id no", "identification",
		"identity", "citizen", "residen", "birth certificate", "immigration", "personal numerical",
		"refugee", "stateless"):
		return ofacXMLIdentifier, IDNationalID
	}
	return ofacXMLIdentifier, IDOther
}

func (p *ofacXMLParser) idItem(e *Entity, x ofacXMLID, remarks *listXMLRemarks, at string) {
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
	kind, typ := ofacXMLClassify(label)
	switch kind {
	case ofacXMLRemark:
		remarks.addFact(label, num)
		return
	case ofacXMLGender:
		switch strings.ToLower(num) {
		case "male", "m":
			e.Gender = "male"
		case "female", "f":
			e.Gender = "female"
		default:
			remarks.addFact(label, num)
		}
		return
	case ofacXMLNationality:
		p.country(&e.Nationalities, num, "nationality", remarks, at)
		return
	case ofacXMLCitizenship:
		p.country(&e.Citizenships, num, "citizenship", remarks, at)
		return
	case ofacXMLBirthdate:
		if b, ok := ofacXMLParseDOB(num); ok {
			e.BirthDates = listXMLAppendBirthdate(e.BirthDates, b)
		} else {
			remarks.add("DOB " + num)
		}
		return
	case ofacXMLBirthplace:
		e.BirthPlaces = listXMLAppendUnique(e.BirthPlaces, num)
		return
	}
	id := Identifier{Type: typ, Number: num, Label: label}
	if typ == IDIMO {
		if len(num) > 3 && strings.EqualFold(num[:3], "IMO") && strings.TrimSpace(num[3:]) != "" {
			id.Number = strings.TrimSpace(num[3:])
		}
	}
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
	e.Identifiers = listXMLAppendIdentifier(e.Identifiers, id)
}

// ofacXMLAddName adds "first last" with its parts; Given and Family are set
// only when the publisher split the name.
func ofacXMLAddName(e *Entity, first, last string, kind NameKind) {
	if !e.AddName(listXMLJoin(" ", first, last), kind) {
		return
	}
	if first != "" && last != "" {
		n := &e.Names[len(e.Names)-1]
		n.Given, n.Family = first, last
	}
}

// ofacXMLParseDOB reads OFAC's free-text dates of birth: "1962",
// "10 Dec 1948", "Dec 1948", "circa 1970", "1955 to 1958", "circa 1955 -
// 1958", also ISO dates.
func ofacXMLParseDOB(s string) (Birthdate, bool) {
	var b Birthdate
	s = CleanText(s)
	for _, p := range []string{"circa", "approximately", "approx.", "approx", "about", "ca.", "c."} {
		if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
			continue
		}
		if rest := s[len(p):]; rest == "" || rest[0] == ' ' || strings.HasSuffix(p, ".") {
			b.Circa = true
			s = strings.TrimSpace(rest)
			break
		}
	}
	from, to := s, ""
	for _, sep := range []string{" to ", " TO ", " To ", " - ", " – "} {
		if i := strings.Index(s, sep); i > 0 {
			from, to = s[:i], s[i+len(sep):]
			break
		}
	}
	if to == "" {
		// "1955-1958": two four-digit years joined by a dash.
		if len(s) == 9 && s[4] == '-' && listXMLDigits(s[:4]) && listXMLDigits(s[5:]) {
			from, to = s[:4], s[5:]
		}
	}
	d, err := ParseDate(from)
	if err != nil {
		return Birthdate{}, false
	}
	b.Date = d
	if to != "" {
		t, err := ParseDate(to)
		if err != nil {
			return Birthdate{}, false
		}
		b.To = t
	}
	return b, true
}

// listXMLRemarks collects remark fragments, dropping repeats, and joins them
// with "; ".
type listXMLRemarks struct{ parts []string }

func (r *listXMLRemarks) add(s string) {
	if s = CleanText(s); s != "" {
		r.parts = listXMLAppendUnique(r.parts, s)
	}
}

// addFact adds "label: value", or "label value" when the label already ends
// in ":" or "-".
func (r *listXMLRemarks) addFact(label, value string) {
	label, value = CleanText(label), CleanText(value)
	switch {
	case value == "":
		return
	case label == "":
		r.add(value)
	case strings.HasSuffix(label, ":") || strings.HasSuffix(label, "-"):
		r.add(label + " " + value)
	default:
		r.add(label + ": " + value)
	}
}

func (r *listXMLRemarks) String() string { return strings.Join(r.parts, "; ") }

func listXMLDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// listXMLAppendUnique appends s unless it is empty or already present
// (case-insensitively).
func listXMLAppendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return list
		}
	}
	return append(list, s)
}

// listXMLAppendBirthdate appends b unless an equal date is already present.
func listXMLAppendBirthdate(list []Birthdate, b Birthdate) []Birthdate {
	for _, v := range list {
		if v == b {
			return list
		}
	}
	return append(list, b)
}

// listXMLAppendIdentifier appends id unless one of the same type and number is
// already present.
func listXMLAppendIdentifier(list []Identifier, id Identifier) []Identifier {
	for _, v := range list {
		if v.Type == id.Type && strings.EqualFold(v.Number, id.Number) {
			return list
		}
	}
	return append(list, id)
}

func listXMLJoin(sep string, parts ...string) string {
	var b strings.Builder
	for _, s := range parts {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	return b.String()
}

// listXMLTokenError turns an encoding/xml error into a *ParseError: syntax
// errors (including truncation) wrap ErrSyntax with the decoder's line; an
// error of the underlying reader (readErr) is passed on as it is.
func listXMLTokenError(source string, line int, err, readErr error) error {
	var se *xml.SyntaxError
	switch {
	case readErr != nil && errors.Is(err, readErr):
		return &ParseError{Source: source, Line: line, Err: err}
	case errors.As(err, &se):
		return &ParseError{Source: source, Line: se.Line, Err: fmt.Errorf("%w: %s", ErrSyntax, se.Msg)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &ParseError{Source: source, Line: line, Err: fmt.Errorf("%w: unexpected end of input", ErrSyntax)}
	}
	// Other decoder failures: a nested XML declaration naming an unknown
	// charset, an unsupported XML version.
	return &ParseError{Source: source, Line: line, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
}

// listXMLReader remembers the last error of the reader under the decoder,
// so that an I/O failure is not reported as a syntax error.
type listXMLReader struct {
	r   io.Reader
	err error
}

func (x *listXMLReader) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	if err != nil && err != io.EOF {
		x.err = err
	}
	return n, err
}

// newListXMLDecoder prepares r for encoding/xml the way list files need:
// it drops a UTF-8 byte-order mark, decodes a file that declares ISO-8859-1
// or windows-1252, and reads stray non-UTF-8 bytes in an undeclared or UTF-8
// file as windows-1252, noting each of these in tol. Line numbers are kept.
//
// A declared encoding other than UTF-8, US-ASCII, ISO-8859-1 and
// windows-1252 is an error wrapping ErrInvalidValue.
func newListXMLDecoder(r io.Reader, tol *tolerances) (*xml.Decoder, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		tol.note("UTF-8 byte-order mark", "line 1")
	}
	head, _ := br.Peek(1024)
	var src io.Reader
	switch enc := listXMLDeclaredEncoding(head); listXMLEncodings[enc] {
	case "utf-8":
		src = &listXMLLatin1Repair{r: br, tol: tol, line: 1}
	case "iso-8859-1":
		src = charmap.ISO8859_1.NewDecoder().Reader(br)
	case "windows-1252":
		src = charmap.Windows1252.NewDecoder().Reader(br)
	default:
		return nil, fmt.Errorf("%w: unsupported XML encoding %q", ErrInvalidValue, enc)
	}
	d := xml.NewDecoder(src)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if _, ok := listXMLEncodings[strings.ToLower(label)]; ok {
			return input, nil // converted to UTF-8 above
		}
		return nil, fmt.Errorf("%w: unsupported XML encoding %q", ErrInvalidValue, label)
	}
	return d, nil
}

// listXMLEncodings maps the encoding labels list files use to the decoder that
// newListXMLDecoder applies; "" is an XML file without a declared encoding.
var listXMLEncodings = map[string]string{
	"": "utf-8", "utf-8": "utf-8", "utf8": "utf-8", "us-ascii": "utf-8", "ascii": "utf-8",
	"iso-8859-1": "iso-8859-1", "iso8859-1": "iso-8859-1", "iso_8859-1": "iso-8859-1",
	"latin1": "iso-8859-1", "latin-1": "iso-8859-1", "l1": "iso-8859-1",
	"windows-1252": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
}

// listXMLDeclaredEncoding returns the lower-cased encoding named in an XML
// declaration at the start of head, or "".
func listXMLDeclaredEncoding(head []byte) string {
	head = bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return strings.ToLower(string(rest[1 : 1+j]))
}

// listXMLLatin1Repair passes UTF-8 through and converts each byte that is not
// part of a valid UTF-8 sequence as windows-1252 (a superset of Latin-1), so
// a list saved in the wrong encoding still parses. It notes the first such
// byte's line.
type listXMLLatin1Repair struct {
	r    io.Reader
	tol  *tolerances
	in   []byte // raw bytes not yet converted
	out  []byte // converted bytes not yet returned
	keep []byte // out's backing array, reused
	buf  []byte
	err  error
	line int
}

func (x *listXMLLatin1Repair) Read(p []byte) (int, error) {
	for len(x.out) == 0 {
		if x.err != nil && len(x.in) == 0 {
			return 0, x.err
		}
		if x.err == nil {
			if x.buf == nil {
				x.buf = make([]byte, 32<<10)
			}
			n, err := x.r.Read(x.buf)
			x.in = append(x.in, x.buf[:n]...)
			x.err = err
		}
		x.out = x.keep[:0]
		x.convert()
		x.keep = x.out
	}
	n := copy(p, x.out)
	x.out = x.out[n:]
	return n, nil
}

func (x *listXMLLatin1Repair) convert() {
	in := x.in
	i := 0
	for i < len(in) {
		c := in[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				x.line++
			}
			x.out = append(x.out, c)
			i++
			continue
		}
		if !utf8.FullRune(in[i:]) && x.err == nil {
			break // the rest of the sequence comes with the next read
		}
		r, size := utf8.DecodeRune(in[i:])
		if r == utf8.RuneError && size == 1 {
			x.tol.note("bytes that are not UTF-8 read as windows-1252", fmt.Sprintf("line %d", x.line))
			x.out = utf8.AppendRune(x.out, charmap.Windows1252.DecodeByte(c))
			i++
			continue
		}
		x.out = append(x.out, in[i:i+size]...)
		i += size
	}
	x.in = append(x.in[:0], in[i:]...)
}
