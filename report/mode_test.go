package report

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseMode(t *testing.T) {
	tests := []struct {
		in      string
		want    Mode
		wantErr bool
	}{
		{"resumido", ModeSummary, false},
		{"completo", ModeComplete, false},
		{"export", ModeExport, false},
		{"", "", true},
		{"Resumido", "", true},
		{"summary", "", true},
		{"completo ", "", true},
	}
	for _, tt := range tests {
		got, err := ParseMode(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseMode(%q) = %q, %v; want %q, error %t", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !errors.Is(err, ErrInvalidMode) {
			t.Errorf("ParseMode(%q) error %v does not wrap ErrInvalidMode", tt.in, err)
		}
	}
}

func TestModeText(t *testing.T) {
	for _, m := range Modes() {
		b, err := json.Marshal(struct{ M Mode }{m})
		if err != nil {
			t.Fatalf("marshal %q: %v", m, err)
		}
		var back struct{ M Mode }
		if err := json.Unmarshal(b, &back); err != nil || back.M != m {
			t.Errorf("round trip of %q = %q, %v", m, back.M, err)
		}
		if !m.Valid() {
			t.Errorf("%q.Valid() = false", m)
		}
	}
	if _, err := Mode("pdf").MarshalText(); !errors.Is(err, ErrInvalidMode) {
		t.Errorf("MarshalText of an unknown mode: %v", err)
	}
	var m Mode
	if err := json.Unmarshal([]byte(`{"M":"full"}`), &struct{ M *Mode }{&m}); !errors.Is(err, ErrInvalidMode) {
		t.Errorf("UnmarshalText of an unknown mode: %v", err)
	}
}
