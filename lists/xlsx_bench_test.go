package lists

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// benchmarkSheetParse parses data b.N times with parse, reporting bytes per
// second, allocations and entities per file. It skips when the real list
// file is absent.
func benchmarkSheetParse(b *testing.B, rel string, parse func(io.Reader) (*List, error)) {
	data, err := os.ReadFile(sharedList(b, rel))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var n int
	for b.Loop() {
		l, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		n = len(l.Entities)
	}
	b.ReportMetric(float64(n), "entities/op")
}

// BenchmarkParseUKHMTXLSX parses OFSI's ConList.xlsx (2.2 MB, 18,798 rows).
func BenchmarkParseUKHMTXLSX(b *testing.B) {
	benchmarkSheetParse(b, "uk/ConList.xlsx", ParseUKHMTXLSX)
}

// BenchmarkParseAUDFATXLSX parses DFAT's regulation8_consolidated.xlsx
// (1 MB, 9,560 rows).
func BenchmarkParseAUDFATXLSX(b *testing.B) {
	benchmarkSheetParse(b, "australia/regulation8_consolidated.xlsx", ParseAUDFATXLSX)
}
