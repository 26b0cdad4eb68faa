package lists

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// ParseUKHMTCSV reads OFSI's Consolidated List of Financial Sanctions
// Targets in its CSV form (ConList.csv), streaming it record by record.
//
// The layout is that of ConList.xlsx (see [ParseUKHMTXLSX] for what becomes
// of each column): a first record "Last Updated,dd/mm/yyyy" that gives
// List.Published, a header record naming the 36 columns, then one record
// per name variant. Columns are found by header name, whatever their order,
// case or surrounding spaces. Records of one Group ID, adjacent or not,
// become one [Entity] with ID "uk-hmt:<Group ID>", in the order the Group
// IDs first appear.
//
// A UTF-8 byte-order mark, fields that are not valid UTF-8 (read as
// Windows-1252), blank records, and spelling variants are tolerated and
// listed in List.Tolerated. A DOB or Listed On value that is not a date is
// tolerated too: it is kept in Entity.Remarks. Errors are [*ParseError]s:
// bad CSV quoting wraps [ErrSyntax]; a header without the Group ID, Name 6,
// Group Type or Alias Type column, an empty Group ID or a row without any
// name wraps [ErrMissingField]; a Group ID that is not a number, an unknown
// Group Type or an unreadable Last Updated date wraps [ErrInvalidValue]; a
// file without data rows wraps [ErrEmpty].
func ParseUKHMTCSV(r io.Reader) (*List, error) {
	d := newDigestReader(r)
	br := bufio.NewReaderSize(d, 64<<10)
	p := newUKHMTReader(FormatUKHMTCSV, false)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
		p.tol.note("UTF-8 byte-order mark", "line 1")
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // the Last Updated record is short
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var ce *csv.ParseError
			if errors.As(err, &ce) {
				return nil, &ParseError{Source: p.source, Line: ce.Line,
					Err: fmt.Errorf("%w: %w", ErrSyntax, ce.Err)}
			}
			return nil, &ParseError{Source: p.source, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if err := p.row(rec, line); err != nil {
			return nil, err
		}
	}
	if err := d.drain(); err != nil {
		return nil, &ParseError{Source: p.source, Err: err}
	}
	return p.finish(FormatUKHMTCSV, d.sum())
}
