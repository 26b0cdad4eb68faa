package norm

// georgianLetters maps Mkhedruli letters to Latin (georgian.tsv).
var georgianLetters map[rune]form

// georgianBase maps Nuskhuri letters (the lower case of the ecclesiastical
// script) onto the Mkhedruli letters with the same value; the first 33
// letters of both alphabets are in the same order.
func georgianBase(r rune) rune {
	if r >= 0x2D00 && r <= 0x2D20 {
		return r - 0x2D00 + 0x10D0
	}
	return r
}

// isGeorgianLetter reports whether r is a Georgian letter with a table
// entry.
func isGeorgianLetter(r rune) bool {
	if (r >= 0x10D0 && r <= 0x10FF) || (r >= 0x2D00 && r <= 0x2D2F) {
		_, ok := georgianLetters[georgianBase(r)]
		return ok
	}
	return false
}

// georgian transliterates one run of Georgian letters letter by letter
// (the national system has no contextual rules).
func (f *folder) georgian(run []rune) {
	for _, r := range run {
		if isMark(r) {
			continue
		}
		f.emit(georgianLetters[georgianBase(r)].mid)
	}
}
