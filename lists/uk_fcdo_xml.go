package lists

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// ParseUKFCDOXML parses the FCDO UK Sanctions List in its XML form (root
// Designations, one Designation per designated person, entity or ship). It
// streams the file, decoding one Designation at a time.
//
// Entity IDs are "uk-fcdo:" followed by the UniqueID ("uk-fcdo:AFG0006").
// Published is DateGenerated (dd/mm/yyyy), midnight UTC.
//
// The mapping:
//
//   - IndividualEntityShip gives the type (Individual, Entity, Ship); when
//     it is missing, the kind of details block present decides.
//   - Each Names/Name is one name: Full is Name1..Name5 then Name6; for
//     individuals Given is Name1..Name5 and Family is Name6. NameType
//     "Primary Name" is NamePrimary, "Primary Name Variation" and "Alias"
//     are NameAlias, and an alias whose AliasStrength says low or weak
//     quality is NameWeakAlias. NonLatinNames are aliases too.
//   - Titles and Positions are Titles; RegimeName is the program;
//     DateDesignated is ListedOn.
//   - DOBs: "12/05/1958", "dd/mm/1945" (day and month unknown), "1946".
//     Nationalities, Genders, BirthDetails (town and country of birth).
//   - Passport and NationalIdentifier details are identifiers, with the
//     additional information as the note; BusinessRegistrationNumbers are
//     IDRegistration; IMONumbers are IDIMO; phone numbers, e-mail
//     addresses and websites are identifiers of those types.
//   - Addresses: AddressLine1..5 are the street, AddressLine6 the city.
//   - Remarks: OtherInformation, then the UK statement of reasons, the UN
//     reference, the OFSI group ID, the designation source, the sanctions
//     imposed, and ship and entity details that have no field of their own.
//
// Errors: broken XML is ErrSyntax; a Designation without UniqueID or
// without any name is ErrMissingField; a malformed DateGenerated or
// DateDesignated, or a duplicate UniqueID, is ErrInvalidValue. A DOB that is
// no date is tolerated (kept in Remarks). Each error is a *ParseError with
// Source "UK-FCDO uk-fcdo-xml", the line of the designation and the field.
// A file without designations is ErrEmpty.
func ParseUKFCDOXML(r io.Reader) (*List, error) {
	s := newXMLStream(r, SourceUKFCDO, FormatUKFCDOXML, xmlUNConventions)
	l := &List{Source: SourceUKFCDO, Format: FormatUKFCDOXML}
	seen := make(map[string]int)
	err := s.walk("Designations", nil,
		map[string]func(xml.StartElement, int) error{
			"DateGenerated": func(start xml.StartElement, line int) error {
				var v string
				if err := s.dec.DecodeElement(&v, &start); err != nil {
					return s.fail(err)
				}
				t, err := parseTimestamp(v)
				if err != nil {
					return s.fieldError(line, "Designations", "DateGenerated", err)
				}
				l.Published = t
				return nil
			},
			"Designation": func(start xml.StartElement, line int) error {
				var d ukfDesignation
				if err := s.dec.DecodeElement(&d, &start); err != nil {
					return s.fail(err)
				}
				e, err := s.ukfEntity(&d, line)
				if err != nil {
					return err
				}
				if first, dup := seen[e.ID]; dup {
					return s.fieldError(line, "Designation", "UniqueID",
						fmt.Errorf("%w (first at line %d)", valueError(d.UniqueID), first))
				}
				seen[e.ID] = line
				l.Entities = append(l.Entities, *e)
				return nil
			},
		})
	if err != nil {
		return nil, err
	}
	return s.finish(l, "Designations")
}

// ukfDesignation is one Designation element.
type ukfDesignation struct {
	DateDesignated    string          `xml:"DateDesignated"`
	UniqueID          string          `xml:"UniqueID"`
	OFSIGroupID       string          `xml:"OFSIGroupID"`
	UNReference       string          `xml:"UNReferenceNumber"`
	Names             []ukfName       `xml:"Names>Name"`
	NonLatinNames     []string        `xml:"NonLatinNames>NonLatinName>NameNonLatinScript"`
	Titles            []string        `xml:"Titles>Title"`
	RegimeName        string          `xml:"RegimeName"`
	Type              string          `xml:"IndividualEntityShip"`
	DesignationSource string          `xml:"DesignationSource"`
	SanctionsImposed  string          `xml:"SanctionsImposed"`
	OtherInformation  string          `xml:"OtherInformation"`
	StatementReasons  string          `xml:"UKStatementofReasons"`
	Addresses         []ukfAddress    `xml:"Addresses>Address"`
	Phones            []string        `xml:"PhoneNumbers>PhoneNumber"`
	Emails            []string        `xml:"EmailAddresses>EmailAddress"`
	Websites          []string        `xml:"Websites>Website"`
	Individuals       []ukfIndividual `xml:"IndividualDetails>Individual"`
	Entities          []ukfEntity     `xml:"EntityDetails>Entity"`
	Ships             []ukfShip       `xml:"ShipDetails>Ship"`
}

type ukfName struct {
	Name1         string `xml:"Name1"`
	Name2         string `xml:"Name2"`
	Name3         string `xml:"Name3"`
	Name4         string `xml:"Name4"`
	Name5         string `xml:"Name5"`
	Name6         string `xml:"Name6"`
	NameType      string `xml:"NameType"`
	AliasStrength string `xml:"AliasStrength"`
}

type ukfAddress struct {
	Line1      string `xml:"AddressLine1"`
	Line2      string `xml:"AddressLine2"`
	Line3      string `xml:"AddressLine3"`
	Line4      string `xml:"AddressLine4"`
	Line5      string `xml:"AddressLine5"`
	Line6      string `xml:"AddressLine6"`
	PostalCode string `xml:"AddressPostalCode"`
	Country    string `xml:"AddressCountry"`
}

type ukfIndividual struct {
	DOBs          []string `xml:"DOBs>DOB"`
	Nationalities []string `xml:"Nationalities>Nationality"`
	Genders       []string `xml:"Genders>Gender"`
	Positions     []string `xml:"Positions>Position"`
	Passports     []struct {
		Number string `xml:"PassportNumber"`
		Info   string `xml:"PassportAdditionalInformation"`
	} `xml:"PassportDetails>Passport"`
	NationalIDs []struct {
		Number string `xml:"NationalIdentifierNumber"`
		Info   string `xml:"NationalIdentifierAdditionalInformation"`
	} `xml:"NationalIdentifierDetails>NationalIdentifier"`
	BirthPlaces []struct {
		Town    string `xml:"TownOfBirth"`
		Country string `xml:"CountryOfBirth"`
	} `xml:"BirthDetails>Location"`
}

type ukfEntity struct {
	Types           []string `xml:"TypeOfEntities>TypeOfEntity"`
	Registrations   []string `xml:"BusinessRegistrationNumbers>BusinessRegistrationNumber"`
	ParentCompanies []string `xml:"ParentCompanies>ParentCompany"`
	Subsidiaries    []string `xml:"Subsidiaries>Subsidiary"`
}

type ukfShip struct {
	IMONumbers     []string `xml:"IMONumbers>IMONumber"`
	OwnerOperators []string `xml:"CurrentOwnerOperators>CurrentOwnerOperator"`
	Flags          []string `xml:"CurrentBelievedFlagOfShips>CurrentBelievedFlagOfShip"`
	PreviousFlags  []string `xml:"PreviousFlags>PreviousFlag"`
	Types          []string `xml:"TypeOfShipDetails>TypeOfShip"`
	Tonnages       []string `xml:"TonnageOfShipDetails>TonnageOfShip"`
	Lengths        []string `xml:"LengthOfShipDetails>LengthOfShip"`
}

// ukfEntity maps one decoded Designation.
func (s *xmlStream) ukfEntity(d *ukfDesignation, line int) (*Entity, error) {
	pos := fmt.Sprintf("line %d", line)
	id := strings.TrimSpace(d.UniqueID)
	if id == "" {
		return nil, s.fieldError(line, "Designation", "UniqueID", ErrMissingField)
	}
	if id != d.UniqueID {
		s.tol.note("white space around UniqueID trimmed", pos)
	}
	e := &Entity{ID: SourceUKFCDO.EntityID(id), Source: SourceUKFCDO}
	e.Type = s.ukfType(d, pos)
	var rem remarkLines
	rem.addFact("", d.OtherInformation)
	rem.addFact("UK statement of reasons", d.StatementReasons)
	rem.addFact("UN reference", d.UNReference)
	rem.addFact("OFSI group ID", d.OFSIGroupID)
	rem.addFact("Designation source", strings.ReplaceAll(d.DesignationSource, "|", ", "))
	rem.addFact("Sanctions imposed", strings.ReplaceAll(d.SanctionsImposed, "|", ", "))

	for _, n := range d.Names {
		s.ukfName(e, n, pos)
	}
	for _, n := range d.NonLatinNames {
		e.AddName(n, NameAlias)
	}
	if len(e.Names) == 0 {
		return nil, s.fieldError(line, "Designation", "Names", ErrMissingField)
	}
	for _, t := range d.Titles {
		if v := CleanText(t); v != "" {
			e.Titles = appendFold(e.Titles, v)
		}
	}
	if v := CleanText(d.RegimeName); v != "" {
		e.Programs = []string{v}
	}
	if v := strings.TrimSpace(d.DateDesignated); v != "" {
		dd, err := ParseDate(v)
		if err != nil {
			return nil, s.fieldError(line, "Designation", "DateDesignated", err)
		}
		e.ListedOn = dd
	}
	for _, a := range d.Addresses {
		if addr, ok := ukfMakeAddress(a); ok {
			e.Addresses = append(e.Addresses, addr)
		}
	}
	for _, v := range d.Phones {
		ukfAddID(e, IDPhone, v, "", "")
	}
	for _, v := range d.Emails {
		ukfAddID(e, IDEmail, v, "", "")
	}
	for _, v := range d.Websites {
		ukfAddID(e, IDWebsite, v, "", "")
	}
	for _, ind := range d.Individuals {
		s.ukfIndividual(e, &rem, ind, pos)
	}
	for _, ent := range d.Entities {
		for _, v := range ent.Registrations {
			number, note, country := splitDocumentNumber(v)
			if number != "" {
				e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: IDRegistration, Number: number, Country: country,
					Label: "Business registration number", Note: note})
			}
		}
		rem.addFact("Type of entity", joinNonEmpty(", ", ent.Types...))
		rem.addFact("Parent companies", joinNonEmpty(", ", ent.ParentCompanies...))
		rem.addFact("Subsidiaries", joinNonEmpty(", ", ent.Subsidiaries...))
	}
	for _, sh := range d.Ships {
		for _, v := range sh.IMONumbers {
			ukfAddID(e, IDIMO, trimIMOPrefix(v), "", "IMO number")
		}
		rem.addFact("Current owner/operator", joinNonEmpty(", ", sh.OwnerOperators...))
		rem.addFact("Current believed flag", joinNonEmpty(", ", sh.Flags...))
		rem.addFact("Previous flags", joinNonEmpty(", ", sh.PreviousFlags...))
		rem.addFact("Type of ship", joinNonEmpty(", ", sh.Types...))
		rem.addFact("Tonnage", joinNonEmpty(", ", sh.Tonnages...))
		rem.addFact("Length", joinNonEmpty(", ", sh.Lengths...))
	}
	e.Remarks = rem.join("\n")
	return e, nil
}

func (s *xmlStream) ukfType(d *ukfDesignation, pos string) EntityType {
	t, err := ParseEntityType(d.Type)
	if err != nil {
		s.tol.note(fmt.Sprintf("unknown IndividualEntityShip %q read from the details", shortQuote(d.Type)), pos)
	}
	if t != TypeUnknown {
		return t
	}
	switch {
	case len(d.Individuals) > 0:
		return TypePerson
	case len(d.Ships) > 0:
		return TypeVessel
	case len(d.Entities) > 0:
		return TypeOrganization
	}
	return TypeUnknown
}

// ukfName adds one Names/Name.
func (s *xmlStream) ukfName(e *Entity, n ukfName, pos string) {
	given := joinNonEmpty(" ", n.Name1, n.Name2, n.Name3, n.Name4, n.Name5)
	family := CleanText(n.Name6)
	full := joinNonEmpty(" ", given, family)
	if full == "" {
		return
	}
	kind := NameAlias
	switch t := strings.ToLower(CleanText(n.NameType)); t {
	case "primary name":
		kind = NamePrimary
	case "primary name variation", "alias", "aka", "a.k.a.":
	case "":
		s.tol.note("Name without NameType read as alias", pos)
	default:
		s.tol.note(fmt.Sprintf("unknown NameType %q read as alias", shortQuote(n.NameType)), pos)
	}
	if kind != NamePrimary {
		strength := strings.ToLower(n.AliasStrength)
		switch {
		case strings.Contains(strength, "low"), strings.Contains(strength, "weak"):
			kind = NameWeakAlias
		case strings.Contains(strength, "f.k.a"), strings.Contains(strength, "formerly"):
			kind = NameFormerly
		}
	}
	if e.AddName(full, kind) && e.Type == TypePerson && given != "" && family != "" {
		e.Names[len(e.Names)-1].Given = given
		e.Names[len(e.Names)-1].Family = family
	}
}

// ukfIndividual adds one IndividualDetails/Individual.
func (s *xmlStream) ukfIndividual(e *Entity, rem *remarkLines, ind ukfIndividual, pos string) {
	for _, v := range ind.DOBs {
		v = CleanText(v)
		if v == "" {
			continue
		}
		if d, ok := ukfParseDOB(v); ok {
			e.BirthDates = appendDistinct(e.BirthDates, Birthdate{Date: d})
			continue
		}
		s.tol.note("DOB that is no date kept in remarks", pos)
		rem.addFact("Date of birth", v)
	}
	for _, v := range ind.Nationalities {
		s.country(&e.Nationalities, rem, "Nationality", v, pos)
	}
	for _, v := range ind.Genders {
		if g := s.gender(v, pos); g != "" && e.Gender == "" {
			e.Gender = g
		}
	}
	for _, v := range ind.Positions {
		if v = CleanText(v); v != "" {
			e.Titles = appendFold(e.Titles, v)
		}
	}
	for _, p := range ind.Passports {
		ukfAddID(e, IDPassport, p.Number, p.Info, "Passport")
	}
	for _, p := range ind.NationalIDs {
		ukfAddID(e, IDNationalID, p.Number, p.Info, "National identifier")
	}
	for _, b := range ind.BirthPlaces {
		if place := joinNonEmpty(", ", b.Town, b.Country); place != "" {
			e.BirthPlaces = appendFold(e.BirthPlaces, place)
		}
	}
}

// ukfParseDOB reads "12/05/1958", "dd/mm/1945", "dd/05/1958" and "1946".
func ukfParseDOB(v string) (PartialDate, bool) {
	v = strings.NewReplacer("dd", "00", "DD", "00", "mm", "00", "MM", "00").Replace(v)
	d, err := ParseDate(v)
	if err != nil || d.Year == 0 {
		return PartialDate{}, false
	}
	return d, true
}

func ukfAddID(e *Entity, kind, number, note, label string) {
	number = CleanText(number)
	if number == "" {
		return
	}
	e.Identifiers = appendIdentifier(e.Identifiers, Identifier{Type: kind, Number: number, Label: label, Note: CleanText(note)})
}

func ukfMakeAddress(a ukfAddress) (Address, bool) {
	addr := Address{
		Street:     joinNonEmpty(", ", a.Line1, a.Line2, a.Line3, a.Line4, a.Line5),
		City:       CleanText(a.Line6),
		PostalCode: CleanText(a.PostalCode),
	}
	country := CleanText(a.Country)
	if code, ok := NormalizeCountry(country); ok {
		addr.Country = code
	} else if country != "" {
		addr.Full = joinNonEmpty(", ", addr.Street, addr.City, addr.PostalCode, country)
	}
	return addr, addr != Address{}
}
