package norm

import "testing"

func TestPhonetic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aleksandr", "ALKSNTR"},
		{"alexander", "ALKSNTR"},
		{"oleksandr", "ALKSNTR"},
		{"yuri", "AR"},
		{"iurii", "AR"},
		{"yuriy", "AR"},
		{"sergey", "SRK"},
		{"serguei", "SRK"},
		{"tchaikovsky", "XKFSK"},
		{"chaikovskiy", "XKFSK"},
		{"czajkowski", "XKFSK"},
		{"tschaikowski", "XKFSK"},
		{"mohammed", "MMT"},
		{"mehmet", "MMT"},
		{"hussein", "HSN"},
		{"husayn", "HSN"},
		{"osama", "ASM"},
		{"usama", "ASM"},
		{"qadir", "KTR"},
		{"gadir", "KTR"},
		{"ghulam", "KLM"},
		{"yevgeny", "AFKN"},
		{"evgeny", "AFKN"},
		{"muller", "MLR"},
		{"mueller", "MLR"},
		{"ivanoff", "AFNF"},
		{"ivanov", "AFNF"},
		{"tsoi", "S"},
		{"tsoy", "S"},
		{"philip", "FLP"},
		{"khrushchev", "KRXF"},
		{"ai", "A"},
		{"h", "H"},
		{"2000", "2000"},
		{"b2b", "P2P"},
		{"习近平", "习近平"},
		{"", ""},
		{"Mohammed", "MMT"},
	}
	for _, tt := range tests {
		if got := Phonetic(tt.in); got != tt.want {
			t.Errorf("Phonetic(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
