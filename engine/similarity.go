package engine

import (
	"github.com/adrg/strutil"
)

// jaroWinkler is the Jaro-Winkler similarity used for tokens. It computes
// exactly what strutil's metrics.JaroWinkler computes (a test checks them
// against each other) without allocating for tokens of up to 64 runes,
// because it runs hundreds of times per screen.
type jaroWinkler struct{}

var _ strutil.StringMetric = jaroWinkler{}

// Compare returns the Jaro-Winkler similarity of a and b in [0,1].
func (jaroWinkler) Compare(a, b string) float64 {
	if isASCII(a) && isASCII(b) && len(a) <= 64 && len(b) <= 64 {
		return jaroWinklerOf([]byte(a), []byte(b))
	}
	var bufA, bufB [64]rune
	return jaroWinklerOf(toRunes(a, bufA[:0]), toRunes(b, bufB[:0]))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func toRunes(s string, buf []rune) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// symbol is what Jaro-Winkler compares: bytes of ASCII tokens, runes
// otherwise.
type symbol interface{ ~byte | ~rune }

func jaroWinklerOf[T symbol](a, b []T) float64 {
	j := jaro(a, b)
	prefix := 0
	for prefix < len(a) && prefix < len(b) && prefix < 4 && a[prefix] == b[prefix] {
		prefix++
	}
	return j + 0.1*float64(prefix)*(1-j)
}

// jaro follows strutil's Jaro: matching symbols within half the longer
// length, counted from each side, transpositions from the paired sequences.
func jaro[T symbol](a, b []T) float64 {
	la, lb := len(a), len(b)
	if la == 0 && lb == 0 {
		return 1
	}
	if la == 0 || lb == 0 {
		return 0
	}
	half := max(la, lb) / 2
	var bufA, bufB [64]T
	ma := matching(a, b, half, bufA[:0])
	mb := matching(b, a, half, bufB[:0])
	if len(ma) == 0 || len(mb) == 0 {
		return 0
	}
	trans := 0
	for i := 0; i < len(ma) && i < len(mb); i++ {
		if ma[i] != mb[i] {
			trans++
		}
	}
	m := float64(len(ma))
	return (m/float64(la) + float64(len(mb))/float64(lb) + (m-float64(trans/2))/m) / 3
}

// matching returns the symbols of a that occur in b within the window,
// each symbol of b used once, in a's order.
func matching[T symbol](a, b []T, window int, out []T) []T {
	var usedBuf [64]bool
	var used []bool
	if len(b) <= len(usedBuf) {
		used = usedBuf[:len(b)]
	} else {
		used = make([]bool, len(b))
	}
	for i, r := range a {
		lo := max(0, i-window)
		hi := min(len(b), i+window+1)
		for k := lo; k < hi; k++ {
			if !used[k] && b[k] == r {
				used[k] = true
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// editDistanceAtMost reports whether the optimal-string-alignment distance
// (Levenshtein plus adjacent transposition) between a and b is at most k,
// and the distance when it is. It works on bytes: tokens are folded to
// Latin before they get here, and a non-ASCII rune simply costs its bytes.
func editDistanceAtMost(a, b string, k int) (int, bool) {
	la, lb := len(a), len(b)
	if la-lb > k || lb-la > k {
		return 0, false
	}
	if la > 48 || lb > 48 {
		return 0, false
	}
	var rows [3][50]int
	prev2, prev, cur := rows[0][:lb+1], rows[1][:lb+1], rows[2][:lb+1]
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d := prev[lb]
	return d, d <= k
}
