package lists

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

// countryIndex maps folded country names and codes to ISO 3166 alpha-2.
var countryIndex = sync.OnceValue(buildCountryIndex)

func buildCountryIndex() map[string]string {
	idx := make(map[string]string, 1024)
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || r.Canonicalize() != r {
				continue // not a country, or a deprecated code (FX, ZR, ...)
			}
			if nonCountryCodes[code] {
				continue
			}
			idx[foldCountry(code)] = code
			if iso3 := r.ISO3(); iso3 != "" {
				idx[foldCountry(iso3)] = code
			}
			if n := names.Name(r); n != "" {
				idx[foldCountry(n)] = code
			}
		}
	}
	for name, code := range countryAliases {
		idx[foldCountry(name)] = code
	}
	return idx
}

// nonCountryCodes are region codes CLDR calls countries that no list means
// as one (United Nations, European Union, Eurozone, unknown, outlying Oceania).
var nonCountryCodes = map[string]bool{"UN": true, "EU": true, "EZ": true, "ZZ": true, "QO": true}

// foldCountry lower-cases, drops diacritics and punctuation, folds spaces
// and writes "saint" as "st", so "Korea, North" and "korea north",
// "Curacao" and "Curaçao", "Saint Lucia" and "St. Lucia" meet.
func foldCountry(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining mark: the diacritic of the letter before
		case r == '&':
			r = ' '
			b.WriteString(" and")
		case r == '.' || r == ',' || r == '\'' || r == '(' || r == ')' || r == '’':
			r = ' '
		}
		if r == ' ' || r == '-' || r == '\t' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	folded := b.String()
	if strings.Contains(folded, "saint") {
		// The abbreviation CLDR uses: "St. Lucia", "St. Helena".
		words := strings.Split(folded, " ")
		for i, w := range words {
			if w == "saint" {
				words[i] = "st"
			}
		}
		folded = strings.Join(words, " ")
	}
	return folded
}

// NormalizeCountry maps a country as publishers write it ("Russia",
// "Russian Federation", "Iran (Islamic Republic of)", "Korea, North", "RUS",
// "ru", "Canada / Canada" bilingual forms) to its ISO 3166 alpha-2 code. It
// reports false when the value is not a country it knows.
func NormalizeCountry(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	idx := countryIndex()
	if code, ok := idx[foldCountry(s)]; ok {
		return code, true
	}
	// Bilingual "English / Français" (Canada) and "Name (qualifier)".
	if i := strings.Index(s, " / "); i > 0 {
		return NormalizeCountry(s[:i])
	}
	if i := strings.IndexByte(s, '('); i > 0 {
		if code, ok := idx[foldCountry(s[:i])]; ok {
			return code, true
		}
	}
	return "", false
}
