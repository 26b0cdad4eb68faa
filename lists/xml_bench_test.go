package lists

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkParseOFACXML parses the real consolidated (non-SDN) list,
// 442 entries, 978 kB.
func BenchmarkParseOFACXML(b *testing.B) {
	raw, err := os.ReadFile(sharedList(b, "ofac_consolidated/consolidated.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := ParseOFACXML(bytes.NewReader(raw), SourceOFACCons)
		if err != nil {
			b.Fatal(err)
		}
		if len(l.Entities) != 442 {
			b.Fatalf("%d entities", len(l.Entities))
		}
	}
	b.ReportMetric(442, "entities/op")
}

// BenchmarkParseEUFSFXML parses the real FSF excerpt, 5 entities, 39 kB.
func BenchmarkParseEUFSFXML(b *testing.B) {
	raw, err := os.ReadFile(sharedList(b, "eu/excerpt_xmlFullSanctionsList_1_1.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := ParseEUFSFXML(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		if len(l.Entities) != 5 {
			b.Fatalf("%d entities", len(l.Entities))
		}
	}
	b.ReportMetric(5, "entities/op")
}
