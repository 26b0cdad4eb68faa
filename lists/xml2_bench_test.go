package lists

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// xml2Bench parses a real list file held in memory; it skips when the
// shared lists are absent.
func xml2Bench(b *testing.B, rel string, parse func(io.Reader) (*List, error)) {
	data, err := os.ReadFile(sharedList(b, rel))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var entities int
	for b.Loop() {
		l, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		entities = len(l.Entities)
	}
	b.ReportMetric(float64(entities), "entities")
}

func BenchmarkParseUNXML(b *testing.B) {
	xml2Bench(b, "un/consolidated.xml", ParseUNXML)
}

func BenchmarkParseUKFCDOXML(b *testing.B) {
	xml2Bench(b, "uk/excerpt_UK_Sanctions_List.xml", ParseUKFCDOXML)
}

func BenchmarkParseCASEMAXML(b *testing.B) {
	xml2Bench(b, "canada/sema-lmes.xml", ParseCASEMAXML)
}
