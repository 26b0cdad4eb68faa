package store

import "time"

// Tenant is an account. Every run, report, export and API key belongs to
// exactly one tenant.
type Tenant struct {
	// ID identifies the tenant.
	ID string `json:"id"`
	// Name is the tenant's display name.
	Name string `json:"name"`
	// Suspended means billing is suspended: the HTTP adapters answer 402
	// billing_suspended to its keys.
	Suspended bool `json:"billing_suspended"`
	// CreatedAt is when the tenant was first stored; PutTenant sets it from
	// the store's clock when zero and keeps the stored value on updates.
	CreatedAt time.Time `json:"created_at"`
}

// Validate reports every broken invariant of the tenant, joined; each is a
// *RecordError wrapping ErrInvalidRecord. A zero CreatedAt is accepted (the
// store sets it).
func (t Tenant) Validate() error {
	c := checker{record: "tenant"}
	c.id("id", t.ID, MaxIDLen)
	c.text("name", t.Name, 200)
	c.time("created_at", t.CreatedAt, false)
	return c.err()
}
