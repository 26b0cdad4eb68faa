package engine

import (
	"context"
	"slices"
	"testing"

	"github.com/sievekyc/sieve/engine/internal/norm"
	"github.com/sievekyc/sieve/lists"
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

func TestPhoneticSimilarityNeedsConsonants(t *testing.T) {
	ent := lists.Entity{ID: "x:1", Source: lists.SourceCustom, Type: lists.TypePerson}
	ent.AddName("Fouad SHEHATA", lists.NamePrimary)
	s, err := buildSnapshot(context.Background(), []*lists.List{{Source: lists.SourceCustom, Entities: []lists.Entity{ent}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, listed string
		min, max      float32
	}{
		{"fayed", "fouad", 0.7, 0.8},       // two consonants agreeing say little
		{"shihata", "shehata", 0.88, 0.93}, // three make a transliteration
	}
	for _, tt := range tests {
		toks := norm.Tokenize(tt.query)
		h, ok := s.expand(toks[0])[s.byText[tt.listed]]
		if !ok || h.sim < tt.min || h.sim > tt.max {
			t.Errorf("expand(%q) meets %q at %.3f (found %v), want in [%.2f, %.2f]", tt.query, tt.listed, h.sim, ok, tt.min, tt.max)
		}
	}
}
