package lists

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ParseUKHMTXLSX reads OFSI's Consolidated List of Financial Sanctions
// Targets as published in ConList.xlsx: sheet "Data" (or, when there is no
// such sheet, the first one). Row 1 is "Last Updated | dd/mm/yyyy", giving
// List.Published; row 2 is the header; every later row is one name variant
// of a target. Columns are found by header name, whatever their order, case
// or surrounding spaces.
//
// Rows are grouped by Group ID, adjacent or not, into one [Entity] each,
// with ID "uk-hmt:<Group ID>", in the order the Group IDs first appear:
//
//   - Group Type Individual, Entity or Ship gives the entity type;
//   - Name 1..Name 5 (forenames) and Name 6 (surname, or the whole name of
//     an entity or ship) give the name, in that order; Alias Type "Primary
//     name" makes it the primary name, "Primary name variation" and "AKA"
//     an alias (a weak alias when Alias Quality is "Low quality"), "FKA" a
//     former name; a group without a primary row gets its first name
//     promoted; Name Non-Latin Script is kept as an alias in its script;
//   - Title and Position (both may be packed "(1) … (2) …") become Titles;
//   - DOB dd/mm/yyyy, with 00 for unknown parts, mm/yyyy or yyyy, becomes a
//     partial birth date; Town and Country of Birth become birth places;
//   - Nationality (possibly packed) becomes ISO 3166 alpha-2 codes;
//   - Passport and National Identification Number/Details (packed in
//     parallel) become identifiers, with the issuing country when the
//     details start with one;
//   - Address 1..6, Post/Zip Code and Country become an address (Address 6
//     read as the town);
//   - Other Information is kept in Remarks, and its "(UK Sanctions List
//     Ref):", "(UN Ref):" and "(IMO number):" values become identifiers and
//     "(Gender):" the gender;
//   - Regime becomes Programs, and the earliest Listed On becomes ListedOn.
//
// Values that repeat across a group's rows are kept once. The workbook is a
// zip container, so the whole input is read into memory before the sheet's
// rows are streamed with excelize's row iterator; inputs over 256 MiB, or
// that unpack to over 256 MiB, are refused with [ErrTooLarge]. Input that is
// not an xlsx workbook wraps [ErrSyntax]; other errors are as for
// [ParseUKHMTCSV], with the spreadsheet row as Line and the cell (such as
// "AJ7") as Element.
func ParseUKHMTXLSX(r io.Reader) (*List, error) {
	p := newUKHMTReader(FormatUKHMTXLSX, true)
	d := newDigestReader(r)
	wb, err := openWorkbook(d, p.source, "Data")
	if err != nil {
		return nil, err
	}
	defer wb.close()
	p.date1904 = wb.date1904
	for {
		cells, row, err := wb.next()
		if err != nil {
			return nil, err
		}
		if cells == nil && row == 0 {
			break
		}
		if err := p.row(cells, row); err != nil {
			return nil, err
		}
	}
	return p.finish(FormatUKHMTXLSX, d.sum())
}

// Limits on a workbook: its bytes, and the sum of its parts' unpacked sizes
// (a zip bomb guard; OFSI's ConList.xlsx unpacks to 17 MB). deflateMaxRatio
// bounds how much deflate can expand a part (1032:1, rounded up).
const (
	workbookMaxBytes    = 256 << 20
	workbookMaxUnpacked = 256 << 20
	deflateMaxRatio     = 1100
)

// workbook streams the rows of one sheet of an xlsx file.
type workbook struct {
	source   string
	f        *excelize.File
	rows     *excelize.Rows
	row      int
	date1904 bool
}

// openWorkbook reads the whole of d (an xlsx is a zip, whose directory is at
// its end), checks it is a zip of reasonable unpacked size, opens it with
// excelize and starts the row iterator on the sheet named preferred (case
// and spaces ignored) or, when there is none, the first sheet.
func openWorkbook(d *digestReader, source, preferred string) (*workbook, error) {
	b, err := io.ReadAll(io.LimitReader(d, workbookMaxBytes+1))
	if err != nil {
		return nil, &ParseError{Source: source, Err: err}
	}
	switch {
	case len(b) == 0:
		return nil, &ParseError{Source: source, Err: fmt.Errorf("%w: empty input", ErrEmpty)}
	case len(b) > workbookMaxBytes:
		return nil, &ParseError{Source: source, Err: fmt.Errorf("%w: workbook over %d bytes", ErrTooLarge, workbookMaxBytes)}
	}
	if err := d.drain(); err != nil {
		return nil, &ParseError{Source: source, Err: err}
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, &ParseError{Source: source, Err: fmt.Errorf("%w: not an xlsx workbook: %w", ErrSyntax, err)}
	}
	// excelize allocates each part at the size the zip directory declares,
	// so check the declarations before it reads them: no part can be
	// larger than the file or expand more than deflate allows, and all of
	// them together stay under workbookMaxUnpacked.
	var unpacked uint64
	for _, zf := range zr.File {
		if zf.CompressedSize64 > uint64(len(b)) || zf.UncompressedSize64 > zf.CompressedSize64*deflateMaxRatio+64 {
			return nil, &ParseError{Source: source, Element: zf.Name,
				Err: fmt.Errorf("%w: zip part %q declares impossible sizes", ErrSyntax, zf.Name)}
		}
		unpacked += zf.UncompressedSize64
		if unpacked > workbookMaxUnpacked {
			return nil, &ParseError{Source: source, Err: fmt.Errorf("%w: workbook unpacks to over %d bytes", ErrTooLarge, workbookMaxUnpacked)}
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: workbookMaxUnpacked})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		return nil, &ParseError{Source: source, Err: fmt.Errorf("%w: not an xlsx workbook: %w", ErrSyntax, err)}
	}
	w := &workbook{source: source, f: f}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		w.date1904 = *props.Date1904
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		w.close()
		return nil, &ParseError{Source: source, Err: fmt.Errorf("%w: workbook without sheets", ErrSyntax)}
	}
	sheet := sheets[0]
	for _, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), preferred) {
			sheet = s
			break
		}
	}
	if w.rows, err = f.Rows(sheet); err != nil {
		w.close()
		return nil, &ParseError{Source: source, Element: sheet, Err: fmt.Errorf("%w: sheet %q: %w", ErrSyntax, sheet, err)}
	}
	return w, nil
}

// next returns the cells of the next row (nil for an empty row) and its
// 1-based row number; at the end of the sheet it returns nil, 0, nil.
// Cells are raw values: shared and inline strings as written, numbers (and
// so dates) as stored, without number formats applied.
func (w *workbook) next() ([]string, int, error) {
	if !w.rows.Next() {
		if err := w.rows.Error(); err != nil {
			kind := ErrSyntax
			if errors.Is(err, excelize.ErrMaxRows) {
				kind = ErrTooLarge
			}
			return nil, 0, &ParseError{Source: w.source, Line: w.row + 1, Err: fmt.Errorf("%w: %w", kind, err)}
		}
		return nil, 0, nil
	}
	w.row++
	cells, err := w.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, &ParseError{Source: w.source, Line: w.row, Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
	}
	if cells == nil {
		cells = []string{}
	}
	return cells, w.row, nil
}

// close releases the iterator and excelize's temporary files.
func (w *workbook) close() {
	if w.rows != nil {
		_ = w.rows.Close()
	}
	_ = w.f.Close()
}
