package lists

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// namedCSV reads a CSV file whose columns are found by their header names.
// The US CSL, OpenSanctions targets and CUSTOM parsers share it. In
// tolerant mode (the default) invalid UTF-8 is read as Windows-1252,
// short rows are padded and long rows cut; in strict mode (CUSTOM) each of
// those is an error.
type namedCSV struct {
	r      *csv.Reader
	source string
	tol    *tolerances
	strict bool
	offset int // lines consumed before the CSV reader started
	cols   map[string]int
	names  []string
	rec    []string
	line   int
}

// newNamedCSV starts reading br, dropping a UTF-8 byte-order mark.
func newNamedCSV(br *bufio.Reader, source string, tol *tolerances) *namedCSV {
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
		tol.note("UTF-8 byte-order mark", "line 1")
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	return &namedCSV{r: cr, source: source, tol: tol}
}

// readHeader reads the header row; column names are matched
// case-insensitively after trimming. The required columns must be present.
func (t *namedCSV) readHeader(required ...string) error {
	rec, err := t.r.Read()
	if err == io.EOF {
		return &ParseError{Source: t.source, Err: ErrEmpty}
	}
	if err != nil {
		return t.csvError(err)
	}
	t.line, _ = t.r.FieldPos(0)
	t.line += t.offset
	t.cols = make(map[string]int, len(rec))
	t.names = make([]string, len(rec))
	for i, raw := range rec {
		if !utf8.ValidString(raw) {
			return t.errorf("", fmt.Errorf("%w: column %d: not UTF-8", ErrInvalidValue, i+1))
		}
		name := strings.ToLower(strings.TrimSpace(raw))
		t.names[i] = name
		if _, dup := t.cols[name]; dup {
			if t.strict {
				return t.errorf(name, fmt.Errorf("%w: duplicate column", ErrInvalidValue))
			}
			t.tol.note("duplicate column "+name+", first one used", t.pos())
			continue
		}
		t.cols[name] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return t.errorf(c, fmt.Errorf("%w: no such column in the header", ErrMissingField))
		}
	}
	return nil
}

// next reads the next non-blank row; it returns io.EOF after the last.
func (t *namedCSV) next() error {
	for {
		rec, err := t.r.Read()
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return t.csvError(err)
		}
		t.line, _ = t.r.FieldPos(0)
		t.line += t.offset
		t.rec = rec
		for i, f := range rec {
			if utf8.ValidString(f) {
				continue
			}
			if t.strict {
				return t.errorf(t.nameOf(i), fmt.Errorf("%w: not UTF-8", ErrInvalidValue))
			}
			rec[i], _ = charmap.Windows1252.NewDecoder().String(f)
			t.tol.note("invalid UTF-8 read as Windows-1252", t.pos())
		}
		if len(rec) != len(t.names) {
			if t.strict {
				return t.errorf("", fmt.Errorf("%w: %d fields, the header has %d", ErrSyntax, len(rec), len(t.names)))
			}
			t.tol.note(fmt.Sprintf("row with %d fields, the header has %d", len(rec), len(t.names)), t.pos())
		}
		blank := true
		for _, f := range rec {
			if strings.TrimSpace(f) != "" {
				blank = false
				break
			}
		}
		if blank {
			t.tol.note("blank row", t.pos())
			continue
		}
		return nil
	}
}

// nameOf returns the header name of column i, or "column N".
func (t *namedCSV) nameOf(i int) string {
	if i < len(t.names) {
		return t.names[i]
	}
	return fmt.Sprintf("column %d", i+1)
}

// field returns the column's raw value in the current row ("" when the
// header has no such column or the row is short).
func (t *namedCSV) field(col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(t.rec) {
		return ""
	}
	return t.rec[i]
}

// get returns the column's value, trimmed.
func (t *namedCSV) get(col string) string { return strings.TrimSpace(t.field(col)) }

// splitField splits the column's value at sep, trimming the parts and
// dropping empty ones.
func (t *namedCSV) splitField(col, sep string) []string {
	v := t.field(col)
	if strings.TrimSpace(v) == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(v, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// pos renders the current row's position for tolerance notes.
func (t *namedCSV) pos() string { return fmt.Sprintf("line %d", t.line) }

// errorf positions err at the current row and the given column.
func (t *namedCSV) errorf(field string, err error) *ParseError {
	return &ParseError{Source: t.source, Line: t.line, Field: field, Err: err}
}

// csvError converts an encoding/csv error into a positioned ErrSyntax.
func (t *namedCSV) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{Source: t.source, Line: pe.Line + t.offset,
			Err: fmt.Errorf("%w: column %d: %w", ErrSyntax, pe.Column, pe.Err)}
	}
	return fmt.Errorf("%s: %w", t.source, err)
}
