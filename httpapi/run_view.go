package httpapi

import (
	"time"

	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// runView is a run on the wire (GET /runs/{id} and each entry of GET
// /runs). Outcome fields are null until the run has them.
type runView struct {
	RunID             string            `json:"run_id"`
	Status            string            `json:"status"`
	TemplateID        string            `json:"template_id"`
	TemplateVersion   int               `json:"template_version"`
	Decision          *string           `json:"decision"`
	OperativeDecision *string           `json:"operative_decision"`
	RiskBand          *string           `json:"risk_band"`
	RiskScore         *int              `json:"risk_score"`
	ExternalID        *string           `json:"external_id"`
	Metadata          map[string]string `json:"metadata"`
	CreatedAt         time.Time         `json:"created_at"`
	StartedAt         *time.Time        `json:"started_at"`
	CompletedAt       *time.Time        `json:"completed_at"`
	EstimatedSeconds  int               `json:"estimated_seconds"`
	Live              bool              `json:"live"`
	Environment       string            `json:"environment"`
	Error             string            `json:"error,omitempty"`
	SignOff           *signOffView      `json:"sign_off,omitempty"`
	RetryAfterSeconds int               `json:"retry_after_seconds,omitempty"`
}

// signOffView is an analyst's sign-off on the wire.
type signOffView struct {
	Analyst  string    `json:"analyst"`
	Decision string    `json:"decision"`
	Note     string    `json:"note,omitempty"`
	At       time.Time `json:"at"`
}

// newRunView renders a run; status is its wire name (the listing says
// "pending" for queued runs, single-run answers "queued").
func newRunView(run store.Run, status string) runView {
	v := runView{RunID: run.ID, Status: status, TemplateID: run.TemplateID, TemplateVersion: run.TemplateVersion,
		Decision: optional(run.Decision), OperativeDecision: optional(run.OperativeDecision),
		ExternalID: optional(run.ExternalID), Metadata: run.Metadata, CreatedAt: run.CreatedAt,
		StartedAt: optionalTime(run.StartedAt), CompletedAt: optionalTime(run.CompletedAt),
		EstimatedSeconds: run.EstimatedSeconds, Live: run.Live, Environment: environment(run.Live), Error: run.Error}
	if v.Metadata == nil {
		v.Metadata = map[string]string{}
	}
	if run.RiskBand != "" {
		if b, err := rules.ParseRiskBand(run.RiskBand); err == nil {
			label := b.BureauString()
			v.RiskBand = &label
		} else {
			v.RiskBand = optional(run.RiskBand)
		}
		score := run.RiskScore
		v.RiskScore = &score
	}
	if !run.SignOff.IsZero() {
		v.SignOff = &signOffView{Analyst: run.SignOff.Analyst, Decision: run.SignOff.Decision, Note: run.SignOff.Note, At: run.SignOff.At}
	}
	return v
}

// environment names where a run's sources ran.
func environment(live bool) string {
	if live {
		return "live"
	}
	return "sandbox"
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// maxRetryAfter caps the polling hint.
const maxRetryAfter = 30

// retryAfterSeconds is a polling hint for a run that has not settled: the
// time its slowest source is expected to need, less what has elapsed,
// between 1 and maxRetryAfter seconds.
func retryAfterSeconds(run store.Run, now time.Time) int {
	if runner.Settled(run.Status) {
		return 0
	}
	left := time.Duration(run.EstimatedSeconds) * time.Second
	if !run.StartedAt.IsZero() {
		left -= now.Sub(run.StartedAt)
	}
	secs := int(left.Round(time.Second) / time.Second)
	return min(max(secs, 1), maxRetryAfter)
}
