package rules

import (
	"slices"
	"time"
)

// ParamType is the type of a subject parameter.
type ParamType uint8

// The parameter types. The zero value is invalid.
const (
	ParamString     ParamType = iota + 1 // text; rules see a string
	ParamNumber                          // a real number; rules see a float
	ParamInteger                         // a whole number; rules see an int
	ParamBoolean                         // rules see a bool
	ParamDate                            // YYYY-MM-DD; rules see a time.Time at 00:00 UTC
	ParamStringList                      // a list of texts (partners' names, nationalities)
)

var paramTypeNames = []string{"", "string", "number", "integer", "boolean", "date", "string_list"}

// ParseParamType parses "string", "number", "integer", "boolean", "date" or
// "string_list".
func ParseParamType(s string) (ParamType, error) {
	v, err := enumParse("parameter type", paramTypeNames, s)
	return ParamType(v), err
}

// String returns the type's name.
func (t ParamType) String() string { return enumString("ParamType", paramTypeNames, uint8(t)) }

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (t ParamType) MarshalText() ([]byte, error) {
	return enumMarshal("parameter type", paramTypeNames, uint8(t))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (t *ParamType) UnmarshalText(b []byte) error {
	v, err := ParseParamType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// FormatCountry is the string format of a country: any name or code
// lists.NormalizeCountry knows, normalized to ISO 3166 alpha-2.
const FormatCountry = "country"

// Limits on parameter values.
const (
	// MaxParamLength is the default and largest MaxLength of a string
	// parameter, in bytes.
	MaxParamLength = 1000
	// MaxListItems bounds the items of a string_list parameter.
	MaxListItems = 100
)

// Param is one field of a template's parameter schema.
type Param struct {
	Name        string    `json:"name"`
	Type        ParamType `json:"type"`
	Required    bool      `json:"required"`
	Description string    `json:"description,omitempty"`
	// Format constrains a string (or each item of a string_list): a
	// document type of the template's registry ("cpf", "cnpj"), whose
	// canonical form replaces the value, or FormatCountry.
	Format string `json:"format,omitempty"`
	// Enum lists the allowed values of a string.
	Enum []string `json:"enum,omitempty"`
	// MaxLength bounds a string's length in bytes; zero means
	// MaxParamLength.
	MaxLength int `json:"max_length,omitempty"`
}

func (p Param) clone() Param {
	p.Enum = slices.Clone(p.Enum)
	return p
}

// DocumentField names the template's document parameter and its type. It
// defaults to the parameter "cpf" of type cpf for persons and "cnpj" of type
// cnpj for companies. The parameter is always required and validated by
// length and check digits.
type DocumentField struct {
	Param string `json:"param"`
	Type  string `json:"type"`
}

// SubjectKind is whom a template screens.
type SubjectKind uint8

// The subject kinds. The zero value is invalid.
const (
	SubjectPerson  SubjectKind = iota + 1 // a natural person (PF)
	SubjectCompany                        // a legal entity (PJ)
)

var subjectKindNames = []string{"", "person", "company"}

// ParseSubjectKind parses "person" or "company".
func ParseSubjectKind(s string) (SubjectKind, error) {
	v, err := enumParse("subject kind", subjectKindNames, s)
	return SubjectKind(v), err
}

// String returns "person" or "company".
func (k SubjectKind) String() string { return enumString("SubjectKind", subjectKindNames, uint8(k)) }

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (k SubjectKind) MarshalText() ([]byte, error) {
	return enumMarshal("subject kind", subjectKindNames, uint8(k))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (k *SubjectKind) UnmarshalText(b []byte) error {
	v, err := ParseSubjectKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// defaultDocument is the document field of a subject kind.
func (k SubjectKind) defaultDocument() DocumentField {
	if k == SubjectCompany {
		return DocumentField{Param: DocumentCNPJ, Type: DocumentCNPJ}
	}
	return DocumentField{Param: DocumentCPF, Type: DocumentCPF}
}

// dateLayout is the text form of a date parameter.
const dateLayout = time.DateOnly
