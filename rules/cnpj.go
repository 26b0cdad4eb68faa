package rules

import "fmt"

// ValidateCNPJ checks a Brazilian company registration number (CNPJ): 14
// characters whose last two are check digits. It accepts the formatted form
// (12.345.678/0001-95) and spaces, rejects numbers made of one repeated
// character, and returns the 14 bare characters.
//
// Besides the classic all-digit form it accepts the alphanumeric CNPJ the
// Receita Federal issues from July 2026 (IN RFB 2.229/2024): the first 12
// characters may be upper-case letters (lower case is folded), each valued
// at its ASCII code minus 48, with the same modulo-11 check digits. Errors
// wrap ErrInvalidDocument.
func ValidateCNPJ(s string) (string, error) {
	d, err := documentChars(s, 14, true)
	if err != nil {
		return "", fmt.Errorf("cnpj: %w", err)
	}
	if allSame(d) {
		return "", fmt.Errorf("cnpj: %w: all characters are the same", ErrInvalidDocument)
	}
	v := make([]int, len(d))
	for i := range d {
		v[i] = int(d[i]) - '0'
	}
	if v[12] != cnpjDigit(v[:12]) || v[13] != cnpjDigit(v[:13]) {
		return "", fmt.Errorf("cnpj: %w: check digits do not match", ErrInvalidDocument)
	}
	return string(d), nil
}

// cnpjDigit computes the check digit of the leading characters: weights
// cycle 2..9 from the right, modulo 11.
func cnpjDigit(v []int) int {
	sum, w := 0, 2
	for i := len(v) - 1; i >= 0; i-- {
		sum += v[i] * w
		w++
		if w > 9 {
			w = 2
		}
	}
	r := sum % 11
	if r < 2 {
		return 0
	}
	return 11 - r
}
