package bench

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sievekyc/sieve/lists"
)

// Synthetic returns a CUSTOM list of n generated entities whose names are
// recombined from the real name parts of ls: persons get one or two given
// names and a family name drawn from listed persons, organizations two or
// three words and a legal form drawn from listed organizations. It is the
// 1M-name corpus of the benchmarks; the same seed gives the same list.
func Synthetic(ls []*lists.List, n int, seed uint64) *lists.List {
	var given, family, words []string
	seenG, seenF, seenW := map[string]bool{}, map[string]bool{}, map[string]bool{}
	add := func(dst *[]string, seen map[string]bool, w string) {
		w = strings.Trim(w, ".,;:'\"()")
		if len(w) < 2 || seen[w] {
			return
		}
		seen[w] = true
		*dst = append(*dst, w)
	}
	for _, l := range ls {
		for i := range l.Entities {
			e := &l.Entities[i]
			for _, nm := range e.Names {
				if nm.Script != "Latn" {
					continue
				}
				f := strings.Fields(nm.Full)
				switch e.Type {
				case lists.TypePerson:
					if len(f) < 2 {
						continue
					}
					for _, w := range f[:len(f)-1] {
						add(&given, seenG, w)
					}
					add(&family, seenF, f[len(f)-1])
				case lists.TypeOrganization:
					for _, w := range f {
						add(&words, seenW, w)
					}
				}
			}
		}
	}
	slices.Sort(given)
	slices.Sort(family)
	slices.Sort(words)
	forms := []string{"LLC", "Ltd", "GmbH", "JSC", "S.A.", "Trading Co.", "Holding", "Group"}
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := &lists.List{Source: lists.SourceCustom, Format: lists.FormatCustomCSV, SHA256: "synthetic-" + strconv.FormatUint(seed, 10),
		Entities: make([]lists.Entity, 0, n)}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	for i := range n {
		e := lists.Entity{ID: lists.SourceCustom.EntityID("syn-" + strconv.Itoa(i)), Source: lists.SourceCustom}
		var name string
		if len(words) == 0 || (len(given) > 0 && len(family) > 0 && r.IntN(3) > 0) {
			e.Type = lists.TypePerson
			parts := []string{pick(given)}
			if r.IntN(2) == 0 {
				parts = append(parts, pick(given))
			}
			name = strings.Join(append(parts, pick(family)), " ")
		} else {
			e.Type = lists.TypeOrganization
			parts := []string{pick(words), pick(words)}
			if r.IntN(2) == 0 {
				parts = append(parts, pick(words))
			}
			name = strings.Join(append(parts, pick(forms)), " ")
		}
		e.Names = []lists.Name{{Full: name, Kind: lists.NamePrimary, Script: "Latn"}}
		out.Entities = append(out.Entities, e)
	}
	return out
}
