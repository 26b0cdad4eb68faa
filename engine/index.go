package engine

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sievekyc/sieve/engine/internal/norm"
	"github.com/sievekyc/sieve/lists"
)

// vocabID names one distinct token of the index vocabulary.
type vocabID = uint32

// nameID names one listed name in the index.
type nameID = uint32

// vocabEntry is a distinct token and the names that hold it. Joined entries
// are concatenations of two adjacent tokens of a name ("abdul"+"rahman"),
// indexed so a query written as one token still finds the name.
type vocabEntry struct {
	tok      norm.Token
	postings []nameID
	joined   bool
	// idf is the token's rarity weight: ln(1 + names/df); weight is
	// tokenWeight of it, what the token counts for in a listed name.
	idf, weight float32
}

// indexedName is one listed name: its entity, its kind and its tokens as
// vocabulary IDs in name order.
type indexedName struct {
	entity uint32
	kind   lists.NameKind
	tokens []vocabID
	full   string
	// weight is the summed weight of the name's tokens (tokenWeight), what
	// a query must cover to cover the whole name.
	weight float32
	// form numbers the name's token sequence: names that normalize alike
	// (one party on several lists) share it, and score alike.
	form uint32
}

// indexedList is one loaded list and its version, computed once.
type indexedList struct {
	list    *lists.List
	version string
}

// snapshot is an immutable index over a set of lists. Everything is built
// once by buildSnapshot and only read afterwards.
type snapshot struct {
	lists    []indexedList
	entities []*lists.Entity
	// entityList maps an entity number to its position in lists.
	entityList []uint16
	names      []indexedName
	// forms numbers distinct token sequences while the index is built.
	forms map[string]uint32

	vocab   []vocabEntry
	byText  map[string]vocabID
	byCanon map[string][]vocabID
	byPhon  map[string][]vocabID
	bySkel  map[string][]vocabID
	// deletes maps the hash of every one-letter deletion of a vocabulary
	// token (of 4 letters or more) to the tokens it came from: the
	// symmetric-deletion index behind one-edit typo lookup.
	deletes map[uint64][]vocabID
	// trigrams maps every three-letter window of a vocabulary token (of
	// minTrigramLen letters or more) to the tokens holding it: the index
	// behind two-typo lookup (expandTwoTypos).
	trigrams map[uint32][]vocabID
	// byIdentifier maps a normalized identifier number to entity numbers.
	byIdentifier map[string][]uint32
	built        time.Duration
	// unknownIDF is the weight of a query token the vocabulary lacks.
	unknownIDF float32

	// expansions caches expand per query token (expandCached).
	expansions     sync.Map
	expansionCount atomic.Int64

	// Pools of per-screen scratch space sized to this snapshot.
	poolOnce sync.Once
	accums   *sync.Pool
}

// lnOnePlus is ln(1+x).
func lnOnePlus(x float64) float64 { return math.Log1p(x) }

// buildSnapshot indexes the lists. It checks ctx between lists.
func buildSnapshot(ctx context.Context, ls []*lists.List) (*snapshot, error) {
	start := time.Now()
	s := &snapshot{
		forms:        make(map[string]uint32),
		byText:       make(map[string]vocabID),
		byCanon:      make(map[string][]vocabID),
		byPhon:       make(map[string][]vocabID),
		bySkel:       make(map[string][]vocabID),
		deletes:      make(map[uint64][]vocabID),
		trigrams:     make(map[uint32][]vocabID),
		byIdentifier: make(map[string][]uint32),
	}
	seen := make(map[lists.Source]bool)
	for li, l := range ls {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if seen[l.Source] {
			return nil, fmt.Errorf("%w: %s loaded twice", ErrDuplicateSource, l.Source)
		}
		seen[l.Source] = true
		s.lists = append(s.lists, indexedList{list: l, version: l.Version()})
		for ei := range l.Entities {
			e := &l.Entities[ei]
			en := uint32(len(s.entities))
			s.entities = append(s.entities, e)
			s.entityList = append(s.entityList, uint16(li))
			for _, n := range e.Names {
				s.addName(en, n)
			}
			for _, id := range e.Identifiers {
				if key := normalizeIdentifier(id.Number); len(key) >= 4 {
					s.byIdentifier[key] = appendUnique(s.byIdentifier[key], en)
				}
			}
		}
	}
	n := float64(len(s.names))
	s.unknownIDF = float32(lnOnePlus(n))
	for i := range s.vocab {
		v := &s.vocab[i]
		v.idf = float32(lnOnePlus(n / float64(max(1, len(v.postings)))))
	}
	s.weighNames()
	s.forms = nil // only needed while names are added
	s.built = time.Since(start)
	return s, nil
}

// weighNames sets every token's and every name's weight from the tokens'
// rarities.
func (s *snapshot) weighNames() {
	for i := range s.vocab {
		s.vocab[i].weight = tokenWeight(s.vocab[i].tok, s.vocab[i].idf)
	}
	for i := range s.names {
		n := &s.names[i]
		n.weight = 0
		for _, id := range n.tokens {
			n.weight += s.vocab[id].weight
		}
	}
}

// addName tokenizes and indexes one name of entity en.
func (s *snapshot) addName(en uint32, n lists.Name) {
	toks := norm.Tokenize(n.Full)
	if len(toks) == 0 {
		return
	}
	id := nameID(len(s.names))
	ids := make([]vocabID, len(toks))
	for i, t := range toks {
		ids[i] = s.intern(t, false)
		s.post(ids[i], id)
	}
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if !joinable(a) || !joinable(b) {
			continue
		}
		j := s.intern(joinTokens(a, b), true)
		s.post(j, id)
	}
	key := make([]byte, 0, 4*len(ids))
	for _, v := range ids {
		key = append(key, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	}
	form, ok := s.forms[string(key)]
	if !ok {
		form = uint32(len(s.forms))
		s.forms[string(key)] = form
	}
	s.names = append(s.names, indexedName{entity: en, kind: n.Kind, tokens: ids, full: n.Full, form: form})
}

// joinable reports whether a token takes part in joined-token indexing.
func joinable(t norm.Token) bool {
	return t.Kind == norm.KindWord || t.Kind == norm.KindParticle
}

// joinTokens concatenates two tokens into one ("abdul"+"rahman").
func joinTokens(a, b norm.Token) norm.Token {
	text := a.Text + b.Text
	return norm.Token{Text: text, Canon: text, Skel: norm.Skeleton(text), Phon: norm.Phonetic(text), Kind: norm.KindWord}
}

// intern returns the vocabulary ID of t, adding it when new.
func (s *snapshot) intern(t norm.Token, joined bool) vocabID {
	if id, ok := s.byText[t.Text]; ok {
		if !joined && s.vocab[id].joined {
			// A real token that was first seen as a join: it is real now.
			s.vocab[id].joined = false
			s.vocab[id].tok = t
		}
		return id
	}
	id := vocabID(len(s.vocab))
	s.vocab = append(s.vocab, vocabEntry{tok: t, joined: joined})
	s.byText[t.Text] = id
	if t.Canon != "" && t.Canon != t.Text {
		s.byCanon[t.Canon] = append(s.byCanon[t.Canon], id)
	}
	s.byCanon[t.Text] = append(s.byCanon[t.Text], id)
	if len(t.Text) >= 3 {
		if t.Phon != "" {
			s.byPhon[t.Phon] = append(s.byPhon[t.Phon], id)
		}
		if t.Skel != "" && len(t.Skel) >= 2 {
			s.bySkel[t.Skel] = append(s.bySkel[t.Skel], id)
		}
		if !joined {
			forEachDeletion(t.Text, func(h uint64) {
				s.deletes[h] = appendUniqueID(s.deletes[h], id)
			})
			forEachTrigram(t.Text, func(g uint32) {
				s.trigrams[g] = appendUniqueID(s.trigrams[g], id)
			})
		}
	}
	return id
}

// post records that name holds vocabulary token v. Names are added in
// increasing order, so postings stay sorted and a repeat is the last one.
func (s *snapshot) post(v vocabID, name nameID) {
	p := s.vocab[v].postings
	if len(p) > 0 && p[len(p)-1] == name {
		return
	}
	s.vocab[v].postings = append(p, name)
}

// minTrigramLen is the shortest token indexed by trigrams.
const minTrigramLen = 5

// forEachTrigram calls fn with every three-letter window of an ASCII token
// of at least minTrigramLen bytes, packed into a uint32.
func forEachTrigram(s string, fn func(uint32)) {
	if len(s) < minTrigramLen || len(s) > 48 || !isASCII(s) {
		return
	}
	for i := 0; i+3 <= len(s); i++ {
		fn(uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]))
	}
}

// minTypoLen is the shortest token looked up with a one-edit typo.
const minTypoLen = 4

// forEachDeletion calls fn with the hash of every string made by deleting
// one byte of an ASCII token of at least minTypoLen bytes. Tokens with
// other runes (CJK kept as written) are matched exactly only.
func forEachDeletion(s string, fn func(uint64)) {
	if len(s) < minTypoLen || len(s) > 48 {
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return
		}
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue // deleting either of a doubled letter gives the same string
		}
		fn(hashSkipping(s, i))
	}
}

// hashSkipping is the FNV-1a hash of s without its byte at skip (no byte
// skipped when skip is out of range).
func hashSkipping(s string, skip int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		if i == skip {
			continue
		}
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func appendUniqueID(ids []vocabID, id vocabID) []vocabID {
	if n := len(ids); n > 0 && ids[n-1] == id {
		return ids
	}
	return append(ids, id)
}

// normalizeIdentifier keeps letters and digits, upper-cased, so
// "AB-12 345" and "ab12345" meet.
func normalizeIdentifier(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func appendUnique(s []uint32, v uint32) []uint32 {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// listIndex returns the position of source in the snapshot, or -1.
func (s *snapshot) listIndex(src lists.Source) int {
	for i, l := range s.lists {
		if l.list.Source == src {
			return i
		}
	}
	return -1
}
