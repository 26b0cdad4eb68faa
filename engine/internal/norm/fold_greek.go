package norm

// greekLetters maps lower-case Greek letters to Latin (greek.tsv).
var greekLetters map[rune]form

// isGreekLetter reports whether r is a Greek letter (accents have been
// split off by normalizeRunes).
func isGreekLetter(r rune) bool {
	if (r >= 0x0370 && r <= 0x03FF) || (r >= 0x1F00 && r <= 0x1FFF) {
		_, ok := greekLetters[r]
		return ok
	}
	return false
}

// greekVoiceless reports whether r is a voiceless consonant, before which
// αυ ευ ηυ are written af ef if (ELOT 743).
func greekVoiceless(r rune) bool {
	switch r {
	case 'θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ':
		return true
	}
	return false
}

// greek transliterates one run of Greek letters following ELOT 743.
func (f *folder) greek(run []rune) {
	// Collect the letters, remembering which carry a diaeresis (it breaks
	// a diphthong: Ϊ, ϋ).
	var lb [32]rune
	var db [32]bool
	letters, dia := lb[:0], db[:0]
	for _, r := range run {
		if isMark(r) {
			if r == 0x0308 && len(dia) > 0 {
				dia[len(dia)-1] = true
			}
			continue
		}
		letters = append(letters, r)
		dia = append(dia, false)
	}
	n := len(letters)
	at := func(k int) rune {
		if k < n {
			return letters[k]
		}
		return 0
	}
	for k := 0; k < n; k++ {
		c, next := letters[k], at(k+1)
		initial := k == 0
		nextPlain := k+1 < n && !dia[k+1] // next letter without diaeresis
		switch {
		case (c == 'α' || c == 'ε' || c == 'η') && next == 'υ' && nextPlain:
			f.emit(greekLetters[c].mid)
			if after := at(k + 2); after == 0 || greekVoiceless(after) {
				f.emit("f")
			} else {
				f.emit("v")
			}
			k++
			continue
		case c == 'ο' && next == 'υ' && nextPlain:
			f.emit("ou")
			k++
			continue
		case c == 'μ' && next == 'π':
			if initial {
				f.emit("b")
			} else {
				f.emit("mp")
			}
			k++
			continue
		case c == 'ν' && next == 'τ':
			if initial {
				f.emit("d")
			} else {
				f.emit("nt")
			}
			k++
			continue
		case c == 'γ' && (next == 'γ' || next == 'κ' || next == 'ξ' || next == 'χ'):
			switch {
			case next == 'κ' && initial:
				f.emit("g")
			case next == 'κ':
				f.emit("nk")
			default:
				f.emit("n" + greekLetters[next].mid)
			}
			k++
			continue
		}
		f.emit(greekLetters[c].mid)
	}
}
