package report

import "unicode"

// visibleTail is how many letters or digits of a document number stay
// visible when it is masked.
const visibleTail = 3

// MaskDocument masks a document number for printing: every letter or digit
// but the last three becomes '*', and punctuation stays, so
// "123.456.789-01" becomes "***.***.**9-01". Masking is idempotent.
func MaskDocument(number string) string {
	rs := []rune(number)
	keep := 0
	for i := len(rs) - 1; i >= 0; i-- {
		if !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
			continue
		}
		if keep < visibleTail {
			keep++
			continue
		}
		rs[i] = '*'
	}
	return string(rs)
}
