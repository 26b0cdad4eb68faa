package report

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
)

// SubjectKind is the kind of subject a run screened.
type SubjectKind string

// The subject kinds. A KYC export may leave the kind empty.
const (
	SubjectPerson  SubjectKind = "person"
	SubjectCompany SubjectKind = "company"
)

// Subject is who or what a run screened. Subjects are personal data: log
// them through LogValue, which logs a hash only.
type Subject struct {
	// Kind is person or company.
	Kind SubjectKind
	// Name is the subject's name as given, in any script.
	Name string
	// Transliteration is the Latin transliteration of Name, printed beside
	// it when Name is in a script the renderer cannot shape (Arabic,
	// Hebrew) or when it differs from Name.
	Transliteration string
	// DocumentType names the document (cpf, cnpj, passport...).
	DocumentType string
	// DocumentNumber is the document number. Renderers print it through
	// MaskDocument, so only its last three digits or letters show.
	DocumentNumber string
	// Params are the subject's other parameters (birth date, nationality,
	// other identifiers...), in display order.
	Params []KV
}

// LogValue implements slog.LogValuer. It logs the kind and a short hash of
// the name and document, never the name or the document number.
func (s Subject) LogValue() slog.Value {
	h := sha256.New()
	h.Write([]byte(s.Name))
	h.Write([]byte{0})
	h.Write([]byte(s.DocumentType))
	h.Write([]byte{0})
	h.Write([]byte(s.DocumentNumber))
	return slog.GroupValue(
		slog.String("kind", string(s.Kind)),
		slog.String("hash", hex.EncodeToString(h.Sum(nil))[:16]),
	)
}

// MaskedDocument returns the document number masked by MaskDocument.
func (s Subject) MaskedDocument() string { return MaskDocument(s.DocumentNumber) }
