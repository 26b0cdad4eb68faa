package norm

import "strings"

// Skeleton returns the consonant skeleton of a name word, a key that
// survives the vowel and spelling choices of transliteration: "mohammed",
// "muhammad" and "mohamed" are all "mhmd"; "mueller", "müller" and
// "muller" are all "mlr"; "aleksandr" and "alexander" are both "lksndr".
//
// The word is folded first (Fold, spaces removed). Then, on the letters:
// vowels (a e i o u y) are dropped; a letter repeated without a vowel
// between is written once; spellings of one sound are merged (x → ks,
// q → k, w → v, ph → f, ck → k, gh → g, c → s before e i y and k
// elsewhere, cz and tch and tsch → ch, sz and sch → sh, zh and dj and dzh →
// j, tz → ts); a final h after a vowel (abdullah/abdulla) and a final j
// after a vowel (Sergej, Jurij) are dropped; a final ff is v (-off = -ov).
// A word with no consonants is its own skeleton, and so is a word that is
// not Latin letters (CJK kept as written) or is all digits.
func Skeleton(word string) string {
	w := foldWord(word)
	return string(appendSkeleton(nil, w))
}

// foldWord folds s and removes its spaces, so the key functions accept any
// text; a folded word is returned as is.
func foldWord(s string) string {
	w := Fold(s)
	if strings.IndexByte(w, ' ') >= 0 {
		w = strings.ReplaceAll(w, " ", "")
	}
	return w
}

// isVowel reports whether c is a Latin vowel letter; y counts as one.
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// latinWord reports whether w is made of ASCII letters and digits with at
// least one letter.
func latinWord(w string) bool {
	letter := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letter
}

// keyWriter appends a key, writing a code once when it repeats without a
// vowel between. It is used by value (k = k.put(…)) so that the buffer it
// appends to can stay on the caller's stack.
type keyWriter struct {
	dst  []byte
	last byte
	gap  bool // a vowel was seen since the last code
}

// put appends the codes of s.
func (k keyWriter) put(s string) keyWriter {
	for i := 0; i < len(s); i++ {
		k = k.putByte(s[i])
	}
	return k
}

// putByte appends one code.
func (k keyWriter) putByte(c byte) keyWriter {
	if c == k.last && !k.gap {
		return k
	}
	k.dst = append(k.dst, c)
	k.last = c
	k.gap = false
	return k
}

// appendSkeleton appends the skeleton of the folded word w to dst.
func appendSkeleton(dst []byte, w string) []byte {
	if !latinWord(w) {
		return append(dst, w...)
	}
	start := len(dst)
	k := keyWriter{dst: dst}
	n := len(w)
	for i := 0; i < n; {
		c := w[i]
		rest := w[i:]
		var next byte
		if i+1 < n {
			next = w[i+1]
		}
		switch {
		case isVowel(c):
			k.gap = true
			i++
			continue
		case c == 'h' && i == n-1 && i > 0 && isVowel(w[i-1]):
		case c == 'j' && i == n-1 && i > 0 && isVowel(w[i-1]):
		case c == 'f' && next == 'f' && i == n-2 && n > 3:
			k = k.putByte('v')
			i++
		case strings.HasPrefix(rest, "tsch"):
			k = k.put("ch")
			i += 3
		case strings.HasPrefix(rest, "sch"), strings.HasPrefix(rest, "dzh"):
			if c == 's' {
				k = k.put("sh")
			} else {
				k = k.putByte('j')
			}
			i += 2
		case strings.HasPrefix(rest, "tch"):
			k = k.put("ch")
			i += 2
		case next == 'h' && (c == 'c' || c == 's' || c == 'k' || c == 't'):
			k = k.putByte(c)
			k = k.putByte('h')
			i++
		case c == 'c' && next == 'z':
			k = k.put("ch")
			i++
		case c == 's' && next == 'z':
			k = k.put("sh")
			i++
		case (c == 'z' && next == 'h') || (c == 'd' && next == 'j'):
			k = k.putByte('j')
			i++
		case c == 'p' && next == 'h':
			k = k.putByte('f')
			i++
		case c == 'g' && next == 'h':
			k = k.putByte('g')
			i++
		case c == 'c' && next == 'k':
			k = k.putByte('k')
			i++
		case c == 't' && next == 'z':
			k = k.put("ts")
			i++
		case c == 'c':
			if next == 'e' || next == 'i' || next == 'y' {
				k = k.putByte('s')
			} else {
				k = k.putByte('k')
			}
		case c == 'q':
			k = k.putByte('k')
		case c == 'x':
			k = k.put("ks")
		case c == 'w':
			k = k.putByte('v')
		default:
			k = k.putByte(c)
		}
		i++
	}
	if len(k.dst) == start {
		return append(k.dst, w...)
	}
	return k.dst
}
