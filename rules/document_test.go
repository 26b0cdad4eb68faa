package rules

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestValidateCPF(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means invalid
	}{
		{"12345678909", "12345678909"},
		{"123.456.789-09", "12345678909"},
		{" 529.982.247-25 ", "52998224725"},
		{"529 982 247 25", "52998224725"},
		{"111.444.777-35", "11144477735"},
		{"12345678900", ""},    // wrong second check digit
		{"12345678919", ""},    // wrong first check digit
		{"1234567890", ""},     // 10 digits
		{"123456789091", ""},   // 12 digits
		{"00000000000", ""},    // all the same
		{"111.111.111-11", ""}, // all the same, check digits valid
		{"999.999.999-99", ""}, // all the same
		{"123.456.789-0X", ""}, // letter
		{"1234567890a", ""},    // letter
		{"", ""},               // empty
		{"...---", ""},         // only separators
		{"12345678909" + strings.Repeat("0", 100), ""},
	}
	for _, tt := range tests {
		got, err := ValidateCPF(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ValidateCPF(%q) = %q, want an error", tt.in, got)
			} else if !errors.Is(err, ErrInvalidDocument) {
				t.Errorf("ValidateCPF(%q) error %v does not wrap ErrInvalidDocument", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ValidateCPF(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestValidateCNPJ(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"12345678000195", "12345678000195"},
		{"12.345.678/0001-95", "12345678000195"},
		{"11.222.333/0001-81", "11222333000181"},
		{"33541083000185", "33541083000185"},
		// The alphanumeric CNPJ of IN RFB 2.229/2024, the Receita's example.
		{"12.ABC.345/01DE-35", "12ABC34501DE35"},
		{"12abc34501de35", "12ABC34501DE35"},
		{"12ABC34501DE36", ""},     // wrong check digit
		{"12ABC34501DE3A", ""},     // check digits must be digits
		{"12345678000194", ""},     // wrong check digit
		{"1234567800019", ""},      // 13 characters
		{"00000000000000", ""},     // all the same
		{"11.111.111/1111-11", ""}, // all the same
		{"12.345.678/0001-9_", ""}, // stray character
		{"", ""},
	}
	for _, tt := range tests {
		got, err := ValidateCNPJ(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ValidateCNPJ(%q) = %q, want an error", tt.in, got)
			} else if !errors.Is(err, ErrInvalidDocument) {
				t.Errorf("ValidateCNPJ(%q) error %v does not wrap ErrInvalidDocument", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ValidateCNPJ(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestCPFCheckDigitsExhaustive checks, for many bases, that exactly one pair
// of check digits validates.
func TestCPFCheckDigitsExhaustive(t *testing.T) {
	for base := 100000000; base < 100000000+2000; base += 7 {
		valid := 0
		for dv := 0; dv < 100; dv++ {
			if _, err := ValidateCPF(fmt.Sprintf("%09d%02d", base, dv)); err == nil {
				valid++
			}
		}
		if valid != 1 {
			t.Fatalf("base %09d: %d valid check-digit pairs, want 1", base, valid)
		}
	}
}

func TestDocumentsRegistry(t *testing.T) {
	docs := NewDocuments()
	passport := func(s string) (string, error) {
		s = strings.ToUpper(strings.TrimSpace(s))
		if len(s) != 8 {
			return "", errors.New("a passport number has 8 characters")
		}
		return s, nil
	}
	if err := docs.RegisterDocument("passport_br", passport); err != nil {
		t.Fatal(err)
	}
	if got, err := docs.Validate("passport_br", " fb123456 "); err != nil || got != "FB123456" {
		t.Errorf("Validate(passport_br) = %q, %v", got, err)
	}
	if _, err := docs.Validate("passport_br", "short"); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("a host validator's error is not wrapped in ErrInvalidDocument: %v", err)
	}
	if _, err := docs.Validate("nif", "123"); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("unknown type: got %v, want ErrInvalidDocument", err)
	}
	for _, tt := range []struct {
		name string
		v    DocumentValidator
	}{
		{"cpf", passport},         // cannot replace a built-in
		{"passport_br", passport}, // duplicate
		{"Passport", passport},    // not an identifier
		{"", passport},
		{"rut", nil},
	} {
		if err := docs.RegisterDocument(tt.name, tt.v); err == nil {
			t.Errorf("RegisterDocument(%q) succeeded, want an error", tt.name)
		}
	}
	if got := docs.Names(); strings.Join(got, ",") != "cnpj,cpf,passport_br" {
		t.Errorf("Names() = %v", got)
	}
	// The default registry (a nil *Documents) is not affected.
	var def *Documents
	if _, ok := def.Lookup("passport_br"); ok {
		t.Error("registering into one registry changed the default")
	}
	if got := NewDocuments().Names(); strings.Join(got, ",") != "cnpj,cpf" {
		t.Errorf("NewDocuments().Names() = %v", got)
	}
}

func TestDocumentValidatorPanicIsAnError(t *testing.T) {
	docs := NewDocuments()
	if err := docs.RegisterDocument("bad", func(string) (string, error) { panic("boom") }); err != nil {
		t.Fatal(err)
	}
	if _, err := docs.Validate("bad", "x"); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("panicking validator: got %v, want ErrInvalidDocument", err)
	}
}

func TestDocumentResult(t *testing.T) {
	tpl := loadTestdata(t, "edd_person.yaml")
	tests := []struct {
		name    string
		subject map[string]any
		status  SourceStatus
		valid   bool
	}{
		{"valid", map[string]any{"representative_cpf": "123.456.789-09"}, StatusOK, true},
		{"invalid", map[string]any{"representative_cpf": "123.456.789-00"}, StatusOK, false},
		{"not a string", map[string]any{"representative_cpf": 12345678909}, StatusOK, false},
		{"absent", map[string]any{}, StatusSkipped, false},
		{"blank", map[string]any{"representative_cpf": "  "}, StatusSkipped, false},
	}
	for _, tt := range tests {
		r, err := tpl.DocumentResult("representative_doc", tt.subject)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if r.Status != tt.status || r.Valid != tt.valid {
			t.Errorf("%s: got status %v valid %v, want %v %v", tt.name, r.Status, r.Valid, tt.status, tt.valid)
		}
	}
	for _, id := range []string{"sanctions", "nope"} {
		if _, err := tpl.DocumentResult(id, nil); !errors.Is(err, ErrUnknownSource) {
			t.Errorf("DocumentResult(%q): got %v, want ErrUnknownSource", id, err)
		}
	}
}
