package lists

import "fmt"

// Source is the code of a published list. Entity IDs carry its lower-case
// prefix (see [Source.Prefix]).
type Source string

// The sources Sieve parses.
const (
	SourceOFACSDN       Source = "OFAC-SDN"      // US Treasury OFAC, SDN list
	SourceOFACCons      Source = "OFAC-CONS"     // US Treasury OFAC, consolidated non-SDN list
	SourceUNSC          Source = "UN-SC"         // UN Security Council consolidated list
	SourceEUFSF         Source = "EU-FSF"        // European Commission financial sanctions files
	SourceUKHMT         Source = "UK-HMT"        // UK HM Treasury / OFSI consolidated list (ConList)
	SourceUKFCDO        Source = "UK-FCDO"       // UK FCDO UK Sanctions List
	SourceCASEMA        Source = "CA-SEMA"       // Canada, Special Economic Measures Act list
	SourceAUDFAT        Source = "AU-DFAT"       // Australia DFAT consolidated list
	SourceUSCSL         Source = "US-CSL"        // US Consolidated Screening List (trade.gov)
	SourceOpenSanctions Source = "OPENSANCTIONS" // OpenSanctions datasets
	SourceCustom        Source = "CUSTOM"        // the host's own lists
)

var sourcePrefixes = map[Source]string{
	SourceOFACSDN:       "ofac-sdn",
	SourceOFACCons:      "ofac-cons",
	SourceUNSC:          "un-sc",
	SourceEUFSF:         "eu-fsf",
	SourceUKHMT:         "uk-hmt",
	SourceUKFCDO:        "uk-fcdo",
	SourceCASEMA:        "ca-sema",
	SourceAUDFAT:        "au-dfat",
	SourceUSCSL:         "us-csl",
	SourceOpenSanctions: "opensanctions",
	SourceCustom:        "custom",
}

// Sources returns every known source code in a fixed order.
func Sources() []Source {
	return []Source{SourceOFACSDN, SourceOFACCons, SourceUNSC, SourceEUFSF, SourceUKHMT,
		SourceUKFCDO, SourceCASEMA, SourceAUDFAT, SourceUSCSL, SourceOpenSanctions, SourceCustom}
}

// Prefix is the entity-ID prefix of the source, for example "ofac-sdn".
func (s Source) Prefix() string { return sourcePrefixes[s] }

// EntityID builds the public, stable ID of an entity of this source from the
// publisher's own record key: SourceOFACSDN.EntityID("36") is "ofac-sdn:36".
func (s Source) EntityID(key string) string { return s.Prefix() + ":" + key }

// String returns the source code.
func (s Source) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Source) MarshalText() ([]byte, error) {
	if _, ok := sourcePrefixes[s]; !ok {
		return nil, fmt.Errorf("lists: %w: source %q", ErrInvalidValue, string(s))
	}
	return []byte(s), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown codes.
func (s *Source) UnmarshalText(b []byte) error {
	v, err := ParseSource(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSource parses a source code, case-insensitively, accepting the
// entity-ID prefix too ("ofac-sdn" is SourceOFACSDN).
func ParseSource(code string) (Source, error) {
	for s, p := range sourcePrefixes {
		if equalFold(code, string(s)) || equalFold(code, p) {
			return s, nil
		}
	}
	return "", fmt.Errorf("lists: %w: source %q", ErrInvalidValue, code)
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}
