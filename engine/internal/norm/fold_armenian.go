package norm

// armenianLetters maps lower-case Armenian letters to Latin (armenian.tsv).
var armenianLetters map[rune]form

// isArmenianLetter reports whether r is a lower-case Armenian letter.
func isArmenianLetter(r rune) bool {
	if r >= 0x0561 && r <= 0x0587 {
		_, ok := armenianLetters[r]
		return ok
	}
	return false
}

// armenian transliterates one run of Armenian letters following BGN/PCGN:
// ու is u, ե and ո take their initial forms ye and vo at the start.
func (f *folder) armenian(run []rune) {
	first := true
	for k := 0; k < len(run); k++ {
		r := run[k]
		if isMark(r) {
			continue
		}
		if r == 'ո' && k+1 < len(run) && run[k+1] == 'ւ' {
			f.emit("u")
			k++
			first = false
			continue
		}
		fm := armenianLetters[r]
		if first {
			f.emit(fm.ini)
		} else {
			f.emit(fm.mid)
		}
		first = false
	}
}
