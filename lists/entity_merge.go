package lists

import "strings"

// mergeEntity folds src into dst: the same party published twice. Slices
// are united, the earliest listing date is kept, and scalar fields of dst
// win over those of src.
func mergeEntity(dst, src *Entity) {
	if dst.Type == TypeUnknown {
		dst.Type = src.Type
	}
	for _, n := range src.Names {
		kind := n.Kind
		if kind == NamePrimary {
			kind = NameAlias
		}
		if dst.AddName(n.Full, kind) {
			m := &dst.Names[len(dst.Names)-1]
			m.Given, m.Family = n.Given, n.Family
		}
	}
	dst.BirthDates = appendDistinct(dst.BirthDates, src.BirthDates...)
	dst.BirthPlaces = appendDistinct(dst.BirthPlaces, src.BirthPlaces...)
	dst.Nationalities = appendDistinct(dst.Nationalities, src.Nationalities...)
	dst.Citizenships = appendDistinct(dst.Citizenships, src.Citizenships...)
	if dst.Gender == "" {
		dst.Gender = src.Gender
	}
	dst.Addresses = appendDistinct(dst.Addresses, src.Addresses...)
	dst.Identifiers = appendDistinct(dst.Identifiers, src.Identifiers...)
	dst.Programs = appendDistinct(dst.Programs, src.Programs...)
	dst.Titles = appendDistinct(dst.Titles, src.Titles...)
	if dst.ListedOn.IsZero() || (!src.ListedOn.IsZero() && src.ListedOn.String() < dst.ListedOn.String()) {
		dst.ListedOn = src.ListedOn
	}
	if src.Remarks != "" && !strings.Contains(dst.Remarks, src.Remarks) {
		if dst.Remarks != "" {
			dst.Remarks += "\n"
		}
		dst.Remarks += src.Remarks
	}
}
