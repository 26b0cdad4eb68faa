package lists

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
)

// Merge combines lists of one source into one list, for sources published
// as several datasets (OpenSanctions) that a screen should treat as one.
// Entities are kept in input order; an entity ID seen again contributes the
// names, identifiers and programs the first record lacks. Published is the
// newest date; SHA256 is the hash of the inputs' hashes in order, so the
// merged version changes when any input does. One list is returned as is.
func Merge(ls ...*List) (*List, error) {
	if len(ls) == 0 {
		return nil, fmt.Errorf("lists: merge: %w", ErrEmpty)
	}
	if len(ls) == 1 {
		return ls[0], nil
	}
	out := &List{Source: ls[0].Source, Format: ls[0].Format}
	h := sha256.New()
	index := map[string]int{}
	for _, l := range ls {
		if l.Source != out.Source {
			return nil, fmt.Errorf("lists: merge: %w: %s and %s are different sources", ErrInvalidValue, out.Source, l.Source)
		}
		h.Write([]byte(l.SHA256))
		if l.Published.After(out.Published) {
			out.Published = l.Published
		}
		out.Tolerated = append(out.Tolerated, l.Tolerated...)
		for _, e := range l.Entities {
			i, seen := index[e.ID]
			if !seen {
				index[e.ID] = len(out.Entities)
				out.Entities = append(out.Entities, e)
				continue
			}
			first := &out.Entities[i]
			for _, n := range e.Names {
				kind := n.Kind
				if kind == NamePrimary {
					kind = NameAlias
				}
				first.AddName(n.Full, kind)
			}
			for _, id := range e.Identifiers {
				if !slices.Contains(first.Identifiers, id) {
					first.Identifiers = append(first.Identifiers, id)
				}
			}
			for _, p := range e.Programs {
				if !slices.Contains(first.Programs, p) {
					first.Programs = append(first.Programs, p)
				}
			}
		}
	}
	out.SHA256 = hex.EncodeToString(h.Sum(nil))
	return out, nil
}

// MergeBySource merges the lists of each source (see Merge) and returns one
// list per source, in the order sources first appear.
func MergeBySource(ls []*List) ([]*List, error) {
	var order []Source
	groups := map[Source][]*List{}
	for _, l := range ls {
		if _, ok := groups[l.Source]; !ok {
			order = append(order, l.Source)
		}
		groups[l.Source] = append(groups[l.Source], l)
	}
	out := make([]*List, 0, len(order))
	for _, s := range order {
		m, err := Merge(groups[s]...)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}
