package norm

import "strings"

// Phonetic returns a phonetic key of a name word, built to absorb the
// differences between transliterations of one name: "aleksandr",
// "alexander" and "oleksandr" are "ALKSNTR"; "yuri", "yury", "iurii" and
// "yuriy" are "AR"; "sergey" and "sergei" "SRK"; "tchaikovsky",
// "chaikovskiy" and "czajkowski" "XKFSK"; "mohammed" and "mehmet" "MMT".
//
// It is a simplified Metaphone made for transliterated names. The word is
// folded first (Fold, spaces removed). A leading vowel, y included, is
// "A"; a leading h before a vowel is "H"; other vowels and h are dropped.
// Consonants fall into classes that transliterations confuse: b p → P;
// f v w ph → F; d t th dh → T; g k q ck gh kh and hard c → K; s z ts tz
// and soft c → S; x → KS; ch tch tsch cz sh sch sz zh → X; j dj dzh → J;
// l m n r stay. A j after a vowel and before a consonant or the end is a
// glide and dropped (Czajkowski, Sergej). A class repeated without a vowel
// between is written once. Words that are not Latin letters, or are all
// digits, are their own key.
func Phonetic(word string) string {
	w := foldWord(word)
	return string(appendPhonetic(nil, w))
}

// appendPhonetic appends the phonetic key of the folded word w to dst.
func appendPhonetic(dst []byte, w string) []byte {
	if !latinWord(w) {
		return append(dst, w...)
	}
	start := len(dst)
	k := keyWriter{dst: dst}
	n := len(w)
	i := 0
	switch {
	case isVowel(w[0]):
		k = k.putByte('A')
		for i < n && isVowel(w[i]) {
			i++
		}
		k.gap = true
	case w[0] == 'h' && n > 1 && isVowel(w[1]):
		k = k.putByte('H')
		i = 1
	}
	for i < n {
		c := w[i]
		rest := w[i:]
		var next byte
		if i+1 < n {
			next = w[i+1]
		}
		adv := 1
		switch {
		case isVowel(c):
			k.gap = true
		case c >= '0' && c <= '9':
			k = k.putByte(c)
		case strings.HasPrefix(rest, "tsch"):
			k = k.putByte('X')
			adv = 4
		case strings.HasPrefix(rest, "sch"), strings.HasPrefix(rest, "tch"):
			k = k.putByte('X')
			adv = 3
		case strings.HasPrefix(rest, "dzh"):
			k = k.putByte('J')
			adv = 3
		case next == 'h' && (c == 'c' || c == 's' || c == 'z'):
			k = k.putByte('X')
			adv = 2
		case next == 'z' && (c == 'c' || c == 's'):
			k = k.putByte('X')
			adv = 2
		case next == 'h' && (c == 'k' || c == 'g'):
			k = k.putByte('K')
			adv = 2
		case next == 'h' && (c == 't' || c == 'd'):
			k = k.putByte('T')
			adv = 2
		case c == 'p' && next == 'h':
			k = k.putByte('F')
			adv = 2
		case c == 'c' && next == 'k':
			k = k.putByte('K')
			adv = 2
		case c == 'd' && next == 'j':
			k = k.putByte('J')
			adv = 2
		case c == 't' && (next == 's' || next == 'z'):
			k = k.putByte('S')
			adv = 2
		case c == 'h':
			// silent inside a word
		case c == 'j':
			if i > 0 && isVowel(w[i-1]) && (next == 0 || !isVowel(next)) {
				break
			}
			k = k.putByte('J')
		case c == 'c':
			if next == 'e' || next == 'i' || next == 'y' {
				k = k.putByte('S')
			} else {
				k = k.putByte('K')
			}
		case c == 'x':
			k = k.putByte('K')
			k = k.putByte('S')
		default:
			k = k.putByte(phoneticClass[c])
		}
		i += adv
	}
	if len(k.dst) == start {
		return append(k.dst, strings.ToUpper(w)...)
	}
	return k.dst
}

// phoneticClass is the code of a single consonant letter.
var phoneticClass = [256]byte{
	'b': 'P', 'p': 'P',
	'f': 'F', 'v': 'F', 'w': 'F',
	'd': 'T', 't': 'T',
	'g': 'K', 'k': 'K', 'q': 'K',
	's': 'S', 'z': 'S',
	'l': 'L', 'm': 'M', 'n': 'N', 'r': 'R',
}
