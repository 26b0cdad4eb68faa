package pdf

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/sievekyc/sieve/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func render(t testing.TB, d report.Document) []byte {
	t.Helper()
	b, err := Render(d)
	if err != nil {
		t.Fatalf("Render(%s): %v", d.Mode, err)
	}
	return b
}

func TestRenderDeterministic(t *testing.T) {
	for _, m := range report.Modes() {
		t.Run(string(m), func(t *testing.T) {
			want := render(t, fixture(m, 8))
			for i := range 9 {
				if got := render(t, fixture(m, 8)); !bytes.Equal(got, want) {
					t.Fatalf("render %d differs from the first (%d vs %d bytes)", i+2, len(got), len(want))
				}
			}
			// Concurrent renders too.
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got, err := Render(fixture(m, 8))
					if err == nil && !bytes.Equal(got, want) {
						err = errors.New("concurrent render differs")
					}
					if err != nil {
						errs <- err
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
}

func TestRenderDates(t *testing.T) {
	d := fixture(report.ModeSummary, 1)
	b := render(t, d)
	for _, key := range []string{"/CreationDate (D:20241122103000)", "/ModDate (D:20241122103000)"} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("PDF lacks %s", key)
		}
	}
	// Another completion time gives other dates and other bytes.
	d.GeneratedAt = d.GeneratedAt.AddDate(1, 0, 0)
	if b2 := render(t, d); !bytes.Contains(b2, []byte("/ModDate (D:20251122103000)")) || bytes.Equal(b, b2) {
		t.Error("the dates do not follow GeneratedAt")
	}
}

func TestRenderInvalid(t *testing.T) {
	d := fixture(report.ModeComplete, 1)
	d.Sources[0].Lists[0].Matches[0].Score = 7
	d.RunID = ""
	_, err := Render(d)
	if !errors.Is(err, report.ErrInvalidDocument) {
		t.Fatalf("Render = %v, want ErrInvalidDocument", err)
	}
	var fe *report.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("Render = %v, want a *report.FieldError", err)
	}
	d = fixture("pdf", 0)
	if _, err := Render(d); !errors.Is(err, report.ErrInvalidDocument) {
		t.Errorf("unknown mode: %v", err)
	}
}

func TestFontsEmbedded(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*report.Document)
		wantCJK bool
	}{
		{"with CJK", func(*report.Document) {}, true},
		{"without CJK", func(d *report.Document) {
			d.Sources[0].Lists[2].Matches = d.Sources[0].Lists[2].Matches[:2]
			d.Sources[0].Lists[2].MatchCount = 2
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fixture(report.ModeComplete, 2)
			tt.edit(&d)
			b := render(t, d)
			for _, want := range []string{"/BaseFont /utf8sieve-sans", "/BaseFont /utf8sieve-sansB", "/FontFile2", "/ToUnicode"} {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("PDF lacks %s", want)
				}
			}
			if got := bytes.Contains(b, []byte("/BaseFont /utf8sieve-cjk")); got != tt.wantCJK {
				t.Errorf("CJK font embedded = %t, want %t", got, tt.wantCJK)
			}
			// No standard (unembedded) font is used.
			if bytes.Contains(b, []byte("/Subtype /Type1")) {
				t.Error("PDF uses a standard Type1 font")
			}
		})
	}
}

// TestPagination checks that the pager predicts maroto's page breaks: the
// PDF has as many pages as the layout, so repeated table headers land at
// the top of pages.
func TestPagination(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	for _, m := range report.Modes() {
		for _, n := range []int{0, 5, 60, 200} {
			d := fixture(m, n)
			var p *pager
			switch m {
			case report.ModeSummary:
				p = summary(&d)
			case report.ModeComplete:
				p = complete(&d)
			default:
				p = export(&d)
			}
			if got := pageCount(render(t, d)); got != p.pages {
				t.Errorf("%s with %d matches: PDF has %d pages, layout %d", m, n, got, p.pages)
			}
		}
	}
}

func TestSummaryAtMostThreePages(t *testing.T) {
	// Wide glyphs (W, CJK) and long unbroken words are the worst case.
	long := strings.Repeat("WWWW MMMM 王秀英王秀英 Lorem ipsum dolor sit amet ", 200)
	word := strings.Repeat("W", 5000)
	d := fixture(report.ModeSummary, 200)
	d.Title = long
	d.RunID = word
	d.TenantID = long
	d.Template.ID = word
	d.Status = long
	d.RiskBandLabel = long
	d.Subject.Name = long
	d.Subject.Transliteration = long
	d.Subject.DocumentType = long
	d.Subject.DocumentNumber = word
	d.HoldReasons = nil
	d.Findings = nil
	d.Recommendations = nil
	d.RiskFactors = nil
	d.Subject.Params = nil
	for i := range 300 {
		d.HoldReasons = append(d.HoldReasons, long)
		d.RiskFactors = append(d.RiskFactors, long)
		d.Subject.Params = append(d.Subject.Params, report.KV{Key: long, Value: long})
		d.Findings = append(d.Findings, report.Finding{ID: long, Category: long, Status: []report.FindingStatus{report.FindingPassed, report.FindingWarning, report.FindingFailed}[i%3], Title: long, Details: long + word})
		d.Recommendations = append(d.Recommendations, report.Recommendation{ID: long, Priority: i, Text: long})
		d.Sources[0].Lists = append(d.Sources[0].Lists, report.ListSection{Code: long, Version: long})
		d.ListVersions = append(d.ListVersions, report.KV{Key: long, Value: long})
	}
	d.SignOff = report.SignOff{Required: true, Analyst: long, Decision: report.DecisionApproved, At: fixtureTime, Note: long}
	b := render(t, d)
	if n := pageCount(b); n > 3 {
		t.Errorf("resumido has %d pages, want at most 3", n)
	}
	text := extractText(t, b)
	// Failed findings come first: the first finding shown is a failed one.
	if i, j := strings.Index(text, "reprovado"), strings.Index(text, "aprovado\n"); i < 0 || (j >= 0 && j < i) {
		t.Errorf("failed findings are not listed first")
	}
	for _, want := range []string{"+290 achados no relatório completo", "Assinatura do analista", "Parecer do analista"} {
		if !strings.Contains(text, want) {
			t.Errorf("resumido lacks %q", want)
		}
	}
}

// TestComplete200Matches renders 200 matches and checks that every one is
// in the text, with the table header repeated on every page it spans.
func TestComplete200Matches(t *testing.T) {
	d := fixture(report.ModeComplete, 200)
	b := render(t, d)
	pages := pageCount(b)
	if pages < 10 {
		t.Fatalf("200 matches on %d pages: rows are not split across pages?", pages)
	}
	text := extractText(t, b)
	for i := range 200 {
		if id := fmt.Sprintf("ofac-sdn:%d ", 36+i); !strings.Contains(text, id) {
			t.Fatalf("match %s missing from the text", id)
		}
	}
	perPage := strings.Split(text, "\f")
	heads := 0
	for _, pg := range perPage {
		if strings.Contains(pg, "Detalhes e explicação do score") {
			heads++
		}
	}
	// The OFAC table spans most pages; each of them repeats its header.
	if heads < pages-3 {
		t.Errorf("table header on %d of %d pages", heads, pages)
	}
}

func TestScripts(t *testing.T) {
	for _, m := range report.Modes() {
		t.Run(string(m), func(t *testing.T) {
			d := fixture(m, 1)
			text := extractText(t, render(t, d))
			names := []string{nameLatin, nameCyrillic, nameGreek, nameArabic, translArabic, nameHebrew, translHebrew, nameCJK, translCJK, nameKorean}
			if m == report.ModeSummary {
				// The summary shows the subject and findings, not matches.
				names = []string{nameLatin, nameCyrillic}
			}
			for _, name := range names {
				if !strings.Contains(text, norm.NFKC.String(name)) {
					t.Errorf("%q missing from the extracted text", name)
				}
			}
		})
	}
}

func TestUndrawableScriptPlaceholder(t *testing.T) {
	d := fixture(report.ModeExport, 0)
	d.Subject.Name = "देवनागरी"
	d.Subject.Transliteration = "Devanagari"
	b := render(t, d)
	text := extractText(t, b)
	if !strings.Contains(text, "[Devanagari] (Devanagari)") {
		t.Errorf("Devanagari name not replaced by its script name:\n%s", text[:min(len(text), 600)])
	}
}

func TestGolden(t *testing.T) {
	for _, m := range report.Modes() {
		t.Run(string(m), func(t *testing.T) {
			got := extractText(t, render(t, fixture(m, 3)), "-layout")
			path := filepath.Join("testdata", "golden", string(m)+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("text of %s differs from %s (rerun with -update if intended):\n%s", m, path, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff reports the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
