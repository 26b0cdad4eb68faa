package report

import "fmt"

// Mode is the kind of report rendered for a run.
type Mode string

// The report modes.
const (
	// ModeSummary is the short report (at most three pages): decision,
	// operative decision and its reasons, risk band and score, key
	// findings, lists and versions, and the analyst sign-off block.
	ModeSummary Mode = "resumido"
	// ModeComplete is the full report: every source result, every match
	// with entity details and score explanation, the rules fired with the
	// values they read, the audit log, list versions and an appendix.
	ModeComplete Mode = "completo"
	// ModeExport is the KYC screening export: header, summary, entity
	// information, results by list and metadata.
	ModeExport Mode = "export"
)

// Modes returns every mode, in a fixed order.
func Modes() []Mode { return []Mode{ModeSummary, ModeComplete, ModeExport} }

// ParseMode parses "resumido", "completo" or "export". Anything else is an
// error wrapping ErrInvalidMode.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(s); m {
	case ModeSummary, ModeComplete, ModeExport:
		return m, nil
	}
	return "", fmt.Errorf("%w: %q (want resumido, completo or export)", ErrInvalidMode, s)
}

// Valid reports whether m is one of the defined modes.
func (m Mode) Valid() bool {
	_, err := ParseMode(string(m))
	return err == nil
}

// String returns the mode's wire name.
func (m Mode) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown modes.
func (m Mode) MarshalText() ([]byte, error) {
	if _, err := ParseMode(string(m)); err != nil {
		return nil, err
	}
	return []byte(m), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// modes.
func (m *Mode) UnmarshalText(text []byte) error {
	v, err := ParseMode(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
