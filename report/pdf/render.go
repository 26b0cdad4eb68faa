package pdf

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/phpdave11/gofpdf"

	"github.com/sievekyc/sieve/report"
)

func init() {
	// gofpdf writes its font and image catalogues by ranging over maps
	// unless catalogue sorting is on, which would number the PDF's objects
	// differently on every run. maroto does not expose the per-document
	// switch, so the package default is set once, before any document
	// exists (init runs before main and before any goroutine of ours).
	// Sorting only fixes the order of objects; it changes nothing else.
	gofpdf.SetDefaultCatalogSort(true)
}

// Render renders d as a PDF in d.Mode. It validates d first; an invalid
// document yields an error wrapping report.ErrInvalidDocument (with every
// problem as a *report.FieldError). Failures of the PDF library wrap
// ErrRender.
//
// Rendering is deterministic: the same Document renders byte-identical
// PDFs, dated d.GeneratedAt. Render is safe for concurrent use.
func Render(d report.Document) (pdf []byte, err error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if err := loadFaces(); err != nil {
		return nil, err
	}
	defer func() {
		// maroto and gofpdf are third-party layout code; a panic inside
		// them becomes an error rather than taking the host down.
		if r := recover(); r != nil {
			pdf, err = nil, fmt.Errorf("%w: %v", ErrRender, r)
		}
	}()
	var p *pager
	var loc locale
	switch d.Mode {
	case report.ModeSummary:
		p, loc = summary(&d), localePT
	case report.ModeComplete:
		p, loc = complete(&d), localePT
	case report.ModeExport:
		p, loc = export(&d), localeEN
	default:
		return nil, fmt.Errorf("%w: %q", report.ErrInvalidMode, d.Mode)
	}
	return generate(&d, p, loc)
}

// generate runs maroto over the laid-out lines.
func generate(d *report.Document, p *pager, loc locale) ([]byte, error) {
	created := d.GeneratedAt.UTC()
	cfg := config.NewBuilder().
		WithPageSize(pagesize.A4).
		WithLeftMargin(marginLeft).
		WithRightMargin(marginRight).
		WithTopMargin(marginTop).
		WithBottomMargin(marginBottom).
		WithCustomFonts(customFonts(p.usesCJK())).
		WithDefaultFont(&props.Font{Family: familySans, Style: fontstyle.Normal, Size: sizeBody, Color: &colorText}).
		WithPageNumber(props.PageNumber{Pattern: loc.pagePattern, Place: props.RightBottom, Family: familySans, Size: sizeSmall, Color: &colorMuted}).
		WithCompression(true).
		WithSequentialMode().
		WithTitle(documentTitle(d), true).
		WithAuthor("Sieve", true).
		WithCreator("Sieve report/pdf", true).
		WithSubject(d.Mode.String()+" "+d.RunID, true).
		WithCreationDate(created).
		Build()
	m := maroto.New(cfg)
	header := make([]core.Row, len(p.header))
	for i, l := range p.header {
		header[i] = l.row()
	}
	if err := m.RegisterHeader(header...); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	rows := make([]core.Row, len(p.lines))
	for i, l := range p.lines {
		rows[i] = l.row()
	}
	m.AddRows(rows...)
	doc, err := m.Generate()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrRender, err)
	}
	out := doc.GetBytes()
	if err := fixModDate(out, created.Format(pdfDateLayout)); err != nil {
		return nil, err
	}
	return out, nil
}

// pdfDateLayout is how gofpdf writes dates in the document information
// dictionary, after "D:".
const pdfDateLayout = "20060102150405"

// fixModDate overwrites the document's ModDate, which gofpdf takes from the
// clock when the PDF is written (maroto exposes no way to set it), with
// date, in place. The date has the same length, so no byte offset of the
// cross-reference table moves.
func fixModDate(pdf []byte, date string) error {
	key := []byte("/ModDate (D:")
	i := bytes.LastIndex(pdf, key)
	if i < 0 || i+len(key)+len(date) > len(pdf) || len(date) != len(pdfDateLayout) {
		return fmt.Errorf("%w: %w", ErrRender, errNoModDate)
	}
	copy(pdf[i+len(key):], date)
	return nil
}

var errNoModDate = errors.New("no ModDate in the document information dictionary")

// documentTitle is the PDF's title metadata.
func documentTitle(d *report.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return defaultTitle(d.Mode)
}

// defaultTitle is the title a mode prints when the document has none.
func defaultTitle(m report.Mode) string {
	switch m {
	case report.ModeSummary:
		return "Relatório de análise — resumido"
	case report.ModeComplete:
		return "Relatório de análise — completo"
	}
	return "KYC Screening Report"
}
