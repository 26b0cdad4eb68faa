package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold turns a name in any script into lower-case Latin words separated by
// single spaces: accents and other combining marks are removed, special
// letters spelled out (ß → ss, æ → ae, ø → o, ł → l, þ → th, ı → i), German
// umlauts reduced to their base vowel (ü → u), Cyrillic, Greek, Arabic,
// Persian, Hebrew, Armenian and Georgian transliterated, apostrophes
// removed ("Ma'ruf" → "maruf"), hyphens, punctuation and symbols turned
// into spaces, digits kept (Arabic-Indic and other decimal digits become
// ASCII). Hangul syllables are romanized a syllable per word
// (fold_hangul.go); Han, kana and scripts without a table are kept as
// written (lower-cased where they have case) so they still match identical
// listed names. Invalid UTF-8 is read as a separator.
//
// Fold is deterministic and idempotent: Fold(Fold(s)) == Fold(s). A string
// that is already folded ASCII is returned without allocating.
func Fold(s string) string {
	if out, ok := foldASCII(s); ok {
		return out
	}
	return foldUnicode(s)
}

// ASCII byte classes.
const (
	acSep   = iota // separator: space, punctuation, symbol, control
	acLower        // a-z
	acUpper        // A-Z
	acDigit        // 0-9
	acQuote        // apostrophe-like: removed without separating
)

// asciiClass classifies every ASCII byte.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = acLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = acUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = acDigit
	}
	t['\''] = acQuote
	t['`'] = acQuote
	return t
}()

// foldASCII folds an all-ASCII string; ok is false when s has a non-ASCII
// byte. A string that is already folded is returned as is.
func foldASCII(s string) (string, bool) {
	clean := true
	prevSep := true // a separator here would be leading
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		switch asciiClass[c] {
		case acLower, acDigit:
			prevSep = false
		case acUpper, acQuote:
			clean = false
			prevSep = false
		default:
			if c != ' ' || prevSep {
				clean = false
			}
			prevSep = true
		}
	}
	if clean && !(prevSep && len(s) > 0) {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch asciiClass[c] {
		case acUpper:
			c += 'a' - 'A'
			fallthrough
		case acLower, acDigit:
			if pending && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pending = false
			b.WriteByte(c)
		case acQuote:
		default:
			pending = true
		}
	}
	return b.String(), true
}

// foldUnicode is Fold for strings with non-ASCII text. It works in two
// steps: normalizeRunes decomposes and lower-cases the text into a rune
// slice, then a folder walks it, transliterating runs of each script.
func foldUnicode(s string) string {
	if mayCompose(s) && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var rbuf [128]rune
	rs := normalizeRunes(s, rbuf[:0])
	f := folder{out: make([]byte, 0, 2*len(s)+8)}
	f.run(rs)
	out := f.out
	if f.kept && !norm.NFC.IsNormal(out) {
		out = norm.NFC.Bytes(out)
	}
	return string(out)
}

// mayCompose reports whether NFC could change s by composing: s has a
// combining mark or a conjoining Hangul jamo. Other differences NFC makes
// (singletons such as U+212B ANGSTROM SIGN) are also made by the
// compatibility decomposition normalizeRunes applies, so a string without
// marks or jamo need not be normalized first; this saves a full NFC check
// on every name.
func mayCompose(s string) bool {
	for _, r := range s {
		if r >= 0x0300 && (isMark(r) || (r >= 0x1100 && r <= 0x11FF) ||
			(r >= 0xA960 && r <= 0xA97F) || (r >= 0xD7B0 && r <= 0xD7FF)) {
			return true
		}
	}
	return false
}

// isApostrophe reports whether r is an apostrophe-like mark; these are
// removed without separating words ("Ma'ruf" → "maruf").
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', 0x00B4, 0x02B9, 0x02BB, 0x02BC, 0x02BD, 0x02BE, 0x02BF,
		0x2018, 0x2019, 0x201B, 0x2032, 0x05F3, 0x05F4, 0xFF07, 0x055A:
		return true
	}
	return false
}

// keepComposed reports whether r is kept precomposed: Cyrillic letters
// whose breve or diaeresis makes a different letter (й, ё, ї, ў), Arabic
// letters with hamza or madda (أ إ آ ؤ ئ), and the Han, kana and Hangul
// characters that are never decomposed.
func keepComposed(r rune) bool {
	switch {
	case isCyrillic(r):
		return true
	case r >= 0x0600 && r <= 0x06FF:
		return true // Arabic: keep أ إ آ ؤ ئ whole
	case r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F,
		r >= 0xA960 && r <= 0xA97F, r >= 0xAC00 && r <= 0xD7FF:
		return true // Hangul
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF:
		return true // kana
	case r >= 0x3100 && r <= 0x312F, r >= 0x31A0 && r <= 0x31BF:
		return true // bopomofo
	}
	return unicode.Is(unicode.Han, r)
}

// normalizeRunes appends the runes of s to dst lower-cased, with
// compatibility decompositions applied (so é is e + ◌́, ﬁ is fi, ① is 1,
// Arabic presentation forms are plain letters) except where keepComposed
// says no. Apostrophe-like marks become an ASCII apostrophe and invalid
// bytes a space.
func normalizeRunes(s string, dst []rune) []rune {
	var b [utf8.UTFMax]byte
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, r)
		case r == utf8.RuneError:
			dst = append(dst, ' ')
		case isApostrophe(r):
			dst = append(dst, '\'')
		case keepComposed(r):
			dst = append(dst, lower(r))
		default:
			n := utf8.EncodeRune(b[:], r)
			d := norm.NFKD.Properties(b[:n]).Decomposition()
			if d == nil {
				dst = append(dst, lower(r))
				continue
			}
			if hasConjoiningJamo(d) {
				// Enclosed and halfwidth Hangul ("㈙") decompose to
				// conjoining jamo: compose them into the syllables the
				// romanization reads, as NFC would on a second Fold.
				d = norm.NFC.Bytes(d)
			}
			for len(d) > 0 {
				dr, size := utf8.DecodeRune(d)
				d = d[size:]
				if isApostrophe(dr) {
					dr = '\''
				}
				dst = append(dst, lower(dr))
			}
		}
	}
	return dst
}

// hasConjoiningJamo reports whether the UTF-8 text b holds a conjoining
// Hangul jamo.
func hasConjoiningJamo(b []byte) bool {
	for _, r := range string(b) {
		if r >= 0x1100 && r <= 0x11FF {
			return true
		}
	}
	return false
}

// lower lower-cases r. Georgian Mtavruli capitals are mapped onto
// Mkhedruli explicitly.
func lower(r rune) rune {
	switch {
	case r >= 0x0430 && r <= 0x045F:
		return r // lower-case Cyrillic
	case r >= 0x0410 && r <= 0x042F:
		return r + 0x20
	case r >= 0x0400 && r <= 0x040F:
		return r + 0x50
	}
	if r >= 0x1C90 && r <= 0x1CBF {
		return r - 0x1C90 + 0x10D0
	}
	return unicode.ToLower(r)
}

// folder accumulates Fold's output.
type folder struct {
	out []byte
	// pending is set when a separator is owed before the next text.
	pending bool
	// other is set when the last output rune was kept as written (a script
	// without a table): combining marks after it are kept too.
	other bool
	// kept is set once any non-ASCII rune has been written.
	kept bool
	// cyr is the Cyrillic column chosen for this string, cyrUnset until
	// the first Cyrillic letter.
	cyr int
}

// sep owes a separator before the next output.
func (f *folder) sep() {
	if len(f.out) > 0 {
		f.pending = true
	}
	f.other = false
}

// emit writes Latin text; a space inside it separates words.
func (f *folder) emit(s string) {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			f.sep()
			continue
		}
		f.emitByte(s[i])
	}
}

// emitByte writes one ASCII letter or digit.
func (f *folder) emitByte(c byte) {
	if f.pending {
		f.out = append(f.out, ' ')
		f.pending = false
	}
	f.out = append(f.out, c)
	f.other = false
}

// emitKept writes r as written.
func (f *folder) emitKept(r rune) {
	if f.pending {
		f.out = append(f.out, ' ')
		f.pending = false
	}
	f.out = utf8.AppendRune(f.out, r)
	f.other = true
	f.kept = true
}

// isMark reports whether r is a combining mark.
func isMark(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r <= 0x036F:
		return true
	case r < 0x0483:
		return false // Greek and Cyrillic letters
	}
	return unicode.Is(unicode.M, r)
}

// scriptRun returns the end of the run of rs starting at i whose runes
// satisfy in, combining marks included.
func scriptRun(rs []rune, i int, in func(rune) bool) int {
	j := i + 1
	for j < len(rs) && (in(rs[j]) || isMark(rs[j])) {
		j++
	}
	return j
}

// run folds the normalized runes.
func (f *folder) run(rs []rune) {
	f.cyr = cyrUnset
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r < utf8.RuneSelf:
			switch asciiClass[r] {
			case acLower, acDigit:
				f.emitByte(byte(r))
			case acQuote:
			default:
				f.sep()
			}
			i++
		case isGreekLetter(r):
			j := scriptRun(rs, i, isGreekLetter)
			f.greek(rs[i:j])
			i = j
		case isCyrillicLetter(r):
			if f.cyr == cyrUnset {
				f.cyr = cyrillicColumn(rs)
			}
			j := scriptRun(rs, i, isCyrillicLetter)
			f.cyrillic(rs[i:j])
			i = j
		case isArmenianLetter(r):
			j := scriptRun(rs, i, isArmenianLetter)
			f.armenian(rs[i:j])
			i = j
		case isGeorgianLetter(r):
			j := scriptRun(rs, i, isGeorgianLetter)
			f.georgian(rs[i:j])
			i = j
		case isHebrewLetter(r):
			j := scriptRun(rs, i, isHebrewWordRune)
			f.hebrew(rs[i:j])
			i = j
		case isArabicLetter(r):
			i = f.arabic(rs, i)
		case isHangulSyllable(r):
			j := scriptRun(rs, i, isHangulSyllable)
			f.hangul(rs[i:j])
			i = j
		default:
			f.rune(r)
			i++
		}
	}
}

// rune folds one rune outside the transliterated scripts.
func (f *folder) rune(r rune) {
	switch {
	case r == '\'':
	case isMark(r):
		if f.other {
			f.emitKept(r)
		}
	case unicode.Is(unicode.Cf, r):
		// Format characters (ZWJ, ZWNJ, soft hyphen, BOM) vanish.
	case unicode.Is(unicode.Nd, r):
		f.emitByte(byte('0' + digitValue(r)))
	default:
		if s, ok := latinSpecial[r]; ok {
			f.emit(s)
			return
		}
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			f.emitKept(r)
			return
		}
		f.sep()
	}
}

// digitValue is the value of the decimal digit r. Unicode encodes every
// decimal digit set as ten consecutive code points starting with zero, so
// the value is the offset from the start of r's range in unicode.Nd.
func digitValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// latinSpecial maps Latin letters without a compatibility decomposition to
// ASCII (latin.tsv).
var latinSpecial map[rune]string
