package rules

import "fmt"

// The enumerations of this package are small unsigned integers whose zero
// value is invalid, so a forgotten field never reads as "approved". These
// helpers give them one shared text form.

func enumString(kind string, names []string, v uint8) string {
	if v == 0 || int(v) >= len(names) {
		return fmt.Sprintf("%s(%d)", kind, v)
	}
	return names[v]
}

func enumMarshal(kind string, names []string, v uint8) ([]byte, error) {
	if v == 0 || int(v) >= len(names) {
		return nil, fmt.Errorf("rules: %w: %s %d", ErrInvalidValue, kind, v)
	}
	return []byte(names[v]), nil
}

func enumParse(kind string, names []string, s string) (uint8, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("rules: %w: %s %q (want one of %s)", ErrInvalidValue, kind, s, enumList(names))
}

func enumList(names []string) string {
	s := ""
	for i := 1; i < len(names); i++ {
		if i > 1 {
			s += ", "
		}
		s += names[i]
	}
	return s
}
