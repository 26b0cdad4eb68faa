package norm

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Columns of cyrillic.tsv.
const (
	cyrRU = iota
	cyrUK
	cyrBE
	cyrSR
	cyrKK
	cyrColumns
	cyrUnset = -1
)

// cyrillicLetters maps a lower-case Cyrillic letter to its romanization in
// each column (cyrillic.tsv); cyrillicBasic holds the same for U+0400–U+04FF
// in an array, for speed.
var (
	cyrillicLetters map[rune]*[cyrColumns]form
	cyrillicBasic   [0x100]*[cyrColumns]form
)

// loadCyrillic reads cyrillic.tsv; "-" in a column repeats the ru value.
func loadCyrillic() error {
	rows, err := readTable("cyrillic.tsv", 1+cyrColumns)
	if err != nil {
		return err
	}
	cyrillicLetters = make(map[rune]*[cyrColumns]form, len(rows))
	for _, r := range rows {
		c, ok := singleRune(r.fields[0])
		if !ok || !isCyrillic(c) {
			return fmt.Errorf("norm: table cyrillic.tsv line %d: %q is not one Cyrillic letter", r.line, r.fields[0])
		}
		if _, dup := cyrillicLetters[c]; dup {
			return fmt.Errorf("norm: table cyrillic.tsv line %d: %q listed twice", r.line, r.fields[0])
		}
		var forms [cyrColumns]form
		for col := range cyrColumns {
			v := r.fields[1+col]
			if v == "-" {
				v = r.fields[1]
			}
			forms[col] = parseForm(v)
		}
		cyrillicLetters[c] = &forms
		if c >= 0x0400 && c <= 0x04FF {
			cyrillicBasic[c-0x0400] = &forms
		}
	}
	return nil
}

// isCyrillic reports whether r is in a Cyrillic block.
func isCyrillic(r rune) bool {
	return (r >= 0x0400 && r <= 0x052F) || (r >= 0x1C80 && r <= 0x1C8F) ||
		(r >= 0x2DE0 && r <= 0x2DFF) || (r >= 0xA640 && r <= 0xA69F)
}

// isCyrillicLetter reports whether r is a Cyrillic letter.
func isCyrillicLetter(r rune) bool {
	if r >= 0x0400 && r <= 0x0481 {
		return true
	}
	return isCyrillic(r) && r != 0x0482 && !isMark(r) // ҂ is the thousands sign
}

// cyrillicColumn guesses the language of the Cyrillic text in rs from the
// letters only some languages use (see cyrillic.tsv).
func cyrillicColumn(rs []rune) int {
	var serbian, kazakh, belarusian, ukrainian, dotlessI, russianOnly bool
	for i, r := range rs {
		if r == 'ь' && i > 0 && i+1 < len(rs) && rs[i+1] == 'к' && (rs[i-1] == 'с' || rs[i-1] == 'ц') {
			// The adjectival ending -ський/-цький is Ukrainian; Russian
			// writes -ский/-цкий.
			ukrainian = true
		}
		switch r {
		case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј', 'ѓ', 'ќ', 'ѕ':
			serbian = true
		case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ':
			kazakh = true
		case 'ў':
			belarusian = true
		case 'ї', 'є', 'ґ':
			ukrainian = true
		case 'і':
			dotlessI = true
		case 'ы', 'э', 'ъ', 'ё':
			russianOnly = true
		}
	}
	switch {
	case serbian:
		return cyrSR
	case kazakh:
		return cyrKK
	case belarusian:
		return cyrBE
	case ukrainian && !russianOnly:
		return cyrUK
	case dotlessI && russianOnly:
		return cyrBE
	case dotlessI:
		return cyrUK
	}
	return cyrRU
}

// cyrillicSoft reports whether the letter after r takes its soft initial
// form ("ye" for е): r is a vowel, й or a sign.
func cyrillicSoft(r rune) bool {
	switch r {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є',
		'ә', 'ө', 'ұ', 'ү', 'й', 'ъ', 'ь', 'ў':
		return true
	}
	return false
}

// cyrillicForm returns the forms of letter r in column col. A letter the
// table lacks is read as its base letter (ӧ as о) when it has one.
func cyrillicForm(r rune, col int) (form, bool) {
	if r >= 0x0400 && r <= 0x04FF {
		if fs := cyrillicBasic[r-0x0400]; fs != nil {
			return fs[col], true
		}
	} else if fs, ok := cyrillicLetters[r]; ok {
		return fs[col], true
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	if d := norm.NFD.Properties(b[:n]).Decomposition(); d != nil {
		base, _ := utf8.DecodeRune(d)
		if fs, ok := cyrillicLetters[lower(base)]; ok {
			return fs[col], true
		}
	}
	return form{}, false
}

// cyrillic transliterates one run of Cyrillic letters (and marks).
func (f *folder) cyrillic(run []rune) {
	var prev rune // previous letter in the run, 0 at the start
	for k, r := range run {
		if isMark(r) {
			continue
		}
		fm, ok := cyrillicForm(r, f.cyr)
		if !ok {
			prev = r
			continue
		}
		s := fm.mid
		if prev == 0 || cyrillicSoft(prev) {
			s = fm.ini
		}
		if r == 'ъ' && k+1 < len(run) && prev != 0 {
			// A hard sign before a consonant is the Bulgarian vowel.
			if next := run[k+1]; !cyrillicSoft(next) && !isMark(next) {
				s = "a"
			}
		}
		f.emit(s)
		prev = r
	}
}
