package rules

// Decision is the compliance decision computed from a template's rules:
// rejected if any reject rule fired, else review if any review rule fired,
// else approved. Its values are ordered by severity.
type Decision uint8

// The decisions, least severe first. The zero value is invalid.
const (
	DecisionApproved Decision = iota + 1
	DecisionReview
	DecisionRejected
)

var decisionNames = []string{"", "approved", "review", "rejected"}

// ParseDecision parses "approved", "review" or "rejected".
func ParseDecision(s string) (Decision, error) {
	v, err := enumParse("decision", decisionNames, s)
	return Decision(v), err
}

// String returns "approved", "review" or "rejected".
func (d Decision) String() string { return enumString("Decision", decisionNames, uint8(d)) }

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (d Decision) MarshalText() ([]byte, error) {
	return enumMarshal("decision", decisionNames, uint8(d))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (d *Decision) UnmarshalText(b []byte) error {
	v, err := ParseDecision(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// OperativeDecision is the decision a host acts on: hold when a critical
// (tier 1) source failed to return data, otherwise the Decision.
type OperativeDecision uint8

// The operative decisions. The zero value is invalid.
const (
	OperativeApproved OperativeDecision = iota + 1
	OperativeReview
	OperativeRejected
	OperativeHold
)

var operativeNames = []string{"", "approved", "review", "rejected", "hold"}

// ParseOperativeDecision parses "approved", "review", "rejected" or "hold".
func ParseOperativeDecision(s string) (OperativeDecision, error) {
	v, err := enumParse("operative decision", operativeNames, s)
	return OperativeDecision(v), err
}

// Operative returns the operative decision a decision stands for when no
// critical source failed.
func (d Decision) Operative() OperativeDecision {
	switch d {
	case DecisionApproved:
		return OperativeApproved
	case DecisionReview:
		return OperativeReview
	case DecisionRejected:
		return OperativeRejected
	}
	return 0
}

// String returns "approved", "review", "rejected" or "hold".
func (d OperativeDecision) String() string {
	return enumString("OperativeDecision", operativeNames, uint8(d))
}

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (d OperativeDecision) MarshalText() ([]byte, error) {
	return enumMarshal("operative decision", operativeNames, uint8(d))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (d *OperativeDecision) UnmarshalText(b []byte) error {
	v, err := ParseOperativeDecision(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Outcome is what a rule asks for when it fires.
type Outcome uint8

// The outcomes. The zero value is invalid.
const (
	OutcomeApprove Outcome = iota + 1
	OutcomeReview
	OutcomeReject
)

var outcomeNames = []string{"", "approve", "review", "reject"}

// ParseOutcome parses "approve", "review" or "reject".
func ParseOutcome(s string) (Outcome, error) {
	v, err := enumParse("outcome", outcomeNames, s)
	return Outcome(v), err
}

// Decision returns the decision the outcome leads to on its own.
func (o Outcome) Decision() Decision {
	switch o {
	case OutcomeApprove:
		return DecisionApproved
	case OutcomeReview:
		return DecisionReview
	case OutcomeReject:
		return DecisionRejected
	}
	return 0
}

// String returns "approve", "review" or "reject".
func (o Outcome) String() string { return enumString("Outcome", outcomeNames, uint8(o)) }

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (o Outcome) MarshalText() ([]byte, error) { return enumMarshal("outcome", outcomeNames, uint8(o)) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (o *Outcome) UnmarshalText(b []byte) error {
	v, err := ParseOutcome(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}
