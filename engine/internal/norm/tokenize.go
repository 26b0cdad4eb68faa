package norm

import (
	"slices"
	"strings"
)

// Tokenize folds a name (Fold), splits it into words and classifies them:
//
//   - Titles are dropped from the start of the name ("Dr.", "Sheikh",
//     "Haji", "Mullah", "Al-Haj"…; several may stack) when a name word
//     remains. Ranks that also begin company names ("General", "Major",
//     "Captain") are dropped only when at least two name words remain and
//     the name has no legal form. Unambiguous courtesy titles ("Mr", "Mrs",
//     "Ms") are dropped anywhere. See honorifics.tsv.
//   - Company legal forms, one or several words ("Ltd", "L.L.C.", "ООО",
//     "obshchestvo s ogranichennoy otvetstvennostyu", "S.A. de C.V.",
//     "Sherkat-e"), become one KindLegalForm token whose Text and Canon are
//     the form's class: "llc", "jsc", "inc", "co" or "llp". Short forms
//     that are also name words ("SA", "AG", "AS") count only at the end of
//     the name or next to another form; those written before the name
//     ("ООО", "АО", "PT") at the start or the end. A name made only of
//     such short forms keeps them as words ("AG" alone is a word). See
//     legal_forms.tsv.
//   - Particles (al, bin, abu, van, de…) are KindParticle with their
//     canonical particle as Canon, when another name word follows them
//     (some only inside a name); elsewhere they are words. See
//     particles.tsv.
//   - A one-word title after the start of the name ("Muhammad Fawzi
//     HAJJI") is KindTitle: it may be the title or a family name.
//   - A single letter is KindInitial, a run of digits KindNumber.
//   - Other words are KindWord; Canon comes from the variant groups or,
//     with Nick set, the nickname table.
//
// Every token has non-empty Text, Canon, Skel and Phon without spaces.
// Tokenize returns nil when the name has no letters or digits.
func Tokenize(s string) []Token {
	return tokenize(s, nil)
}

// TokenizeQuery is Tokenize for a name being screened, which may be
// mistyped: a word the word lists and lt.Known do not know, one edit from
// a word of a legal form ("Compan iLmited", "COtRPORATION") or written
// together with one ("InternationalCompany", "LIMITEDLIABILITY"), is read
// as that word, or split, when that completes a legal form valid where it
// stands. Such a legal-form token has Typo set.
func TokenizeQuery(s string, lt LegalTypos) []Token {
	return tokenize(s, &lt)
}

// tokenize is Tokenize, correcting misspelt legal words when lt is set.
func tokenize(s string, lt *LegalTypos) []Token {
	folded := Fold(s)
	if folded == "" {
		return nil
	}
	var wb [32]string
	words := splitWords(folded, wb[:0])
	var sb [32]slot
	slots := sb[:0]
	for _, w := range words {
		slots = append(slots, slot{e: lexicon[w]})
	}
	c := classify(words, slots)
	var typo []bool
	if lt != nil {
		words, slots, c, typo = applyLegalTypos(words, slots, c, *lt)
	}

	ntok := 0
	for i := c.start; i < len(words); i++ {
		if slots[i].legalSpan > 0 {
			ntok++
			i += slots[i].legalSpan - 1
		} else if !slots[i].drop {
			ntok++
		}
	}
	tokens := make([]Token, 0, ntok)
	var kb [256]byte
	keys := kb[:0]
	var ob [32]keySpan
	offs := ob[:0]
	for i := c.start; i < len(words); i++ {
		sl := &slots[i]
		if sl.legalSpan > 0 {
			t := Token{Text: sl.legal, Canon: sl.legal, Skel: sl.legal, Phon: sl.legal, Kind: KindLegalForm}
			if typo != nil {
				t.Typo = slices.Contains(typo[i:i+sl.legalSpan], true)
			}
			tokens = append(tokens, t)
			offs = append(offs, keySpan{})
			i += sl.legalSpan - 1
			continue
		}
		if sl.drop {
			continue
		}
		w := words[i]
		t := Token{Text: w, Canon: w, Skel: w, Phon: w}
		switch {
		case isLetterWord(w):
			t.Kind = KindInitial
			offs = append(offs, keySpan{})
		case isDigits(w):
			t.Kind = KindNumber
			offs = append(offs, keySpan{})
		default:
			switch e := sl.e; {
			case i > c.start && e != nil && e.honorStart && honorifics[w] == honorTitle:
				t.Kind = KindTitle
			case e != nil && e.particle != "" && c.particleAt(slots, i):
				t.Kind, t.Canon = KindParticle, e.particle
			case e != nil && e.canon != "":
				t.Canon, t.Nick = e.canon, e.nick
			default:
				if cc := abdCanon(w); cc != "" {
					t.Canon = cc
				}
			}
			var o keySpan
			o.skel0 = len(keys)
			keys = appendSkeleton(keys, w)
			o.phon0 = len(keys)
			keys = appendPhonetic(keys, w)
			o.end = len(keys)
			o.set = true
			offs = append(offs, o)
		}
		tokens = append(tokens, t)
	}
	if len(keys) > 0 {
		all := string(keys)
		for k, o := range offs {
			if o.set {
				tokens[k].Skel = all[o.skel0:o.phon0]
				tokens[k].Phon = all[o.phon0:o.end]
			}
		}
	}
	return tokens
}

// keySpan locates a token's Skel and Phon in the shared key buffer.
type keySpan struct {
	skel0, phon0, end int
	set               bool
}

// splitWords appends the space-separated words of a folded string to dst.
func splitWords(s string, dst []string) []string {
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
	return dst
}

// isDigits reports whether w is all ASCII digits.
func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// slot is the classification of one word.
type slot struct {
	e *entry
	// legalSpan is the number of words of the valid legal form starting
	// here (0 when none) and legal its class.
	legalSpan int
	legal     string
	// inLegal marks every word of a valid legal form.
	inLegal bool
	// drop marks a dropped honorific.
	drop bool
}

// classification is the outcome of classify.
type classification struct {
	// start is the first word after the dropped leading titles.
	start int
}

// particleAt reports whether the particle word at i acts as one: a name
// word (not a legal form) follows it, and, for inner-only particles, a
// name word precedes it.
func (c classification) particleAt(slots []slot, i int) bool {
	next := -1
	for j := i + 1; j < len(slots); j++ {
		if !slots[j].drop {
			next = j
			break
		}
	}
	if next < 0 || slots[next].legalSpan > 0 {
		return false
	}
	if !slots[i].e.partInner {
		return true
	}
	for j := i - 1; j >= c.start; j-- {
		if !slots[j].drop {
			return !slots[j].inLegal
		}
	}
	return false
}

// span is a candidate legal form.
type span struct {
	start, end int
	form       legalForm
	valid      bool
}

// classify finds the dropped titles and the legal forms of a name.
func classify(words []string, slots []slot) classification {
	n := len(words)
	var kb [128]byte

	// Leading titles.
	h, rank := 0, false
	for h < n {
		l, class := matchHonorific(words, slots, h, kb[:0])
		if l == 0 {
			break
		}
		if class == honorRank {
			rank = true
		}
		h += l
	}

	var spb [8]span
	spans := findLegal(words, slots, h, spb[:0], kb[:0])
	uncovered := n - h
	nlegal := 0
	for _, sp := range spans {
		if sp.valid {
			uncovered -= sp.end - sp.start
			nlegal++
		}
	}
	if h > 0 && (uncovered == 0 || (rank && (nlegal > 0 || uncovered < 2))) {
		// Keep the titles: they are all there is, or the rank may be part
		// of a company name.
		h = 0
		spans = findLegal(words, slots, 0, spans[:0], kb[:0])
		uncovered, nlegal = n, 0
		for _, sp := range spans {
			if sp.valid {
				uncovered -= sp.end - sp.start
				nlegal++
			}
		}
	}
	if uncovered == 0 && !anyAnywhere(spans) {
		// Only short forms that are also name words ("AG", "SA"): keep
		// them as words.
		nlegal = 0
	}
	if nlegal > 0 {
		for _, sp := range spans {
			if sp.valid {
				slots[sp.start].legalSpan = sp.end - sp.start
				slots[sp.start].legal = sp.form.class
				for j := sp.start; j < sp.end; j++ {
					slots[j].inLegal = true
				}
			}
		}
	}

	// Courtesy titles anywhere, if a name word remains.
	var drops int
	for i := h; i < n; i++ {
		if slots[i].legalSpan > 0 {
			i += slots[i].legalSpan - 1
			continue
		}
		if honorifics[words[i]] == honorAnywhere {
			drops++
		}
	}
	if drops > 0 && uncovered-drops >= 1 {
		for i := h; i < n; i++ {
			if slots[i].legalSpan > 0 {
				i += slots[i].legalSpan - 1
				continue
			}
			if honorifics[words[i]] == honorAnywhere {
				slots[i].drop = true
			}
		}
	}
	for i := 0; i < h; i++ {
		slots[i].drop = true
	}
	return classification{start: h}
}

// anyAnywhere reports whether a valid span is a form recognised anywhere.
func anyAnywhere(spans []span) bool {
	for _, sp := range spans {
		if sp.valid && sp.form.pos == 'a' {
			return true
		}
	}
	return false
}

// matchHonorific returns the length in words and the class of the longest
// title starting at word i, or 0.
func matchHonorific(words []string, slots []slot, i int, buf []byte) (int, byte) {
	if slots[i].e == nil || !slots[i].e.honorStart {
		return 0, 0
	}
	for l := min(maxHonorWords, len(words)-i); l >= 1; l-- {
		key := appendPhraseKey(buf[:0], words[i:i+l])
		if c, ok := honorifics[string(key)]; ok {
			return l, c
		}
	}
	return 0, 0
}

// findLegal finds the legal forms in words[lo:], longest first, and marks
// which are valid in their position (see legal_forms.tsv).
func findLegal(words []string, slots []slot, lo int, spans []span, buf []byte) []span {
	n := len(words)
	for i := lo; i < n; {
		if !isLetterWord(words[i]) && (slots[i].e == nil || !slots[i].e.legalStart) {
			i++
			continue
		}
		found := false
		for l := min(maxLegalWords, n-i); l >= 1; l-- {
			key := appendPhraseKey(buf[:0], words[i:i+l])
			if lf, ok := legalForms[string(key)]; ok {
				spans = append(spans, span{start: i, end: i + l, form: lf})
				i += l
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	// Forms valid anywhere, and end forms chained to the end.
	for k := len(spans) - 1; k >= 0; k-- {
		sp := &spans[k]
		sp.valid = sp.form.pos == 'a' || sp.end == n ||
			(k+1 < len(spans) && spans[k+1].start == sp.end && spans[k+1].valid)
	}
	// Start forms chained to the start.
	for k := range spans {
		sp := &spans[k]
		if sp.valid || sp.form.pos != 'b' {
			continue
		}
		sp.valid = sp.start == lo || (k > 0 && spans[k-1].end == sp.start && spans[k-1].valid)
	}
	return spans
}

// abdCanon returns the canonical key of a compound of abd ("servant of")
// and a name: "abdul" + the canonical rest, so "abdelaziz", "abdulaziz"
// and "abd al aziz" written as one word agree, as do "abdurrahman" and
// "abdelrahman". It returns "" when w is not such a compound.
func abdCanon(w string) string {
	if len(w) < 6 || !strings.HasPrefix(w, "abd") {
		return ""
	}
	rest := w[3:]
	switch {
	case strings.HasPrefix(rest, "ou"):
		rest = rest[2:]
	case isVowel(rest[0]) && rest[0] != 'y':
		rest = rest[1:]
	}
	switch {
	case strings.HasPrefix(rest, "l"):
		rest = rest[1:]
	case len(rest) >= 2 && rest[0] == rest[1] && strings.IndexByte("tdrzsn", rest[0]) >= 0:
		rest = rest[1:] // assimilated article: abdurrahman
	}
	if len(rest) < 3 {
		return ""
	}
	if e := lexicon[rest]; e != nil && e.canon != "" && !e.nick {
		rest = e.canon
	}
	return "abdul" + rest
}
