package engine

import (
	"context"
	"testing"

	"github.com/sievekyc/sieve/lists"
)

// FuzzScreen screens arbitrary query names and documents: no panic, scores
// in [0,1], matches ordered best first within each list.
func FuzzScreen(f *testing.F) {
	e := newTestEngine(f)
	for _, s := range []string{"Vladimir Putin", "Путин", "محمد علي", "V. V. Putin", "OOO Ромашка", "", "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z", "\xff\xfe", "Abdul Rahman Al Mansouri", "Romashka Compan iLmited", "LIMITEDLIABILITY Romashka", "Ali Ali Ali Putin", "M. Haji Putin Sheikh", "Vladimr Vladimirovch Ptuin", "Global Tradingcompany Ini"} {
		f.Add(s, "AB123456")
	}
	f.Fuzz(func(t *testing.T, name, doc string) {
		r, err := e.Screen(context.Background(), Query{Name: name, Document: doc, Threshold: 0.01, BirthDate: lists.PartialDate{Year: 1960}})
		if err != nil {
			return // invalid queries are errors, not panics
		}
		for _, l := range r.Lists {
			for i, m := range l.Matches {
				if m.Score < 0 || m.Score > 1 {
					t.Fatalf("score %v outside [0,1] for %q", m.Score, name)
				}
				if i > 0 && m.Score > l.Matches[i-1].Score {
					t.Fatalf("matches out of order for %q: %v", name, l.Matches)
				}
			}
		}
	})
}
