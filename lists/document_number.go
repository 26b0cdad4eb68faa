package lists

import (
	"regexp"
	"strings"
)

var (
	// docNumberMarker finds "number", "passport", "no.", "nr.", "N°" or ":" before a
	// document number.
	docNumberMarker = regexp.MustCompile(`(?i)number|passport|\bno\.|\bnr\.|n°|:`)
	docHasDigit     = regexp.MustCompile(`[0-9]`)
)

// splitDocumentNumber takes a document number as publishers write it
// ("Afghan passport number OA296623", "381110042 (Expired 25 Jan. 2016)",
// "R00012098, South Sudan", "Libya 428720") and returns the number, the
// wording around it (for Identifier.Note) and the ISO code of a country
// named around it.
func splitDocumentNumber(v string) (number, note, country string) {
	number = CleanText(v)
	if outer, inner := trailingParen(number); inner != "" && docHasDigit.MatchString(outer) {
		number, note = outer, inner
	}
	if i := strings.LastIndex(number, ", "); i > 0 {
		if code, ok := NormalizeCountry(number[i+2:]); ok && docHasDigit.MatchString(number[:i]) {
			number, country = number[:i], code
		}
	}
	if locs := docNumberMarker.FindAllStringIndex(number, -1); len(locs) > 0 {
		last := locs[len(locs)-1]
		rest := strings.TrimSpace(number[last[1]:])
		if rest != "" && docHasDigit.MatchString(rest) && len(strings.Fields(rest)) <= 3 {
			note = joinNonEmpty("; ", strings.TrimSpace(number[:last[1]]), note)
			number = rest
		}
	}
	if f := strings.Fields(number); len(f) >= 2 && len(f[0]) > 3 {
		if code, ok := NormalizeCountry(f[0]); ok && docHasDigit.MatchString(number) {
			number = strings.Join(f[1:], " ")
			if country == "" {
				country = code
			}
		}
	}
	return number, note, country
}
