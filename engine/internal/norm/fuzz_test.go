package norm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are names in every handled script plus awkward input.
var fuzzSeeds = []string{
	"", " ", "...", "Vladimir Putin", "V. Putin", "Müller", "Mueller",
	"Александр Лукашенко", "Володимир Зеленський", "Слободан Милошевић",
	"Нұрсұлтан Назарбаев", "Αλέξανδρος", "Ευάγγελος Βενιζέλος",
	"محمد علي", "عبد الرحمن", "مُحَمَّد", "علي خامنه\u200cای", "ﷲ",
	"בנימין נתניהו", "ג'ורג'", "Սերժ Սարգսյան", "მიხეილ სააკაშვილი",
	"习近平", "김정은", "ｶﾞｷﾞ", "नरेन्द्र मोदी", "١٢٣",
	"ООО Ромашка", "Romashka L.L.C.", "Banco X, S. de R.L. de C.V.",
	"Sherkat-e Naft", "Compan iLmited", "Joint Stck Compny", "X Ini", "Dr. Ayman al-Zawahiri", "Sheikh", "Ma'ruf",
	"\xff\xfe\xfd", "a\u0301\u0301\u0301", "中\u0301", "x\u200dy", "İstanbul",
	"ǅemal", "ﬁnance", "Ｔｏｙｏｔａ", "①②③", "a\u0308\u0323", "Ω\u212b",
}

// FuzzTokenize checks that Fold, Tokenize and TokenizeQuery never panic, that Fold is
// idempotent and yields valid, trimmed, single-spaced text, and that every
// token's keys are non-empty and free of spaces.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if again := Fold(folded); again != folded {
			t.Fatalf("Fold not idempotent: Fold(%q) = %q, Fold of that = %q", s, folded, again)
		}
		if !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, folded)
		}
		if folded != strings.TrimSpace(folded) || strings.Contains(folded, "  ") {
			t.Fatalf("Fold(%q) = %q is not trimmed and single-spaced", s, folded)
		}
		toks := Tokenize(s)
		checkTokens(t, "Tokenize", s, folded, toks)
		qtoks := TokenizeQuery(s, LegalTypos{Short: true})
		checkTokens(t, "TokenizeQuery", s, folded, qtoks)
		if len(qtoks) > len(toks) {
			t.Fatalf("TokenizeQuery(%q) has more tokens than Tokenize: %v, %v", s, qtoks, toks)
		}
	})
}

// checkTokens fails t unless every token's keys are non-empty and free of
// spaces, and there are tokens exactly when the folded name is not empty.
func checkTokens(t *testing.T, fn, s, folded string, toks []Token) {
	t.Helper()
	for i, tk := range toks {
		for name, v := range map[string]string{"Text": tk.Text, "Canon": tk.Canon, "Skel": tk.Skel, "Phon": tk.Phon} {
			if v == "" || strings.ContainsAny(v, " \t\n") {
				t.Fatalf("%s(%q)[%d].%s = %q", fn, s, i, name, v)
			}
		}
		if tk.Kind > KindTitle {
			t.Fatalf("%s(%q)[%d].Kind = %d", fn, s, i, tk.Kind)
		}
		if tk.Typo && tk.Kind != KindLegalForm {
			t.Fatalf("%s(%q)[%d] is a typo but not a legal form", fn, s, i)
		}
	}
	if folded == "" && len(toks) != 0 {
		t.Fatalf("%s(%q) = %v for empty fold", fn, s, toks)
	}
	if folded != "" && len(toks) == 0 {
		t.Fatalf("%s(%q) = no tokens for fold %q", fn, s, folded)
	}
}
