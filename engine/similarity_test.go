package engine

import (
	"math"
	"testing"

	"github.com/adrg/strutil/metrics"
)

func TestJaroWinklerAgreesWithStrutil(t *testing.T) {
	ref := metrics.NewJaroWinkler()
	pairs := [][2]string{
		{"martha", "marhta"}, {"dwayne", "duane"}, {"dixon", "dicksonx"}, {"putin", "poutine"},
		{"", ""}, {"a", ""}, {"muhammad", "mohammed"}, {"aleksandr", "alexander"},
		{"абдулла", "абдула"}, {"x", "x"}, {"abc", "cba"}, {"jones", "johnson"},
	}
	for _, p := range pairs {
		got := jaroWinkler{}.Compare(p[0], p[1])
		want := ref.Compare(p[0], p[1])
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("JW(%q,%q) = %v, strutil says %v", p[0], p[1], got, want)
		}
	}
}

func FuzzJaroWinklerAgreesWithStrutil(f *testing.F) {
	f.Add("martha", "marhta")
	f.Add("muhammad", "mohamed")
	ref := metrics.NewJaroWinkler()
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 60 || len(b) > 60 {
			return
		}
		got, want := jaroWinkler{}.Compare(a, b), ref.Compare(a, b)
		if math.Abs(got-want) > 1e-9 {
			t.Fatalf("JW(%q,%q) = %v, strutil says %v", a, b, got, want)
		}
	})
}

func TestEditDistanceAtMost(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		d    int
		ok   bool
	}{
		{"putin", "putin", 0, 0, true},
		{"putin", "putln", 1, 1, true},
		{"putin", "ptuin", 1, 1, true}, // transposition
		{"putin", "pton", 1, 0, false},
		{"putin", "pton", 2, 2, true},
		{"abcdef", "ab", 2, 0, false},
		{"", "ab", 2, 2, true},
	}
	for _, tt := range tests {
		d, ok := editDistanceAtMost(tt.a, tt.b, tt.k)
		if ok != tt.ok || (ok && d != tt.d) {
			t.Errorf("editDistanceAtMost(%q,%q,%d) = %d,%v; want %d,%v", tt.a, tt.b, tt.k, d, ok, tt.d, tt.ok)
		}
	}
}
