package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

var testTime = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func validRun() Run {
	return Run{
		ID:              "run-1",
		Tenant:          "acme",
		TemplateID:      "kyc-pf",
		TemplateVersion: 3,
		Params:          map[string]any{"cpf": "52998224725", "name": "Maria Silva"},
		ExternalID:      "order-17",
		Metadata:        map[string]string{"channel": "web"},
		IdempotencyKey:  "k-1",
		RequestHash:     "abc",
		CreatedAt:       testTime,
		Status:          StatusQueued,
		Revision:        1,
	}
}

func TestRunValidate(t *testing.T) {
	metadata := func(n int) map[string]string {
		m := map[string]string{}
		for i := range n {
			m[fmt.Sprint("k", i)] = "v"
		}
		return m
	}
	tests := []struct {
		name  string
		edit  func(*Run)
		field string // "" means valid
	}{
		{"valid", func(*Run) {}, ""},
		{"minimal", func(r *Run) {
			*r = Run{ID: "a", Tenant: "t", TemplateID: "x", TemplateVersion: 1, Status: StatusQueued, CreatedAt: testTime}
		}, ""},
		{"ten metadata keys, 500-character value", func(r *Run) {
			r.Metadata = metadata(MaxMetadataKeys)
			r.Metadata["k1"] = strings.Repeat("é", MaxMetadataValueLen)
		}, ""},
		{"missing id", func(r *Run) { r.ID = "" }, "id"},
		{"id with NUL", func(r *Run) { r.ID = "a\x00b" }, "id"},
		{"id too long", func(r *Run) { r.ID = strings.Repeat("a", MaxIDLen+1) }, "id"},
		{"tenant not UTF-8", func(r *Run) { r.Tenant = "\xff" }, "tenant"},
		{"missing template", func(r *Run) { r.TemplateID = "" }, "template_id"},
		{"template version 0", func(r *Run) { r.TemplateVersion = 0 }, "template_version"},
		{"params not JSON", func(r *Run) { r.Params = map[string]any{"f": func() {}} }, "params"},
		{"too many metadata keys", func(r *Run) { r.Metadata = metadata(MaxMetadataKeys + 1) }, "metadata"},
		{"metadata value too long", func(r *Run) { r.Metadata = map[string]string{"k": strings.Repeat("a", MaxMetadataValueLen+1)} }, "metadata"},
		{"empty metadata key", func(r *Run) { r.Metadata = map[string]string{"": "v"} }, "metadata"},
		{"external id with newline", func(r *Run) { r.ExternalID = "a\nb" }, "external_id"},
		{"idempotency key without hash", func(r *Run) { r.RequestHash = "" }, "request_hash"},
		{"no created_at", func(r *Run) { r.CreatedAt = time.Time{} }, "created_at"},
		{"created_at out of range", func(r *Run) { r.CreatedAt = time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC) }, "created_at"},
		{"zero status", func(r *Run) { r.Status = 0 }, "status"},
		{"negative attempts", func(r *Run) { r.Attempts = -1 }, "attempts"},
		{"negative estimate", func(r *Run) { r.EstimatedSeconds = -1 }, "estimated_seconds"},
		{"risk score 101", func(r *Run) { r.RiskScore = 101 }, "risk_score"},
		{"sign-off without analyst", func(r *Run) { r.SignOff = SignOff{Decision: "approved", At: testTime} }, "sign_off.analyst"},
		{"sign-off without time", func(r *Run) { r.SignOff = SignOff{Analyst: "ana"} }, "sign_off.at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRun()
			tt.edit(&r)
			err := r.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalidRecord) {
				t.Fatalf("Validate() = %v, want ErrInvalidRecord", err)
			}
			var re *RecordError
			if !errors.As(err, &re) || re.Record != "run" || re.Field != tt.field {
				t.Fatalf("Validate() = %v, want a *RecordError on run field %q", err, tt.field)
			}
		})
	}
}

func TestRunValidateReportsAll(t *testing.T) {
	err := Run{}.Validate()
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var re *RecordError
		if errors.As(e, &re) {
			fields = append(fields, re.Field)
		}
	}
	want := "id tenant template_id template_version created_at status"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("fields = %q, want %q", got, want)
	}
}

func TestApplyUpdate(t *testing.T) {
	stored := validRun()
	stored.Revision = 4
	stored.Status = StatusRunning
	paris := time.FixedZone("CET", 3600)

	t.Run("progress fields copied, creation fields kept", func(t *testing.T) {
		u := stored
		u.TemplateID = "other"
		u.Params = map[string]any{"cpf": "0"}
		u.Metadata = nil
		u.CreatedAt = testTime.Add(time.Hour)
		u.Status = StatusCompleted
		u.CompletedAt = testTime.Add(time.Minute).In(paris)
		u.Decision = "approved"
		u.OperativeDecision = "hold"
		u.RiskScore = 40
		u.RiskBand = "medium"
		u.Attempts = 2
		got, err := ApplyUpdate(stored, u)
		if err != nil {
			t.Fatal(err)
		}
		if got.TemplateID != "kyc-pf" || got.Params["cpf"] != "52998224725" || got.Metadata["channel"] != "web" || !got.CreatedAt.Equal(testTime) {
			t.Errorf("creation fields changed: %+v", got)
		}
		if got.Status != StatusCompleted || got.Decision != "approved" || got.OperativeDecision != "hold" ||
			got.RiskScore != 40 || got.RiskBand != "medium" || got.Attempts != 2 || got.Revision != 5 {
			t.Errorf("progress fields not applied: %+v", got)
		}
		if got.CompletedAt.Location() != time.UTC || !got.CompletedAt.Equal(testTime.Add(time.Minute)) {
			t.Errorf("CompletedAt = %v, want UTC %v", got.CompletedAt, testTime.Add(time.Minute))
		}
	})
	tests := []struct {
		name string
		edit func(*Run)
		want error
	}{
		{"stale revision", func(u *Run) { u.Revision = 3 }, ErrConflict},
		{"future revision", func(u *Run) { u.Revision = 5 }, ErrConflict},
		{"invalid status", func(u *Run) { u.Status = 0 }, ErrInvalidRecord},
		{"invalid progress", func(u *Run) { u.RiskScore = -5 }, ErrInvalidRecord},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := stored
			tt.edit(&u)
			if _, err := ApplyUpdate(stored, u); !errors.Is(err, tt.want) {
				t.Errorf("ApplyUpdate() error = %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("forbidden transition", func(t *testing.T) {
		done := stored
		done.Status = StatusCompleted
		u := done
		u.Status = StatusRunning
		_, err := ApplyUpdate(done, u)
		var te *TransitionError
		if !errors.As(err, &te) || te.From != StatusCompleted || te.To != StatusRunning || !errors.Is(err, ErrConflict) {
			t.Errorf("ApplyUpdate() error = %v, want *TransitionError completed→running", err)
		}
	})
}
