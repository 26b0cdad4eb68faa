package bench

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sievekyc/sieve/lists"
)

// BenchmarkParse parses each real list file (OFAC CSV sets with their
// relation files) and reports time, allocations and MB/s per format.
func BenchmarkParse(b *testing.B) {
	if _, err := os.Stat(sharedDir); err != nil {
		b.Skipf("real lists not available at %s: %v", sharedDir, err)
	}
	p := func(rel string) string { return filepath.Join(sharedDir, filepath.FromSlash(rel)) }
	sets := []struct {
		name string
		set  lists.FileSet
	}{
		{"ofac-sdn-csv", lists.FileSet{Format: lists.FormatOFACSDNCSV, Path: p("ofac/sdn.csv"), Addresses: p("ofac/add.csv"), Aliases: p("ofac/alt.csv"), Comments: p("ofac/sdn_comments.csv")}},
		{"ofac-cons-csv", lists.FileSet{Format: lists.FormatOFACConsCSV, Path: p("ofac_consolidated/cons_prim.csv"), Addresses: p("ofac_consolidated/cons_add.csv"), Aliases: p("ofac_consolidated/cons_alt.csv"), Comments: p("ofac_consolidated/cons_comments.csv")}},
		{"ofac-xml", lists.FileSet{Format: lists.FormatOFACXML, Source: lists.SourceOFACCons, Path: p("ofac_consolidated/consolidated.xml")}},
		{"un-xml", lists.FileSet{Format: lists.FormatUNXML, Path: p("un/consolidated.xml")}},
		{"eu-fsf-xml", lists.FileSet{Format: lists.FormatEUFSFXML, Path: p("eu/excerpt_xmlFullSanctionsList_1_1.xml")}},
		{"uk-hmt-xlsx", lists.FileSet{Format: lists.FormatUKHMTXLSX, Path: p("uk/ConList.xlsx")}},
		{"uk-fcdo-xml", lists.FileSet{Format: lists.FormatUKFCDOXML, Path: p("uk/excerpt_UK_Sanctions_List.xml")}},
		{"ca-sema-xml", lists.FileSet{Format: lists.FormatCASEMAXML, Path: p("canada/sema-lmes.xml")}},
		{"au-dfat-xlsx", lists.FileSet{Format: lists.FormatAUDFATXLSX, Path: p("australia/regulation8_consolidated.xlsx")}},
		{"us-csl-csv", lists.FileSet{Format: lists.FormatUSCSLCSV, Path: p("us_csl/consolidated.csv")}},
		{"ftm-json", lists.FileSet{Format: lists.FormatFtMJSON, Path: p("opensanctions/zala_cluster.entities.ftm.json")}},
		{"targets-simple-csv", lists.FileSet{Format: lists.FormatTargetsCSV, Path: p("opensanctions/ua_war_sanctions.targets.simple.csv")}},
	}
	for _, s := range sets {
		b.Run(s.name, func(b *testing.B) {
			var size int64
			for _, f := range []string{s.set.Path, s.set.Addresses, s.set.Aliases, s.set.Comments} {
				if fi, err := os.Stat(f); err == nil && f != "" {
					size += fi.Size()
				}
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				l, err := lists.ParseFileSet(s.set)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(l.Entities)), "entities")
			}
		})
	}
}
