package norm

import "fmt"

// Kind classifies a Token.
type Kind uint8

// The token kinds.
const (
	// KindWord is an ordinary name word.
	KindWord Kind = iota
	// KindParticle is a particle that joins name parts and identifies
	// little: al, bin, abu, van, von, de, della… (particles.tsv).
	KindParticle
	// KindLegalForm is a company legal form reduced to its class: llc,
	// jsc, inc, co or llp (legal_forms.tsv).
	KindLegalForm
	// KindInitial is a single Latin letter ("V. Putin").
	KindInitial
	// KindNumber is a run of digits.
	KindNumber
	// KindTitle is a title inside or at the end of a name ("Muhammad
	// Fawzi HAJJI", "EBRAHIMI Ayatollah"), where it may be a title or a
	// name word: it counts when both sides have it and costs nothing when
	// one side lacks it. Titles at the start are dropped.
	KindTitle
)

// kindNames are the text forms of the kinds, in order.
var kindNames = [...]string{"word", "particle", "legal-form", "initial", "number", "title"}

// String returns the kind's name ("word", "particle", "legal-form",
// "initial", "number", "title").
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("%w: %d", ErrUnknownKind, uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if string(b) == n {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: %q", ErrUnknownKind, b)
}
