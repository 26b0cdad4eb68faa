package lists

import "strings"

// ofacNameSuffixes are the generational suffixes OFAC writes as a separate
// comma part of a person's name ("DELOS REYES, Feliciano Semborio, Jr.",
// "MNANGAGWA, JR., Emmerson Dambudzo").
var ofacNameSuffixes = map[string]bool{
	"jr": true, "jr.": true, "sr": true, "sr.": true,
	"ii": true, "iii": true, "iv": true,
}

// ofacPersonName turns OFAC's "LAST, First Middle" convention for people
// into a Name in natural order: Full "First Middle LAST", Given "First
// Middle", Family "LAST". A generational suffix in its own comma part goes
// to the end of Full and stays out of Given and Family. A name without a
// comma, or with an empty part on either side, is kept as written with
// Given and Family empty. Kind and Script are left to the caller.
func ofacPersonName(raw string) Name {
	raw = CleanText(raw)
	parts := strings.Split(raw, ",")
	if len(parts) < 2 {
		return Name{Full: raw}
	}
	family := strings.TrimSpace(parts[0])
	var given, suffix []string
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case ofacNameSuffixes[strings.ToLower(p)]:
			suffix = append(suffix, p)
		default:
			given = append(given, p)
		}
	}
	if family == "" || len(given) == 0 {
		return Name{Full: raw}
	}
	g := strings.Join(given, " ")
	full := g + " " + family
	if len(suffix) > 0 {
		full += " " + strings.Join(suffix, " ")
	}
	return Name{Full: full, Given: g, Family: family}
}

// addOFACName adds a name written in the US Treasury's convention with
// Entity.AddName, reordering a person's "LAST, First" into natural order
// and keeping the split parts. Organizations, vessels and aircraft keep the
// name as written. It reports whether the name was new. The OFAC legacy
// CSV parser uses it for every name, the sdnList XML parser for aliases
// given in lastName alone, and the US CSL parser (whose SDN rows are
// OFAC's) for names and aliases.
func addOFACName(e *Entity, raw string, kind NameKind) bool {
	if e.Type != TypePerson {
		return e.AddName(raw, kind)
	}
	n := ofacPersonName(raw)
	if !e.AddName(n.Full, kind) {
		return false
	}
	last := &e.Names[len(e.Names)-1]
	last.Given, last.Family = n.Given, n.Family
	return true
}
