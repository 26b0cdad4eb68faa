package lists

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ParseEUFSFXML parses the European Commission's consolidated financial
// sanctions file, FSF XML 1.1 (root "export", namespace
// http://eu.europa.ec/fpi/fsd/export). Entity IDs are "eu-fsf:" followed by
// the sanctionEntity's logicalId, a number ("eu-fsf:6106"); the EU reference
// number ("EU.3886.3") and the UN reference, when given, are kept at the
// start of Remarks. List.Published is export@generationDate in UTC.
//
// Names: every nameAlias becomes a name (translations and non-Latin scripts
// included). An alias is NameWeakAlias when strong="false" or when its
// remark says "low quality alias". The FSF file marks no primary name and
// lists aliases in no useful order (often a translation comes first), so
// the primary is the strong Latin-script alias with the lowest logicalId:
// the name record of the original designation. When no alias is strong and
// Latin, the first strong alias is primary; when none is strong, there is
// no primary. The primary is listed first, the others in file order. Given
// and Family are set from firstName, middleName and lastName when the
// publisher split the name.
//
// Dates of birth: birthdate, year with monthOfYear and dayOfMonth, or
// yearRangeFrom..yearRangeTo, with circa. A date with calendarType ISLAMIC
// is Hijri: its day, month and year are never read as Gregorian. They are
// kept in Remarks ("date of birth 24/06/1402 (Hijri calendar)"), and the
// birthdate attribute becomes a Birthdate only when it is plainly the EU's
// Gregorian conversion (its year lies 570 to 590 years after the Hijri
// year). The birthdate's city, place, region and country become a place of
// birth.
//
// Countries are ISO codes in the file; "00" means unknown and is skipped.
// identificationTypeCode maps onto the ID* types (passport, id, regnumber,
// fiscalcode, ...), with knownFalse, knownExpired, diplomatic, issue and
// expiry dates in Identifier.Note. An address's contactInfo (WEB, EMAIL,
// PHONE, FAX) becomes identifiers. regulation@programme gives Programs,
// designationDate ListedOn, title and function Titles (an enterprise's
// function describes its business and goes to Remarks), gender Gender, and
// the remarks of the entity and of its parts Remarks, one line each,
// separated by "; ".
//
// Malformed input is reported as a *ParseError: broken XML wraps ErrSyntax
// with its line, a sanctionEntity without logicalId wraps ErrMissingField,
// and a bad generationDate, designationDate or logicalId wraps
// ErrInvalidValue. A file with no sanctionEntity is ErrEmpty.
func ParseEUFSFXML(r io.Reader) (*List, error) {
	s := newXMLStream(r, SourceEUFSF, FormatEUFSFXML, xmlOFACConventions)
	p := &euFSFParser{s: s, tol: s.tol, seen: make(map[string]bool)}
	return p.parse()
}

type euFSFParser struct {
	s    *xmlStream
	tol  *tolerances
	seen map[string]bool
}

type euFSFEntity struct {
	LogicalID          string                `xml:"logicalId,attr"`
	EUReference        string                `xml:"euReferenceNumber,attr"`
	UNID               string                `xml:"unitedNationId,attr"`
	DesignationDate    string                `xml:"designationDate,attr"`
	DesignationDetails string                `xml:"designationDetails,attr"`
	Remarks            []string              `xml:"remark"`
	Regulations        []euFSFRegulation     `xml:"regulation"`
	SubjectType        []euFSFSubjectType    `xml:"subjectType"`
	Names              []euFSFNameAlias      `xml:"nameAlias"`
	Citizenships       []euFSFCitizenship    `xml:"citizenship"`
	Birthdates         []euFSFBirthdate      `xml:"birthdate"`
	Addresses          []euFSFAddress        `xml:"address"`
	Identifications    []euFSFIdentification `xml:"identification"`
}

type euFSFRegulation struct {
	Programme string `xml:"programme,attr"`
}

type euFSFSubjectType struct {
	Code           string `xml:"code,attr"`
	Classification string `xml:"classificationCode,attr"`
}

type euFSFNameAlias struct {
	FirstName  string   `xml:"firstName,attr"`
	MiddleName string   `xml:"middleName,attr"`
	LastName   string   `xml:"lastName,attr"`
	WholeName  string   `xml:"wholeName,attr"`
	Function   string   `xml:"function,attr"`
	Gender     string   `xml:"gender,attr"`
	Title      string   `xml:"title,attr"`
	Language   string   `xml:"nameLanguage,attr"`
	Strong     string   `xml:"strong,attr"`
	LogicalID  string   `xml:"logicalId,attr"`
	Remarks    []string `xml:"remark"`
}

type euFSFCitizenship struct {
	Country     string   `xml:"countryIso2Code,attr"`
	Description string   `xml:"countryDescription,attr"`
	Remarks     []string `xml:"remark"`
}

type euFSFBirthdate struct {
	Circa       string   `xml:"circa,attr"`
	Calendar    string   `xml:"calendarType,attr"`
	City        string   `xml:"city,attr"`
	ZipCode     string   `xml:"zipCode,attr"`
	Birthdate   string   `xml:"birthdate,attr"`
	Day         string   `xml:"dayOfMonth,attr"`
	Month       string   `xml:"monthOfYear,attr"`
	Year        string   `xml:"year,attr"`
	YearFrom    string   `xml:"yearRangeFrom,attr"`
	YearTo      string   `xml:"yearRangeTo,attr"`
	Region      string   `xml:"region,attr"`
	Place       string   `xml:"place,attr"`
	Country     string   `xml:"countryIso2Code,attr"`
	Description string   `xml:"countryDescription,attr"`
	Remarks     []string `xml:"remark"`
}

type euFSFAddress struct {
	Street      string             `xml:"street,attr"`
	City        string             `xml:"city,attr"`
	ZipCode     string             `xml:"zipCode,attr"`
	POBox       string             `xml:"poBox,attr"`
	Region      string             `xml:"region,attr"`
	Place       string             `xml:"place,attr"`
	Country     string             `xml:"countryIso2Code,attr"`
	Description string             `xml:"countryDescription,attr"`
	Remarks     []string           `xml:"remark"`
	Contacts    []euFSFContactInfo `xml:"contactInfo"`
}

type euFSFContactInfo struct {
	Key   string `xml:"key,attr"`
	Value string `xml:"value,attr"`
}

type euFSFIdentification struct {
	TypeCode     string   `xml:"identificationTypeCode,attr"`
	TypeDesc     string   `xml:"identificationTypeDescription,attr"`
	Number       string   `xml:"number,attr"`
	LatinNumber  string   `xml:"latinNumber,attr"`
	IssueDate    string   `xml:"issueDate,attr"`
	ValidTo      string   `xml:"validTo,attr"`
	IssuedBy     string   `xml:"issuedBy,attr"`
	NameOnDoc    string   `xml:"nameOnDocument,attr"`
	Region       string   `xml:"region,attr"`
	Country      string   `xml:"countryIso2Code,attr"`
	Description  string   `xml:"countryDescription,attr"`
	KnownFalse   string   `xml:"knownFalse,attr"`
	KnownExpired string   `xml:"knownExpired,attr"`
	Diplomatic   string   `xml:"diplomatic,attr"`
	ReportedLost string   `xml:"reportedLost,attr"`
	Revoked      string   `xml:"revokedByIssuer,attr"`
	Remarks      []string `xml:"remark"`
}

func (p *euFSFParser) fail(line int, element, field string, err error) error {
	return p.s.fieldError(line, element, field, err)
}

func (p *euFSFParser) parse() (*List, error) {
	list := &List{Source: SourceEUFSF, Format: FormatEUFSFXML}
	err := p.s.walk("export", func(t xml.StartElement) error {
		return p.export(list, t, p.s.line())
	}, map[string]func(xml.StartElement, int) error{
		"sanctionEntity": func(t xml.StartElement, line int) error {
			var x euFSFEntity
			if err := p.s.dec.DecodeElement(&x, &t); err != nil {
				return p.s.fail(err)
			}
			e, err := p.entity(&x, line)
			if err != nil {
				return err
			}
			list.Entities = append(list.Entities, e)
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	return p.s.finish(list, "export")
}

func (p *euFSFParser) export(list *List, t xml.StartElement, line int) error {
	for _, a := range t.Attr {
		if a.Name.Local != "generationDate" {
			continue
		}
		if strings.TrimSpace(a.Value) == "" {
			return nil
		}
		ts, err := parseTimestamp(a.Value)
		if err != nil {
			return p.fail(line, "export", "generationDate", valueError(a.Value))
		}
		list.Published = ts
		return nil
	}
	return nil
}

func (p *euFSFParser) entity(x *euFSFEntity, line int) (Entity, error) {
	at := fmt.Sprintf("line %d", line)
	id, err := p.s.numericKey(x.LogicalID, p.seen, line, "sanctionEntity", "logicalId")
	if err != nil {
		return Entity{}, err
	}
	e := Entity{ID: SourceEUFSF.EntityID(id), Source: SourceEUFSF}
	var remarks remarkLines
	remarks.addFact("EU reference number", x.EUReference)
	remarks.addFact("UN reference", x.UNID)
	for _, s := range x.Remarks {
		remarks.add(s)
	}
	remarks.add(x.DesignationDetails)

	if s := CleanText(x.DesignationDate); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			return Entity{}, p.fail(line, "sanctionEntity", "designationDate", valueError(x.DesignationDate))
		}
		e.ListedOn = d
	}
	for _, st := range x.SubjectType {
		code := CleanText(st.Code)
		if code == "" {
			code = CleanText(st.Classification)
		}
		if code == "" {
			continue
		}
		t, err := ParseEntityType(code)
		if err != nil {
			return Entity{}, p.fail(line, "sanctionEntity/subjectType", "code", valueError(code))
		}
		e.Type = t
		break
	}
	if e.Type == TypeUnknown {
		p.tol.note("sanctionEntity without subjectType", at)
	}
	for _, reg := range x.Regulations {
		e.Programs = appendFold(e.Programs, CleanText(reg.Programme))
	}
	p.names(&e, x.Names, &remarks, at)
	if len(e.Names) == 0 {
		p.tol.note("sanctionEntity without a name", at)
	}
	for _, c := range x.Citizenships {
		p.country(&e.Citizenships, c.Country, c.Description, "citizenship", &remarks, at)
		for _, s := range c.Remarks {
			remarks.addFact("citizenship", s)
		}
	}
	for i := range x.Birthdates {
		p.birthdate(&e, &x.Birthdates[i], &remarks, at)
	}
	for i := range x.Addresses {
		p.address(&e, &x.Addresses[i], &remarks, at)
	}
	for i := range x.Identifications {
		p.identification(&e, &x.Identifications[i], at)
	}
	e.Remarks = remarks.join("; ")
	return e, nil
}

// euFSFQuality reads an alias-quality remark ("good quality alias", "low
// quality alias", and the misspelt "low quality aliias" of the real file).
func euFSFQuality(remark string) (weak, isQuality bool) {
	s := strings.ToLower(CleanText(remark))
	switch {
	case strings.HasPrefix(s, "low quality ali"), strings.HasPrefix(s, "weak ali"):
		return true, true
	case strings.HasPrefix(s, "good quality ali"), strings.HasPrefix(s, "high quality ali"):
		return false, true
	}
	return false, false
}

func (p *euFSFParser) names(e *Entity, aliases []euFSFNameAlias, remarks *remarkLines, at string) {
	type cand struct {
		full, given, family string
		weak                bool
		order               int64 // logicalId, or -1 when not a number
	}
	cands := make([]cand, 0, len(aliases))
	for _, a := range aliases {
		first, middle, last := CleanText(a.FirstName), CleanText(a.MiddleName), CleanText(a.LastName)
		full := CleanText(a.WholeName)
		if full != strings.TrimSpace(a.WholeName) {
			p.tol.note("runs of white space inside nameAlias wholeName", at)
		}
		if full == "" {
			full = joinNonEmpty(" ", first, middle, last)
		}
		c := cand{full: full, weak: strings.EqualFold(strings.TrimSpace(a.Strong), "false"), order: -1}
		if first != "" && last != "" {
			c.given, c.family = joinNonEmpty(" ", first, middle), last
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(a.LogicalID), 10, 64); err == nil && n >= 0 {
			c.order = n
		}
		for _, r := range a.Remarks {
			if weak, ok := euFSFQuality(r); ok {
				c.weak = c.weak || weak
			} else if full != "" {
				remarks.addFact(full, r)
			} else {
				remarks.add(r)
			}
		}
		e.Titles = appendFold(e.Titles, CleanText(a.Title))
		if fn := CleanText(a.Function); fn != "" && e.Type == TypeOrganization {
			// An enterprise's "function" describes what it does.
			remarks.addFact(full, fn)
		} else {
			e.Titles = appendFold(e.Titles, fn)
		}
		if e.Gender == "" {
			e.Gender = parseGender(a.Gender)
		}
		if full != "" {
			cands = append(cands, c)
		}
	}
	primary := -1
	for i, c := range cands {
		if c.weak || DetectScript(c.full) != "Latn" {
			continue
		}
		if primary < 0 || (c.order >= 0 && (cands[primary].order < 0 || c.order < cands[primary].order)) {
			primary = i
		}
	}
	if primary < 0 {
		for i, c := range cands {
			if !c.weak {
				primary = i
				break
			}
		}
	}
	add := func(c cand, kind NameKind) {
		if e.AddName(c.full, kind) && c.family != "" {
			n := &e.Names[len(e.Names)-1]
			n.Given, n.Family = c.given, c.family
		}
	}
	if primary >= 0 {
		add(cands[primary], NamePrimary)
	}
	for i, c := range cands {
		switch {
		case i == primary:
		case c.weak:
			add(c, NameWeakAlias)
		default:
			add(c, NameAlias)
		}
	}
}

// euFSFCountry returns the ISO code of an FSF country attribute; "00"
// (UNKNOWN) and empty give "", false.
func euFSFCountry(code string) (string, bool) {
	code = strings.TrimSpace(code)
	if code == "" || code == "00" {
		return "", false
	}
	return NormalizeCountry(code)
}

// euFSFCountryName names a country for a place-of-birth line: the English
// name of the ISO code, else the publisher's description.
func euFSFCountryName(code, desc string) string {
	if iso, ok := euFSFCountry(code); ok {
		if r, err := language.ParseRegion(iso); err == nil {
			if n := display.English.Regions().Name(r); n != "" {
				return n
			}
		}
		return iso
	}
	desc = CleanText(desc)
	if strings.EqualFold(desc, "UNKNOWN") {
		return ""
	}
	return desc
}

func (p *euFSFParser) country(dst *[]string, code, desc, what string, remarks *remarkLines, at string) {
	if iso, ok := euFSFCountry(code); ok {
		*dst = appendFold(*dst, iso)
		return
	}
	c := strings.TrimSpace(code)
	desc = CleanText(desc)
	if c == "" || c == "00" {
		return
	}
	p.tol.note("countryIso2Code that is not an ISO 3166 code, kept in remarks", at)
	remarks.add(what + " " + joinNonEmpty(" ", c, desc))
}

func (p *euFSFParser) birthdate(e *Entity, x *euFSFBirthdate, remarks *remarkLines, at string) {
	place := joinNonEmpty(", ", euFSFPlacePart(x.City), euFSFPlacePart(x.Place), euFSFPlacePart(x.Region),
		euFSFCountryName(x.Country, x.Description))
	e.BirthPlaces = appendFold(e.BirthPlaces, place)
	for _, r := range x.Remarks {
		if strings.EqualFold(CleanText(r), "hijri calendar") && strings.EqualFold(x.Calendar, "ISLAMIC") {
			continue // said by the Hijri remark below
		}
		remarks.addFact("date of birth", r)
	}
	circa := strings.EqualFold(strings.TrimSpace(x.Circa), "true")
	num := func(s string) int {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	year, month, day := num(x.Year), num(x.Month), num(x.Day)
	if strings.EqualFold(strings.TrimSpace(x.Calendar), "ISLAMIC") {
		p.hijri(e, x, year, month, day, circa, remarks, at)
		return
	}
	var b Birthdate
	b.Circa = circa
	if s := strings.TrimSpace(x.Birthdate); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			p.tol.note("unreadable birthdate kept in remarks", at)
			remarks.addFact("date of birth", s)
			return
		}
		b.Date = d
	} else if year != 0 || month != 0 {
		b.Date = PartialDate{Year: year, Month: month, Day: day}
		if b.Date.Month == 0 {
			b.Date.Day = 0
		}
		if !b.Date.valid() {
			p.tol.note("impossible birthdate parts kept in remarks", at)
			remarks.addFact("date of birth", joinNonEmpty("/", x.Day, x.Month, x.Year))
			return
		}
	} else if from, to := num(x.YearFrom), num(x.YearTo); from != 0 || to != 0 {
		if from == 0 {
			from, to = to, 0
		}
		b.Date = PartialDate{Year: from}
		if to != 0 && to != from {
			b.To = PartialDate{Year: to}
		}
		if !b.Date.valid() || (!b.To.IsZero() && (!b.To.valid() || to < from)) {
			p.tol.note("impossible birth year range kept in remarks", at)
			remarks.addFact("date of birth", x.YearFrom+" to "+x.YearTo)
			return
		}
	} else {
		return // a place of birth without a date
	}
	e.BirthDates = appendDistinct(e.BirthDates, b)
}

// hijri keeps an ISLAMIC-calendar date of birth: its parts go to Remarks,
// never into BirthDates as if Gregorian; the birthdate attribute is used
// only when it is the EU's Gregorian conversion.
func (p *euFSFParser) hijri(e *Entity, x *euFSFBirthdate, year, month, day int, circa bool, remarks *remarkLines, at string) {
	var text string
	switch {
	case year != 0 && month != 0 && day != 0:
		text = fmt.Sprintf("%02d/%02d/%d", day, month, year)
	case year != 0 && month != 0:
		text = fmt.Sprintf("%02d/%d", month, year)
	case year != 0:
		text = strconv.Itoa(year)
	case strings.TrimSpace(x.YearFrom) != "" || strings.TrimSpace(x.YearTo) != "":
		text = CleanText(x.YearFrom) + " to " + CleanText(x.YearTo)
	}
	if circa && text != "" {
		text = "circa " + text
	}
	s := strings.TrimSpace(x.Birthdate)
	if s != "" {
		d, err := ParseDate(s)
		if err == nil && year != 0 && d.Year >= year+570 && d.Year <= year+590 {
			e.BirthDates = appendDistinct(e.BirthDates, Birthdate{Date: d, Circa: circa})
			remarks.add(fmt.Sprintf("date of birth %s (Hijri calendar; Gregorian %s)", text, d))
			return
		}
		p.tol.note("Hijri birthdate without a Gregorian conversion, kept in remarks only", at)
		if text == "" {
			text = s
		}
	}
	if text != "" {
		remarks.add("date of birth " + text + " (Hijri calendar)")
	}
}

// euFSFPlacePart drops the "-" the FSF file uses for an empty city.
func euFSFPlacePart(s string) string {
	s = CleanText(s)
	if s == "-" {
		return ""
	}
	return s
}

func (p *euFSFParser) address(e *Entity, x *euFSFAddress, remarks *remarkLines, at string) {
	addr := Address{
		Street:     strings.TrimRight(CleanText(x.Street), ", "),
		City:       joinNonEmpty(", ", euFSFPlacePart(x.City), euFSFPlacePart(x.Place)),
		Region:     CleanText(x.Region),
		PostalCode: CleanText(x.ZipCode),
	}
	if box := CleanText(x.POBox); box != "" {
		addr.Street = joinNonEmpty(", ", addr.Street, "P.O. Box "+box)
	}
	if iso, ok := euFSFCountry(x.Country); ok {
		addr.Country = iso
	} else if c := strings.TrimSpace(x.Country); c != "" && c != "00" {
		p.tol.note("countryIso2Code that is not an ISO 3166 code, kept in address Full", at)
		addr.Full = joinNonEmpty(", ", addr.Street, addr.City, addr.Region, addr.PostalCode, CleanText(x.Description))
	}
	if addr != (Address{}) {
		e.Addresses = append(e.Addresses, addr)
	}
	for _, r := range x.Remarks {
		remarks.addFact("address", r)
	}
	for _, c := range x.Contacts {
		typ := IDOther
		switch strings.ToUpper(strings.TrimSpace(c.Key)) {
		case "WEB", "WEBSITE", "URL":
			typ = IDWebsite
		case "EMAIL", "E-MAIL":
			typ = IDEmail
		case "PHONE", "TEL", "TELEPHONE", "FAX", "MOBILE":
			typ = IDPhone
		}
		for _, v := range strings.Split(c.Value, ";") {
			if v = CleanText(v); v != "" {
				e.Identifiers = appendIdentifier(e.Identifiers,
					Identifier{Type: typ, Number: v, Label: CleanText(c.Key)})
			}
		}
	}
}

// euFSFIDTypes maps identificationTypeCode values onto identifier types.
var euFSFIDTypes = map[string]string{
	"passport":         IDPassport,
	"id":               IDNationalID,
	"nationalid":       IDNationalID,
	"ssn":              IDNationalID,
	"birthcertificate": IDNationalID,
	"regnumber":        IDRegistration,
	"companyreg":       IDRegistration,
	"fiscalcode":       IDTaxID,
	"taxid":            IDTaxID,
	"vat":              IDTaxID,
	"imo":              IDIMO,
	"mmsi":             IDMMSI,
	"swiftbic":         IDSWIFT,
	"bic":              IDSWIFT,
	"email":            IDEmail,
	"web":              IDWebsite,
	"phone":            IDPhone,
	"callsign":         IDCallSign,
}

func (p *euFSFParser) identification(e *Entity, x *euFSFIdentification, at string) {
	num := CleanText(x.Number)
	latin := CleanText(x.LatinNumber)
	if num == "" {
		num = latin
	}
	if num == "" {
		p.tol.note("identification without number", at)
		return
	}
	code := strings.ToLower(strings.TrimSpace(x.TypeCode))
	typ, ok := euFSFIDTypes[code]
	if !ok {
		switch {
		case strings.Contains(code, "passport"):
			typ = IDPassport
		case strings.Contains(code, "tax") || strings.Contains(code, "fiscal"):
			typ = IDTaxID
		case strings.Contains(code, "reg"):
			typ = IDRegistration
		default:
			typ = IDOther
		}
	}
	id := Identifier{Type: typ, Number: num, Label: CleanText(x.TypeDesc)}
	if id.Label == "" {
		id.Label = CleanText(x.TypeCode)
	}
	var notes []string
	if iso, ok := euFSFCountry(x.Country); ok {
		id.Country = iso
	} else if c := strings.TrimSpace(x.Country); c != "" && c != "00" {
		p.tol.note("countryIso2Code that is not an ISO 3166 code, kept in identifier note", at)
		notes = append(notes, "country "+joinNonEmpty(" ", c, CleanText(x.Description)))
	}
	for _, f := range []struct{ attr, say string }{
		{x.KnownFalse, "known false"}, {x.KnownExpired, "known expired"},
		{x.Diplomatic, "diplomatic"}, {x.ReportedLost, "reported lost"},
		{x.Revoked, "revoked by issuer"},
	} {
		if strings.EqualFold(strings.TrimSpace(f.attr), "true") {
			notes = append(notes, f.say)
		}
	}
	if latin != "" && latin != num {
		notes = append(notes, "latin number "+latin)
	}
	for _, f := range []struct{ value, say string }{
		{x.IssueDate, "issued "}, {x.ValidTo, "valid to "}, {x.IssuedBy, "issued by "},
		{x.Region, "region "}, {x.NameOnDoc, "name on document "},
	} {
		if v := CleanText(f.value); v != "" {
			notes = append(notes, f.say+v)
		}
	}
	for _, r := range x.Remarks {
		if r = CleanText(r); r != "" {
			notes = append(notes, r)
		}
	}
	id.Note = strings.Join(notes, "; ")
	e.Identifiers = appendIdentifier(e.Identifiers, id)
}
