package lists

import "strings"

// The append helpers below keep an entity's slices free of repeats while a
// parser fills them. They scan the slice, which is short for every field
// they serve (names have Entity.AddName).

// appendDistinct appends the values of vs that s does not hold yet.
func appendDistinct[T comparable](s []T, vs ...T) []T {
next:
	for _, v := range vs {
		for _, have := range s {
			if have == v {
				continue next
			}
		}
		s = append(s, v)
	}
	return s
}

// appendFold appends v unless it is empty or s already holds it, compared
// case-insensitively.
func appendFold(s []string, v string) []string {
	if v == "" {
		return s
	}
	for _, have := range s {
		if strings.EqualFold(have, v) {
			return s
		}
	}
	return append(s, v)
}

// appendIdentifier appends id unless s already holds one of the same type
// and number (compared case-insensitively): a document mentioned twice, once
// with its issuing country and once without, is one identifier, and the
// first mention is kept.
func appendIdentifier(s []Identifier, id Identifier) []Identifier {
	for _, have := range s {
		if have.Type == id.Type && strings.EqualFold(have.Number, id.Number) {
			return s
		}
	}
	return append(s, id)
}

// appendAddress appends a unless s already holds an address with the same
// Full text, compared case-insensitively: the parsers that call it build
// the other fields from Full's parts.
func appendAddress(s []Address, a Address) []Address {
	for _, have := range s {
		if strings.EqualFold(have.Full, a.Full) {
			return s
		}
	}
	return append(s, a)
}
