package norm

import (
	"strings"
	"unicode/utf8"
)

// hebrewLetters maps Hebrew letters to Latin (hebrew.tsv).
var hebrewLetters map[rune]form

// hebrewNames maps unpointed Hebrew words to their usual Latin spelling
// (names_hebrew.tsv).
var hebrewNames map[string]string

// isHebrewLetter reports whether r is a Hebrew letter (א–ת).
func isHebrewLetter(r rune) bool { return r >= 0x05D0 && r <= 0x05EA }

// isHebrewWordRune reports whether r continues a Hebrew word: a letter or
// a geresh (read as an apostrophe by normalizeRunes).
func isHebrewWordRune(r rune) bool { return isHebrewLetter(r) || r == '\'' }

// hebrewKeyString is the dictionary key of a Hebrew word: its letters and
// geresh marks, points removed.
func hebrewKeyString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isHebrewLetter(r) || isApostrophe(r) {
			if isApostrophe(r) {
				r = '\''
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Hebrew points.
const (
	hebSheva      = 0x05B0
	hebHatafSegol = 0x05B1
	hebHatafPatah = 0x05B2
	hebHatafQamat = 0x05B3
	hebHiriq      = 0x05B4
	hebTsere      = 0x05B5
	hebSegol      = 0x05B6
	hebPatah      = 0x05B7
	hebQamats     = 0x05B8
	hebHolam      = 0x05B9
	hebHolamVav   = 0x05BA
	hebQubuts     = 0x05BB
	hebDagesh     = 0x05BC
	hebShinDot    = 0x05C1
	hebSinDot     = 0x05C2
	hebQamatsQ    = 0x05C7
)

// hebrewVowel is the Latin vowel of a point, or "".
func hebrewVowel(r rune) string {
	switch r {
	case hebPatah, hebQamats, hebHatafPatah:
		return "a"
	case hebSegol, hebTsere, hebHatafSegol:
		return "e"
	case hebHiriq:
		return "i"
	case hebHolam, hebHolamVav, hebHatafQamat, hebQamatsQ:
		return "o"
	case hebQubuts:
		return "u"
	}
	return ""
}

// hebrewMater reports whether r is a letter that often stands for a vowel
// (א ה ו י ע): a ו before one is the consonant v.
func hebrewMater(r rune) bool {
	switch r {
	case 'א', 'ה', 'ו', 'י', 'ע':
		return true
	}
	return false
}

// hebrew transliterates one Hebrew word: from names_hebrew.tsv when it is
// there, letter by letter otherwise (see hebrew.tsv for the rules).
func (f *folder) hebrew(run []rune) {
	var kb [64]byte
	key := kb[:0]
	for _, r := range run {
		if isHebrewWordRune(r) {
			key = utf8.AppendRune(key, r)
		}
	}
	if v, ok := hebrewNames[string(key)]; ok {
		f.emit(v)
		return
	}
	type letter struct {
		r              rune
		vowel          string
		dagesh, geresh bool
		shin, sin      bool
	}
	var lb [32]letter
	ls := lb[:0]
	for _, r := range run {
		switch {
		case isHebrewLetter(r):
			ls = append(ls, letter{r: r})
		case len(ls) == 0:
		case r == '\'':
			ls[len(ls)-1].geresh = true
		case r == hebDagesh:
			ls[len(ls)-1].dagesh = true
		case r == hebShinDot:
			ls[len(ls)-1].shin = true
		case r == hebSinDot:
			ls[len(ls)-1].sin = true
		default:
			if v := hebrewVowel(r); v != "" {
				ls[len(ls)-1].vowel = v
			}
		}
	}
	vowelBefore := false // the previous output ended in a vowel
	for k := 0; k < len(ls); k++ {
		l := ls[k]
		last := k == len(ls)-1
		fm := hebrewLetters[l.r]
		s := fm.mid
		if k == 0 {
			s = fm.ini
		}
		switch l.r {
		case 'ב', 'כ', 'פ':
			if l.dagesh {
				s = fm.ini
			}
		case 'ג':
			if l.geresh {
				s = "j"
			}
		case 'ז':
			if l.geresh {
				s = "zh"
			}
		case 'צ', 'ץ':
			if l.geresh {
				s = "ch"
			}
		case 'ש':
			if l.sin {
				s = "s"
			}
		case 'ו':
			switch {
			case l.dagesh && k > 0:
				s = "u"
			case l.vowel == "o" && k > 0:
				s = ""
			case k+1 < len(ls) && ls[k+1].r == 'ו':
				s = "v"
				k++
			case k == 0:
				s = "v"
			case k+1 < len(ls) && hebrewMater(ls[k+1].r):
				s = "v"
			default:
				s = "o"
			}
		case 'י':
			switch {
			case k+1 < len(ls) && ls[k+1].r == 'י':
				s = "y"
				k++
			case k == 0, vowelBefore:
				s = "y"
			default:
				s = "i"
			}
		case 'ה':
			if last && k > 0 {
				s = "a"
				if vowelBefore {
					s = ""
				}
			}
		case 'א', 'ע':
			if last && k > 0 && !vowelBefore {
				s = "a"
			}
		}
		f.emit(s)
		if s != "" {
			vowelBefore = strings.ContainsAny(s[len(s)-1:], "aeiou")
		}
		if l.vowel != "" {
			f.emit(l.vowel)
			vowelBefore = true
		}
	}
}
