package engine

import (
	"math"
	"slices"
	"strings"

	"github.com/sievekyc/sieve/engine/internal/norm"
	"github.com/sievekyc/sieve/lists"
)

// nameScore is the outcome of comparing a prepared query with one name.
type nameScore struct {
	score  float64
	tokens []TokenMatch
}

// pairing is one candidate alignment of query tokens with listed tokens.
// A joined alignment covers two query tokens (qSpan 2) or two listed
// tokens (lSpan 2).
type pairing struct {
	qi, li       int
	qSpan, lSpan int
	sim          float32
	how          string
	sure         bool // certain evidence though not exact (see hit)
}

// scoreName aligns the query's tokens with the listed name's tokens —
// order-free, each token used once, joined tokens allowed — and combines
// three things, each weighted by token rarity:
//
//   - alike: the mean similarity of the aligned tokens, raised to
//     1 + 1.5·(share of inexact query evidence: typos and loose phonetic
//     matches)·(1 − rarity of the sure evidence), so matches
//     made only of fuzzy tokens compound while a typo beside a rare exact
//     token costs what it is;
//   - QC: the share of the query covered by the listed name;
//   - NC: the share of the listed name covered by the query.
//
// score = alike · (1 − λq·(1−QC)) · (1 − λ·(1−NC)). λ shrinks from 1 to
// 0.45 as the matched evidence grows (the summed weight of matched query
// tokens relative to the weight of a token seen once, so it means the same
// over 10 or 10⁶ names): a match built on rare tokens forgives a missing
// middle name, one built on a common token ("Mohammed") does not. λq is at
// least 0.5, so extra tokens in the query cost at most half their share.
func (s *snapshot) scoreName(q *preparedQuery, name *indexedName, explain bool) nameScore {
	nq, nl := len(q.tokens), len(name.tokens)
	if nq == 0 || nl == 0 {
		return nameScore{}
	}
	var buf [32]pairing
	pairs := buf[:0]
	for i := range q.tokens {
		qt := &q.tokens[i]
		for j, vid := range name.tokens {
			if p, ok := s.pairTokens(qt, i, j, vid); ok {
				pairs = append(pairs, p)
			}
		}
	}
	// A query word written as two listed tokens: "abdulrahman" vs "abdul rahman".
	for i := range q.tokens {
		qt := q.tokens[i].tok.Text
		for j := 0; j+1 < nl; j++ {
			a, b := s.vocab[name.tokens[j]].tok.Text, s.vocab[name.tokens[j+1]].tok.Text
			if len(qt) == len(a)+len(b) && strings.HasPrefix(qt, a) && qt[len(a):] == b {
				pairs = append(pairs, pairing{qi: i, li: j, qSpan: 1, lSpan: 2, sim: 0.97, how: HowJoined})
			}
		}
	}
	// Two query tokens written as one listed token, exactly or with a typo.
	for pi := range q.pairs {
		pq := &q.pairs[pi]
		for j, vid := range name.tokens {
			if h, ok := pq.hits[vid]; ok {
				pairs = append(pairs, pairing{qi: pq.first, li: j, qSpan: 2, lSpan: 1, sim: min(h.sim, 0.97), how: HowJoined})
			}
		}
	}
	// Alignments are taken greedily, most similar first; a joining ranks a
	// little higher and a particle or a legal form ("al", "llc") a little
	// lower than its similarity, so a single token cannot take the listed
	// token a joined or fuller alignment needs ("aldin" meets "al din"
	// before "al" meets that "al").
	rank := func(p pairing) float32 {
		switch {
		case p.qSpan+p.lSpan > 2:
			// "dilawarkhan" meets "dilawar khan" before the query's
			// later "khan" takes that "khan".
			return p.sim + 0.05
		case q.tokens[p.qi].tok.Kind != norm.KindWord && q.tokens[p.qi].tok.Kind != norm.KindInitial:
			return p.sim - 0.1
		}
		return p.sim
	}
	slices.SortStableFunc(pairs, func(a, b pairing) int {
		switch ra, rb := rank(a), rank(b); {
		case ra > rb:
			return -1
		case ra < rb:
			return 1
		}
		// Prefer alignments that keep the order, then the earlier token.
		da, db := abs(a.qi-a.li), abs(b.qi-b.li)
		if da != db {
			return da - db
		}
		return a.qi - b.qi
	})
	var qSimBuf, lSimBuf [24]float32
	var qSim, lSim []float32
	if nq > len(qSimBuf) {
		qSim = make([]float32, nq)
	} else {
		qSim = qSimBuf[:nq]
	}
	if nl > len(lSimBuf) {
		lSim = make([]float32, nl)
	} else {
		lSim = lSimBuf[:nl]
	}
	var qUsed, lUsed, qSureTok, qByInitial, lByInitial [64]bool
	// initLi lists the listed words met by a query initial.
	var initLi [4]int
	nInit := 0
	var chosen []pairing
	for _, p := range pairs {
		if p.qi+p.qSpan > 64 || p.li+p.lSpan > 64 {
			continue
		}
		free := true
		for k := 0; k < p.qSpan; k++ {
			free = free && !qUsed[p.qi+k]
		}
		for k := 0; k < p.lSpan; k++ {
			free = free && !lUsed[p.li+k]
		}
		if !free {
			continue
		}
		for k := 0; k < p.qSpan; k++ {
			qUsed[p.qi+k] = true
			qSim[p.qi+k] = p.sim
			qSureTok[p.qi+k] = p.sure || sureHow(p.how)
		}
		for k := 0; k < p.lSpan; k++ {
			lUsed[p.li+k] = true
			lSim[p.li+k] = p.sim
		}
		if p.how == HowInitial {
			qInit := q.tokens[p.qi].tok.Kind == norm.KindInitial
			lInit := s.vocab[name.tokens[p.li]].tok.Kind == norm.KindInitial
			lByInitial[p.li] = qInit && !lInit
			qByInitial[p.qi] = lInit && !qInit
			if lByInitial[p.li] && nInit < len(initLi) {
				initLi[nInit] = p.li
				nInit++
			}
		}
		if explain {
			chosen = append(chosen, p)
		}
	}
	score := s.combine(q, name, qSim, lSim, qSureTok[:], qByInitial[:], lByInitial[:])
	// Tokens left over on both sides may still be a badly typed pair
	// ("valy" for "vitaly"): pair them by Jaro-Winkler for partial credit.
	// Only names that could come close enough pay for this: those whose
	// score, were every leftover word paired at leftoverHope, would reach
	// leftoverFloor.
	if score >= leftoverFloor || score > 0 && s.hopedScore(q, name, qSim, lSim, qSureTok[:], qByInitial[:], lByInitial[:]) >= leftoverFloor {
		for i := range q.tokens {
			qt := q.tokens[i].tok
			if i >= len(qUsed) || qUsed[i] || qt.Kind != norm.KindWord || len(qt.Text) < 2 {
				continue
			}
			bestJ, bestSim := -1, float32(0)
			for j, vid := range name.tokens {
				lt := s.vocab[vid].tok
				if j >= 64 || lUsed[j] || lt.Kind != norm.KindWord {
					continue
				}
				if sim := leftoverSim(qt, lt); sim > bestSim {
					bestJ, bestSim = j, sim
				}
			}
			if bestJ < 0 {
				if class := q.tokens[i].legalClass(); class != "" {
					bestJ, bestSim = s.leftoverLegalForm(class, name, lUsed[:])
				}
			}
			if bestJ >= 0 {
				sim := bestSim
				qUsed[i], lUsed[bestJ] = true, true
				qSim[i], lSim[bestJ] = sim, sim
				if explain {
					chosen = append(chosen, pairing{qi: i, li: bestJ, qSpan: 1, lSpan: 1, sim: sim, how: HowTypo})
				}
			}
		}
		score = s.combine(q, name, qSim, lSim, qSureTok[:], qByInitial[:], lByInitial[:])
	}
	// A query initial stands for the whole given name it abbreviates,
	// which lists often write as several words ("Z." for "Zaki-ur-Rehman",
	// "N." for "Najm-eddin"): up to two unmatched listed words right after
	// the word it met count as covered by it too.
	if nInit > 0 {
		extended := false
		for _, li := range initLi[:nInit] {
			span := 1
			for j := li + 1; j < min(nl, li+3, 64) && !lUsed[j]; j++ {
				if k := s.vocab[name.tokens[j]].tok.Kind; k != norm.KindWord && k != norm.KindParticle {
					break
				}
				lUsed[j], lSim[j], lByInitial[j], extended = true, initialSim, true, true
				span++
			}
			for c := range chosen {
				if chosen[c].li == li && chosen[c].how == HowInitial {
					chosen[c].lSpan = span
				}
			}
		}
		if extended {
			score = s.combine(q, name, qSim, lSim, qSureTok[:], qByInitial[:], lByInitial[:])
		}
	}
	out := nameScore{score: clamp01(score)}
	if explain {
		out.tokens = s.explainTokens(q, name, chosen, qUsed[:], lUsed[:])
	}
	return out
}

// initialSim is the similarity of an initial to a word it begins.
const initialSim = 0.8

// initialCoverage is the share of a listed word's weight a query initial
// covers (see combine).
const initialCoverage = 0.75

// legalTypoSim is the similarity of a legal form read from a misspelt
// word ("Compan" for company) to the form it was read as: sure evidence,
// but not exact.
const legalTypoSim = 0.95

// sureHow reports whether a token alignment is certain in kind (the same
// word, a known variant, an initial, a joining) rather than a look-alike.
func sureHow(how string) bool {
	switch how {
	case HowExact, HowVariant, HowNickname, HowInitial, HowJoined, HowLegalForm:
		return true
	}
	return false
}

// pairTokens says whether query token i meets listed token j (vocabulary
// vid), and how.
func (s *snapshot) pairTokens(qt *queryToken, i, j int, vid vocabID) (pairing, bool) {
	if h, ok := qt.hits[vid]; ok {
		if qt.tok.Typo {
			// A legal form read from a misspelt word.
			h = hit{sim: min(h.sim, legalTypoSim), how: HowTypo, sure: true}
		}
		return pairing{qi: i, li: j, qSpan: 1, lSpan: 1, sim: h.sim, how: h.how, sure: h.sure}, true
	}
	lt := s.vocab[vid].tok
	t := qt.tok
	switch {
	case t.Kind == norm.KindInitial && lt.Kind != norm.KindLegalForm && lt.Kind != norm.KindTitle && lt.Text != "" && lt.Text[0] == t.Text[0]:
		return pairing{qi: i, li: j, qSpan: 1, lSpan: 1, sim: initialSim, how: HowInitial}, true
	case lt.Kind == norm.KindInitial && t.Kind != norm.KindLegalForm && t.Kind != norm.KindTitle && t.Text != "" && t.Text[0] == lt.Text[0]:
		return pairing{qi: i, li: j, qSpan: 1, lSpan: 1, sim: initialSim, how: HowInitial}, true
	case t.Kind == norm.KindLegalForm && lt.Kind == norm.KindLegalForm:
		return pairing{qi: i, li: j, qSpan: 1, lSpan: 1, sim: 0.6, how: HowLegalForm}, true
	}
	return pairing{}, false
}

// explainTokens lists the chosen alignments in query order, then the query
// tokens that met nothing.
func (s *snapshot) explainTokens(q *preparedQuery, name *indexedName, chosen []pairing, qUsed, lUsed []bool) []TokenMatch {
	slices.SortFunc(chosen, func(a, b pairing) int { return a.qi - b.qi })
	var out []TokenMatch
	for _, p := range chosen {
		var qs, ls []string
		for k := 0; k < p.qSpan; k++ {
			qs = append(qs, q.tokens[p.qi+k].tok.Text)
		}
		for k := 0; k < p.lSpan; k++ {
			ls = append(ls, s.vocab[name.tokens[p.li+k]].tok.Text)
		}
		out = append(out, TokenMatch{Query: strings.Join(qs, " "), Listed: strings.Join(ls, " "),
			How: p.how, Similarity: round3(float64(p.sim))})
	}
	for i := range q.tokens {
		if !qUsed[i] {
			out = append(out, TokenMatch{Query: q.tokens[i].tok.Text, How: HowMissing})
		}
	}
	for j, vid := range name.tokens {
		if j < len(lUsed) && !lUsed[j] {
			out = append(out, TokenMatch{Listed: s.vocab[vid].tok.Text, How: HowMissing})
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func clamp01(x float64) float64 { return min(1, max(0, x)) }

// round3 rounds to three decimals, so explanations and goldens are stable.
func round3(x float64) float64 {
	return float64(int64(x*1000+0.5)) / 1000
}

// leftoverSim is the partial credit a leftover query token gets for a
// leftover listed token: Jaro-Winkler of at least 0.75, lengths within
// max(2, 30%) of each other (so "aleksandr" is no typo of "aleksandrovich"),
// and never more than the edit distance allows. Tokens with the same
// consonant skeleton get 0.8 whatever their vowels (unvowelled Arabic
// romanizes "obeidi" and "sb" where lists write "ubaydi" and "sab"); a
// two-consonant skeleton also needs a Jaro-Winkler of 0.65.
func leftoverSim(qt, lt norm.Token) float32 {
	a, b := qt.Text, lt.Text
	var skel float32
	if qt.Skel == lt.Skel && (len(qt.Skel) >= 3 || len(qt.Skel) == 2 && (jaroWinkler{}).Compare(a, b) >= 0.65) {
		skel = 0.8 // two consonants alone are weak: "bounou" is not "baynah"
	}
	la, lb := len(a), len(b)
	if d := abs(la - lb); d > max(2, 3*min(la, lb)/10) || la < 3 || lb < 3 {
		return skel
	}
	if !mayJaroWinkler(a, b, 0.75) {
		return skel
	}
	jw := jaroWinkler{}.Compare(a, b)
	if jw < 0.75 {
		return skel
	}
	// Two edits against a token of four letters or fewer make another
	// word ("chopin" is not "choi"), however alike the prefixes.
	budget := max(2, min(la, lb)/3)
	if min(la, lb) <= 4 {
		budget = 1
	}
	d, ok := editDistanceAtMost(a, b, budget)
	if !ok {
		return skel
	}
	sim := 1 - float32(d)/float32(max(la, lb)+1)
	if min(la, lb) < longTypoLen {
		// Jaro-Winkler, which weighs where the letters differ, caps
		// it for shorter tokens; in long ones two slips are two slips.
		sim = min(sim, typoSim(jw))
	}
	return max(sim, skel)
}

// mayJaroWinkler reports whether the Jaro-Winkler similarity of two
// lower-case ASCII words could reach floor, from the letters they share
// whatever their order: Jaro is at most (m/|a| + m/|b| + 1)/3 for m shared
// letters, and the Winkler prefix bonus adds at most 0.4 of the rest. It
// spares the full computation for most leftover pairs, which share little.
func mayJaroWinkler(a, b string, floor float64) bool {
	var ca [26]uint8
	for i := 0; i < len(a); i++ {
		if c := a[i] - 'a'; c < 26 {
			ca[c]++
		} else {
			return true // not a plain word: let Jaro-Winkler decide
		}
	}
	m := 0
	for i := 0; i < len(b); i++ {
		c := b[i] - 'a'
		if c >= 26 {
			return true
		}
		if ca[c] > 0 {
			ca[c]--
			m++
		}
	}
	jaro := (float64(m)/float64(len(a)) + float64(m)/float64(len(b)) + 1) / 3
	return jaro+0.4*(1-jaro) >= floor
}

// leftoverLegalForm pairs a leftover query word with a leftover listed
// legal form when the word misspells a form of class ("fse" for the
// FZE a listed name reduced to llc): the listed name says which reading is
// meant. It returns the listed token's index and the similarity, or -1.
func (s *snapshot) leftoverLegalForm(class string, name *indexedName, lUsed []bool) (int, float32) {
	for j, vid := range name.tokens {
		if lt := s.vocab[vid].tok; j < len(lUsed) && !lUsed[j] && lt.Kind == norm.KindLegalForm && lt.Text == class {
			return j, legalTypoSim
		}
	}
	return -1, 0
}

// missingMiddleCost is the share of its weight a listed person's middle
// word costs in NC when the query leaves it out (see combine).
const missingMiddleCost = 0.8

// extraMiddleCost is the share of its weight an unmatched query word
// between two others costs in QC: an extra middle name ("Natalia Jose
// KHIREVICH") is a common variation, an extra word at either end less so.
const extraMiddleCost = 0.7

// sideSums are one side's weighted token sums in combine: all the weight
// that counts, the weight covered, and the covered weight times its
// similarity.
type sideSums struct{ all, covered, simSum float64 }

// add counts a token of weight w met at similarity sim (0: unmatched) and
// returns the weight it counted as covered. An unmatched title counts
// nothing and an unmatched middle token middleCost of its weight; a token
// met only by an initial on the other side is covered for initialCoverage
// of its weight.
func (t *sideSums) add(w float64, sim float32, kind norm.Kind, middle bool, middleCost float64, byInitial bool) float64 {
	if sim == 0 {
		switch {
		case kind == norm.KindTitle:
			return 0
		case middle:
			w *= middleCost
		}
		t.all += w
		return 0
	}
	t.all += w
	if byInitial {
		w *= initialCoverage
	}
	t.covered += w
	t.simSum += w * float64(sim)
	return w
}

// hopedScore is the name's score were every leftover word on both sides
// paired at leftoverHope; the similarities passed in are left as they were.
func (s *snapshot) hopedScore(q *preparedQuery, name *indexedName, qSim, lSim []float32, qSureTok, qByInitial, lByInitial []bool) float64 {
	var qb, lb [64]float32
	qh, lh := qb[:0], lb[:0]
	for i, v := range qSim {
		if v == 0 && q.tokens[i].tok.Kind == norm.KindWord {
			v = leftoverHope
		}
		qh = append(qh, v)
	}
	for j, v := range lSim {
		if v == 0 && s.vocab[name.tokens[j]].tok.Kind == norm.KindWord {
			v = leftoverHope
		}
		lh = append(lh, v)
	}
	return s.combine(q, name, qh, lh, qSureTok, qByInitial, lByInitial)
}

// leftoverHope is the similarity hopedScore assumes a leftover pair has.
const leftoverHope = 0.8

// longTypoLen is the length from which a leftover pair's similarity is
// its share of edits alone.
const longTypoLen = 8

// leftoverFloor is the score a name needs before leftover tokens are
// paired by Jaro-Winkler: below it, partial credit cannot lift the name to
// any useful threshold, and skipping it keeps scoring cheap.
const leftoverFloor = 0.3

// combine turns per-token similarities into the name score (see
// scoreName).
//
// An unmatched query word in the middle of the query weighs
// extraMiddleCost in QC. A word met only by an initial on the other side
// ("R." for "Rawi") counts 3/4 towards NC or QC: the initial says the
// word begins with that letter, not that both sides name it.
func (s *snapshot) combine(q *preparedQuery, name *indexedName, qSim, lSim []float32, qSureTok, qByInitial, lByInitial []bool) float64 {
	// qSure is the weight of query tokens met exactly, as a known variant or
	// nickname, as the initial they are, or joined; the rest (typos,
	// phonetic look-alikes) is the inexact share.
	var qs, ls sideSums
	var qSure float64
	nq := len(q.tokens)
	for i := range q.tokens {
		c := qs.add(float64(q.tokens[i].weight), qSim[i], q.tokens[i].tok.Kind,
			i > 0 && i < nq-1, extraMiddleCost, i < len(qByInitial) && qByInitial[i])
		if c > 0 && i < len(qSureTok) && qSureTok[i] {
			qSure += c
		}
	}
	// A middle name the query leaves out costs missingMiddleCost of its
	// weight when the listed entity is a person and everything the query
	// matched it is sure: "USYNINA Alexandrovna" for "USYNINA Ulyana
	// Alexandrovna", not "Alexander Pushkin" for "Alexander Davidovich
	// BASHKIN".
	middleCost := 1.0
	if s.entities[name.entity].Type == lists.TypePerson && qSure == qs.covered {
		middleCost = missingMiddleCost
	}
	nl := len(name.tokens)
	for j, vid := range name.tokens {
		v := &s.vocab[vid]
		ls.add(float64(v.weight), lSim[j], v.tok.Kind, j > 0 && j < nl-1, middleCost, j < len(lByInitial) && lByInitial[j])
	}
	if qs.covered == 0 {
		return 0
	}
	// How alike the matched tokens are, weighted, both sides; the share of
	// inexact evidence sharpens it, so two fuzzy tokens (each plausible
	// alone) do not add up to a near-certain match.
	mean := (qs.simSum + ls.simSum) / (qs.covered + ls.covered)
	inexact := 1 - qSure/qs.covered
	sure := min(1, qSure/float64(s.unknownIDF))
	alike := math.Pow(mean, 1+1.5*inexact*(1-sure))
	qc, nc := qs.covered/qs.all, 1.0
	if ls.all > 0 {
		nc = ls.covered / ls.all
	}
	lambda := min(1, max(0.45, 1.2-0.6*qs.simSum/float64(s.unknownIDF)))
	lambdaQ := max(lambda, 0.5)
	score := alike * (1 - lambdaQ*(1-qc)) * (1 - lambda*(1-nc))
	// A lone word cannot stand for a longer name on its own.
	if q.words == 1 && len(q.tokens) == 1 && slices.Contains(lSim, 0) {
		score *= 0.92
	}
	return score
}
