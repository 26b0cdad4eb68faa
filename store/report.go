package store

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// DefaultReportRetention is how long reports are kept by default before a
// host purges them with PurgeReports (a started runner.Runner does so
// daily).
const DefaultReportRetention = 90 * 24 * time.Hour

// Report is a rendered PDF report, stored immutably per (tenant, run,
// mode): storing the same bytes again returns the stored report, storing
// different bytes fails with ErrConflict.
type Report struct {
	// Tenant and RunID name the run; it must exist.
	Tenant string `json:"tenant"`
	RunID  string `json:"run_id"`
	// Mode is the report's mode ("resumido", "completo", ...).
	Mode string `json:"mode"`
	// PDF is the document.
	PDF []byte `json:"pdf"`
	// SHA256 is the hex SHA-256 of PDF. PutReport fills it in when empty
	// and rejects a value that does not match.
	SHA256 string `json:"sha256"`
	// CreatedAt is when the report was first stored; the store sets it from
	// its clock when zero. Retention counts from it.
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every broken invariant of the report, joined; each is a
// *RecordError wrapping ErrInvalidRecord. An empty SHA256 is accepted (the
// store computes it); a set one must match PDF.
func (r Report) Validate() error {
	c := checker{record: "report"}
	c.id("tenant", r.Tenant, MaxIDLen)
	c.id("run_id", r.RunID, MaxIDLen)
	c.id("mode", r.Mode, MaxModeLen)
	if len(r.PDF) == 0 {
		c.fail("pdf", "required")
	}
	if r.SHA256 != "" && r.SHA256 != sha256Hex(r.PDF) {
		c.fail("sha256", "does not match the PDF")
	}
	c.time("created_at", r.CreatedAt, false)
	return c.err()
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
