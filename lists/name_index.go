package lists

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameIndexMin is the number of names from which Entity.AddName looks a
// name up in an index instead of scanning Names. Below it a scan is
// cheaper than hashing.
const nameIndexMin = 32

// nameIndex is the set of an entity's names, folded with foldKey, so that
// AddName finds a duplicate in constant time: an entity with 20,000
// aliases (as a fuzzer or a careless export can produce) costs linear,
// not quadratic, time.
//
// It records which Names it describes (the address of the first element
// and the length), so that an index copied along with an Entity value, or
// left behind when other code replaces, grows or cuts Names, is rebuilt
// rather than trusted.
type nameIndex struct {
	first  *Name
	n      int
	folded map[string]struct{}
}

// hasName reports whether the entity has a name equal to full under
// strings.EqualFold.
func (e *Entity) hasName(full string) bool {
	if len(e.Names) < nameIndexMin {
		for _, n := range e.Names {
			if strings.EqualFold(n.Full, full) {
				return true
			}
		}
		return false
	}
	if idx := e.names; idx == nil || idx.first != &e.Names[0] || idx.n != len(e.Names) {
		e.names = newNameIndex(e.Names)
	}
	_, ok := e.names.folded[foldKey(full)]
	return ok
}

// newNameIndex indexes names. It always allocates: an index shared with a
// copy of the entity is never changed under the copy's feet.
func newNameIndex(names []Name) *nameIndex {
	idx := &nameIndex{folded: make(map[string]struct{}, 2*len(names))}
	for _, n := range names {
		idx.folded[foldKey(n.Full)] = struct{}{}
	}
	idx.first, idx.n = &names[0], len(names)
	return idx
}

// add records full, just appended to names.
func (idx *nameIndex) add(names []Name, full string) {
	idx.folded[foldKey(full)] = struct{}{}
	idx.first, idx.n = &names[0], len(names)
}

// foldKey maps s to a key that two strings share exactly when
// strings.EqualFold reports them equal: each rune becomes the smallest rune
// of its simple case-folding orbit ("k", "K" and the Kelvin sign all
// become "K"). Bytes that are not UTF-8 become U+FFFD, as EqualFold reads
// them.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('a' <= c && c <= 'z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s // no lower-case letter to fold
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldMin(r))
	}
	return b.String()
}

// foldMin returns the smallest rune of r's simple case-folding orbit.
func foldMin(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	return m
}
