package lists

import (
	"reflect"
	"strings"
	"testing"
)

func TestCountryCodes(t *testing.T) {
	tests := []struct {
		in         string
		codes, bad []string
	}{
		{"Russia", []string{"RU"}, nil},
		{"Estonia, Russia", []string{"EE", "RU"}, nil},
		{"Germany. Russia", []string{"DE", "RU"}, nil},
		{"Russian and Ukrainian", []string{"RU", "UA"}, nil},
		{"Bosnia and Herzegovina", []string{"BA"}, nil},
		{"Former USSR, now Ukraine", []string{"UA"}, nil},
		{"Kazakh Soviet Socialist Republic (now Kazakhstan)", []string{"KZ"}, nil},
		{"Iraq (previous address)", []string{"IQ"}, nil},
		{"Belrus", nil, []string{"Belrus"}},
		{"Syrian, Atlantis", []string{"SY"}, []string{"Atlantis"}},
	}
	for _, tt := range tests {
		codes, bad := countryCodes(tt.in)
		if !reflect.DeepEqual(codes, tt.codes) || !reflect.DeepEqual(bad, tt.bad) {
			t.Errorf("countryCodes(%q) = %q, %q; want %q, %q", tt.in, codes, bad, tt.codes, tt.bad)
		}
	}
}

// TestCountryCodesNonASCII is the regression test for a panic: the "now"
// of a successor state was looked up in strings.ToLower(s) and the index
// used in s, but lower-casing "Ⱥ" takes a byte more.
func TestCountryCodesNonASCII(t *testing.T) {
	s := strings.Repeat("Ⱥ", 30) + " now Ukraine"
	codes, rest := countryCodes(s)
	if !reflect.DeepEqual(codes, []string{"UA"}) || rest != nil {
		t.Errorf("countryCodes(%q) = %q, %q; want [UA], nil", s, codes, rest)
	}
}
