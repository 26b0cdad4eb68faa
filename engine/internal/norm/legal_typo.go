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

// legalFix is a name's words with some of them read as legal words:
// corrected ("compan" → "company") or split ("internationalcompany" →
// "international company"). orig maps every word to the index of the
// word it came from; changed marks the words a fix produced.
type legalFix struct {
	words   []string
	orig    []int
	changed []bool
}

// legalTypoFixes returns the name's words with every candidate fix made,
// or false when there is none. A word is a candidate when it is all
// letters, the word lists do not know it and lt.Known does not either,
// and it is one edit from a legal word (see LegalTypos) or, of six
// letters or more, a legal word written together with another word.
func legalTypoFixes(words []string, lt LegalTypos) (legalFix, bool) {
	var f legalFix
	if len(words) < 2 {
		return f, false
	}
	any := false
	for i, w := range words {
		fix := [2]string{}
		switch {
		case lexicon[w] != nil || len(w) < 3 || !isLetters(w) || (lt.Known != nil && lt.Known(w)):
		case len(w) >= minLongLegalTypo || lt.Short && i == len(words)-1:
			if lw, ok := nearLegalWord(w, len(w) < minLongLegalTypo); ok {
				fix[0] = lw
			} else if a, b, ok := splitLegalWord(w); ok {
				fix = [2]string{a, b}
			}
		}
		switch {
		case fix[0] == "":
			f.add(w, i, false)
		case fix[1] == "":
			f.add(fix[0], i, true)
			any = true
		default:
			f.add(fix[0], i, true)
			f.add(fix[1], i, true)
			any = true
		}
	}
	return f, any
}

// add appends word w, from original word i.
func (f *legalFix) add(w string, i int, changed bool) {
	f.words = append(f.words, w)
	f.orig = append(f.orig, i)
	f.changed = append(f.changed, changed)
}

// revert undoes the fix of original word i, restoring w.
func (f *legalFix) revert(i int, w string) {
	var g legalFix
	for k := range f.words {
		switch {
		case f.orig[k] != i:
			g.add(f.words[k], f.orig[k], f.changed[k])
		case k == 0 || f.orig[k-1] != i:
			g.add(w, i, false)
		}
	}
	*f = g
}

// splitLegalWord splits w into a legal word of at least minSplitLegal
// letters and another word of at least three written together
// ("internationalcompany", "limitedliability"), preferring the longest
// legal word at the end. Shorter legal words begin and end too many names
// ("Inchcape" is no "Inc").
func splitLegalWord(w string) (string, string, bool) {
	if len(w) < minSplitLegal+3 {
		return "", "", false
	}
	for i := 3; i <= len(w)-minSplitLegal; i++ {
		if isLegalWord(w[i:]) {
			return w[:i], w[i:], true
		}
	}
	for i := len(w) - 3; i >= minSplitLegal; i-- {
		if isLegalWord(w[:i]) {
			return w[:i], w[i:], true
		}
	}
	return "", "", false
}

// minSplitLegal is the shortest legal word split off a longer word.
const minSplitLegal = 5

// isLegalWord reports whether w is a word of some legal form, of three
// letters or more.
func isLegalWord(w string) bool {
	for _, lw := range legalNeighbours[w] {
		if lw == w {
			return true
		}
	}
	return false
}

// applyLegalTypos makes the candidate legal fixes of a classified name and
// classifies it again. A fix is kept only when every word it produced
// became part of a valid legal form; changed marks the words of kept fixes
// (nil when there are none).
func applyLegalTypos(words []string, slots []slot, c classification, lt LegalTypos) ([]string, []slot, classification, []bool) {
	f, ok := legalTypoFixes(words, lt)
	if !ok {
		return words, slots, c, nil
	}
	for {
		fslots := make([]slot, len(f.words))
		for i, w := range f.words {
			fslots[i] = slot{e: lexicon[w]}
		}
		fc := classify(f.words, fslots)
		if fc.start != c.start {
			// The fix changed which leading titles are dropped.
			return words, slots, c, nil
		}
		bad, kept := -1, false
		for k := range f.words {
			switch {
			case !f.changed[k]:
			case fslots[k].inLegal:
				kept = true
			case bad < 0 && !splitKeepsOther(f, fslots, k):
				bad = f.orig[k]
			}
		}
		if bad >= 0 {
			f.revert(bad, words[bad])
			continue
		}
		if !kept {
			return words, slots, c, nil
		}
		return f.words, fslots, fc, f.changed
	}
}

// splitKeepsOther reports whether word k of a split is its non-legal
// half, whose other half did become part of a legal form: the fix stands,
// and the half stays a plain word.
func splitKeepsOther(f legalFix, slots []slot, k int) bool {
	for j := range f.words {
		if j != k && f.orig[j] == f.orig[k] {
			return slots[j].inLegal && !isLegalWord(f.words[k])
		}
	}
	return false
}

// LegalClassNear returns the class of the one-word legal form ("ltd",
// "company", "fze", "corp") that w, a folded word, misspells by one edit
// ("crp" for corp), if exactly one legal word is that close. The scorer
// uses it only to pair a leftover query word with a listed legal form of
// that class, so the listed name says which reading is meant.
func LegalClassNear(w string) (string, bool) {
	if len(w) < 3 {
		return "", false
	}
	lw, ok := nearLegalWord(w, false)
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
