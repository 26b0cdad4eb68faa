package store

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"slices"
	"time"
)

// The API key scopes.
const (
	// ScopeRunsWrite allows creating runs and reports.
	ScopeRunsWrite = "runs:write"
	// ScopeRunsRead allows reading runs, analyses and reports.
	ScopeRunsRead = "runs:read"
	// ScopeKYCWrite allows synchronous KYC screening (POST /kyc).
	ScopeKYCWrite = "kyc:write"
	// ScopeKYCExport allows reading KYC exports.
	ScopeKYCExport = "kyc:export"
)

var knownScopes = []string{ScopeRunsWrite, ScopeRunsRead, ScopeKYCWrite, ScopeKYCExport}

// APIKey is a tenant's credential. The secret itself is never stored: a key
// is found by the SHA-256 of the secret the client presents (HashAPIKey).
type APIKey struct {
	// ID is the key's public identifier (the prefix shown in dashboards and
	// logs). It is unique across tenants.
	ID string `json:"id"`
	// Tenant owns the key; it must exist when the key is stored.
	Tenant string `json:"tenant"`
	// Hash is HashAPIKey of the secret: 64 lowercase hex digits, unique
	// across keys.
	Hash string `json:"hash"`
	// Scopes are the operations the key allows: ScopeRunsWrite,
	// ScopeRunsRead, ScopeKYCWrite, ScopeKYCExport.
	Scopes []string `json:"scopes"`
	// RatePerMinute is the key's request budget per minute; 0 means the
	// host's default.
	RatePerMinute int `json:"rate_per_minute"`
	// CreatedAt is when the key was first stored; PutAPIKey sets it from
	// the store's clock when zero and keeps the stored value on updates.
	CreatedAt time.Time `json:"created_at"`
	// RevokedAt, when set, is when the key was revoked. A store still
	// returns revoked keys: callers must check Revoked.
	RevokedAt time.Time `json:"revoked_at,omitzero"`
}

// HashAPIKey returns the hex SHA-256 of an API key secret, the form in
// which APIKey.Hash stores it and APIKeyByHash looks it up.
func HashAPIKey(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// Revoked reports whether the key has been revoked.
func (k APIKey) Revoked() bool { return !k.RevokedAt.IsZero() }

// HasScope reports whether the key grants scope.
func (k APIKey) HasScope(scope string) bool { return slices.Contains(k.Scopes, scope) }

// Validate reports every broken invariant of the key, joined; each is a
// *RecordError wrapping ErrInvalidRecord. A zero CreatedAt is accepted (the
// store sets it).
func (k APIKey) Validate() error {
	c := checker{record: "api key"}
	c.id("id", k.ID, MaxIDLen)
	c.id("tenant", k.Tenant, MaxIDLen)
	if !isHexSHA256(k.Hash) {
		c.fail("hash", "not 64 lowercase hex digits")
	}
	for _, s := range k.Scopes {
		if !slices.Contains(knownScopes, s) {
			c.fail("scopes", "unknown scope %q", s)
		}
	}
	c.nonNegative("rate_per_minute", k.RatePerMinute)
	c.time("created_at", k.CreatedAt, false)
	c.time("revoked_at", k.RevokedAt, false)
	return c.err()
}

// LogValue implements slog.LogValuer: a key logs its ID and tenant, never
// its hash.
func (k APIKey) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", k.ID), slog.String("tenant", k.Tenant))
}
