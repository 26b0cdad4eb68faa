package lists

import (
	"strings"
	"unicode/utf8"
)

// This file holds the small readers of publisher text that several parsers
// share: joining cleaned parts, splitting on separators outside
// parentheses, and recognising digits and letters.

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
