package engine

import (
	"slices"
	"testing"
)

func TestSelectBest(t *testing.T) {
	for n := range 60 {
		for _, k := range []int{1, 2, n / 2, n - 1} {
			if k < 1 || k >= n {
				continue
			}
			c := make([]candidate, n)
			for i := range c {
				// Scores with ties, so the name order matters too.
				c[i] = candidate{name: nameID((i * 37) % n), score: float32((i * 7) % 5)}
			}
			want := slices.Clone(c)
			slices.SortFunc(want, compareCandidates)
			selectBest(c, k)
			got := slices.Clone(c[:k])
			slices.SortFunc(got, compareCandidates)
			if !slices.Equal(got, want[:k]) {
				t.Fatalf("n=%d k=%d: best %v, want %v", n, k, got, want[:k])
			}
		}
	}
}
