package lists

import (
	"strconv"
	"strings"
)

// This file splits the enumerated lists that publishers pack into one
// cell: OFSI's numbered "(1) Germany. (2) Morocco" (ConList) and DFAT's
// lettered "a) Kabul b) Kandahar".

// splitPacked splits OFSI's packed multi-values "(1) Germany. (2) Morocco"
// into "Germany" and "Morocco". Markers are only honoured in sequence from
// "(1)", so "(2008)" inside a text is left alone. A value without markers
// comes back whole; empty pieces are dropped; trailing "." and "," are cut.
func splitPacked(s string) []string {
	return splitEnumerated(s, "(1)", func(rest string, n int) (int, int) {
		marker := "(" + strconv.Itoa(n+1) + ")"
		return strings.Index(rest, marker), len(marker)
	})
}

// splitLettered splits DFAT's lettered lists "a) Kabul b) Kandahar" the way
// splitPacked splits numbered ones: markers "a)", "b)", … only in sequence
// from "a)", and only at the start or after a space or punctuation.
func splitLettered(s string) []string {
	return splitEnumerated(s, "a)", func(rest string, n int) (int, int) {
		if n >= 26 {
			return -1, 0
		}
		return letterMarker(rest, byte('a'+n)), len("a)")
	})
}

// splitEnumerated splits s at enumeration markers: first must start s, and
// find(rest, n) returns the index and length of the n-th marker after it
// (n = 1, 2, …) in rest, the text after the previous marker, or -1 when
// there is none. The markers go; the pieces are trimmed with trimListPiece
// and empty ones dropped. A text that does not start with first comes back
// whole (trimmed); an empty text gives nil.
func splitEnumerated(s, first string, find func(rest string, n int) (int, int)) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, first) {
		return []string{trimListPiece(s)}
	}
	var out []string
	rest := s[len(first):]
	for n := 1; ; n++ {
		i, size := find(rest, n)
		if i < 0 {
			break
		}
		if v := trimListPiece(rest[:i]); v != "" {
			out = append(out, v)
		}
		rest = rest[i+size:]
	}
	if v := trimListPiece(rest); v != "" {
		out = append(out, v)
	}
	return out
}

// letterMarker finds "x)" in s preceded by the start, a space or punctuation.
func letterMarker(s string, letter byte) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], string([]byte{letter, ')'}))
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || strings.IndexByte(" \t\n;,.", s[i-1]) >= 0 {
			return i
		}
		from = i + 1
	}
	return -1
}

// trimListPiece trims white space and trailing list punctuation.
func trimListPiece(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,;"))
}
