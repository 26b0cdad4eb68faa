package lists

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// benchmarkParse parses b with parse b.N times, reporting bytes per second,
// allocations and entities per file.
func benchmarkParse(b *testing.B, data []byte, parse func(io.Reader) (*List, error)) {
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

// readSharedList reads a real list file, or skips the benchmark.
func readSharedList(b *testing.B, rel string) []byte {
	data, err := os.ReadFile(sharedList(b, rel))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParseUSCSLCSV(b *testing.B) {
	benchmarkParse(b, readSharedList(b, "us_csl/consolidated.csv"), ParseUSCSLCSV)
}

func BenchmarkParseFtMJSON(b *testing.B) {
	benchmarkParse(b, readSharedList(b, "opensanctions/zala_cluster.entities.ftm.json"), ParseFtMJSON)
}

func BenchmarkParseTargetsCSV(b *testing.B) {
	benchmarkParse(b, readSharedList(b, "opensanctions/ua_war_sanctions.targets.simple.csv"), ParseTargetsCSV)
}

// BenchmarkParseCustomCSV parses a generated host list of 10,000 rows
// (there is no real CUSTOM file: hosts write their own).
func BenchmarkParseCustomCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# published: 2026-01-31\nid,type,name,aliases,dob,nationality,country,identifiers,programs,listed_on,remarks\n")
	for i := range 10000 {
		fmt.Fprintf(&sb, "bl-%05d,person,Example Person %d,Alias %d;Other Alias %d,1970-01-%02d;~1971,GB,ES,"+
			"passport:X%07d:GB;email:p%d@example.invalid,FRAUD,2025-11-02,generated row\n",
			i, i, i, i, i%28+1, i, i)
	}
	benchmarkParse(b, []byte(sb.String()), ParseCustomCSV)
}
