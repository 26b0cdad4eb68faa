package norm

import (
	"testing"
	"unicode"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Case, space and punctuation.
		{"empty", "", ""},
		{"spaces only", "  \t\n ", ""},
		{"punctuation only", "-.,;:!?()[]{}\"", ""},
		{"already folded", "vladimir putin", "vladimir putin"},
		{"upper case", "VLADIMIR PUTIN", "vladimir putin"},
		{"surrounding space", "  Vladimir   Putin ", "vladimir putin"},
		{"hyphen", "Jean-Luc Picard", "jean luc picard"},
		{"initial with dot", "V. Putin", "v putin"},
		{"initials joined", "V.V.Putin", "v v putin"},
		{"comma", "Putin, Vladimir", "putin vladimir"},
		{"digits kept", "Bank 7 of 2000", "bank 7 of 2000"},
		{"ampersand", "Johnson & Johnson", "johnson johnson"},
		{"apostrophe", "Ma'ruf", "maruf"},
		{"right quote", "Ma’ruf", "maruf"},
		{"modifier apostrophe", "Maʼruf", "maruf"},
		{"ayn half ring", "Maʿruf", "maruf"},
		{"irish", "O'Brien", "obrien"},
		{"quote at edge", "'Ali'", "ali"},
		{"control characters", "Ali\x00\x07Hassan", "ali hassan"},
		// Latin diacritics and special letters.
		{"umlaut", "Müller", "muller"},
		{"ue spelling kept", "Mueller", "mueller"},
		{"sharp s", "Straße", "strasse"},
		{"capital sharp s", "STRAẞE", "strasse"},
		{"ae ligature", "Æsir", "aesir"},
		{"oe ligature", "Œuvre", "oeuvre"},
		{"slashed o", "Øystein Ødegård", "oystein odegard"},
		{"l with stroke", "Łukasz Wałęsa", "lukasz walesa"},
		{"d with stroke", "Đorđe", "dorde"},
		{"eth", "Guðrún", "gudrun"},
		{"thorn", "Þór", "thor"},
		{"dotless i", "Kılıç", "kilic"},
		{"dotted capital I", "İlham", "ilham"},
		{"ij ligature", "ĳssel", "ijssel"},
		{"schwa", "Əliyev", "aliyev"},
		{"czech", "Dvořák", "dvorak"},
		{"vietnamese", "Nguyễn Tấn Dũng", "nguyen tan dung"},
		{"romanian", "Ștefan Țiriac", "stefan tiriac"},
		{"turkish", "Erdoğan", "erdogan"},
		{"decomposed accent", "Jose\u0301", "jose"},
		{"fullwidth", "Ｔｏｙｏｔａ", "toyota"},
		{"ligature fi", "ﬁnance", "finance"},
		{"circled digits", "①②", "12"},
		{"superscript", "x²", "x2"},
		{"soft hyphen vanishes", "Ab\u00adbas", "abbas"},
		{"zero width joiner vanishes", "Ab\u200dbas", "abbas"},
		{"no-break space", "Ali\u00a0Hassan", "ali hassan"},
		{"invalid utf-8 separates", "Ali\xffHassan", "ali hassan"},
		// Cyrillic.
		{"russian", "Александр Лукашенко", "aleksandr lukashenko"},
		{"russian putin", "Владимир Владимирович Путин", "vladimir vladimirovich putin"},
		{"russian ye initial", "Евгений Пригожин", "yevgeniy prigozhin"},
		{"russian ye after vowel", "Сергеев", "sergeyev"},
		{"russian yo", "Пётр", "petr"},
		{"russian soft sign", "Дарья Дугина", "darya dugina"},
		{"russian hard sign", "Подъячев", "podyachev"},
		{"russian shch", "Щербаков", "shcherbakov"},
		{"russian y", "Крылов", "krylov"},
		{"russian iy", "Юрий", "yuriy"},
		{"russian company", "ООО «Ромашка»", "ooo romashka"},
		{"ukrainian by letters (BGN)", "Київ", "kyyiv"},
		{"ukrainian by ending", "Володимир Зеленський", "volodymyr zelenskyy"},
		{"ukrainian h", "Григорій", "hryhoriy"},
		{"ukrainian apostrophe", "Дар'я", "darya"},
		{"belarusian", "Аляксандр Лукашэнка", "alyaksandr lukashenka"},
		{"belarusian short u", "Ўладзімір", "uladzimir"},
		{"serbian", "Слободан Милошевић", "slobodan milosevic"},
		{"serbian dz", "Радован Караџић", "radovan karadzic"},
		{"macedonian", "Ѓорѓе", "gjorgje"},
		{"kazakh", "Нұрсұлтан Назарбаев", "nursultan nazarbayev"},
		{"bulgarian hard sign vowel", "Търговище", "targovishche"},
		// Greek.
		{"greek accented", "Αλέξανδρος", "alexandros"},
		{"greek polytonic", "Ἀλέξανδρος", "alexandros"},
		{"greek upper", "ΑΛΕΞΑΝΔΡΟΣ", "alexandros"},
		{"greek ou and final sigma", "Κυριάκος Μητσοτάκης", "kyriakos mitsotakis"},
		{"greek ev before vowel", "Ευάγγελος", "evangelos"},
		{"greek ef before voiceless", "Ελευθέριος", "eleftherios"},
		{"greek mp initial", "Μπακογιάννη", "bakogianni"},
		{"greek nt initial", "Ντόρα", "dora"},
		{"greek nt inside", "Αντώνης", "antonis"},
		{"greek gk initial", "Γκίκας", "gikas"},
		{"greek diaeresis breaks diphthong", "Ευϊ", "evi"},
		{"greek tsipras", "Αλέξης Τσίπρας", "alexis tsipras"},
		// Arabic and Persian.
		{"arabic dictionary", "محمد علي", "muhammad ali"},
		{"arabic vocalized", "مُحَمَّد", "muhammad"},
		{"arabic hamza alef", "أحمد", "ahmad"},
		{"arabic article", "الحوثي", "al huthi"},
		{"arabic article unknown word", "الكتب", "al ktb"},
		{"arabic abd compound", "عبدالعزيز", "abdulaziz"},
		{"arabic abd spaced", "عبد الرحمن", "abdul rahman"},
		{"arabic abdullah spaced", "عبد الله", "abdullah"},
		{"arabic abdullah joined", "عبدالله", "abdullah"},
		{"arabic bin", "أسامة بن لادن", "usama bin ladin"},
		{"arabic family al", "محمد بن سلمان آل سعود", "muhammad bin salman al saud"},
		{"arabic letters fallback", "كتب", "ktb"},
		{"arabic letters vowels", "نورين", "nurin"},
		{"arabic indic digits", "١٢٣", "123"},
		{"persian digits", "۱۲۳", "123"},
		{"persian zwnj", "علی خامنه\u200cای", "ali khamenei"},
		{"persian letters", "پژمان", "pzhman"},
		{"allah ligature", "ﷲ", "allah"},
		{"presentation forms", "ﻣﺤﻤﺪ", "muhammad"},
		{"arabic comma separates", "حسن،حسين", "hassan hussein"},
		// Hebrew.
		{"hebrew dictionary", "בנימין נתניהו", "binyamin netanyahu"},
		{"hebrew letters", "גוריון", "gurion"},
		{"hebrew fallback", "אבירם", "avirm"},
		{"hebrew final he", "דנה", "dna"},
		{"hebrew geresh", "ג'ורג'", "jorj"},
		{"hebrew points", "שָׁלוֹם", "shalom"},
		// Armenian and Georgian.
		{"armenian", "Սերժ Սարգսյան", "serzh sargsyan"},
		{"armenian initial ye", "Երևան", "yerevan"},
		{"armenian initial vo and u", "Ոսկան Հովհաննիսյան", "voskan hovhannisyan"},
		{"georgian", "მიხეილ სააკაშვილი", "mikheil saakashvili"},
		{"georgian mtavruli", "ᲛᲘᲮᲔᲘᲚ", "mikheil"},
		// Kept scripts.
		{"han kept", "习近平", "习近平"},
		{"hangul romanized", "김정은", "kim jong un"},
		{"hangul syllable per word", "최룡해", "choe ryong hae"},
		{"hangul finals", "박정천", "pak jong chon"},
		{"hangul beside latin", "김여정 Kim", "kim yo jong kim"},
		{"kana kept", "トヨタ", "トヨタ"},
		{"halfwidth kana", "ｶﾞｷﾞ", "ガギ"},
		{"devanagari kept with marks", "नरेन्द्र मोदी", "नरेन्द्र मोदी"},
		{"thai kept", "ทักษิณ ชินวัตร", "ทักษิณ ชินวัตร"},
		{"han mixed with latin", "Xi 习近平", "xi 习近平"},
		{"ideographic space", "习近平\u3000李克强", "习近平 李克强"},
		{"middle dot separates", "Jean·Paul", "jean paul"},
		{"orphan mark dropped", "\u0301abc", "abc"},
		{"mark after latin dropped", "q\u0301", "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fold(tt.in)
			if got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Fold(got); again != got {
				t.Errorf("Fold not idempotent on %q: %q then %q", tt.in, got, again)
			}
		})
	}
}

func TestFoldReturnsFoldedInputWithoutAllocating(t *testing.T) {
	s := "vladimir vladimirovich putin"
	allocs := testing.AllocsPerRun(100, func() {
		if Fold(s) != s {
			t.Fatal("folded input changed")
		}
	})
	if allocs != 0 {
		t.Errorf("Fold on folded ASCII allocates %v times, want 0", allocs)
	}
}

func TestFoldAllocations(t *testing.T) {
	tests := []struct {
		in  string
		max float64
	}{
		{"Vladimir Vladimirovich Putin", 1},
		{"Владимир Владимирович Путин", 3},
		{"محمد بن سلمان آل سعود", 3},
	}
	for _, tt := range tests {
		allocs := testing.AllocsPerRun(100, func() { Fold(tt.in) })
		if allocs > tt.max {
			t.Errorf("Fold(%q): %v allocations, budget %v", tt.in, allocs, tt.max)
		}
	}
}

// TestDigitValueRanges checks the assumption digitValue rests on: every
// range of decimal digits is a whole number of 0–9 sets.
func TestDigitValueRanges(t *testing.T) {
	for _, rg := range unicode.Nd.R16 {
		if rg.Stride != 1 || (int(rg.Hi)-int(rg.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %U–%U stride %d is not whole digit sets", rg.Lo, rg.Hi, rg.Stride)
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rg.Stride != 1 || (int(rg.Hi)-int(rg.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %U–%U stride %d is not whole digit sets", rg.Lo, rg.Hi, rg.Stride)
		}
	}
	for _, tt := range []struct {
		r    rune
		want int
	}{{'7', 7}, {'٣', 3}, {'۹', 9}, {'७', 7}, {'９', 9}, {'𝟘', 0}, {'𝟡', 9}, {'𝟿', 9}} {
		if got := digitValue(tt.r); got != tt.want {
			t.Errorf("digitValue(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}
