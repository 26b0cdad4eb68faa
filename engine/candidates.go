package engine

import (
	"slices"
	"strings"
	"sync"

	"github.com/sievekyc/sieve/engine/internal/norm"
)

// hit is how well one query token meets one vocabulary token. sure marks
// a look-alike that is nonetheless certain evidence: one edit in a token
// of sureTypoLen letters or more, whichever way (typo or phonetic) scored
// it higher.
type hit struct {
	sim  float32
	how  string
	sure bool
}

// sureTypoLen is the length from which a token one edit from another is
// sure evidence for it ("natalia" typed "nasalia").
const sureTypoLen = 6

// queryToken is a query token with its weight and the vocabulary tokens it
// meets. A pair token stands for two adjacent query tokens written as one
// word in the list ("abdul rahman" meeting "abdulrahman").
type queryToken struct {
	tok    norm.Token
	weight float32
	hits   map[vocabID]hit
	// pair is true for the joined pair starting at query token first.
	pair  bool
	first int
	// legal caches legalClass: the class and whether it was looked up.
	legal       string
	legalLooked bool
}

// legalClass returns the legal form class the word misspells ("fse" →
// llc), or "" (norm.LegalClassNear). It is looked up the first time
// scoring asks, which few queries do, and remembered for the query.
func (qt *queryToken) legalClass() string {
	if !qt.legalLooked {
		qt.legalLooked = true
		if qt.tok.Kind == norm.KindWord {
			qt.legal, _ = norm.LegalClassNear(qt.tok.Text)
		}
	}
	return qt.legal
}

// preparedQuery is a tokenized query expanded against one snapshot.
type preparedQuery struct {
	tokens []queryToken // single tokens, in query order
	pairs  []queryToken // joined adjacent pairs
	total  float32      // sum of single-token weights
	words  int          // number of KindWord tokens
}

// maxQueryTokens bounds the tokens of a query that are matched; a name
// longer than that is not a name, and the bound keeps scoring's fixed-size
// scratch arrays safe.
const maxQueryTokens = 32

// tokenWeight scales a token's rarity by what kind of token it is:
// particles and legal forms say little, initials less than a full token.
func tokenWeight(t norm.Token, idf float32) float32 {
	switch t.Kind {
	case norm.KindParticle, norm.KindLegalForm, norm.KindTitle:
		return 0.2 * idf
	case norm.KindInitial:
		return 0.3 * idf
	}
	if isPatronymic(t.Text) {
		return 0.35 * idf
	}
	return idf
}

// patronymicSuffixes end East Slavic and Turkic patronymics ("Vladimirovich",
// "Grigoryevna", "Aliyevich", "Mamedoglu"): listed persons carry them,
// screening queries usually leave them out, and they identify a person
// less than a given name or a surname, so they weigh about a third.
var patronymicSuffixes = []string{"ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ogly", "oglu", "kyzy", "qizi"}

// isPatronymic reports whether a folded token looks like a patronymic.
func isPatronymic(s string) bool {
	if len(s) < 7 {
		return false
	}
	for _, suf := range patronymicSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// typoSim turns a Jaro-Winkler similarity into a token similarity that
// stays clearly below an exact or variant match.
func typoSim(jw float64) float32 {
	return float32(max(0, 1-2*(1-jw)))
}

// editSim is the similarity of two tokens d edits apart (d ≥ 1): the
// lower of typoSim of their Jaro-Winkler and 1 − d/(longer+1). Two
// adjacent letters swapped ("rtans" for "trans") is the commonest slip of
// the keyboard and changes no letter of the name, so it counts as half an
// edit and its Jaro-Winkler, which punishes a swap at the start, is not
// consulted.
func editSim(a, b string, d int) float32 {
	n := float32(max(len(a), len(b)) + 1)
	if d == 1 && adjacentSwap(a, b) {
		return 1 - 0.5/n
	}
	return min(typoSim(jaroWinkler{}.Compare(a, b)), 1-float32(d)/n)
}

// adjacentSwap reports whether b is a with two adjacent letters swapped.
func adjacentSwap(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// prepare tokenizes the query name and finds, for every token, the
// vocabulary tokens it meets. A word no listed name has, one edit from a
// legal-form word, is read as that word (norm.TokenizeQuery); three- and
// four-letter forms only when the query is not a person's name (company
// says companyName).
func (s *snapshot) prepare(name string, companyName bool) *preparedQuery {
	toks := norm.TokenizeQuery(name, norm.LegalTypos{Known: s.knownWord, Short: companyName})
	if len(toks) > maxQueryTokens {
		toks = toks[:maxQueryTokens]
	}
	q := &preparedQuery{}
	maxIDF := s.unknownIDF
	for _, t := range toks {
		qt := queryToken{tok: t, hits: s.expandCached(t)}
		idf := maxIDF
		if id, ok := s.byText[t.Text]; ok && !s.vocab[id].joined {
			idf = s.vocab[id].idf
		} else if best := bestHit(qt.hits); best != nil {
			idf = s.vocab[*best].idf
		}
		qt.weight = tokenWeight(t, idf)
		q.total += qt.weight
		if t.Kind == norm.KindWord {
			q.words++
		}
		q.tokens = append(q.tokens, qt)
	}
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if !joinable(a) || !joinable(b) {
			continue
		}
		j := joinTokens(a, b)
		hits := s.expandJoinedCached(j)
		if len(hits) == 0 {
			continue
		}
		q.pairs = append(q.pairs, queryToken{tok: j, hits: hits, pair: true, first: i,
			weight: q.tokens[i].weight + q.tokens[i+1].weight})
	}
	return q
}

// knownWord reports whether some listed name has the folded word w.
func (s *snapshot) knownWord(w string) bool {
	_, ok := s.byText[w]
	return ok
}

// expandJoinedCached finds the listed words a joined query pair meets
// (expandJoined), remembered per snapshot like expandCached. The returned
// map is shared and must not be modified.
func (s *snapshot) expandJoinedCached(j norm.Token) map[vocabID]hit {
	return s.remembered(expandKey{text: j.Text, joined: true}, func() map[vocabID]hit { return s.expandJoined(j) })
}

// expandJoined finds the listed words a joined query pair j meets: equal
// or one edit away (a pair that needs two edits to meet a listed token is
// another word: "rob pike" is not "robik"), or with the same consonant
// skeleton and a close spelling ("khir allah" written "khayrallah").
// Joins of two listed words are left out: the pair's own tokens already
// meet those words, and counting the pair again would let every "ali
// ahmed …" outrank a rarer match.
func (s *snapshot) expandJoined(j norm.Token) map[vocabID]hit {
	hits := s.expandExactOrTypo(j)
	for _, id := range s.bySkel[j.Skel] {
		if _, ok := hits[id]; !ok && len(j.Skel) >= 3 && (jaroWinkler{}).Compare(j.Text, s.vocab[id].tok.Text) >= 0.85 {
			hits[id] = hit{sim: 0.88, how: HowJoined}
		}
	}
	for id, h := range hits {
		if s.vocab[id].joined {
			delete(hits, id)
			continue
		}
		h.how, h.sure = HowJoined, true
		hits[id] = h
	}
	return hits
}

// bestHit returns the vocabulary token with the highest similarity (lowest
// ID on ties, for determinism), or nil.
func bestHit(hits map[vocabID]hit) *vocabID {
	var best *vocabID
	var bestSim float32
	for id, h := range hits {
		if best == nil || h.sim > bestSim || (h.sim == bestSim && id < *best) {
			id := id
			best, bestSim = &id, h.sim
		}
	}
	return best
}

// maxExpandCache bounds the expansions a snapshot remembers.
const maxExpandCache = 200_000

// expandCached is expand, remembered per snapshot: an expansion depends
// only on the token and the index, and screening a customer base asks for
// the same given names and surnames again and again. The returned map is
// shared and must not be modified.
func (s *snapshot) expandCached(t norm.Token) map[vocabID]hit {
	return s.remembered(expandKey{text: t.Text, kind: t.Kind, nick: t.Nick}, func() map[vocabID]hit { return s.expand(t) })
}

// remembered returns the expansion cached under key, computing and caching
// it with expand the first time, while the cache holds fewer than
// maxExpandCache expansions.
func (s *snapshot) remembered(key expandKey, expand func() map[vocabID]hit) map[vocabID]hit {
	if v, ok := s.expansions.Load(key); ok {
		return v.(map[vocabID]hit)
	}
	hits := expand()
	if s.expansionCount.Add(1) <= maxExpandCache {
		s.expansions.Store(key, hits)
	}
	return hits
}

// expandKey identifies an expansion: the token's text and what the text
// alone does not say.
type expandKey struct {
	text   string
	kind   norm.Kind
	nick   bool
	joined bool // a joined query pair (expandJoinedCached)
}

// expand finds the vocabulary tokens a query token meets: the same text,
// the same variant group, the same phonetic key or skeleton, or within the
// typo budget. Initials are matched at scoring time, not here.
func (s *snapshot) expand(t norm.Token) map[vocabID]hit {
	hits := make(map[vocabID]hit)
	put := func(id vocabID, sim float32, how string, sure bool) {
		h, ok := hits[id]
		if !ok || sim > h.sim {
			h.sim, h.how = sim, how
		}
		h.sure = h.sure || sure
		hits[id] = h
	}
	if id, ok := s.byText[t.Text]; ok {
		put(id, 1, HowExact, true)
	}
	if t.Kind == norm.KindInitial || t.Kind == norm.KindNumber {
		return hits
	}
	canon := t.Canon
	if canon == "" {
		canon = t.Text
	}
	for _, id := range s.byCanon[canon] {
		v := s.vocab[id].tok
		if v.Text == t.Text {
			continue
		}
		if t.Nick || v.Nick {
			put(id, 0.85, HowNickname, true)
		} else {
			put(id, 0.95, HowVariant, true)
		}
	}
	if t.Kind == norm.KindLegalForm {
		return hits
	}
	if len(t.Text) >= 3 {
		// Same phonetic key or same consonant skeleton: a transliteration
		// variant when the spellings are also close; when both keys agree
		// ("obeidi"/"ubaydi", "qsi"/"qusay" from unvowelled Arabic) the
		// spellings may differ more.
		for _, key := range [2]struct {
			m map[string][]vocabID
			k string
		}{{s.byPhon, t.Phon}, {s.bySkel, t.Skel}} {
			if key.k == "" {
				continue
			}
			for _, id := range key.m[key.k] {
				v := s.vocab[id].tok
				if d := len(v.Text) - len(t.Text); d > 3 || d < -3 {
					continue // a transliteration variant is not that much longer or shorter
				}
				jw := jaroWinkler{}.Compare(t.Text, v.Text)
				bothKeys := v.Phon == t.Phon && v.Skel == t.Skel && (len(t.Skel) >= 3 || jw >= 0.7)
				if jw >= 0.80 || bothKeys {
					sim := float32(max(0.88, min(0.93, jw)))
					if len(t.Skel) < 3 && len(v.Skel) < 3 {
						// Two consonants agreeing say little: "fayed" and
						// "fouad" are two names.
						sim = float32(max(0.75, min(0.88, jw)))
					}
					put(id, sim, HowPhonetic, false)
				}
			}
		}
	}
	for id, h := range s.expandExactOrTypo(t) {
		put(id, h.sim, h.how, h.sure)
	}
	if t.Kind == norm.KindWord && !spelledAlike(hits) {
		for id, h := range s.expandTwoTypos(t.Text) {
			put(id, h.sim, h.how, h.sure)
		}
	}
	return hits
}

// spelledAlike reports whether some hit is the same word, a known variant
// or nickname, or one edit away: when none is, the word may be two typos
// from the one meant, and phonetic look-alikes ("lechencko" ~ "lecheng")
// must not stand in for it.
func spelledAlike(hits map[vocabID]hit) bool {
	for _, h := range hits {
		switch h.how {
		case HowExact, HowVariant, HowNickname, HowTypo:
			return true
		}
	}
	return false
}

// minTwoTypoLen is the shortest word looked up with two typos: in a
// shorter one two edits make another word.
const minTwoTypoLen = 6

// expandTwoTypos finds the vocabulary tokens two edits from w, a word
// spelled like nothing closer ("sovocmbatk" for "sovcombank"), through the
// trigram index: a token within two edits of w shares at least
// len(w) − 2 − 2·3 of w's trigrams. Candidates are counted, filtered by
// length and checked by edit distance. Only a word spelled like nothing
// closer pays for this, and expand's cache remembers the answer.
func (s *snapshot) expandTwoTypos(w string) map[vocabID]hit {
	if len(w) < minTwoTypoLen || len(w) > 48 || !isASCII(w) {
		return nil
	}
	need := max(1, len(w)-2-6)
	counts := make(map[vocabID]uint8)
	var seen [48]uint32
	ng := 0
	forEachTrigram(w, func(g uint32) {
		for _, prev := range seen[:ng] {
			if prev == g {
				return // a trigram counts once
			}
		}
		seen[ng] = g
		ng++
		for _, id := range s.trigrams[g] {
			if d := len(s.vocab[id].tok.Text) - len(w); d <= 2 && d >= -2 {
				counts[id]++
			}
		}
	})
	var hits map[vocabID]hit
	for id, c := range counts {
		if int(c) < need {
			continue
		}
		other := s.vocab[id].tok.Text
		d, ok := editDistanceAtMost(w, other, 2)
		if !ok || d < 2 {
			continue // one edit or less was expandExactOrTypo's to find
		}
		sim := 1 - float32(d)/float32(max(len(w), len(other))+1)
		if min(len(w), len(other)) < longTypoLen {
			sim = min(sim, typoSim(jaroWinkler{}.Compare(w, other)))
		}
		if hits == nil {
			hits = make(map[vocabID]hit)
		}
		hits[id] = hit{sim: sim, how: HowTypo, sure: min(len(w), len(other)) >= sureTwoTypoLen}
	}
	return hits
}

// sureTwoTypoLen is the length from which a token two edits from another
// is sure evidence for it ("sovocmbatk" typed for "sovcombank").
const sureTwoTypoLen = 10

// expandExactOrTypo finds vocabulary tokens equal to t or one edit away
// (a substitution, insertion, deletion or adjacent transposition), through
// the symmetric-deletion index: a token one edit from t shares t itself or
// one of t's one-letter deletions with the token or its deletions. Two
// edits inside one token are left to the scorer, which pairs leftover
// tokens by Jaro-Winkler once the name was found through its other tokens.
func (s *snapshot) expandExactOrTypo(t norm.Token) map[vocabID]hit {
	hits := make(map[vocabID]hit, 4)
	if id, ok := s.byText[t.Text]; ok {
		hits[id] = hit{sim: 1, how: HowExact, sure: true}
	}
	if len(t.Text) < minTypoLen-1 {
		return hits
	}
	try := func(id vocabID) {
		if _, seen := hits[id]; seen {
			return
		}
		other := s.vocab[id].tok.Text
		if s.vocab[id].joined || other == t.Text {
			return
		}
		if d, ok := editDistanceAtMost(t.Text, other, 1); ok {
			sim := editSim(t.Text, other, d)
			hits[id] = hit{sim: sim, how: HowTypo, sure: max(len(t.Text), len(other)) >= sureTypoLen}
		}
	}
	// Listed tokens one letter longer than t: t is one of their deletions.
	for _, id := range s.deletes[hashSkipping(t.Text, -1)] {
		try(id)
	}
	if len(t.Text) < minTypoLen {
		// A three-letter token meets only longer ones ("gae" for "gale")
		// and itself with two letters swapped ("ibo" for "bio").
		var b [minTypoLen - 1]byte
		for i := 0; i+1 < len(t.Text); i++ {
			copy(b[:], t.Text)
			b[i], b[i+1] = b[i+1], b[i]
			if id, ok := s.byText[string(b[:])]; ok {
				try(id)
			}
		}
		return hits
	}
	forEachDeletion(t.Text, func(h uint64) {
		// Substitutions and transpositions: a deletion in common.
		for _, id := range s.deletes[h] {
			try(id)
		}
	})
	// Listed tokens one letter shorter: equal to one of t's deletions.
	for i := 0; i < len(t.Text); i++ {
		if id, ok := s.byText[t.Text[:i]+t.Text[i+1:]]; ok {
			try(id)
		}
	}
	return hits
}

// accumPool returns the snapshot's pool of name-sized accumulators.
func (s *snapshot) accumPool() *sync.Pool {
	s.poolOnce.Do(func() {
		nn := len(s.names)
		s.accums = &sync.Pool{New: func() any { return newAccumulator(nn) }}
	})
	return s.accums
}

// accumulator gathers weighted evidence per listed name for one screen.
type accumulator struct {
	score   []float32
	stamp   []uint32
	best    []float32
	tstamp  []uint32
	round   uint32
	troundN uint32
	touched []nameID
	tok     []nameID
}

func newAccumulator(n int) *accumulator {
	return &accumulator{score: make([]float32, n), stamp: make([]uint32, n),
		best: make([]float32, n), tstamp: make([]uint32, n)}
}

// candidateUncoveredCost is how much of a candidate's evidence the
// uncovered share of its listed name costs in the candidate ranking.
const candidateUncoveredCost = 0.6

// hasWordStarting reports whether listed name n has a word beginning with
// letter c.
func (s *snapshot) hasWordStarting(n nameID, c byte) bool {
	for _, id := range s.names[n].tokens {
		if t := &s.vocab[id].tok; t.Kind == norm.KindWord && t.Text[0] == c {
			return true
		}
	}
	return false
}

// repeated reports whether query token i repeats an earlier token.
func (q *preparedQuery) repeated(i int) bool {
	for j := range i {
		if q.tokens[j].tok.Text == q.tokens[i].tok.Text {
			return true
		}
	}
	return false
}

// countWord returns how many times listed name n has the word w.
func (s *snapshot) countWord(n nameID, w string) int {
	c := 0
	for _, id := range s.names[n].tokens {
		if s.vocab[id].tok.Text == w {
			c++
		}
	}
	return c
}

// hasWordLike reports whether listed name n has a word that begins with
// w's first two letters and is within two letters of its length: a cheap
// sign that w may be a badly typed form of it.
func (s *snapshot) hasWordLike(n nameID, w string) bool {
	for _, id := range s.names[n].tokens {
		t := &s.vocab[id].tok
		if t.Kind == norm.KindWord && len(t.Text) >= 2 && t.Text[:2] == w[:2] && abs(len(t.Text)-len(w)) <= 2 {
			return true
		}
	}
	return false
}

// candidate is a listed name worth scoring in full.
type candidate struct {
	name  nameID
	score float32
}

// candidates accumulates, over every query token, the best similarity of
// each listed name times the token's weight, and returns the names whose
// evidence is at least minShare of the weight of the query tokens that
// meet anything, best first (by evidence and the share of the name it
// covers), as many as make limit distinct token sequences; extra names
// (met by an identifier) come first.
func (s *snapshot) candidates(q *preparedQuery, limit int, minShare float32, extra []nameID) []candidate {
	a := s.accumPool().Get().(*accumulator)
	defer s.accumPool().Put(a)
	a.round++
	a.touched = a.touched[:0]
	add := func(qt *queryToken) {
		a.troundN++
		a.tok = a.tok[:0]
		for id, h := range qt.hits {
			for _, n := range s.vocab[id].postings {
				if a.tstamp[n] != a.troundN {
					a.tstamp[n] = a.troundN
					a.best[n] = h.sim
					a.tok = append(a.tok, n)
				} else if h.sim > a.best[n] {
					a.best[n] = h.sim
				}
			}
		}
		for _, n := range a.tok {
			if a.stamp[n] != a.round {
				a.stamp[n] = a.round
				a.score[n] = 0
				a.touched = append(a.touched, n)
			}
			a.score[n] += qt.weight * a.best[n]
		}
	}
	onlyWeak := q.words == 0
	// A word the query repeats ("Hassan el-Hajj HASSAN") posts once; its
	// repeats count below, for names that repeat it too.
	var repeats []*queryToken
	for i := range q.tokens {
		qt := &q.tokens[i]
		// Particles and legal forms post to huge lists and carry little
		// weight: they only count when the query has nothing else.
		if k := qt.tok.Kind; !onlyWeak && k != norm.KindWord && k != norm.KindNumber && k != norm.KindTitle {
			continue
		}
		if q.repeated(i) {
			repeats = append(repeats, qt)
			continue
		}
		add(qt)
	}
	for i := range q.pairs {
		add(&q.pairs[i])
	}
	// The floor is a share of the query tokens that meet anything: a
	// token two typos away meets nothing here ("vasilpyv"), and must not
	// raise the bar its neighbours have to clear; scoring still pairs it.
	var reachable float32
	for i := range q.tokens {
		if len(q.tokens[i].hits) > 0 || q.tokens[i].tok.Kind == norm.KindInitial {
			reachable += q.tokens[i].weight
		}
	}
	floor := minShare * reachable
	out := make([]candidate, 0, 64)
	// Initials post to nothing, nor does a word two typos from every
	// listed word ("vasilpyv"): they count here, for names that have a
	// word with the initial's letter or the word's first two letters and
	// about its length, as scoring will pair them.
	var unposted []*queryToken
	for i := range q.tokens {
		qt := &q.tokens[i]
		if !onlyWeak && (qt.tok.Kind == norm.KindInitial || qt.tok.Kind == norm.KindWord && len(qt.hits) == 0 && len(qt.tok.Text) >= 5) {
			unposted = append(unposted, qt)
		}
	}
	for _, n := range a.touched {
		acc := a.score[n]
		for _, qt := range repeats {
			if acc+qt.weight >= floor && s.countWord(n, qt.tok.Text) >= 2 {
				acc += qt.weight
			}
		}
		if acc >= floor {
			for _, qt := range unposted {
				if qt.tok.Kind == norm.KindInitial {
					if s.hasWordStarting(n, qt.tok.Text[0]) {
						acc += qt.weight * initialSim
					}
				} else if s.hasWordLike(n, qt.tok.Text) {
					acc += qt.weight * 0.5
				}
			}
			// Rank by the evidence, lowered by the share of the listed
			// name it leaves uncovered, as scoring will: among the many
			// names holding "mohamed" and "ibrahim", "Muhammad
			// AL-IBRAHIM" comes before "Khalil Ibrahim Mohamed Achar
			// Foudail TAHA".
			cover := min(1, acc/max(s.names[n].weight, 1e-6))
			out = append(out, candidate{name: n, score: acc * (1 - candidateUncoveredCost*(1-cover))})
		}
	}
	for _, n := range extra {
		out = append(out, candidate{name: n, score: q.total * 2})
	}
	// limit counts distinct names: the copies of one party's name on
	// several lists come along without taking another name's place, as
	// they cost one scoring.
	if k := candidateSpread * limit; len(out) > k {
		selectBest(out, k)
		out = out[:k]
	}
	slices.SortFunc(out, compareCandidates)
	forms := make(map[uint32]struct{}, limit)
	for i, c := range out {
		forms[s.names[c.name].form] = struct{}{}
		if len(forms) > limit {
			return out[:i]
		}
	}
	return out
}

// candidateSpread bounds the candidates kept, copies included, at this
// many times the limit of distinct names.
const candidateSpread = 2

// compareCandidates orders candidates best first: higher score, then
// lower name ID.
func compareCandidates(x, y candidate) int {
	switch {
	case x.score > y.score:
		return -1
	case x.score < y.score:
		return 1
	}
	return int(x.name) - int(y.name)
}

// selectBest reorders c so its first k elements are the k best
// (compareCandidates), in no particular order: a quickselect, so a query
// touching thousands of names does not sort them all.
func selectBest(c []candidate, k int) {
	lo, hi := 0, len(c)-1
	for lo < hi {
		// Median of three as the pivot, moved to hi.
		mid := lo + (hi-lo)/2
		if compareCandidates(c[mid], c[lo]) < 0 {
			c[mid], c[lo] = c[lo], c[mid]
		}
		if compareCandidates(c[hi], c[lo]) < 0 {
			c[hi], c[lo] = c[lo], c[hi]
		}
		if compareCandidates(c[mid], c[hi]) < 0 {
			c[mid], c[hi] = c[hi], c[mid]
		}
		pivot := c[hi]
		p := lo
		for i := lo; i < hi; i++ {
			if compareCandidates(c[i], pivot) < 0 {
				c[i], c[p] = c[p], c[i]
				p++
			}
		}
		c[p], c[hi] = c[hi], c[p]
		switch {
		case p == k || p == k-1:
			return
		case p < k:
			lo = p + 1
		default:
			hi = p - 1
		}
	}
}
