package store

import (
	"encoding/json"
	"log/slog"
	"time"
)

// IdempotencyWindow is how long an idempotency key keeps naming its run: a
// second CreateRun with the same tenant and key within the window returns
// the original run; after it, the key starts a new run.
const IdempotencyWindow = 24 * time.Hour

// Run is one execution of a template for a subject. Times are UTC; a zero
// time means "not yet".
//
// Creation fields (from ID to CreatedAt) are fixed when the run is created;
// Store.UpdateRun changes only the progress fields after them.
type Run struct {
	// ID identifies the run within its tenant. The caller chooses it.
	ID string `json:"id"`
	// Tenant owns the run. It need not be stored with PutTenant: a host
	// without accounts may use one fixed tenant.
	Tenant string `json:"tenant"`
	// TemplateID and TemplateVersion name the template executed.
	TemplateID      string `json:"template_id"`
	TemplateVersion int    `json:"template_version"`
	// Params are the subject's parameters as given at creation (personal
	// data: Run logs without them). After a round trip through a store
	// they hold JSON types: string, float64, bool, []any, map[string]any.
	Params map[string]any `json:"params,omitempty"`
	// ExternalID is the caller's reference for the run.
	ExternalID string `json:"external_id,omitempty"`
	// Metadata are up to MaxMetadataKeys caller-defined string pairs.
	Metadata map[string]string `json:"metadata,omitempty"`
	// IdempotencyKey, when set, makes creation idempotent for
	// IdempotencyWindow per tenant; RequestHash (required with it) is the
	// hash of the creation request body, to tell a retry from a misuse.
	IdempotencyKey string `json:"idempotency_key,omitempty"`
	RequestHash    string `json:"request_hash,omitempty"`
	// Live is false for sandbox runs, whose sources return simulated
	// results.
	Live bool `json:"live"`
	// CreatedAt is when the run was accepted; CreateRun sets it from the
	// store's clock when zero.
	CreatedAt time.Time `json:"created_at"`

	// Status is where the run stands; it is StatusQueued at creation.
	Status RunStatus `json:"status"`
	// EstimatedSeconds is the expected duration (from the slowest enabled
	// source).
	EstimatedSeconds int `json:"estimated_seconds"`
	// StartedAt is when a worker last started the run; CompletedAt when it
	// reached a final status.
	StartedAt   time.Time `json:"started_at,omitzero"`
	CompletedAt time.Time `json:"completed_at,omitzero"`
	// Attempts counts the times a worker started the run.
	Attempts int `json:"attempts"`
	// Error describes why the run failed or is partial.
	Error string `json:"error,omitempty"`
	// Decision ("approved", "review", "rejected"), OperativeDecision (the
	// same or "hold"), RiskScore (0–100) and RiskBand ("low", "medium",
	// "high") are the outcome, as the rules package names them.
	Decision          string `json:"decision,omitempty"`
	OperativeDecision string `json:"operative_decision,omitempty"`
	RiskScore         int    `json:"risk_score"`
	RiskBand          string `json:"risk_band,omitempty"`
	// SignOff records the analyst who settled a run that was in review.
	SignOff SignOff `json:"sign_off,omitzero"`
	// Revision is the stored version of the run, for optimistic
	// concurrency: CreateRun sets it to 1 and every UpdateRun increments it.
	// An update whose Revision is not the stored one fails with ErrConflict.
	Revision int `json:"revision"`
}

// SignOff is an analyst's sign-off on a run that was in review.
type SignOff struct {
	// Analyst identifies the person who signed off.
	Analyst string `json:"analyst"`
	// Decision is the decision the analyst settled on.
	Decision string `json:"decision"`
	// Note is the analyst's justification.
	Note string `json:"note,omitempty"`
	// At is when the analyst signed off.
	At time.Time `json:"at"`
}

// IsZero reports whether no sign-off is recorded.
func (s SignOff) IsZero() bool { return s == SignOff{} }

// Validate reports every broken invariant of the run, joined; each is a
// *RecordError wrapping ErrInvalidRecord. It checks the record as it would
// be stored: a set Status and CreatedAt are required.
func (r Run) Validate() error {
	c := checker{record: "run"}
	c.id("id", r.ID, MaxIDLen)
	c.id("tenant", r.Tenant, MaxIDLen)
	c.id("template_id", r.TemplateID, MaxIDLen)
	if r.TemplateVersion < 1 {
		c.fail("template_version", "must be at least 1")
	}
	if r.Params != nil {
		if _, err := json.Marshal(r.Params); err != nil {
			c.fail("params", "not JSON-serialisable")
		}
	}
	c.optionalID("external_id", r.ExternalID, MaxExternalIDLen)
	if len(r.Metadata) > MaxMetadataKeys {
		c.fail("metadata", "%d keys, at most %d", len(r.Metadata), MaxMetadataKeys)
	}
	for k, v := range r.Metadata {
		if k == "" {
			c.fail("metadata", "empty key")
		}
		c.text("metadata", k, MaxMetadataKeyLen)
		c.text("metadata", v, MaxMetadataValueLen)
	}
	c.optionalID("idempotency_key", r.IdempotencyKey, MaxExternalIDLen)
	c.optionalID("request_hash", r.RequestHash, MaxIDLen)
	if r.IdempotencyKey != "" && r.RequestHash == "" {
		c.fail("request_hash", "required with an idempotency key")
	}
	c.time("created_at", r.CreatedAt, true)
	if !r.Status.valid() {
		c.fail("status", "invalid status %d", uint8(r.Status))
	}
	c.nonNegative("estimated_seconds", r.EstimatedSeconds)
	c.time("started_at", r.StartedAt, false)
	c.time("completed_at", r.CompletedAt, false)
	c.nonNegative("attempts", r.Attempts)
	c.text("error", r.Error, 0)
	c.optionalID("decision", r.Decision, MaxModeLen)
	c.optionalID("operative_decision", r.OperativeDecision, MaxModeLen)
	if r.RiskScore < 0 || r.RiskScore > 100 {
		c.fail("risk_score", "outside 0–100")
	}
	c.optionalID("risk_band", r.RiskBand, MaxModeLen)
	if !r.SignOff.IsZero() {
		c.id("sign_off.analyst", r.SignOff.Analyst, MaxIDLen)
		c.optionalID("sign_off.decision", r.SignOff.Decision, MaxModeLen)
		c.text("sign_off.note", r.SignOff.Note, 0)
		c.time("sign_off.at", r.SignOff.At, true)
	}
	c.nonNegative("revision", r.Revision)
	return c.err()
}

// LogValue implements slog.LogValuer. A run logs its ID, tenant, template,
// status and attempts, never its parameters, external ID or metadata, which
// may hold personal data.
func (r Run) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", r.ID),
		slog.String("tenant", r.Tenant),
		slog.String("template", r.TemplateID),
		slog.Int("template_version", r.TemplateVersion),
		slog.String("status", r.Status.String()),
		slog.Int("attempts", r.Attempts),
	)
}
