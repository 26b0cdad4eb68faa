package lists

import "unicode"

// scriptTables are checked in order; the first script with a letter in the
// string wins over Latin, so "Путин Vladimir" is "Cyrl".
var scriptTables = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Cyrl", unicode.Cyrillic},
	{"Arab", unicode.Arabic},
	{"Hebr", unicode.Hebrew},
	{"Grek", unicode.Greek},
	{"Armn", unicode.Armenian},
	{"Geor", unicode.Georgian},
	{"Hani", unicode.Han},
	{"Hira", unicode.Hiragana},
	{"Kana", unicode.Katakana},
	{"Hang", unicode.Hangul},
	{"Thai", unicode.Thai},
	{"Deva", unicode.Devanagari},
	{"Beng", unicode.Bengali},
	{"Ethi", unicode.Ethiopic},
	{"Mymr", unicode.Myanmar},
	{"Khmr", unicode.Khmer},
	{"Tibt", unicode.Tibetan},
	{"Mong", unicode.Mongolian},
}

// DetectScript returns the ISO 15924 code of the dominant non-Latin script
// of s, "Latn" when every letter is Latin, or "Zyyy" (common) when s has no
// letters at all.
func DetectScript(s string) string {
	latin := false
	for _, r := range s {
		if r < 0x80 {
			if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
				latin = true
			}
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			latin = true
			continue
		}
		for _, st := range scriptTables {
			if unicode.Is(st.table, r) {
				return st.code
			}
		}
	}
	if latin {
		return "Latn"
	}
	return "Zyyy"
}

// scriptsDiffer reports whether a and b are written in different scripts;
// text without letters differs from nothing.
func scriptsDiffer(a, b string) bool {
	sa, sb := DetectScript(a), DetectScript(b)
	return sa != "Zyyy" && sb != "Zyyy" && sa != sb
}
