package rules

import "fmt"

// ValidateCPF checks a Brazilian individual taxpayer number (CPF): 11
// digits whose last two are check digits. It accepts the formatted form
// (123.456.789-09) and spaces, rejects numbers made of one repeated digit,
// and returns the 11 bare digits. Errors wrap ErrInvalidDocument.
func ValidateCPF(s string) (string, error) {
	d, err := documentChars(s, 11, false)
	if err != nil {
		return "", fmt.Errorf("cpf: %w", err)
	}
	if allSame(d) {
		return "", fmt.Errorf("cpf: %w: all digits are the same", ErrInvalidDocument)
	}
	v := make([]int, len(d))
	for i := range d {
		v[i] = int(d[i] - '0')
	}
	if v[9] != cpfDigit(v[:9]) || v[10] != cpfDigit(v[:10]) {
		return "", fmt.Errorf("cpf: %w: check digits do not match", ErrInvalidDocument)
	}
	return string(d), nil
}

// cpfDigit computes the check digit of the leading digits: weights run from
// len+1 down to 2, modulo 11.
func cpfDigit(v []int) int {
	sum := 0
	for i, x := range v {
		sum += x * (len(v) + 1 - i)
	}
	r := sum % 11
	if r < 2 {
		return 0
	}
	return 11 - r
}

// documentChars strips the separators of a formatted document number
// ('.', '-', '/', spaces) and checks what is left: want characters, digits
// only unless alnum allows upper-case letters (which it returns upper-cased)
// in all but the last two positions.
func documentChars(s string, want int, alnum bool) ([]byte, error) {
	if len(s) > 4*want {
		return nil, fmt.Errorf("%w: too long", ErrInvalidDocument)
	}
	out := make([]byte, 0, want)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' || c == '-' || c == '/' || c == ' ' || c == '\t':
			continue
		case c >= '0' && c <= '9':
		case alnum && c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case alnum && c >= 'A' && c <= 'Z':
		default:
			return nil, fmt.Errorf("%w: unexpected character %q", ErrInvalidDocument, rune(s[i]))
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrInvalidDocument)
	}
	if len(out) != want {
		return nil, fmt.Errorf("%w: %d characters, want %d", ErrInvalidDocument, len(out), want)
	}
	for _, c := range out[want-2:] {
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("%w: check digits must be digits", ErrInvalidDocument)
		}
	}
	return out, nil
}

func allSame(d []byte) bool {
	for _, c := range d[1:] {
		if c != d[0] {
			return false
		}
	}
	return true
}
