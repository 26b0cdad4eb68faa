package bench

import (
	"math/rand/v2"
	"strings"
)

// Typo applies n random edits (substitution, deletion, insertion or
// adjacent transposition) to letters of s, never to its first letter, the
// way hurried typing does.
func Typo(r *rand.Rand, s string, n int) string {
	b := []rune(s)
	for range n {
		var pos []int
		for i := 1; i < len(b); i++ {
			if isLetter(b[i]) && isLetter(b[i-1]) {
				pos = append(pos, i)
			}
		}
		if len(pos) == 0 {
			return string(b)
		}
		i := pos[r.IntN(len(pos))]
		switch r.IntN(4) {
		case 0:
			b[i] = rune('a' + r.IntN(26))
		case 1:
			b = append(b[:i], b[i+1:]...)
		case 2:
			b = append(b[:i], append([]rune{rune('a' + r.IntN(26))}, b[i:]...)...)
		default:
			b[i-1], b[i] = b[i], b[i-1]
		}
	}
	return string(b)
}

// Reorder moves the last token of s to the front ("Vladimir Putin" →
// "Putin Vladimir"), or drops a middle token when there are three or more
// and the coin says so.
func Reorder(r *rand.Rand, s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return s
	}
	if len(f) >= 3 && r.IntN(2) == 0 {
		i := 1 + r.IntN(len(f)-2)
		return strings.Join(append(f[:i:i], f[i+1:]...), " ")
	}
	return strings.Join(append([]string{f[len(f)-1]}, f[:len(f)-1]...), " ")
}

func isLetter(r rune) bool { return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') }
