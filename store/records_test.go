package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestRecordValidate covers the Validate methods of the records other than
// Run: one valid record each, and each invariant broken once.
func TestRecordValidate(t *testing.T) {
	hash := HashAPIKey("secret")
	pdf := []byte("%PDF-1.7")
	tests := []struct {
		name  string
		rec   interface{ Validate() error }
		field string // "" means valid
	}{
		{"tenant", Tenant{ID: "acme", Name: "Acme"}, ""},
		{"tenant without id", Tenant{Name: "Acme"}, "id"},
		{"tenant with a long name", Tenant{ID: "acme", Name: strings.Repeat("n", 201)}, "name"},
		{"api key", APIKey{ID: "k1", Tenant: "acme", Hash: hash, Scopes: []string{ScopeRunsRead, ScopeKYCExport}}, ""},
		{"api key without tenant", APIKey{ID: "k1", Hash: hash}, "tenant"},
		{"api key with an uppercase hash", APIKey{ID: "k1", Tenant: "acme", Hash: strings.ToUpper(hash)}, "hash"},
		{"api key with a short hash", APIKey{ID: "k1", Tenant: "acme", Hash: hash[:40]}, "hash"},
		{"api key with an unknown scope", APIKey{ID: "k1", Tenant: "acme", Hash: hash, Scopes: []string{"admin"}}, "scopes"},
		{"api key with a negative rate", APIKey{ID: "k1", Tenant: "acme", Hash: hash, RatePerMinute: -1}, "rate_per_minute"},
		{"analysis", Analysis{RunID: "r", Tenant: "acme", Body: []byte("{}")}, ""},
		{"analysis without body", Analysis{RunID: "r", Tenant: "acme"}, "body"},
		{"analysis without run", Analysis{Tenant: "acme", Body: []byte("{}")}, "run_id"},
		{"report", Report{Tenant: "acme", RunID: "r", Mode: "completo", PDF: pdf}, ""},
		{"report with its digest", Report{Tenant: "acme", RunID: "r", Mode: "completo", PDF: pdf, SHA256: sha256Hex(pdf)}, ""},
		{"report with a wrong digest", Report{Tenant: "acme", RunID: "r", Mode: "completo", PDF: pdf, SHA256: hash}, "sha256"},
		{"report with a long mode", Report{Tenant: "acme", RunID: "r", Mode: strings.Repeat("m", MaxModeLen+1), PDF: pdf}, "mode"},
		{"report without pdf", Report{Tenant: "acme", RunID: "r", Mode: "completo"}, "pdf"},
		{"export", ExportJob{ID: "j", Tenant: "acme", Request: []byte("{}")}, ""},
		{"export without id", ExportJob{Tenant: "acme"}, "id"},
		{"export in the year 3000", ExportJob{ID: "j", Tenant: "acme", CreatedAt: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}, "created_at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rec.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			var re *RecordError
			if !errors.Is(err, ErrInvalidRecord) || !errors.As(err, &re) || re.Field != tt.field {
				t.Fatalf("Validate() = %v, want a *RecordError on %q", err, tt.field)
			}
		})
	}
}

func TestAPIKeyHelpers(t *testing.T) {
	// The SHA-256 test vector of "abc".
	if got, want := HashAPIKey("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("HashAPIKey(abc) = %s, want %s", got, want)
	}
	k := APIKey{Scopes: []string{ScopeRunsRead}}
	if !k.HasScope(ScopeRunsRead) || k.HasScope(ScopeRunsWrite) || k.Revoked() {
		t.Errorf("scopes or revocation wrong for %+v", k)
	}
	k.RevokedAt = testTime
	if !k.Revoked() {
		t.Error("revoked key not Revoked")
	}
}

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{
		"run-1": true, "ação": true, strings.Repeat("a", MaxIDLen): true,
		"": false, "a\x00b": false, "tab\there": false, "\xff": false, strings.Repeat("a", MaxIDLen+1): false,
	} {
		if got := ValidID(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
		is   error
	}{
		{&RecordError{Record: "run", Field: "id", Reason: "required"}, "store: invalid run: id: required", ErrInvalidRecord},
		{&IdempotencyConflictError{Key: "k", RunID: "r"}, `store: conflict: idempotency key "k" already names run "r", created from a different request`, ErrConflict},
		{&TransitionError{RunID: "r", From: StatusCompleted, To: StatusRunning}, `store: conflict: run "r" cannot move from completed to running`, ErrConflict},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.err, tt.is) {
			t.Errorf("%T does not wrap %v", tt.err, tt.is)
		}
	}
}
