package norm

import "strings"

// Token is one word of a normalized name with the keys the index and the
// scorer compare it by.
type Token struct {
	// Text is the folded Latin word ("mohammed"); for a legal form it is
	// the form's class ("llc").
	Text string
	// Canon is the canonical key of the word's variant group ("muhammad"
	// for mohammed, mohamed, mehmet…), the canonical particle ("al" for el,
	// ad, ash…) or, for a compound of abd, "abdul" + the canonical rest
	// ("abdelaziz" → "abdulaziz"). It equals Text when the word has none.
	Canon string
	// Skel is the consonant skeleton of Text (see Skeleton).
	Skel string
	// Phon is the phonetic key of Text (see Phonetic).
	Phon string
	// Kind says what sort of word this is.
	Kind Kind
	// Nick is true when Canon came from the nickname table ("bill" →
	// "william"): weaker evidence than a spelling variant.
	Nick bool
	// Typo is true for a legal form read from a misspelt word (see
	// TokenizeQuery).
	Typo bool
}

// Join returns the normalized name: the tokens' Texts joined by single
// spaces. Two names with the same Join are the same name after
// normalization.
func Join(tokens []Token) string {
	switch len(tokens) {
	case 0:
		return ""
	case 1:
		return tokens[0].Text
	}
	n := len(tokens) - 1
	for _, t := range tokens {
		n += len(t.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}
