package runner

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/report"
)

// HitDetail is what a report shows of one screening hit beyond the
// rules.Hit the rules read: the listed entity's details and the
// explanation of its score. The runner records it when the source runs,
// from the list version screened, so a report shows the record as it was
// screened whatever lists are loaded later. A HitDetail belongs to the
// hit with the same EntityID, List and Query (SourceOutcome.HitDetailFor).
type HitDetail struct {
	// EntityID, List and Query name the hit.
	EntityID string `json:"entity_id"`
	List     string `json:"list"`
	Query    string `json:"query,omitempty"`
	// PrimaryName is the entity's primary name; Transliteration is its
	// Latin-script name when the primary name is in another script.
	PrimaryName     string `json:"primary_name,omitempty"`
	Transliteration string `json:"transliteration,omitempty"`
	// MatchedName is the listed name that matched (possibly an alias) and
	// NameKind its kind (primary, alias, weak_alias...).
	MatchedName string `json:"matched_name"`
	NameKind    string `json:"name_kind,omitempty"`
	// Type is the entity type (person, organization...).
	Type string `json:"type,omitempty"`
	// Programs are the sanctions programmes or regimes.
	Programs []string `json:"programs,omitempty"`
	// BirthDates, Nationalities (citizenships included) and Identifiers
	// ("Passport 123 (RU)") are the entity's details as display strings.
	BirthDates    []string `json:"birth_dates,omitempty"`
	Nationalities []string `json:"nationalities,omitempty"`
	Identifiers   []string `json:"identifiers,omitempty"`
	// Explanation explains the score, one line per engine.Factor: the name
	// comparison first, then every attribute that raised or lowered it.
	Explanation []string `json:"explanation,omitempty"`
}

// NewHitDetail records an engine match found screening query: the matched
// entity's details (when the match carries its entity) and the score's
// explanation.
func NewHitDetail(query string, m engine.Match) HitDetail {
	d := HitDetail{EntityID: m.EntityID, List: string(m.Source), Query: query, PrimaryName: m.PrimaryName,
		MatchedName: m.Name, NameKind: m.NameKind.String(), Type: m.Type.String(), Explanation: ExplainFactors(m.Factors)}
	e := m.Entity
	if e == nil {
		return d
	}
	d.Programs = slices.Clone(e.Programs)
	for _, b := range e.BirthDates {
		d.BirthDates = append(d.BirthDates, b.String())
	}
	for _, c := range slices.Concat(e.Nationalities, e.Citizenships) {
		if !slices.Contains(d.Nationalities, c) {
			d.Nationalities = append(d.Nationalities, c)
		}
	}
	for _, id := range e.Identifiers {
		s := strings.TrimSpace(cmp.Or(id.Label, id.Type) + " " + id.Number)
		if id.Country != "" {
			s += " (" + id.Country + ")"
		}
		d.Identifiers = append(d.Identifiers, s)
	}
	d.Transliteration = latinName(e)
	return d
}

// latinName is the entity's first Latin-script name when its primary name
// is in another script, else "".
func latinName(e *lists.Entity) string {
	for _, n := range e.Names {
		if n.Kind != lists.NamePrimary {
			continue
		}
		if n.Script == "" || n.Script == "Latn" {
			return ""
		}
		for _, l := range e.Names {
			if l.Script == "Latn" {
				return l.Full
			}
		}
		return ""
	}
	return ""
}

// ExplainFactors renders a score's factors as lines: the name factor as
// "name 0.912: <evidence>" (its effect is the name score itself), every
// other factor with its signed effect, "birth_date -0.150: <evidence>".
func ExplainFactors(fs []engine.Factor) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		format := "%s %+.3f: %s"
		if f.Kind == engine.FactorName {
			format = "%s %.3f: %s"
		}
		out = append(out, strings.TrimSuffix(fmt.Sprintf(format, f.Kind, f.Effect, f.Evidence), ": "))
	}
	return out
}

// ReportMatch is the report's view of the hit: the recorded details with
// the hit's score.
func (d HitDetail) ReportMatch(score float64) report.Match {
	return report.Match{EntityID: d.EntityID, Name: d.PrimaryName, Transliteration: d.Transliteration,
		MatchedName: d.MatchedName, NameKind: d.NameKind, Type: d.Type, Score: score,
		Programs: d.Programs, BirthDates: d.BirthDates, Nationalities: d.Nationalities,
		Identifiers: d.Identifiers, Explanation: d.Explanation}
}

// compareHitDetails orders details by list, entity ID, then query.
func compareHitDetails(a, b HitDetail) int {
	return cmp.Or(strings.Compare(a.List, b.List), strings.Compare(a.EntityID, b.EntityID), strings.Compare(a.Query, b.Query))
}
