package lists

import (
	"reflect"
	"testing"
)

func TestSplitPacked(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Russia", []string{"Russia"}},
		{"(1) Germany. (2) Morocco", []string{"Germany", "Morocco"}},
		{"(1) Uganda (2) Uganda (3)Uganda", []string{"Uganda", "Uganda", "Uganda"}},
		{"(1) 20645897 (2) -", []string{"20645897", "-"}},
		{"Resolution 1822 (2008) (1) applies", []string{"Resolution 1822 (2008) (1) applies"}},
		{"(1) A (3) C", []string{"A (3) C"}},
	}
	for _, tt := range tests {
		if got := splitPacked(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitPacked(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitLettered(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Kabul", []string{"Kabul"}},
		{"a) Kabul b) Kandahar", []string{"Kabul", "Kandahar"}},
		{"a) Kabul, Afghanistan; b)Kandahar. c) Herat", []string{"Kabul, Afghanistan", "Kandahar", "Herat"}},
		// "b)" inside a word is no marker, nor is a letter out of sequence.
		{"a) Club) Road b) Kandahar", []string{"Club) Road", "Kandahar"}},
		{"a) Kabul c) Herat", []string{"Kabul c) Herat"}},
		{"b) Kabul", []string{"b) Kabul"}},
	}
	for _, tt := range tests {
		if got := splitLettered(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitLettered(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
