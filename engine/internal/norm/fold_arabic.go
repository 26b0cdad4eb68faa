package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// arabicLetters maps Arabic-script letters to Latin (arabic.tsv).
var arabicLetters map[rune]form

// arabicNames maps unvocalized Arabic-script words, keyed by arabicKey, to
// their usual Latin spelling (names_arabic.tsv).
var arabicNames map[string]string

// Arabic points and signs.
const (
	arFatha       = 0x064E
	arDamma       = 0x064F
	arKasra       = 0x0650
	arShadda      = 0x0651
	arSuperAlef   = 0x0670
	arTatweel     = 0x0640
	zeroWidthNJ   = 0x200C
	zeroWidthJ    = 0x200D
	arAlef        = 'ا'
	arabicArticle = "ال"
	arabicAbd     = "عبد"
)

// arabicBasicLetter marks the letters of U+0600–U+06FF, for speed.
var arabicBasicLetter = func() (t [0x100]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = r != arTatweel && unicode.IsLetter(r)
	}
	return t
}()

// isArabicLetter reports whether r is an Arabic-script letter.
func isArabicLetter(r rune) bool {
	if r >= 0x0600 && r <= 0x06FF {
		return arabicBasicLetter[r-0x0600]
	}
	if !((r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) ||
		(r >= 0x08A0 && r <= 0x08FF) || (r >= 0xFB50 && r <= 0xFDFF) ||
		(r >= 0xFE70 && r <= 0xFEFF)) {
		return false
	}
	return r != arTatweel && unicode.IsLetter(r)
}

// isArabicWordRune reports whether r continues an Arabic word: a letter,
// tatweel or a zero-width (non-)joiner (Persian writes ZWNJ inside words).
func isArabicWordRune(r rune) bool {
	return isArabicLetter(r) || r == arTatweel || r == zeroWidthNJ || r == zeroWidthJ
}

// arabicKeyRune maps a rune of an Arabic word to its dictionary-key form:
// letter variants merged, points, tatweel and joiners dropped (ok false).
func arabicKeyRune(r rune) (rune, bool) {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return arAlef, true
	case 'ى', 'ی', 'ئ':
		return 'ي', true
	case 'ؤ':
		return 'و', true
	case 'ة', 'ۀ', 'ۃ', 'ہ', 'ھ':
		return 'ه', true
	case 'ک':
		return 'ك', true
	}
	if isArabicLetter(r) {
		return r, true
	}
	return 0, false
}

// arabicKey appends the dictionary key of the letters of word to dst.
func arabicKey(dst []byte, word []rune) []byte {
	for _, r := range word {
		if k, ok := arabicKeyRune(r); ok {
			dst = utf8.AppendRune(dst, k)
		}
	}
	return dst
}

// arabicKeyString is arabicKey for a string (used to load the table).
func arabicKeyString(s string) string {
	return string(arabicKey(nil, []rune(s)))
}

// skipLetters returns word without its first n letters (and the marks
// attached to them).
func skipLetters(word []rune, n int) []rune {
	for i, r := range word {
		if _, ok := arabicKeyRune(r); ok {
			if n == 0 {
				return word[i:]
			}
			n--
		}
	}
	return nil
}

// arabic transliterates the Arabic word starting at rs[i] and returns the
// index after it. "عبد" followed by a word with the article is written as
// the usual "abdul" + name ("عبد الرحمن" → "abdul rahman"), and
// "عبد الله" as "abdullah".
func (f *folder) arabic(rs []rune, i int) int {
	j := scriptRun(rs, i, isArabicWordRune)
	word := rs[i:j]
	var kb [64]byte
	if string(arabicKey(kb[:0], word)) == arabicAbd {
		k := j
		for k < len(rs) && (rs[k] == ' ' || rs[k] == '-') {
			k++
		}
		if k > j && k < len(rs) && isArabicLetter(rs[k]) {
			m := scriptRun(rs, k, isArabicWordRune)
			var nb [64]byte
			next := arabicKey(nb[:0], rs[k:m])
			if strings.HasPrefix(string(next), arabicArticle) && utf8.RuneCount(next) >= 4 {
				if string(next) == "الله" {
					f.emit("abdullah")
				} else {
					f.emit("abdul")
					f.sep()
					f.arabicWord(skipLetters(rs[k:m], 2), true)
				}
				return m
			}
		}
	}
	f.arabicWord(word, false)
	return j
}

// arabicWord transliterates one word: from names_arabic.tsv when it is
// there; else, unless joined (the word is what follows an article or عبد),
// a leading article becomes the separate word "al" and a leading عبد the
// prefix "abd"/"abdul"; else letter by letter. The rest of a word is looked
// at once, so the work stays linear in the word's length.
func (f *folder) arabicWord(word []rune, joined bool) {
	var kb [64]byte
	key := arabicKey(kb[:0], word)
	if len(key) == 0 {
		return
	}
	if v, ok := arabicNames[string(key)]; ok {
		f.emit(v)
		return
	}
	if !joined {
		n := utf8.RuneCount(key)
		switch {
		case strings.HasPrefix(string(key), arabicArticle) && n >= 4:
			f.emit("al")
			f.sep()
			f.arabicWord(skipLetters(word, 2), true)
			return
		case strings.HasPrefix(string(key), arabicAbd) && n >= 5:
			rest := key[len(arabicAbd):]
			if strings.HasPrefix(string(rest), arabicArticle) && utf8.RuneCount(rest) >= 4 {
				f.emit("abdul")
				f.arabicWord(skipLetters(word, 5), true)
				return
			}
			f.emit("abd")
			f.arabicWord(skipLetters(word, 3), true)
			return
		}
	}
	f.arabicLetters(word)
}

// arabicLetter is one letter of a word with its points.
type arabicLetter struct {
	r      rune
	vowel  string
	shadda bool
}

// arabicVowelLetter reports whether r is written as a vowel.
func arabicVowelLetter(r rune) bool {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ة', 'ۃ':
		return true
	}
	return false
}

// arabicLetters transliterates a word letter by letter (see arabic.tsv).
func (f *folder) arabicLetters(word []rune) {
	var lb [32]arabicLetter
	ls := lb[:0]
	for _, r := range word {
		switch {
		case isArabicLetter(r):
			ls = append(ls, arabicLetter{r: r})
		case len(ls) == 0:
		case r == arShadda:
			ls[len(ls)-1].shadda = true
		case r == arFatha:
			ls[len(ls)-1].vowel = "a"
		case r == arKasra:
			ls[len(ls)-1].vowel = "i"
		case r == arDamma:
			ls[len(ls)-1].vowel = "u"
		case r == arSuperAlef:
			ls[len(ls)-1].vowel = "a"
		}
	}
	vowelBefore := false
	for k, l := range ls {
		fm, ok := arabicLetters[l.r]
		if !ok {
			continue
		}
		s := fm.mid
		if k == 0 {
			s = fm.ini
		}
		switch l.r {
		case 'و':
			if k > 0 && l.vowel == "" && !l.shadda && !vowelBefore {
				s = "u"
			}
		case 'ي', 'ی':
			if k > 0 && l.vowel == "" && !l.shadda && !vowelBefore {
				s = "i"
			}
		case 'ع':
			if k == 0 && l.vowel == "" && k+1 < len(ls) && !arabicVowelLetter(ls[k+1].r) {
				s = "a"
			}
		case 'ة', 'ۃ':
			if k+1 < len(ls) {
				s = "at"
			}
		}
		f.emit(s)
		if l.shadda && s != "" && !strings.ContainsAny(s, "aeiou") {
			f.emit(s[len(s)-1:])
		}
		if s != "" {
			vowelBefore = strings.ContainsAny(s[len(s)-1:], "aeiou")
		}
		if l.vowel != "" {
			f.emit(l.vowel)
			vowelBefore = true
		}
	}
}
