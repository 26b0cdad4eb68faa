package store

import "time"

// Analysis is the engine's analysis of a run, stored once per run and
// immutable once written.
type Analysis struct {
	// RunID and Tenant name the run; it must exist.
	RunID  string `json:"run_id"`
	Tenant string `json:"tenant"`
	// Body is the analysis document (JSON produced by the engine). The store
	// treats it as opaque bytes.
	Body []byte `json:"body"`
	// CreatedAt is when the analysis was stored; the store sets it from its
	// clock when zero.
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every broken invariant of the analysis, joined; each is
// a *RecordError wrapping ErrInvalidRecord.
func (a Analysis) Validate() error {
	c := checker{record: "analysis"}
	c.id("run_id", a.RunID, MaxIDLen)
	c.id("tenant", a.Tenant, MaxIDLen)
	if len(a.Body) == 0 {
		c.fail("body", "required")
	}
	c.time("created_at", a.CreatedAt, false)
	return c.err()
}
