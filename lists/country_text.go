package lists

import "strings"

// countryCodes maps a country text to ISO alpha-2 codes. It accepts one
// country ("Russia", "Iraq (previous address)"), a former state with its
// successor ("Former USSR, now Ukraine", "Kazakh SSR (now Kazakhstan)") and
// several countries joined by ",", ";", "/", "." or "and" ("Estonia,
// Russia", "Russian and Ukrainian"). What it cannot map comes back in rest.
func countryCodes(s string) (codes, rest []string) {
	s = trimListPiece(s)
	if s == "" {
		return nil, nil
	}
	if c, ok := NormalizeCountry(s); ok {
		return []string{c}, nil
	}
	lower := lowerASCII(s)
	for _, w := range []string{"now ", "currently "} {
		if i := strings.LastIndex(lower, w); i >= 0 {
			if c, ok := NormalizeCountry(strings.Trim(s[i+len(w):], " ()")); ok {
				return []string{c}, nil
			}
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '.' })
	var split []string
	for _, part := range parts {
		for _, q := range strings.Split(part, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				split = append(split, q)
			}
		}
	}
	if len(split) < 2 {
		return nil, []string{s}
	}
	for _, q := range split {
		if c, ok := NormalizeCountry(q); ok {
			codes = append(codes, c)
		} else {
			rest = append(rest, q)
		}
	}
	if len(codes) == 0 {
		return nil, []string{s}
	}
	return codes, rest
}
