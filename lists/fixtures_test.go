package lists

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// addFixtureSeeds adds every file matching pattern to a fuzz corpus; a
// pattern that matches nothing is a test bug.
func addFixtureSeeds(f *testing.F, pattern string) {
	f.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures match %s: %v", pattern, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// positionedErrorCase is a malformed fixture and the positioned error its
// parse must return.
type positionedErrorCase struct {
	file    string
	err     error
	line    int
	element string
	field   string
}

// checkPositionedErrors parses each fixture of format with parse and checks
// that it fails with a *ParseError of source at the expected position,
// wrapping the expected sentinel.
func checkPositionedErrors(t *testing.T, format, source string, parse func(*bytes.Reader) (*List, error), cases []positionedErrorCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.file, func(t *testing.T) {
			l, err := parse(bytes.NewReader(xml2Fixture(t, format, tt.file)))
			if l != nil || !errors.Is(err, tt.err) {
				t.Fatalf("got %v, %v; want error %v", l, err, tt.err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%T is not a *ParseError", err)
			}
			got := [4]any{pe.Source, pe.Line, pe.Element, pe.Field}
			if want := [4]any{source, tt.line, tt.element, tt.field}; got != want {
				t.Errorf("position %v, want %v (%v)", got, want, err)
			}
		})
	}
}
