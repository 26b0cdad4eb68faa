package lists

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

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

// readWorkbook reads the xlsx workbook r and calls row with the cells and
// the 1-based row number of every row of its sheet named preferred (case and
// spaces ignored) or, when there is none, of its first sheet. Before the
// first row it sets *date1904 to the workbook's date system (see
// [excelSerial]). It returns the SHA-256 of the input, or the first error of
// the workbook or of row. The limits and errors are those of openWorkbook
// and workbook.next; source names the format in errors.
func readWorkbook(r io.Reader, source, preferred string, date1904 *bool, row func(cells []string, line int) error) (string, error) {
	d := newDigestReader(r)
	wb, err := openWorkbook(d, source, preferred)
	if err != nil {
		return "", err
	}
	defer wb.close()
	*date1904 = wb.date1904
	for {
		cells, line, err := wb.next()
		if err != nil {
			return "", err
		}
		if cells == nil && line == 0 {
			return d.sum(), nil
		}
		if err := row(cells, line); err != nil {
			return "", err
		}
	}
}

// openWorkbook reads the whole of d (an xlsx is a zip, whose directory is at
// its end), checks it is a zip of reasonable unpacked size, opens it with
// excelize and starts the row iterator on the sheet named preferred (case
// and spaces ignored) or, when there is none, the first sheet. Input over
// workbookMaxBytes, or that unpacks to over workbookMaxUnpacked, wraps
// [ErrTooLarge]; input that is not an xlsx workbook, or whose zip directory
// declares impossible sizes, wraps [ErrSyntax]; empty input wraps [ErrEmpty].
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
	if err := checkZipSizes(zr, len(b), source); err != nil {
		return nil, err
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

// checkZipSizes is the zip bomb guard. excelize allocates each part at the
// size the zip directory declares, so the declarations are checked before
// it reads them: no part can be larger than the file (of size bytes) or
// expand more than deflate allows, and all of them together stay under
// workbookMaxUnpacked.
func checkZipSizes(zr *zip.Reader, size int, source string) error {
	var unpacked uint64
	for _, zf := range zr.File {
		if zf.CompressedSize64 > uint64(size) || zf.UncompressedSize64 > zf.CompressedSize64*deflateMaxRatio+64 {
			return &ParseError{Source: source, Element: zf.Name,
				Err: fmt.Errorf("%w: zip part %q declares impossible sizes", ErrSyntax, zf.Name)}
		}
		unpacked += zf.UncompressedSize64
		if unpacked > workbookMaxUnpacked {
			return &ParseError{Source: source, Err: fmt.Errorf("%w: workbook unpacks to over %d bytes", ErrTooLarge, workbookMaxUnpacked)}
		}
	}
	return nil
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

// cellName renders the spreadsheet cell of 0-based column col in row line:
// cellName(35, 7) is "AJ7".
func cellName(col, line int) string {
	var b []byte
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(line)
}
