package norm

import "testing"

// benchNames are the inputs of BenchmarkTokenize: a typical three-word
// Latin name, a Cyrillic name and an Arabic name.
var benchNames = []struct{ name, in string }{
	{"Latin3", "Vladimir Vladimirovich Putin"},
	{"Latin3Folded", "vladimir vladimirovich putin"},
	{"Cyrillic", "Владимир Владимирович Путин"},
	{"Arabic", "محمد بن سلمان آل سعود"},
	{"Company", "Rosneft Oil Company PJSC"},
}

// BenchmarkTokenize measures Tokenize per input kind, with allocations.
func BenchmarkTokenize(b *testing.B) {
	for _, bn := range benchNames {
		b.Run(bn.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Tokenize(bn.in)
			}
		})
	}
}

// BenchmarkFold measures Fold alone on the same inputs.
func BenchmarkFold(b *testing.B) {
	for _, bn := range benchNames {
		b.Run(bn.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Fold(bn.in)
			}
		})
	}
}
