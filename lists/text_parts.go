package lists

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the small readers of publisher text that several parsers
// share: cleaning and joining parts, splitting on separators outside
// parentheses, and recognising digits and letters.

// cleaned returns CleanText(s) without allocating when s is clean already:
// no leading, trailing or repeated spaces and no other white space, as most
// fields of most lists are.
func cleaned(s string) string {
	space := true // at the start, a space is leading
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return CleanText(s)
			}
			space = true
		case r < 0x80 && r >= 0x21 && r != 0x7f, r >= 0x80 && !unicode.IsSpace(r):
			space = false
		default:
			return CleanText(s)
		}
	}
	if space && s != "" {
		return CleanText(s)
	}
	return s
}

// lowerASCII lower-cases the ASCII letters of s and leaves every other byte
// alone, so that an index found in the result is the same index in s.
// strings.ToLower does not promise that: it can change the length of
// non-ASCII text ("Ⱥ" takes two bytes, its lower case three).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for ; i < len(s); i++ {
				c := s[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			return b.String()
		}
	}
	return s
}

// joinNonEmpty cleans each part (CleanText) and joins the non-empty ones
// with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = CleanText(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// hasLetterOrDigit reports whether s holds an ASCII letter or digit or any
// non-ASCII character, that is, more than punctuation and space.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return true
		}
	}
	return false
}

// shortQuote cleans an unexpected value and cuts it to 40 bytes, for a
// tolerance note or an error message.
func shortQuote(v string) string {
	v = CleanText(v)
	if len(v) > 40 {
		v = strings.ToValidUTF8(v[:40], "") + "…"
	}
	return v
}

// splitTopLevel splits s on sep where it is not inside parentheses.
func splitTopLevel(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	return append(out, s[start:])
}

// trailingParen splits "Name (Other)" into "Name" and "Other" when s ends
// with a balanced parenthesis; otherwise it returns s, "".
func trailingParen(s string) (outer, inner string) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
			}
		}
	}
	return s, ""
}
