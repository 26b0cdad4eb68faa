package pdf

import "unicode"

// gofpdf lays glyphs out left to right in the order given. Right-to-left
// text (Arabic, Hebrew) is therefore put into visual order here, line by
// line after wrapping, with a word-level simplification of the Unicode
// bidirectional algorithm that is exact for names and short phrases: the
// paragraph direction is that of its first strong letter; inside a
// right-to-left word the runs of left-to-right letters and digits keep
// their order while everything else is reversed and brackets are mirrored,
// and consecutive right-to-left words reverse their order. The paragraph
// direction is always left to right: the reports are Portuguese and English
// documents quoting names, so "محمد عبد الله (Muhammad Abd Allah)" shows the
// Arabic name as a unit read from the right, followed by its
// transliteration.

// isRTL reports whether r belongs to a right-to-left script.
func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) &&
		!unicode.IsDigit(r)
}

// isLTRStrong reports whether r keeps left-to-right order inside a
// right-to-left word: a letter of another script or a digit.
func isLTRStrong(r rune) bool {
	return !isRTL(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// mirror returns the mirrored bracket of r, or r.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '<':
		return '>'
	case '>':
		return '<'
	case '«':
		return '»'
	case '»':
		return '«'
	}
	return r
}

// hasRTL reports whether any glyph of gs is right-to-left.
func hasRTL(gs []glyph) bool {
	for _, g := range gs {
		if isRTL(g.r) {
			return true
		}
	}
	return false
}

// visualWord puts one right-to-left word into visual order.
func visualWord(word []glyph) []glyph {
	out := make([]glyph, 0, len(word))
	// Walk runs from the logical end: each LTR run is copied in order,
	// everything else reversed and mirrored.
	i := len(word)
	for i > 0 {
		j := i
		if isLTRStrong(word[i-1].r) {
			for j > 0 && isLTRStrong(word[j-1].r) {
				j--
			}
			out = append(out, word[j:i]...)
		} else {
			for j > 0 && !isLTRStrong(word[j-1].r) {
				j--
				g := word[j]
				g.r = mirror(g.r)
				out = append(out, g)
			}
		}
		i = j
	}
	return out
}

// visualLine returns one wrapped line of a left-to-right paragraph in
// visual order.
func visualLine(line []glyph) []glyph {
	if !hasRTL(line) {
		return line
	}
	// Split into tokens: words and single spaces.
	type token struct {
		gs   []glyph
		word bool
		rtl  bool
	}
	var toks []token
	for i := 0; i < len(line); {
		if line[i].space {
			toks = append(toks, token{gs: line[i : i+1]})
			i++
			continue
		}
		j := i
		for j < len(line) && !line[j].space {
			j++
		}
		w := line[i:j]
		t := token{gs: w, word: true, rtl: hasRTL(w)}
		if t.rtl {
			t.gs = visualWord(w)
		}
		toks = append(toks, t)
		i = j
	}
	reverse := func(ts []token) {
		for a, b := 0, len(ts)-1; a < b; a, b = a+1, b-1 {
			ts[a], ts[b] = ts[b], ts[a]
		}
	}
	// Reverse each maximal run of right-to-left words together with the
	// spaces between them.
	for i := 0; i < len(toks); {
		if !toks[i].rtl {
			i++
			continue
		}
		j, end := i, i+1
		for j < len(toks) && (toks[j].rtl || !toks[j].word) {
			if toks[j].rtl {
				end = j + 1
			}
			j++
		}
		reverse(toks[i:end])
		i = end
	}
	out := make([]glyph, 0, len(line))
	for _, t := range toks {
		out = append(out, t.gs...)
	}
	return out
}
