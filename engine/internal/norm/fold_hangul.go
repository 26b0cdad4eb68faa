package norm

// Hangul syllables are romanized one syllable per word, in the
// McCune–Reischauer system without breves — the spelling DPRK and ROK
// names take in sanction lists ("김정은" → "kim jong un", "최룡해" →
// "choe ryong hae", "박정천" → "pak jong chon"). Revised Romanization
// spellings ("Gim", "Jeong") meet these through the variant groups and the
// phonetic keys. Each syllable is one word because listed romanizations
// split given names by syllable ("Jong Un", "Jong-un").

const (
	hangulBase  = 0xAC00
	hangulLast  = 0xD7A3
	hangulVowel = 21
	hangulFinal = 28
)

var hangulInitials = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}

var hangulVowels = [21]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}

var hangulFinals = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}

// isHangulSyllable reports whether r is a precomposed Hangul syllable.
func isHangulSyllable(r rune) bool { return r >= hangulBase && r <= hangulLast }

// hangul writes the romanization of a run of syllables, a word each.
func (f *folder) hangul(rs []rune) {
	for _, r := range rs {
		if !isHangulSyllable(r) {
			continue // a combining mark carried along by scriptRun
		}
		n := int(r - hangulBase)
		initial, vowel, final := n/(hangulVowel*hangulFinal), (n/hangulFinal)%hangulVowel, n%hangulFinal
		f.sep()
		f.emit(hangulInitials[initial])
		f.emit(hangulVowels[vowel])
		f.emit(hangulFinals[final])
		f.sep()
	}
}
