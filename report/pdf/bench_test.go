package pdf

import (
	"testing"

	"github.com/sievekyc/sieve/report"
)

// BenchmarkRender measures the time, allocations and PDF size of each mode.
// Targets: resumido at most 50 ms, completo with 200 matches at most 500 ms.
func BenchmarkRender(b *testing.B) {
	if err := loadFaces(); err != nil { // once per process, not per render
		b.Fatal(err)
	}
	cases := []struct {
		name string
		doc  report.Document
	}{
		{"resumido", fixture(report.ModeSummary, 5)},
		{"completo-5", fixture(report.ModeComplete, 5)},
		{"completo-200", fixture(report.ModeComplete, 200)},
		{"export-5", fixture(report.ModeExport, 5)},
		{"export-200", fixture(report.ModeExport, 200)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var out []byte
			for b.Loop() {
				var err error
				if out, err = Render(c.doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(out)), "pdf-bytes")
			b.ReportMetric(float64(pageCount(out)), "pages")
		})
	}
}

// BenchmarkRenderLatin measures a resumido with no CJK text, which does not
// embed the CJK font.
func BenchmarkRenderLatin(b *testing.B) {
	if err := loadFaces(); err != nil {
		b.Fatal(err)
	}
	d := fixture(report.ModeSummary, 0)
	d.Sources[0].Lists[2].Matches = nil
	d.Sources[0].Lists[2].Matched = false
	d.Sources[0].Lists[2].MatchCount = 0
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		var err error
		if out, err = Render(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "pdf-bytes")
}
