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
	"Sherkat-e Naft", "Dr. Ayman al-Zawahiri", "Sheikh", "Ma'ruf",
	"\xff\xfe\xfd", "a\u0301\u0301\u0301", "中\u0301", "x\u200dy", "İstanbul",
	"ǅemal", "ﬁnance", "Ｔｏｙｏｔａ", "①②③", "a\u0308\u0323", "Ω\u212b",
}

// FuzzTokenize checks that Fold and Tokenize never panic, that Fold is
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
		for i, tk := range toks {
			for name, v := range map[string]string{"Text": tk.Text, "Canon": tk.Canon, "Skel": tk.Skel, "Phon": tk.Phon} {
				if v == "" || strings.ContainsAny(v, " \t\n") {
					t.Fatalf("Tokenize(%q)[%d].%s = %q", s, i, name, v)
				}
			}
			if tk.Kind > KindNumber {
				t.Fatalf("Tokenize(%q)[%d].Kind = %d", s, i, tk.Kind)
			}
		}
		if folded == "" && len(toks) != 0 {
			t.Fatalf("Tokenize(%q) = %v for empty fold", s, toks)
		}
		if folded != "" && len(toks) == 0 {
			t.Fatalf("Tokenize(%q) = no tokens for fold %q", s, folded)
		}
	})
}
