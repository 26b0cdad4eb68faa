package lists

import (
	"fmt"
	"strings"
)

// numericKey reads a record key that must be a decimal number (OFAC's uid,
// the EU's logicalId) from the field of element at line. White space
// around it and leading zeros are dropped, each noted as tolerated ("white
// space around uid", "leading zeros in uid"). An empty key is
// ErrMissingField; one that is not a number, or that is already in seen,
// is ErrInvalidValue. The key is added to seen.
func (s *xmlStream) numericKey(raw string, seen map[string]bool, line int, element, field string) (string, error) {
	at := fmt.Sprintf("line %d", line)
	key := strings.TrimSpace(raw)
	if key == "" {
		return "", s.fieldError(line, element, field, ErrMissingField)
	}
	if key != raw {
		s.tol.note("white space around "+field, at)
	}
	if !allDigits(key) {
		return "", s.fieldError(line, element, field, valueError(raw))
	}
	if n := strings.TrimLeft(key, "0"); n != key {
		s.tol.note("leading zeros in "+field, at)
		if n == "" {
			n = "0"
		}
		key = n
	}
	if seen[key] {
		return "", s.fieldError(line, element, field, fmt.Errorf("%w: duplicate %s %s", ErrInvalidValue, field, key))
	}
	seen[key] = true
	return key, nil
}
