package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/sievekyc/sieve/lists"
)

// Engine screens names against the lists it holds. It is immutable once
// built except for Reload, which swaps in a new index atomically; it is safe
// for concurrent use by any number of goroutines.
type Engine struct {
	opts        Options
	fingerprint string
	snap        atomic.Pointer[snapshot]
}

// New returns an engine with no lists loaded; call Reload to load some.
func New(opts Options) (*Engine, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	e := &Engine{opts: opts.withDefaults(), fingerprint: opts.Fingerprint()}
	e.snap.Store(&snapshot{})
	return e, nil
}

// Options returns the effective options (defaults filled in).
func (e *Engine) Options() Options { return e.opts }

// Reload builds a new index over ls and swaps it in. Screens in flight
// finish on the index they started with. Two lists of the same source are
// an error wrapping ErrDuplicateSource; the old index then stays in place.
func (e *Engine) Reload(ctx context.Context, ls ...*lists.List) error {
	s, err := buildSnapshot(ctx, ls)
	if err != nil {
		return err
	}
	e.snap.Store(s)
	e.opts.Logger.Info("engine: index built", "lists", len(ls), "entities", len(s.entities),
		"names", len(s.names), "tokens", len(s.vocab), "duration", s.built)
	return nil
}

// Stats describes the loaded index.
type Stats struct {
	Lists    []ListInfo `json:"lists"`
	Entities int        `json:"entities"`
	Names    int        `json:"names"`
	Tokens   int        `json:"tokens"`
	// BuildSeconds is how long the last Reload took to index.
	BuildSeconds float64 `json:"build_seconds"`
}

// ListInfo names one loaded list.
type ListInfo struct {
	Source   lists.Source `json:"source"`
	Version  string       `json:"version"`
	Entities int          `json:"entities"`
}

// Stats returns what is loaded.
func (e *Engine) Stats() Stats {
	s := e.snap.Load()
	st := Stats{Entities: len(s.entities), Names: len(s.names), Tokens: len(s.vocab), BuildSeconds: s.built.Seconds()}
	for _, l := range s.lists {
		st.Lists = append(st.Lists, ListInfo{Source: l.list.Source, Version: l.version, Entities: len(l.list.Entities)})
	}
	return st
}

// Screen searches the query's lists (all loaded lists when it names none)
// and returns one ListResult per list, matches best first.
func (e *Engine) Screen(ctx context.Context, q Query) (Result, error) {
	if err := q.Validate(); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	s := e.snap.Load()
	if len(s.lists) == 0 {
		return Result{}, ErrNoLists
	}
	want := make([]bool, len(s.lists))
	if len(q.Lists) == 0 {
		for i := range want {
			want[i] = true
		}
	}
	var missing []string
	for _, src := range q.Lists {
		i := s.listIndex(src)
		if i < 0 {
			missing = append(missing, string(src))
			continue
		}
		want[i] = true
	}
	if len(missing) > 0 {
		return Result{}, fmt.Errorf("%w: list not loaded: %s", ErrInvalidQuery, strings.Join(missing, ", "))
	}
	threshold, limit := e.opts.Threshold, e.opts.Limit
	if q.Threshold > 0 {
		threshold = q.Threshold
	}
	if q.Limit > 0 {
		limit = q.Limit
	}
	country, _ := lists.NormalizeCountry(q.Country)

	pq := s.prepare(q.Name, q.Type != lists.TypePerson)
	var extra []nameID
	if doc := normalizeIdentifier(q.Document); len(doc) >= 4 {
		for _, en := range s.byIdentifier[doc] {
			extra = append(extra, s.namesOf(en)...)
		}
	}
	cands := s.candidates(pq, e.opts.MaxCandidates, 0.34, extra)

	best := make(map[uint32]Match)
	formScores := make(map[uint64]nameScore, len(cands))
	for _, c := range cands {
		name := &s.names[c.name]
		if !want[s.entityList[name.entity]] {
			continue
		}
		ent := s.entities[name.entity]
		// One party listed on several lists is one name scored once.
		key := uint64(name.form) << 1
		if ent.Type == lists.TypePerson {
			key |= 1
		}
		ns, seen := formScores[key]
		if !seen {
			ns = s.scoreName(pq, name, false)
			formScores[key] = ns
		}
		score, factors := e.opts.attributeFactors(&q, country, ent, name.kind, ns.score)
		// Compared as reported, to three decimals: a match shown at 0.800
		// is a match at threshold 0.80.
		if round3(score) < threshold {
			continue
		}
		if prev, ok := best[name.entity]; ok && !betterName(score, name, prev) {
			continue
		}
		ns = s.scoreName(pq, name, true)
		best[name.entity] = Match{
			EntityID: ent.ID, Source: ent.Source, Type: ent.Type, Name: name.full, NameKind: name.kind,
			PrimaryName: ent.PrimaryName(), Score: round3(score), Entity: ent,
			Factors: append([]Factor{{Kind: FactorName, Effect: round3(ns.score),
				Evidence: nameEvidence(ns), Tokens: ns.tokens}}, factors...),
		}
	}
	return e.assemble(s, want, best, threshold, limit), nil
}

// betterName reports whether a name scoring score beats the match kept so
// far for its entity: a higher score, then a primary name over an alias,
// then the lexically smaller name, so the choice never depends on order.
func betterName(score float64, name *indexedName, prev Match) bool {
	score = round3(score)
	switch {
	case score != prev.Score:
		return score > prev.Score
	case name.kind != prev.NameKind:
		return name.kind < prev.NameKind
	}
	return name.full < prev.Name
}

// namesOf returns the name IDs of entity en. Names are stored in entity
// order, so they are found by binary search.
func (s *snapshot) namesOf(en uint32) []nameID {
	i, _ := slices.BinarySearchFunc(s.names, en, func(n indexedName, t uint32) int { return int(n.entity) - int(t) })
	var out []nameID
	for ; i < len(s.names) && s.names[i].entity == en; i++ {
		out = append(out, nameID(i))
	}
	return out
}

// assemble groups matches per list in a total order: score, then list,
// then entity ID.
func (e *Engine) assemble(s *snapshot, want []bool, best map[uint32]Match, threshold float64, limit int) Result {
	res := Result{Threshold: threshold, Fingerprint: e.fingerprint}
	per := make([][]Match, len(s.lists))
	for en, m := range best {
		li := s.entityList[en]
		per[li] = append(per[li], m)
	}
	for i, l := range s.lists {
		if !want[i] {
			continue
		}
		ms := per[i]
		slices.SortFunc(ms, compareMatches)
		lr := ListResult{Source: l.list.Source, Version: l.version, MatchCount: len(ms), Matched: len(ms) > 0}
		if len(ms) > limit {
			ms = ms[:limit]
		}
		lr.Matches = ms
		if lr.Matches == nil {
			lr.Matches = []Match{}
		}
		res.Lists = append(res.Lists, lr)
		res.MatchCount += lr.MatchCount
	}
	res.Matched = res.MatchCount > 0
	return res
}

func compareMatches(a, b Match) int {
	switch {
	case a.Score > b.Score:
		return -1
	case a.Score < b.Score:
		return 1
	}
	if c := strings.Compare(string(a.Source), string(b.Source)); c != 0 {
		return c
	}
	return strings.Compare(a.EntityID, b.EntityID)
}

// nameEvidence summarizes a name factor in words:
// "putin"~"putin" (exact 1.00), listed "vladimirovich" unmatched.
func nameEvidence(ns nameScore) string {
	var b strings.Builder
	for i, t := range ns.tokens {
		if i > 0 {
			b.WriteString(", ")
		}
		switch {
		case t.Query == "":
			b.WriteString("listed ")
			b.WriteString(strconv.Quote(t.Listed))
			b.WriteString(" unmatched")
		case t.Listed == "":
			b.WriteString("query ")
			b.WriteString(strconv.Quote(t.Query))
			b.WriteString(" unmatched")
		default:
			b.WriteString(strconv.Quote(t.Query))
			b.WriteByte('~')
			b.WriteString(strconv.Quote(t.Listed))
			b.WriteString(" (")
			b.WriteString(t.How)
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(t.Similarity, 'f', 2, 64))
			b.WriteByte(')')
		}
	}
	return b.String()
}

// Comparison is the score and explanation of two names.
type Comparison struct {
	Score   float64  `json:"score"`
	Factors []Factor `json:"factors"`
}

// Compare scores name b as if it were a listed name and a the query, with
// the token rarities of the loaded lists (uniform when none are loaded).
// It is what a screen would score, without the candidate search.
func (e *Engine) Compare(a, b string) Comparison {
	base := e.snap.Load()
	ent := lists.Entity{ID: "compare:b", Source: lists.SourceCustom}
	ent.AddName(b, lists.NamePrimary)
	s, err := base.withExtraEntity(&ent)
	if err != nil || len(s.names) == 0 {
		return Comparison{Factors: []Factor{{Kind: FactorName, Evidence: "nothing to compare"}}}
	}
	pq := s.prepare(a, true)
	name := &s.names[len(s.names)-1]
	ns := s.scoreName(pq, name, true)
	return Comparison{Score: round3(ns.score), Factors: []Factor{{Kind: FactorName, Effect: round3(ns.score), Evidence: nameEvidence(ns), Tokens: ns.tokens}}}
}

// withExtraEntity returns a small snapshot holding only e, whose token
// rarities are taken from s where s knows the token.
func (s *snapshot) withExtraEntity(e *lists.Entity) (*snapshot, error) {
	l := &lists.List{Source: lists.SourceCustom, Entities: []lists.Entity{*e}}
	small, err := buildSnapshot(context.Background(), []*lists.List{l})
	if err != nil {
		return nil, err
	}
	small.unknownIDF = max(1, s.unknownIDF)
	for i := range small.vocab {
		v := &small.vocab[i]
		if id, ok := s.byText[v.tok.Text]; ok {
			v.idf = s.vocab[id].idf
		} else {
			v.idf = small.unknownIDF
		}
	}
	small.weighNames()
	if len(small.names) == 0 {
		return small, errors.New("no tokens")
	}
	return small, nil
}
