package norm

import (
	"strings"
	"testing"
)

// compactTypos is compact with "!" after a legal form read from a typo.
func compactTypos(toks []Token) string {
	parts := strings.Fields(compact(toks))
	for i, t := range toks {
		if t.Typo {
			parts[i] += "!"
		}
	}
	return strings.Join(parts, " ")
}

func TestTokenizeQueryLegalTypos(t *testing.T) {
	known := func(w string) bool { return w == "limite" || w == "fse" || w == "limitedcompany" }
	tests := []struct {
		name, in string
		short    bool
		want     string
	}{
		{"deleted letter", "Swan Energy Compan", false, "swan energy co/L!"},
		{"swapped letters", "Swan Energy iLmited", false, "swan energy llc/L!"},
		{"inserted letter", "China Telecom COtRPORATION", false, "china telecom inc/L!"},
		{"two words of one form", "LIMITTED LIABILITY CyOMPANY AYAKS", false, "llc/L! ayaks"},
		{"correct form untouched", "Swan Energy Company Limited", false, "swan energy co/L llc/L"},
		{"short form needs short", "Gae Shipping Ini", false, "gae shipping ini"},
		{"short substituted", "Gae Shipping Ini", true, "gae shipping inc/L!"},
		{"short swapped", "Standard Lab ZFE", true, "standard lab llc/L!"},
		{"short only last", "Ini Shipping", true, "ini shipping"},
		{"short no insertion", "Gae Shipping Incc", true, "gae shipping incc"},
		{"known word kept", "Societe Limite", false, "societe limite"},
		{"known short kept", "Sharjah Fse", true, "sharjah fse"},
		{"word list word kept", "Ali Tom", true, "ali tom~thomas"},
		{"alone is no form", "Compny", true, "compny"},
		{"no form without its other words", "Liabilty Trading", false, "liabilty trading"},
		{"middle word must complete a form", "Joint Stck Company", false, "joint stck co/L"},
		{"written together", "ZM InternationalCompany Ltd.", false, "zm international co/L! llc/L"},
		{"two legal words together", "LIMITEDLIABILITY COMPANY FOREPOST", false, "llc/L! forepost"},
		{"split must complete a form", "Limitedliability Forepost", false, "limitedliability forepost"},
		{"short legal words are not split off", "Inchcape Shipping", true, "inchcape shipping"},
		{"known joined word kept", "Forepost Limitedcompany", false, "forepost limitedcompany"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := compactTypos(TokenizeQuery(tt.in, LegalTypos{Known: known, Short: tt.short}))
			if got != tt.want {
				t.Errorf("TokenizeQuery(%q, short=%v) = %q, want %q", tt.in, tt.short, got, tt.want)
			}
		})
	}
}

func TestTokenizeLeavesTyposAlone(t *testing.T) {
	if got := compactTypos(Tokenize("Swan Energy Compan iLmited")); got != "swan energy compan ilmited" {
		t.Errorf("Tokenize corrected a listed name: %q", got)
	}
}

func TestLegalClassNear(t *testing.T) {
	tests := []struct {
		in, class string
		ok        bool
	}{
		{"fse", "llc", true},    // fze
		{"limted", "llc", true}, // limited
		{"compnay", "co", true}, // company
		{"corporatoin", "inc", true},
		{"incorporatd", "inc", true},
		{"crp", "inc", true},    // corp, a letter dropped
		{"liabilty", "", false}, // a word of a longer form only
		{"lt", "", false},       // too short
		{"fzee", "llc", true},   // fze, a letter doubled
		{"qqqqqq", "", false},
	}
	for _, tt := range tests {
		class, ok := LegalClassNear(tt.in)
		if ok != tt.ok || class != tt.class {
			t.Errorf("LegalClassNear(%q) = %q, %v; want %q, %v", tt.in, class, ok, tt.class, tt.ok)
		}
	}
}

func TestOneEditApart(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"limited", "limted", true},
		{"limited", "ilmited", true},
		{"limited", "limitedd", true},
		{"limited", "limitex", true},
		{"limited", "limited", false},
		{"limited", "ilmietd", false},
		{"limited", "limit", false},
		{"ab", "ba", true},
		{"", "a", true},
	}
	for _, tt := range tests {
		if got := oneEditApart(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEditApart(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
