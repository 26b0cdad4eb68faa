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

func TestEditSim(t *testing.T) {
	tests := []struct {
		a, b     string
		d        int
		min, max float32
	}{
		{"rtans", "trans", 1, 0.916, 0.918},         // swap: half an edit, 1 − 0.5/6
		{"putin", "ptuin", 1, 0.916, 0.918},         // swap inside
		{"merits", "melits", 1, 0.80, 0.83},         // substitution: Jaro-Winkler caps it
		{"gale", "gae", 1, 0.79, 0.81},              // deletion in a short word: 1 − 1/5
		{"vashkevich", "vashkevihc", 1, 0.95, 0.96}, // swap at the end
		{"kovalchuk", "kavalchik", 2, 0.64, 0.66},   // two edits: Jaro-Winkler caps it
	}
	for _, tt := range tests {
		if got := editSim(tt.a, tt.b, tt.d); got < tt.min || got > tt.max {
			t.Errorf("editSim(%q, %q, %d) = %.3f, want in [%.3f, %.3f]", tt.a, tt.b, tt.d, got, tt.min, tt.max)
		}
	}
}

func TestAdjacentSwap(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"trans", "rtans", true},
		{"trans", "trasn", true},
		{"trans", "trans", false},
		{"trans", "tranz", false},
		{"trans", "snart", false},
		{"trans", "tran", false},
		{"ab", "ba", true},
	}
	for _, tt := range tests {
		if got := adjacentSwap(tt.a, tt.b); got != tt.want {
			t.Errorf("adjacentSwap(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzMayJaroWinkler checks that the cheap bound never rejects a pair
// whose Jaro-Winkler similarity reaches the minimum.
func FuzzMayJaroWinkler(f *testing.F) {
	f.Add("vasilyev", "vasilpyv")
	f.Add("choi", "chopin")
	f.Add("abc", "cba")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) == 0 || len(b) == 0 || len(a) > 40 || len(b) > 40 {
			return
		}
		if jw := (jaroWinkler{}).Compare(a, b); jw >= 0.75 && !mayJaroWinkler(a, b, 0.75) {
			t.Fatalf("mayJaroWinkler(%q, %q) rejects a pair at %.3f", a, b, jw)
		}
	})
}
