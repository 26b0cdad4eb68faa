package engine

import (
	"fmt"
	"slices"

	"github.com/sievekyc/sieve/lists"
)

// attributeFactors adjusts a name score with what else the query states and
// returns the adjusted score with one Factor per adjustment.
func (o *Options) attributeFactors(q *Query, country string, e *lists.Entity, kind lists.NameKind, score float64) (float64, []Factor) {
	w := o.Weights
	var fs []Factor
	apply := func(kind FactorKind, next float64, evidence string) {
		next = clamp01(next)
		fs = append(fs, Factor{Kind: kind, Effect: round3(next - score), Evidence: evidence})
		score = next
	}
	if kind == lists.NameWeakAlias {
		apply(FactorNameKind, score*w.WeakAlias, "matched through a low-quality alias")
	}
	if q.Type != lists.TypeUnknown && e.Type != lists.TypeUnknown && q.Type != e.Type {
		f := w.TypeConflict
		if (q.Type == lists.TypeVessel || e.Type == lists.TypeVessel) &&
			(q.Type == lists.TypeOrganization || e.Type == lists.TypeOrganization) {
			f = (1 + f) / 2 // vessels are often listed as entities
		}
		apply(FactorType, score*f, fmt.Sprintf("query is a %s, listed entity is a %s", q.Type, e.Type))
	}
	if !q.BirthDate.IsZero() && len(e.BirthDates) > 0 {
		switch agree, listed := compareBirthDates(q.BirthDate, e.BirthDates); agree {
		case dobExact:
			apply(FactorBirthDate, score+(1-score)*w.DOBExact, "date of birth "+q.BirthDate.String()+" equals listed "+listed)
		case dobYear:
			apply(FactorBirthDate, score+(1-score)*w.DOBYear, "year of birth agrees with listed "+listed)
		case dobConflict:
			apply(FactorBirthDate, score*w.DOBConflict, "date of birth "+q.BirthDate.String()+" conflicts with every listed date ("+listed+")")
		}
	}
	if country != "" {
		var stated []string
		stated = append(stated, e.Nationalities...)
		stated = append(stated, e.Citizenships...)
		for _, a := range e.Addresses {
			if a.Country != "" {
				stated = append(stated, a.Country)
			}
		}
		switch {
		case slices.Contains(stated, country):
			apply(FactorCountry, score+(1-score)*w.CountryMatch, "country "+country+" is listed for the entity")
		case len(e.Nationalities)+len(e.Citizenships) > 0:
			apply(FactorCountry, score*w.CountryConflict, fmt.Sprintf("country %s differs from listed nationality %v", country, append(e.Nationalities, e.Citizenships...)))
		}
	}
	if doc := normalizeIdentifier(q.Document); len(doc) >= 4 {
		for _, id := range e.Identifiers {
			if normalizeIdentifier(id.Number) == doc {
				apply(FactorIdentifier, score+(1-score)*w.IdentifierMatch, fmt.Sprintf("document %s equals listed %s", q.Document, identifierLabel(id)))
				break
			}
		}
	}
	return score, fs
}

func identifierLabel(id lists.Identifier) string {
	l := id.Type
	if id.Label != "" {
		l = id.Label
	}
	s := l + " " + id.Number
	if id.Country != "" {
		s += " (" + id.Country + ")"
	}
	return s
}

type dobAgreement int

const (
	dobUnknown dobAgreement = iota
	dobExact
	dobYear
	dobConflict
)

// compareBirthDates compares the query's date with every listed one and
// returns the best agreement: exact (all known parts equal, or day and month
// swapped), year (years equal or inside a listed range), conflict (every
// listed date is more than a year away), or unknown (close but not equal).
func compareBirthDates(q lists.PartialDate, listed []lists.Birthdate) (dobAgreement, string) {
	best, bestText := dobConflict, ""
	var all []string
	for _, b := range listed {
		all = append(all, b.String())
		a := compareBirthDate(q, b)
		if a != dobConflict && (best == dobConflict || a < best) {
			best, bestText = a, b.String()
		}
	}
	if best == dobConflict {
		return best, fmt.Sprint(all)
	}
	return best, bestText
}

func compareBirthDate(q lists.PartialDate, b lists.Birthdate) dobAgreement {
	d := b.Date
	if !b.To.IsZero() {
		if q.Year >= d.Year && q.Year <= b.To.Year {
			return dobYear
		}
		if q.Year >= d.Year-1 && q.Year <= b.To.Year+1 {
			return dobUnknown
		}
		return dobConflict
	}
	if q.Year == 0 || d.Year == 0 {
		return dobUnknown
	}
	diff := abs(q.Year - d.Year)
	slack := 1
	if b.Circa {
		slack = 3
	}
	switch {
	case diff > slack:
		return dobConflict
	case diff > 0:
		return dobUnknown
	}
	if q.Month == 0 || d.Month == 0 {
		return dobYear
	}
	if q.Month == d.Month && (q.Day == 0 || d.Day == 0 || q.Day == d.Day) {
		if q.Day != 0 && d.Day != 0 {
			return dobExact
		}
		return dobYear
	}
	if q.Day != 0 && d.Day != 0 && q.Day == d.Month && q.Month == d.Day {
		return dobExact // day and month swapped
	}
	return dobYear
}
