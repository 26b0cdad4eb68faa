package report

// Decision is a run's decision as a report prints it.
type Decision string

// The decisions. DecisionHold is valid only as an operative decision.
const (
	DecisionApproved Decision = "approved"
	DecisionReview   Decision = "review"
	DecisionRejected Decision = "rejected"
	DecisionHold     Decision = "hold"
)

// Label returns the decision in Portuguese, as the bureau reports print
// it: aprovado, em revisão, reprovado, retido (hold). An unknown decision
// is returned unchanged.
func (d Decision) Label() string {
	switch d {
	case DecisionApproved:
		return "aprovado"
	case DecisionReview:
		return "em revisão"
	case DecisionRejected:
		return "reprovado"
	case DecisionHold:
		return "retido (hold)"
	}
	return string(d)
}

// validDecision reports whether d is approved, review or rejected, or also
// hold when operative is true.
func validDecision(d Decision, operative bool) bool {
	switch d {
	case DecisionApproved, DecisionReview, DecisionRejected:
		return true
	case DecisionHold:
		return operative
	}
	return false
}

// Band is a risk band: low, medium or high.
type Band string

// The risk bands.
const (
	BandLow    Band = "low"
	BandMedium Band = "medium"
	BandHigh   Band = "high"
)

// Label returns the band as the bureau API renders it: baixo, medio or
// alto. An unknown band is returned unchanged.
func (b Band) Label() string {
	switch b {
	case BandLow:
		return "baixo"
	case BandMedium:
		return "medio"
	case BandHigh:
		return "alto"
	}
	return string(b)
}

func (b Band) valid() bool { return b == BandLow || b == BandMedium || b == BandHigh }

// BandLabel returns the label a renderer prints for the document's risk
// band: RiskBandLabel when set, else RiskBand.Label().
func (d *Document) BandLabel() string {
	if d.RiskBandLabel != "" {
		return d.RiskBandLabel
	}
	return d.RiskBand.Label()
}
