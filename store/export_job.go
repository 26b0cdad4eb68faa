package store

import "time"

// ExportJob is the stored outcome of a synchronous KYC screening (POST
// /kyc), read back by its ID (GET /exports/{id}). It is immutable: storing
// the same job again returns the stored one, storing different bytes under
// its ID fails with ErrConflict.
type ExportJob struct {
	// ID identifies the job within its tenant.
	ID string `json:"id"`
	// Tenant owns the job.
	Tenant string `json:"tenant"`
	// Request is the screening request as received; Result the document
	// produced. Both are opaque to the store.
	Request []byte `json:"request"`
	Result  []byte `json:"result"`
	// CreatedAt is when the job was stored; the store sets it from its
	// clock when zero.
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every broken invariant of the job, joined; each is a
// *RecordError wrapping ErrInvalidRecord.
func (j ExportJob) Validate() error {
	c := checker{record: "export"}
	c.id("id", j.ID, MaxIDLen)
	c.id("tenant", j.Tenant, MaxIDLen)
	c.time("created_at", j.CreatedAt, false)
	return c.err()
}
