package lists

import (
	"fmt"
	"strings"
)

// EntityType is what kind of party an entity is.
type EntityType int

// The entity types. The zero value is TypeUnknown.
const (
	TypeUnknown EntityType = iota
	TypePerson
	TypeOrganization
	TypeVessel
	TypeAircraft
)

var entityTypeNames = [...]string{"unknown", "person", "organization", "vessel", "aircraft"}

// String returns "person", "organization", "vessel", "aircraft" or "unknown".
func (t EntityType) String() string {
	if t < 0 || int(t) >= len(entityTypeNames) {
		return fmt.Sprintf("EntityType(%d)", int(t))
	}
	return entityTypeNames[t]
}

// MarshalText implements encoding.TextMarshaler.
func (t EntityType) MarshalText() ([]byte, error) {
	if t < 0 || int(t) >= len(entityTypeNames) {
		return nil, fmt.Errorf("lists: %w: entity type %d", ErrInvalidValue, int(t))
	}
	return []byte(entityTypeNames[t]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown names.
func (t *EntityType) UnmarshalText(b []byte) error {
	v, err := ParseEntityType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseEntityType parses an entity type name case-insensitively. Besides the
// canonical names it accepts the publishers' words: individual, entity,
// company, legalentity, enterprise, ship.
func ParseEntityType(s string) (EntityType, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "individual", "individuals", "p":
		return TypePerson, nil
	case "organization", "organisation", "entity", "entities", "company", "legalentity",
		"enterprise", "e", "business":
		return TypeOrganization, nil
	case "vessel", "ship":
		return TypeVessel, nil
	case "aircraft", "airplane":
		return TypeAircraft, nil
	case "unknown", "":
		return TypeUnknown, nil
	}
	return TypeUnknown, fmt.Errorf("lists: %w: entity type %q", ErrInvalidValue, s)
}

// NameKind says how a name relates to its entity.
type NameKind int

// The name kinds. The zero value is NamePrimary.
const (
	NamePrimary   NameKind = iota // the name the publisher lists first
	NameAlias                     // a.k.a., good-quality or unqualified alias, n.k.a.
	NameWeakAlias                 // low-quality alias: screen it, but trust it less
	NameFormerly                  // f.k.a., formerly known as
)

var nameKindNames = [...]string{"primary", "alias", "weak_alias", "formerly"}

// String returns "primary", "alias", "weak_alias" or "formerly".
func (k NameKind) String() string {
	if k < 0 || int(k) >= len(nameKindNames) {
		return fmt.Sprintf("NameKind(%d)", int(k))
	}
	return nameKindNames[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k NameKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(nameKindNames) {
		return nil, fmt.Errorf("lists: %w: name kind %d", ErrInvalidValue, int(k))
	}
	return []byte(nameKindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown names.
func (k *NameKind) UnmarshalText(b []byte) error {
	for i, n := range nameKindNames {
		if string(b) == n {
			*k = NameKind(i)
			return nil
		}
	}
	return fmt.Errorf("lists: %w: name kind %q", ErrInvalidValue, string(b))
}

// Name is one name of an entity.
type Name struct {
	// Full is the whole name in natural order where the publisher gives it
	// ("Vladimir Vladimirovich PUTIN"); for OFAC's "LAST, First" convention
	// parsers reorder to "First LAST".
	Full string `json:"full"`
	// Given and Family are set when the publisher splits the name.
	Given  string   `json:"given,omitempty"`
	Family string   `json:"family,omitempty"`
	Kind   NameKind `json:"kind"`
	// Script is the ISO 15924 code of the name's writing system ("Latn",
	// "Cyrl", "Arab", "Hani", ...), detected with [DetectScript].
	Script string `json:"script"`
}

// Birthdate is a date of birth as listed: exact, partial (year only or
// year-month), approximate, or a range of years.
type Birthdate struct {
	Date PartialDate `json:"date"`
	// To is the end of a range ("1955 to 1958"); zero for a single date.
	To PartialDate `json:"to,omitzero"`
	// Circa marks "circa", "approximately", "about".
	Circa bool `json:"circa,omitempty"`
}

// String renders "1948-12-10", "1962", "1955..1958" or "~1970".
func (b Birthdate) String() string {
	s := b.Date.String()
	if !b.To.IsZero() {
		s += ".." + b.To.String()
	}
	if b.Circa {
		s = "~" + s
	}
	return s
}

// Address is a postal address. Country is ISO 3166 alpha-2 when known.
type Address struct {
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country,omitempty"`
	// Full is the address as one line, when the publisher does not split it.
	Full string `json:"full,omitempty"`
}

// Identifier types. Publishers use many more words; parsers map theirs onto
// these and keep the publisher's wording in Identifier.Label.
const (
	IDPassport     = "passport"
	IDNationalID   = "national_id"
	IDTaxID        = "tax_id"
	IDRegistration = "registration"
	IDIMO          = "imo"
	IDMMSI         = "mmsi"
	IDCallSign     = "call_sign"
	IDCrypto       = "crypto_address"
	IDSWIFT        = "swift_bic"
	IDEmail        = "email"
	IDWebsite      = "website"
	IDPhone        = "phone"
	IDAircraft     = "aircraft"
	IDOther        = "other"
)

// Identifier is a document or registration number.
type Identifier struct {
	Type   string `json:"type"`
	Number string `json:"number"`
	// Country is the issuing country, ISO 3166 alpha-2, when known.
	Country string `json:"country,omitempty"`
	// Label is the publisher's own wording of the type ("Cedula No.").
	Label string `json:"label,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Entity is one listed party, normalized from any source.
type Entity struct {
	ID            string       `json:"id"`
	Source        Source       `json:"source"`
	Type          EntityType   `json:"type"`
	Names         []Name       `json:"names"`
	BirthDates    []Birthdate  `json:"birth_dates,omitempty"`
	BirthPlaces   []string     `json:"birth_places,omitempty"`
	Nationalities []string     `json:"nationalities,omitempty"`
	Citizenships  []string     `json:"citizenships,omitempty"`
	Gender        string       `json:"gender,omitempty"` // "male", "female" or empty
	Addresses     []Address    `json:"addresses,omitempty"`
	Identifiers   []Identifier `json:"identifiers,omitempty"`
	Programs      []string     `json:"programs,omitempty"`
	Titles        []string     `json:"titles,omitempty"` // titles and positions held
	ListedOn      PartialDate  `json:"listed_on,omitzero"`
	Remarks       string       `json:"remarks,omitempty"`

	// names indexes Names for AddName once the entity has many; see
	// nameIndex. It is not part of the entity's value: JSON skips it, and
	// nothing compares entities with ==.
	names *nameIndex
}

// PrimaryName returns the first primary name, or the first name of any kind,
// or "" for an entity without names.
func (e *Entity) PrimaryName() string {
	for _, n := range e.Names {
		if n.Kind == NamePrimary {
			return n.Full
		}
	}
	if len(e.Names) > 0 {
		return e.Names[0].Full
	}
	return ""
}

// AddName appends a name unless the entity already has the same text
// (compared case-insensitively, as strings.EqualFold does, after
// CleanText); it detects the script. It reports whether the name was added.
//
// AddName costs the same for every name, however many the entity has: from
// nameIndexMin names on, it keeps an index of the names it has seen
// instead of scanning them. The index notices when Names is replaced,
// grown or cut by other code, but not when a Name's Full is rewritten in
// place; code that does that should use AddName only on entities it built
// itself. reflect.DeepEqual sees the index, so compare entities by their
// exported fields.
func (e *Entity) AddName(full string, kind NameKind) bool {
	full = CleanText(full)
	if full == "" || e.hasName(full) {
		return false
	}
	e.Names = append(e.Names, Name{Full: full, Kind: kind, Script: DetectScript(full)})
	if e.names != nil && e.names.n == len(e.Names)-1 {
		e.names.add(e.Names, full)
	}
	return true
}

// CleanText trims a value and folds runs of white space (including
// newlines and no-break spaces) to one space.
func CleanText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
