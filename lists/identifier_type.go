package lists

import (
	"strings"
	"sync"
)

// This file is the one reading of the US Treasury's identifier vocabulary:
// the idType of OFAC's sdnList XML ("Passport", "Tax ID No."), the type
// word that ends each item of the US CSL's ids column ("…, Tax ID No.") and
// the label that starts an identifier statement in the Remarks of OFAC's
// legacy CSVs ("Tax ID No. 123 (Iran)"). ParseOFACXML, ParseUSCSLCSV and
// parseOFACRemarks all classify with idLabels, so one label means one
// thing in every format.

// idLabelKind says what a Treasury identifier label introduces.
type idLabelKind uint8

const (
	idDocument    idLabelKind = iota // an identifier of the label's type
	idFact                           // a statement or descriptive datum, kept in remarks
	idGender                         // the entity's gender
	idNationality                    // a country of nationality
	idCitizenship                    // a country of citizenship
	idBirthdate                      // a date of birth
	idBirthplace                     // a place of birth
)

// idLabel is one wording of the vocabulary and what it introduces.
type idLabel struct {
	label string // as the Treasury writes it
	kind  idLabelKind
	typ   string // for idDocument, an ID* constant
	// plain values (addresses, numbers to dial, codes) are taken whole in
	// remarks, without looking for a country or a note.
	plain bool
	// vessel marks "Vessel Registration Identification", which introduces
	// a ship's IMO number or, when the number is not one, the ship's
	// registration in its flag state (see idLabel.identifier).
	vessel bool
}

// idLabels is the vocabulary as counted in OFAC's SDN and non-SDN CSVs and
// XML and the US CSL of 2023–2025, each label with the type a compliance
// engineer would give it. Before this table the three formats were read
// by three classifiers that disagreed on some twenty labels; the disputed
// ones were settled so:
//
//   - Passport-like travel documents are passports: "Travel Document
//     Number" (Germany's travel documents for refugees) is IDPassport.
//     Seafarer's identity documents and visas are not passports (IDOther).
//   - National tax numbers are tax IDs: "RSIN" (the Netherlands' number for
//     legal entities, their tax number) and "N.I.F." are IDTaxID.
//   - Company registry numbers are registrations: "LE Number" (Peru's legal
//     entity number), "Organization Code" (China), "Economic Register
//     Number (CBLS)", "Branch Unit Number", "D-U-N-S Number", "C.I.N."
//     (India's Corporate Identity Number, not a national identity card),
//     "File Number" (a Delaware company file), "Permit Number" (Maldives
//     business permits) and "SRE Permit No." (Mexico's permit to form a
//     company) are IDRegistration. A "Military Registration Number" is a
//     person's, and IDOther.
//   - Personal numbers that a state issues to residents are national IDs:
//     "C.U.I." (Guatemala's Código Único de Identificación, not Argentina's
//     C.U.I.T. tax number), "C.U.I.P.", "National Foreign ID Number",
//     "Residency Number", "Romanian Permanent Resident", "Immigration No.",
//     "Public Security and Immigration No." and "Birth Certificate Number"
//     are IDNationalID.
//   - "Other Vessel Call Sign" is IDCallSign; every phone and fax wording
//     is IDPhone, every e-mail wording IDEmail.
//   - "Nationality of Registration" is the flag of a vessel (or the country
//     of registration of an aircraft or a company), and "Registration
//     Country" the country of a company: neither is an identifier nor a
//     person's nationality, so both are facts kept in remarks.
//   - "Chinese Commercial Code" (the telegraph code of a Chinese name),
//     "MICEX Code" (a stock ticker) and "UN/LOCODE" (a place) identify no
//     party: facts.
//   - "Vessel Registration Identification" is the IMO number ("IMO 9187629",
//     or seven digits); another number under it ("RS 150443") is the ship's
//     registration, IDRegistration.
//
// A label not in the table ("Digital Currency Address - XBT", the
// statements ending in ":" or "-", a wording OFAC adds tomorrow) is
// classified by its words (classifyIDLabel).
var idLabels = []idLabel{
	// Passports and travel documents.
	{label: "Passport", typ: IDPassport},
	{label: "Diplomatic Passport", typ: IDPassport},
	{label: "Passport Booklet", typ: IDPassport},
	{label: "British National Overseas Passport", typ: IDPassport},
	{label: "Stateless Person Passport", typ: IDPassport},
	{label: "Travel Document Number", typ: IDPassport},
	// Personal identity numbers.
	{label: "National ID No.", typ: IDNationalID},
	{label: "Cedula No.", typ: IDNationalID},
	{label: "Identification Number", typ: IDNationalID},
	{label: "Personal ID Card", typ: IDNationalID},
	{label: "C.U.R.P.", typ: IDNationalID},
	{label: "C.U.R.P. #", typ: IDNationalID},
	{label: "C.U.I.", typ: IDNationalID},
	{label: "C.U.I.P.", typ: IDNationalID},
	{label: "D.N.I.", typ: IDNationalID},
	{label: "N.I.E.", typ: IDNationalID},
	{label: "SSN", typ: IDNationalID},
	{label: "Citizen's Card Number", typ: IDNationalID},
	{label: "Turkish Identification Number", typ: IDNationalID},
	{label: "Numero de Identidad", typ: IDNationalID},
	{label: "Kenyan ID No.", typ: IDNationalID},
	{label: "Tazkira National ID Card", typ: IDNationalID},
	{label: "National Foreign ID Number", typ: IDNationalID},
	{label: "Credencial electoral", typ: IDNationalID},
	{label: "I.F.E.", typ: IDNationalID},
	{label: "Electoral Registry No.", typ: IDNationalID},
	{label: "Bosnian Personal ID No.", typ: IDNationalID},
	{label: "Moroccan Personal ID No.", typ: IDNationalID},
	{label: "CNP (Personal Numerical Code)", typ: IDNationalID},
	{label: "UAE Identification", typ: IDNationalID},
	{label: "Refugee ID Card", typ: IDNationalID},
	{label: "Stateless Person ID Card", typ: IDNationalID},
	{label: "Residency Number", typ: IDNationalID},
	{label: "Romanian Permanent Resident", typ: IDNationalID},
	{label: "Romanian Permanent Resident CAN", typ: IDNationalID},
	{label: "Immigration No.", typ: IDNationalID},
	{label: "Public Security and Immigration No.", typ: IDNationalID},
	{label: "Birth Certificate Number", typ: IDNationalID},
	// Tax numbers.
	{label: "Tax ID No.", typ: IDTaxID},
	{label: "R.F.C.", typ: IDTaxID},
	{label: "R.F.C. #", typ: IDTaxID},
	{label: "RFC", typ: IDTaxID},
	{label: "NIT #", typ: IDTaxID},
	{label: "RUC #", typ: IDTaxID},
	{label: "RIF #", typ: IDTaxID},
	{label: "RTN", typ: IDTaxID},
	{label: "RSIN", typ: IDTaxID},
	{label: "V.A.T. Number", typ: IDTaxID},
	{label: "US FEIN", typ: IDTaxID},
	{label: "C.U.I.T.", typ: IDTaxID},
	{label: "C.I.F.", typ: IDTaxID},
	{label: "N.I.F.", typ: IDTaxID},
	{label: "Italian Fiscal Code", typ: IDTaxID},
	{label: "Fiscal Code", typ: IDTaxID},
	{label: "Romanian Tax Registration", typ: IDTaxID},
	{label: "Paraguayan tax identification number", typ: IDTaxID},
	{label: "Numero Unico de Identificacao Tributaria (NUIT)", typ: IDTaxID},
	// Company and business registrations.
	{label: "Registration Number", typ: IDRegistration},
	{label: "Registration ID", typ: IDRegistration},
	{label: "Business Registration Number", typ: IDRegistration},
	{label: "Business Registration Document #", typ: IDRegistration},
	{label: "Business Number", typ: IDRegistration},
	{label: "Commercial Registry Number", typ: IDRegistration},
	{label: "Company Number", typ: IDRegistration},
	{label: "UK Company Number", typ: IDRegistration},
	{label: "Government Gazette Number", typ: IDRegistration},
	{label: "Folio Mercantil No.", typ: IDRegistration},
	{label: "Matricula Mercantil No", typ: IDRegistration},
	{label: "Unified Social Credit Code (USCC)", typ: IDRegistration},
	{label: "United Social Credit Code Certificate (USCCC)", typ: IDRegistration},
	{label: "Legal Entity Number", typ: IDRegistration},
	{label: "LE Number", typ: IDRegistration},
	{label: "C.R. No.", typ: IDRegistration},
	{label: "Romanian C.R.", typ: IDRegistration},
	{label: "Chamber of Commerce Number", typ: IDRegistration},
	{label: "Istanbul Chamber of Comm. No.", typ: IDRegistration},
	{label: "Dubai Chamber of Commerce Membership No.", typ: IDRegistration},
	{label: "Central Registration System Number", typ: IDRegistration},
	{label: "Economic Register Number (CBLS)", typ: IDRegistration},
	{label: "Enterprise Number", typ: IDRegistration},
	{label: "Branch Unit Number", typ: IDRegistration},
	{label: "D-U-N-S Number", typ: IDRegistration},
	{label: "Public Registration Number", typ: IDRegistration},
	{label: "Certificate of Incorporation Number", typ: IDRegistration},
	{label: "Registered Charity No.", typ: IDRegistration},
	{label: "Organization Code", typ: IDRegistration},
	{label: "C.I.N.", typ: IDRegistration},
	{label: "Global Intermediary Identification Number", typ: IDRegistration},
	{label: "File Number", typ: IDRegistration},
	{label: "Trade License No.", typ: IDRegistration},
	{label: "Tourism License No.", typ: IDRegistration},
	{label: "License", typ: IDRegistration},
	{label: "Permit Number", typ: IDRegistration},
	{label: "SRE Permit No.", typ: IDRegistration},
	{label: "MSB Registration Number", typ: IDRegistration},
	{label: "Afghan Money Service Provider License Number", typ: IDRegistration},
	// Vessels.
	{label: "Vessel Registration Identification", typ: IDIMO, vessel: true},
	{label: "Vessel Registration Identification IMO", typ: IDIMO},
	{label: "Identification Number IMO", typ: IDIMO},
	{label: "Company Number IMO", typ: IDIMO},
	{label: "International Maritime Organization No.", typ: IDIMO},
	{label: "IMO", typ: IDIMO},
	{label: "MMSI", typ: IDMMSI},
	{label: "Other Vessel Call Sign", typ: IDCallSign},
	// Aircraft.
	{label: "Aircraft Manufacturer's Serial Number (MSN)", typ: IDAircraft},
	{label: "Aircraft Serial Identification", typ: IDAircraft},
	{label: "Aircraft Construction Number (also called L/N or S/N or F/N)", typ: IDAircraft},
	{label: "Aircraft Tail Number", typ: IDAircraft},
	{label: "Previous Aircraft Tail Number", typ: IDAircraft},
	{label: "Aircraft Mode S Transponder Code", typ: IDAircraft},
	// Banks, securities and contact points.
	{label: "SWIFT/BIC", typ: IDSWIFT, plain: true},
	{label: "BIK (RU)", typ: IDOther, plain: true},
	{label: "ISIN", typ: IDOther, plain: true},
	{label: "Identification Number ISIN", typ: IDOther, plain: true},
	{label: "Website", typ: IDWebsite, plain: true},
	{label: "Email Address", typ: IDEmail, plain: true},
	{label: "Email", typ: IDEmail, plain: true},
	{label: "Phone Number", typ: IDPhone, plain: true},
	{label: "Phone No.", typ: IDPhone, plain: true},
	{label: "Phone", typ: IDPhone, plain: true},
	{label: "Telephone", typ: IDPhone, plain: true},
	{label: "Telephone No.", typ: IDPhone, plain: true},
	{label: "Telephone Number", typ: IDPhone, plain: true},
	{label: "Fax", typ: IDPhone, plain: true},
	{label: "Fax No.", typ: IDPhone, plain: true},
	{label: "Fax Number", typ: IDPhone, plain: true},
	// Other documents.
	{label: "Driver's License No.", typ: IDOther},
	{label: "Seafarer's Identification Document", typ: IDOther},
	{label: "Military Registration Number", typ: IDOther},
	{label: "Pilot License Number", typ: IDOther},
	{label: "Cartilla de Servicio Militar Nacional", typ: IDOther},
	{label: "VisaNumberID", typ: IDOther},
	{label: "Serial No.", typ: IDOther},
	// Facts about the party, kept in remarks. Labels ending in ":" or "-"
	// and the sanctions and directive statements are facts by rule.
	{label: "Target Type", kind: idFact},
	{label: "Organization Established Date", kind: idFact},
	{label: "Issuer Name", kind: idFact},
	{label: "Equity Ticker", kind: idFact},
	{label: "MICEX Code", kind: idFact},
	{label: "Chinese Commercial Code", kind: idFact},
	{label: "UN/LOCODE", kind: idFact},
	{label: "Location", kind: idFact},
	{label: "Registration Country", kind: idFact},
	{label: "Nationality of Registration", kind: idFact},
	{label: "Vessel Type", kind: idFact},
	{label: "Other Vessel Type", kind: idFact},
	{label: "Vessel Flag", kind: idFact},
	{label: "Other Vessel Flag", kind: idFact},
	{label: "Former Vessel Flag", kind: idFact},
	{label: "Vessel Owner", kind: idFact},
	{label: "Vessel Year of Build", kind: idFact},
	{label: "Aircraft Model", kind: idFact},
	{label: "Aircraft Operator", kind: idFact},
	{label: "Aircraft Manufacture Date", kind: idFact},
	// Facts about a person that have fields of their own.
	{label: "Gender", kind: idGender},
	{label: "Nationality Country", kind: idNationality},
	{label: "Citizenship Country", kind: idCitizenship},
	{label: "Birthdate", kind: idBirthdate},
	{label: "Place of Birth", kind: idBirthplace},
}

// idLabelIndex maps each label of idLabels, as written and lower-cased, to
// its entry.
var idLabelIndex = sync.OnceValue(func() map[string]idLabel {
	idx := make(map[string]idLabel, 2*len(idLabels))
	for _, l := range idLabels {
		idx[l.label] = l
		idx[strings.ToLower(l.label)] = l
	}
	return idx
})

// classifyIDLabel says what a label introduces: the entry of idLabels that
// has the label (compared case-insensitively after CleanText) or, for a
// label nobody has seen yet, what its words suggest, with IDOther for a
// document of no known kind.
func classifyIDLabel(label string) idLabel {
	label = cleaned(label)
	idx := idLabelIndex()
	if l, ok := idx[label]; ok {
		return l
	}
	k := strings.ToLower(label)
	if l, ok := idx[k]; ok {
		return l
	}
	l := idLabel{label: label, typ: IDOther}
	switch {
	case strings.HasPrefix(k, "digital currency address"):
		l.typ = IDCrypto
	// Statements, directives and dates: "Secondary sanctions risk:",
	// "Executive Order 13662 Directive Determination -", "Listing Date
	// (CMIC)", "Organization Type:", "CAATSA Section 235 Information:".
	case strings.HasSuffix(k, ":") || strings.HasSuffix(k, "-"),
		containsAny(k, "sanction", "executive order", "directive", "information", "determination",
			"prohibited", "date", "organization type", "target type", "caatsa", "peesa", "ifca",
			"model", "operator", "flag", "owner", "ticker", "country"):
		l.typ, l.kind = "", idFact
	case containsAny(k, "passport", "pasaporte", "travel document"):
		l.typ = IDPassport
	case containsAny(k, "swift"):
		l.typ = IDSWIFT
	case containsAny(k, "website"):
		l.typ = IDWebsite
	case containsAny(k, "email", "e-mail"):
		l.typ = IDEmail
	case containsAny(k, "phone", "fax"):
		l.typ = IDPhone
	case hasIDWord(k, "mmsi"):
		l.typ = IDMMSI
	case hasIDWord(k, "imo"):
		l.typ = IDIMO
	case containsAny(k, "call sign"):
		l.typ = IDCallSign
	case strings.HasPrefix(k, "aircraft") || strings.HasPrefix(k, "previous aircraft"):
		l.typ = IDAircraft
	case containsAny(k, "driver", "pilot", "seafarer", "visa", "military"):
		// IDOther: personal licences and papers that are not identity documents.
	case containsAny(k, "tax", "fiscal", "tributaria", "v.a.t.") ||
		hasIDWord(k, "vat", "rfc", "nit", "ruc", "rif", "cuit", "cif", "nif", "fein", "rtn", "nuit", "inn"):
		l.typ = IDTaxID
	case containsAny(k, "regist", "company", "business", "enterprise", "chamber of comm", "incorporation",
		"license", "licence", "matricula", "mercantil", "charity", "commercial", "permit", "gazette",
		"social credit", "legal entity"):
		l.typ = IDRegistration
	case containsAny(k, "national id", "cedula", "cédula", "personal id", "id card", "identification",
		"identity", "identidad", "citizen", "residen", "birth certificate", "immigration",
		"personal numerical", "refugee", "stateless", "electoral") || hasIDWord(k, "id"):
		l.typ = IDNationalID
	}
	return l
}

// hasIDWord reports whether the lower-cased label k has one of words as a
// word, ignoring the dots and "#" in k's words: "r.f.c. #" has "rfc".
// Words are separated by spaces, commas, parentheses, colons and slashes.
func hasIDWord(k string, words ...string) bool {
	for len(k) > 0 {
		i := strings.IndexAny(k, " ,():/")
		word := k
		if i >= 0 {
			word, k = k[:i], k[i+1:]
		} else {
			k = ""
		}
		for _, w := range words {
			if equalIgnoringDots(word, w) {
				return true
			}
		}
	}
	return false
}

// equalIgnoringDots reports whether word, without its "." and "#", is w.
func equalIgnoringDots(word, w string) bool {
	j := 0
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c == '.' || c == '#':
		case j < len(w) && c == w[j]:
			j++
		default:
			return false
		}
	}
	return j == len(w) && len(w) > 0
}

// identifier builds the identifier that a document label introduces, with
// the publisher's label and number. An IMO number loses its "IMO" prefix;
// under "Vessel Registration Identification" a number that is neither
// written "IMO …" nor seven digits is the ship's registration in its flag
// state, typed IDRegistration.
func (l idLabel) identifier(label, number string) Identifier {
	id := Identifier{Type: l.typ, Number: number, Label: label}
	if l.typ != IDIMO {
		return id
	}
	clean := cleaned(number)
	n := clean
	if len(n) >= 3 && strings.EqualFold(n[:3], "imo") {
		n = trimIMOPrefix(n)
	}
	if n != "" {
		id.Number = n
	}
	if l.vessel && n == clean && !(len(n) == 7 && allDigits(n)) {
		id.Type = IDRegistration
	}
	return id
}
