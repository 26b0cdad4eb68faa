package lists

import (
	"fmt"
	"strings"
)

// This file holds the value readers of xmlStream that ParseUNXML and
// ParseUKFCDOXML share.

// country appends the ISO code of a country to codes, or keeps a value
// that is no country in the remarks under label. Placeholders ("n/a",
// "unknown") are dropped. ParseUNXML and ParseUKFCDOXML read nationalities
// with it.
func (s *xmlStream) country(codes *[]string, rem *remarkLines, label, v, pos string) {
	v = CleanText(v)
	switch strings.ToLower(v) {
	case "":
		return
	case "na", "n/a", "n.a.", "unknown", "-":
		s.tol.note(strings.ToLower(label)+" placeholder ignored", pos)
		return
	}
	if code, ok := NormalizeCountry(v); ok {
		*codes = appendFold(*codes, code)
		return
	}
	s.tol.note(strings.ToLower(label)+" that is no known country kept in remarks", pos)
	rem.addFact(label, v)
}

// gender maps a gender value with parseGender, noting a value that is
// neither male nor female.
func (s *xmlStream) gender(v, pos string) string {
	g := parseGender(v)
	if g == "" && CleanText(v) != "" {
		s.tol.note(fmt.Sprintf("gender %q ignored", shortQuote(v)), pos)
	}
	return g
}
