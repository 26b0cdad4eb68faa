package report

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func TestMaskDocument(t *testing.T) {
	tests := []struct{ in, want string }{
		{"123.456.789-09", "***.***.**9-09"},
		{"12345678909", "********909"},
		{"12.345.678/0001-95", "**.***.***/***1-95"},
		{"FX123456", "*****456"},
		{"123", "123"},
		{"", ""},
		{"***.***.**9-09", "***.***.**9-09"}, // idempotent
		{"Ab-1", "Ab-1"},
		{"١٢٣٤٥", "**٣٤٥"}, // Arabic-Indic digits are digits
	}
	for _, tt := range tests {
		if got := MaskDocument(tt.in); got != tt.want {
			t.Errorf("MaskDocument(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := MaskDocument(MaskDocument(tt.in)); got != tt.want {
			t.Errorf("MaskDocument twice (%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	s := Subject{DocumentNumber: "123.456.789-09"}
	if got := s.MaskedDocument(); got != "***.***.**9-09" {
		t.Errorf("MaskedDocument = %q", got)
	}
}

func TestSubjectLogValue(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	s := Subject{Kind: SubjectPerson, Name: "José Müller", DocumentType: "cpf", DocumentNumber: "12345678909"}
	log.Info("screened", "subject", s)
	out := buf.String()
	for _, secret := range []string{"José", "Müller", "12345678909", "909"} {
		if strings.Contains(out, secret) {
			t.Errorf("log line %s leaks %q", out, secret)
		}
	}
	if !strings.Contains(out, `"kind":"person"`) || !strings.Contains(out, `"hash":"`) {
		t.Errorf("log line %s lacks kind or hash", out)
	}
	buf.Reset()
	other := s
	other.DocumentNumber = "12345678900"
	log.Info("screened", "subject", other)
	if buf.String() == out {
		t.Error("different documents log the same hash")
	}
}
