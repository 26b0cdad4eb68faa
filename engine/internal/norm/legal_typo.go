package norm

import "strings"

// LegalTypos says which words TokenizeQuery may read as a misspelt word of
// a company legal form ("Compan", "iLmited", "COtRPORATION", "FsE").
type LegalTypos struct {
	// Known reports whether a folded word is a real name token (a word
	// some listed name has): such a word is never taken for a typo. Nil
	// means no word is known.
	Known func(word string) bool
	// Short also allows three- and four-letter forms ("Inc", "FZE") to be
	// read through one substituted or swapped letter, when the word is the
	// name's last: worth it for companies, too loose for people ("Tom" is
	// one letter from "tov").
	Short bool
}

// legalNeighbours maps every word of a legal form of three letters or more,
// and every one-letter deletion of it, to the legal words it comes from: a
// word one edit from a legal word shares itself or one of its own deletions
// with such a key.
var legalNeighbours map[string][]string

// minLongLegalTypo is the length from which a word may be read as a legal
// word through any single edit.
const minLongLegalTypo = 5

// indexLegalWords fills legalNeighbours from the loaded legal forms.
func indexLegalWords() {
	legalNeighbours = make(map[string][]string)
	seen := make(map[string]bool)
	add := func(key, word string) {
		for _, w := range legalNeighbours[key] {
			if w == word {
				return
			}
		}
		legalNeighbours[key] = append(legalNeighbours[key], word)
	}
	for key := range legalForms {
		for _, w := range strings.Split(key, " ") {
			if len(w) < 3 || seen[w] {
				continue
			}
			seen[w] = true
			add(w, w)
			for i := range len(w) {
				add(w[:i]+w[i+1:], w)
			}
		}
	}
}

// nearLegalWord returns the legal word w misspells by one edit, if exactly
// one legal word is that close. sameLength limits the edit to a
// substitution or a swap of adjacent letters.
func nearLegalWord(w string, sameLength bool) (string, bool) {
	var buf [64]byte
	if len(w) > len(buf) {
		return "", false
	}
	found := ""
	try := func(key []byte) bool {
		for _, lw := range legalNeighbours[string(key)] {
			if lw == w || lw == found || (sameLength && len(lw) != len(w)) || !oneEditApart(w, lw) {
				continue
			}
			if found != "" {
				return false // two legal words this close: no reading is sure
			}
			found = lw
		}
		return true
	}
	if !try([]byte(w)) {
		return "", false
	}
	for i := range len(w) {
		key := append(append(buf[:0], w[:i]...), w[i+1:]...)
		if !try(key) {
			return "", false
		}
	}
	return found, found != ""
}

// oneEditApart reports whether a and b differ by exactly one substitution,
// insertion, deletion or swap of adjacent letters.
func oneEditApart(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

// legalTypoFixes returns words with the misspelt legal words corrected, and
// which were, or nil when there is nothing to correct. A word is a
// candidate when the word lists do not know it, lt.Known does not either,
// and it is one edit from a legal word (see LegalTypos).
func legalTypoFixes(words []string, lt LegalTypos) ([]string, []bool) {
	if len(words) < 2 {
		return nil, nil
	}
	var fixed []string
	var which []bool
	for i, w := range words {
		if lexicon[w] != nil || len(w) < 3 || !isLetters(w) {
			continue
		}
		long := len(w) >= minLongLegalTypo
		if !long && !(lt.Short && i == len(words)-1) {
			continue
		}
		lw, ok := nearLegalWord(w, !long)
		if !ok || (lt.Known != nil && lt.Known(w)) {
			continue
		}
		if fixed == nil {
			fixed = append([]string(nil), words...)
			which = make([]bool, len(words))
		}
		fixed[i], which[i] = lw, true
	}
	return fixed, which
}

// applyLegalTypos corrects the misspelt legal words of a classified name
// and classifies it again. A correction is kept only when the corrected
// word became part of a valid legal form; typo marks the kept ones (nil
// when there are none).
func applyLegalTypos(words []string, slots []slot, c classification, lt LegalTypos) ([]string, []slot, classification, []bool) {
	fixed, which := legalTypoFixes(words, lt)
	if fixed == nil {
		return words, slots, c, nil
	}
	for {
		fslots := make([]slot, len(fixed))
		for i, w := range fixed {
			fslots[i] = slot{e: lexicon[w]}
		}
		fc := classify(fixed, fslots)
		if fc.start != c.start {
			// The correction changed which leading titles are dropped.
			return words, slots, c, nil
		}
		reverted, kept := false, false
		for i := range fixed {
			switch {
			case !which[i]:
			case fslots[i].inLegal:
				kept = true
			default:
				fixed[i], which[i], reverted = words[i], false, true
			}
		}
		if !kept {
			return words, slots, c, nil
		}
		if !reverted {
			return fixed, fslots, fc, which
		}
	}
}

// LegalClassNear returns the class of the one-word legal form ("ltd",
// "company", "fze") that w, a folded word, misspells by one edit, if
// exactly one legal word is that close; a word of fewer than five letters
// only by a substituted or swapped letter. The scorer uses it to pair a
// leftover query word with a listed legal form.
func LegalClassNear(w string) (string, bool) {
	if len(w) < 3 {
		return "", false
	}
	lw, ok := nearLegalWord(w, len(w) < minLongLegalTypo)
	if !ok {
		return "", false
	}
	lf, ok := legalForms[lw]
	return lf.class, ok
}

// isLetters reports whether w is all ASCII letters.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
