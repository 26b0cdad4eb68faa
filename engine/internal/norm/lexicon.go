package norm

import (
	"fmt"
	"strings"
)

// entry is what the word lists know about one folded word.
type entry struct {
	// canon is the word's canonical key from variants.tsv or
	// nicknames.tsv ("" when it has none); nick marks the latter.
	canon string
	nick  bool
	// particle is the particle's canonical key ("" when the word is not a
	// particle); partInner limits it to the inside of a name.
	particle  string
	partInner bool
	// honorStart and legalStart mark the first word of an honorific or a
	// legal form (single-word ones included).
	honorStart bool
	legalStart bool
}

// legalForm is one entry of legal_forms.tsv.
type legalForm struct {
	class string
	pos   byte // 'a' anywhere, 'e' at the end, 'b' at the start or end
}

// Honorific classes (honorifics.tsv).
const (
	honorTitle    = 't'
	honorRank     = 'r'
	honorAnywhere = 'a'
)

var (
	// lexicon maps folded words to what the word lists say about them.
	lexicon map[string]*entry
	// legalForms maps a phrase key (see appendPhraseKey) to its form.
	legalForms map[string]legalForm
	// honorifics maps a phrase key to its class.
	honorifics map[string]byte
	// maxLegalWords and maxHonorWords bound the phrase lengths (in words
	// before dotted letters are joined) worth trying.
	maxLegalWords, maxHonorWords int
)

// lex returns the lexicon entry for w, creating it.
func lex(w string) *entry {
	e := lexicon[w]
	if e == nil {
		e = &entry{}
		lexicon[w] = e
	}
	return e
}

// isLetterWord reports whether w is a single ASCII letter.
func isLetterWord(w string) bool {
	return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z'
}

// appendPhraseKey appends the lookup key of a phrase to dst: its words
// joined by spaces, with every run of two or more single letters written
// as one word ("s a de c v" → "sa de cv", "l l c" → "llc"), so dotted
// abbreviations match however they were spaced.
func appendPhraseKey(dst []byte, words []string) []byte {
	for i := 0; i < len(words); {
		if len(dst) > 0 {
			dst = append(dst, ' ')
		}
		j := i
		for j < len(words) && isLetterWord(words[j]) {
			j++
		}
		if j-i >= 2 {
			for ; i < j; i++ {
				dst = append(dst, words[i]...)
			}
			continue
		}
		dst = append(dst, words[i]...)
		i++
	}
	return dst
}

// phraseKey folds a table phrase and returns its key, its first key word
// and its length in folded words.
func phraseKey(s string) (key, first string, n int) {
	words := strings.Fields(Fold(s))
	key = string(appendPhraseKey(nil, words))
	first, _, _ = strings.Cut(key, " ")
	return key, first, len(words)
}

// loadLexicon reads the word lists: variants.tsv, nicknames.tsv,
// particles.tsv, honorifics.tsv and legal_forms.tsv.
func loadLexicon() error {
	lexicon = make(map[string]*entry, 2048)
	if err := loadVariants(); err != nil {
		return err
	}
	if err := loadNicknames(); err != nil {
		return err
	}
	if err := loadParticles(); err != nil {
		return err
	}
	if err := loadHonorifics(); err != nil {
		return err
	}
	if err := loadLegalForms(); err != nil {
		return err
	}
	indexLegalWords()
	return nil
}

// oneWord folds a table cell that must be a single word.
func oneWord(table string, line int, s string) (string, error) {
	w := Fold(s)
	if w == "" || strings.Contains(w, " ") {
		return "", fmt.Errorf("norm: table %s line %d: %q is not one word", table, line, s)
	}
	return w, nil
}

// loadVariants reads variants.tsv.
func loadVariants() error {
	rows, err := readTable("variants.tsv", 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		canon, err := oneWord("variants.tsv", r.line, r.fields[0])
		if err != nil {
			return err
		}
		for _, v := range append([]string{r.fields[0]}, strings.Fields(r.fields[1])...) {
			w, err := oneWord("variants.tsv", r.line, v)
			if err != nil {
				return err
			}
			e := lex(w)
			if e.canon != "" {
				return fmt.Errorf("norm: table variants.tsv line %d: %q is already in group %q", r.line, w, e.canon)
			}
			e.canon = canon
		}
	}
	return nil
}

// loadNicknames reads nicknames.tsv; the full name is resolved through the
// variant groups.
func loadNicknames() error {
	rows, err := readTable("nicknames.tsv", 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		nick, err := oneWord("nicknames.tsv", r.line, r.fields[0])
		if err != nil {
			return err
		}
		full, err := oneWord("nicknames.tsv", r.line, r.fields[1])
		if err != nil {
			return err
		}
		e := lex(nick)
		if e.canon != "" {
			return fmt.Errorf("norm: table nicknames.tsv line %d: %q is already a variant of %q", r.line, nick, e.canon)
		}
		e.canon, e.nick = full, true
		if fe := lexicon[full]; fe != nil && fe.canon != "" && !fe.nick {
			e.canon = fe.canon
		}
	}
	return nil
}

// loadParticles reads particles.tsv.
func loadParticles() error {
	rows, err := readTable("particles.tsv", 3)
	if err != nil {
		return err
	}
	for _, r := range rows {
		p, err := oneWord("particles.tsv", r.line, r.fields[0])
		if err != nil {
			return err
		}
		canon, err := oneWord("particles.tsv", r.line, r.fields[1])
		if err != nil {
			return err
		}
		pos := r.fields[2]
		if pos != "s" && pos != "m" {
			return fmt.Errorf("norm: table particles.tsv line %d: position %q is not s or m", r.line, pos)
		}
		e := lex(p)
		if e.particle != "" || e.canon != "" {
			return fmt.Errorf("norm: table particles.tsv line %d: %q is already listed", r.line, p)
		}
		e.particle, e.partInner = canon, pos == "m"
	}
	return nil
}

// loadHonorifics reads honorifics.tsv.
func loadHonorifics() error {
	rows, err := readTable("honorifics.tsv", 2)
	if err != nil {
		return err
	}
	honorifics = make(map[string]byte, len(rows))
	for _, r := range rows {
		key, first, n := phraseKey(r.fields[0])
		class := r.fields[1]
		if key == "" || len(class) != 1 || !strings.Contains("tra", class) {
			return fmt.Errorf("norm: table honorifics.tsv line %d: bad row", r.line)
		}
		if class[0] == honorAnywhere && strings.Contains(key, " ") {
			return fmt.Errorf("norm: table honorifics.tsv line %d: class a must be one word", r.line)
		}
		if _, dup := honorifics[key]; dup {
			return fmt.Errorf("norm: table honorifics.tsv line %d: %q listed twice", r.line, key)
		}
		honorifics[key] = class[0]
		lex(first).honorStart = true
		maxHonorWords = max(maxHonorWords, n)
	}
	return nil
}

// loadLegalForms reads legal_forms.tsv. A form may be listed more than
// once (spelled with and without dots) if the rows agree.
func loadLegalForms() error {
	rows, err := readTable("legal_forms.tsv", 3)
	if err != nil {
		return err
	}
	legalForms = make(map[string]legalForm, len(rows))
	for _, r := range rows {
		key, first, n := phraseKey(r.fields[0])
		lf := legalForm{class: r.fields[1]}
		switch lf.class {
		case "llc", "jsc", "inc", "co", "llp":
		default:
			return fmt.Errorf("norm: table legal_forms.tsv line %d: unknown class %q", r.line, lf.class)
		}
		if len(r.fields[2]) != 1 || !strings.Contains("aeb", r.fields[2]) {
			return fmt.Errorf("norm: table legal_forms.tsv line %d: position %q is not a, e or b", r.line, r.fields[2])
		}
		lf.pos = r.fields[2][0]
		if key == "" {
			return fmt.Errorf("norm: table legal_forms.tsv line %d: empty form", r.line)
		}
		if old, dup := legalForms[key]; dup && old != lf {
			return fmt.Errorf("norm: table legal_forms.tsv line %d: %q disagrees with an earlier row", r.line, key)
		}
		legalForms[key] = lf
		lex(first).legalStart = true
		maxLegalWords = max(maxLegalWords, n)
	}
	return nil
}
