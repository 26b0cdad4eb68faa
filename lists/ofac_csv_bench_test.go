package lists

import (
	"bytes"
	"testing"
)

// BenchmarkParseOFACSDNCSV parses the real 2023-12-28 SDN set (sdn.csv,
// add.csv, alt.csv, sdn_comments.csv: 5.6 MB, 13,821 entities) from memory.
func BenchmarkParseOFACSDNCSV(b *testing.B) {
	var files [4][]byte
	for i, name := range []string{"ofac/sdn.csv", "ofac/add.csv", "ofac/alt.csv", "ofac/sdn_comments.csv"} {
		_, all := sharedOFACSet(b, [4]string{name})
		files[i] = all
	}
	b.SetBytes(int64(len(files[0]) + len(files[1]) + len(files[2]) + len(files[3])))
	b.ReportAllocs()
	var entities int
	for b.Loop() {
		l, err := ParseOFACSDNCSV(OFACCSVSet{
			Main:      bytes.NewReader(files[0]),
			Addresses: bytes.NewReader(files[1]),
			Aliases:   bytes.NewReader(files[2]),
			Comments:  bytes.NewReader(files[3]),
		})
		if err != nil {
			b.Fatal(err)
		}
		entities = len(l.Entities)
	}
	b.ReportMetric(float64(entities), "entities")
}
