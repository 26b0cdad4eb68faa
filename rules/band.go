package rules

import "fmt"

// RiskBand is the band a risk score falls in under a template's cut-offs.
type RiskBand uint8

// The risk bands, lowest first. The zero value is invalid.
const (
	BandLow RiskBand = iota + 1
	BandMedium
	BandHigh
)

var bandNames = []string{"", "low", "medium", "high"}
var bandBureauNames = []string{"", "baixo", "medio", "alto"}

// ParseRiskBand parses "low", "medium" or "high", or their bureau forms
// "baixo", "medio" and "alto".
func ParseRiskBand(s string) (RiskBand, error) {
	for i := 1; i < len(bandBureauNames); i++ {
		if bandBureauNames[i] == s {
			return RiskBand(i), nil
		}
	}
	v, err := enumParse("risk band", bandNames, s)
	return RiskBand(v), err
}

// String returns "low", "medium" or "high".
func (b RiskBand) String() string { return enumString("RiskBand", bandNames, uint8(b)) }

// BureauString returns the band as the bureau API renders it: "baixo",
// "medio" or "alto".
func (b RiskBand) BureauString() string {
	return enumString("RiskBand", bandBureauNames, uint8(b))
}

// MarshalText implements encoding.TextMarshaler with the English names; it
// rejects invalid values.
func (b RiskBand) MarshalText() ([]byte, error) {
	return enumMarshal("risk band", bandNames, uint8(b))
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the English
// and the bureau names and rejects anything else.
func (b *RiskBand) UnmarshalText(text []byte) error {
	v, err := ParseRiskBand(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// Bands holds a template's risk-band cut-offs: a score at or above High is
// high, else at or above Medium is medium, else low. Scores run from 0 to
// 100; 0 < Medium < High <= 100.
type Bands struct {
	Medium int `json:"medium"`
	High   int `json:"high"`
}

// Band returns the band of a score.
func (b Bands) Band(score int) RiskBand {
	switch {
	case score >= b.High:
		return BandHigh
	case score >= b.Medium:
		return BandMedium
	}
	return BandLow
}

// Validate reports whether the cut-offs are ordered and within 1..100.
func (b Bands) Validate() error {
	if b.Medium < 1 || b.High > MaxRiskScore || b.Medium >= b.High {
		return fmt.Errorf("rules: %w: risk bands need 0 < medium < high <= %d, got medium %d, high %d",
			ErrInvalidTemplate, MaxRiskScore, b.Medium, b.High)
	}
	return nil
}

// MaxRiskScore is the cap of a risk score. The score of an evaluation is the
// sum of the risk points of the rules that fired, capped at MaxRiskScore.
const MaxRiskScore = 100
