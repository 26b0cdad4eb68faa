package report

import "time"

// Document is the report of one run, independent of any renderer. The run
// orchestrator fills it from plain data; a renderer (package report/pdf)
// decides what each Mode shows. A Document holds no clock and no random
// state: the same Document always renders the same bytes.
type Document struct {
	// Mode selects the report rendered: resumido, completo or export.
	Mode Mode
	// Title overrides the renderer's default title for the mode.
	Title string
	// TenantID is the tenant that owns the run.
	TenantID string
	// RunID is the run (or KYC job) reported on.
	RunID string
	// GeneratedAt is the run's completion time. Renderers print it as the
	// report's timestamp and PDF creation date; it is never time.Now, so a
	// report renders the same bytes every time.
	GeneratedAt time.Time
	// Status is the run's status (completed, partial, em_analise...), shown
	// when set.
	Status string
	// Sandbox marks a run whose sources returned simulated results; every
	// page then says so.
	Sandbox bool
	// DurationMS is the run's processing time in milliseconds.
	DurationMS int64

	// Subject is who or what was screened.
	Subject Subject
	// Template is the template the run executed (empty for a KYC export).
	Template Template

	// Decision is the rules' decision: approved, review or rejected.
	Decision Decision
	// OperativeDecision is the decision to act on: hold when a tier-1
	// source failed or timed out, otherwise Decision.
	OperativeDecision Decision
	// HoldReasons says why the operative decision is hold, one reason per
	// element (for example the failed tier-1 sources).
	HoldReasons []string
	// RiskScore is the risk score, 0 to 100.
	RiskScore int
	// RiskBand is the band of RiskScore: low, medium or high.
	RiskBand Band
	// RiskBandLabel overrides how the band is printed; empty means
	// RiskBand.Label() (baixo, medio, alto).
	RiskBandLabel string
	// RiskFactors are the factors that contributed to the risk score.
	RiskFactors []string

	// Findings are the findings of the fired rules, in display order.
	Findings []Finding
	// Recommendations are the follow-up actions suggested by the rules.
	Recommendations []Recommendation
	// RulesFired are the rules that fired, with the values they read.
	RulesFired []RuleFired
	// Sources are the results of every source the run executed.
	Sources []SourceSection
	// Audit is the audit log of every source execution and rule
	// evaluation, in order.
	Audit []AuditEntry
	// ListVersions names each list screened against and its version.
	ListVersions []KV
	// Method records how the screening was configured.
	Method Method
	// Metadata holds the external_id and the host's metadata pairs, in
	// order.
	Metadata []KV
	// SignOff is the analyst sign-off block.
	SignOff SignOff
}

// KV is one ordered key/value pair.
type KV struct {
	Key   string
	Value string
}

// Template identifies the template a run executed.
type Template struct {
	ID      string
	Version string
}

// Method records how a screening was configured, for the report's
// appendix and the export's metadata.
type Method struct {
	// SearchType names the kind of search (for example "fuzzy name +
	// attributes").
	SearchType string
	// Threshold is the minimum score a match needed, in [0,1].
	Threshold float64
	// Fingerprint identifies the engine options and scorer that produced
	// the scores, so a decision can be reproduced.
	Fingerprint string
}

// SignOff is the analyst sign-off block of a report. When Analyst is empty
// the renderer prints blank lines for a handwritten signature.
type SignOff struct {
	// Required says the run awaits an analyst's sign-off (decision review).
	Required bool
	// Analyst is the name of the analyst who signed off, if any.
	Analyst string
	// Decision is the analyst's decision, if recorded.
	Decision Decision
	// At is when the analyst signed off.
	At time.Time
	// Note is the analyst's justification.
	Note string
}
