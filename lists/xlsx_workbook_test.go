package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadWorkbook(t *testing.T) {
	b := sheetBuildXLSX(t,
		sheetTab{"First", [][]any{{"first"}}},
		sheetTab{" data ", [][]any{{"a", nil, "c"}, nil, {1, "b"}}},
	)
	sum := sha256.Sum256(b)
	type row struct {
		line  int
		cells []string
	}
	for _, tc := range []struct {
		preferred string
		want      []row
	}{
		// The preferred sheet, whatever its case and spaces; rows keep
		// their numbers, an empty row comes as no cells.
		{"DATA", []row{{1, []string{"a", "", "c"}}, {2, []string{}}, {3, []string{"1", "b"}}}},
		// No such sheet: the first one.
		{"Missing", []row{{1, []string{"first"}}}},
		{"", []row{{1, []string{"first"}}}},
	} {
		var got []row
		date1904 := true
		digest, err := readWorkbook(bytes.NewReader(b), "X x", tc.preferred, &date1904, func(cells []string, line int) error {
			got = append(got, row{line, append([]string{}, cells...)})
			return nil
		})
		if err != nil {
			t.Fatalf("%q: %v", tc.preferred, err)
		}
		if digest != hex.EncodeToString(sum[:]) {
			t.Errorf("%q: digest %s, want the SHA-256 of the input", tc.preferred, digest)
		}
		if date1904 {
			t.Errorf("%q: date1904 left true for a workbook in the 1900 system", tc.preferred)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: rows %v, want %v", tc.preferred, got, tc.want)
		}
	}

	// The row function's error ends the reading and is returned as it is.
	stop := errors.New("stop")
	calls := 0
	var date1904 bool
	_, err := readWorkbook(bytes.NewReader(b), "X x", "data", &date1904, func([]string, int) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("err = %v after %d calls, want the row function's error after 1", err, calls)
	}

	// Input that is not a workbook.
	for _, tc := range []struct {
		in   string
		want error
	}{{"", ErrEmpty}, {"not a zip", ErrSyntax}, {string(sheetEmptyZip()), ErrSyntax}} {
		_, err := readWorkbook(strings.NewReader(tc.in), "X x", "", &date1904, func([]string, int) error { return nil })
		var pe *ParseError
		if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Source != "X x" {
			t.Errorf("%q: err = %v, want %v in a *ParseError of X x", tc.in, err, tc.want)
		}
	}
}

func TestCellName(t *testing.T) {
	tests := []struct {
		col, line int
		want      string
	}{{0, 1, "A1"}, {25, 2, "Z2"}, {26, 3, "AA3"}, {35, 7, "AJ7"}, {701, 9, "ZZ9"}, {702, 10, "AAA10"}}
	for _, tt := range tests {
		if got := cellName(tt.col, tt.line); got != tt.want {
			t.Errorf("cellName(%d, %d) = %q, want %q", tt.col, tt.line, got, tt.want)
		}
	}
}
