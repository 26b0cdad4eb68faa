package lists

import (
	"fmt"
	"sort"
)

// tolerances collects what a parser accepted in dirty input, so that
// List.Tolerated can say it once per kind with a count and a first position.
type tolerances struct {
	byKind map[string]*toleranceEntry
}

type toleranceEntry struct {
	count int
	first string
}

// note records one occurrence of kind (a short phrase such as "trailing space
// in REFERENCE_NUMBER") at position (such as "line 12" or "record 40").
func (t *tolerances) note(kind, position string) {
	if t.byKind == nil {
		t.byKind = make(map[string]*toleranceEntry)
	}
	e, ok := t.byKind[kind]
	if !ok {
		e = &toleranceEntry{first: position}
		t.byKind[kind] = e
	}
	e.count++
}

// list renders the notes sorted by kind: "trailing space in REFERENCE_NUMBER:
// 3 times, first at line 12".
func (t *tolerances) list() []string {
	if len(t.byKind) == 0 {
		return nil
	}
	out := make([]string, 0, len(t.byKind))
	for kind, e := range t.byKind {
		times := "once"
		if e.count > 1 {
			times = fmt.Sprintf("%d times", e.count)
		}
		out = append(out, fmt.Sprintf("%s: %s, first at %s", kind, times, e.first))
	}
	sort.Strings(out)
	return out
}
