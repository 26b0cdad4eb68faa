package runner

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/rules"
)

// SandboxResult is the simulated result of a source in sandbox mode. It is
// deterministic, driven by the last digit of the subject's document number
// (the template's document parameter), so integrators can exercise every
// outcome:
//
//	last digit 0–6   screening: no match          custom: ok, declared fields zero
//	last digit 7     screening: one hit at 0.87    (a review-grade match)
//	last digit 8     screening: one hit at 0.99    (a reject-grade match)
//	last digit 9     every simulated source times out (a tier-1 source then holds the run)
//
// Document sources are never simulated: validating a number needs no
// network, so sandbox runs validate for real. A custom source has no
// generic simulation: in sandbox mode the function the host registered for
// it runs (a host registers its own simulator there), and only an
// unregistered one gets this simulated result.
func SandboxResult(t *rules.Template, s rules.Source, subject rules.Subject) rules.SourceResult {
	d := lastDigit(subject, t.Document().Param)
	if d == 9 {
		return rules.SourceResult{Status: rules.StatusTimeout, Error: "sandbox: simulated timeout (document ends in 9)",
			DurationMS: s.Timeout.Milliseconds()}
	}
	res := rules.SourceResult{Status: rules.StatusOK, DurationMS: s.ExpectedDuration.Milliseconds()}
	switch s.Kind {
	case rules.SourceScreening:
		if d != 7 && d != 8 {
			return res
		}
		score, list := 0.87, "OFAC-SDN"
		if d == 8 {
			score = 0.99
		}
		if sc := s.Screening; sc != nil && len(sc.Lists) > 0 {
			list = string(sc.Lists[0])
		}
		name, _ := subject[s.Screening.NameParam].(string)
		res.Hits = []rules.Hit{{EntityID: fmt.Sprintf("sandbox:%d", d), List: list, Name: "SANDBOX " + strings.ToUpper(name),
			Query: name, Score: score, Type: "person", Programs: []string{"SANDBOX"}}}
		res.Matched, res.MatchCount, res.BestScore, res.ListsHit = true, 1, score, []string{list}
	case rules.SourceCustom:
		res.Data = map[string]any{}
		if s.Custom != nil {
			for _, f := range s.Custom.Fields {
				res.Data[f.Name] = zeroValue(f.Type)
			}
		}
	}
	return res
}

// lastDigit is the last decimal digit of the document parameter, or 0.
func lastDigit(subject rules.Subject, param string) int {
	s, _ := subject[param].(string)
	for i := len(s) - 1; i >= 0; i-- {
		if '0' <= s[i] && s[i] <= '9' {
			return int(s[i] - '0')
		}
	}
	return 0
}

// zeroValue is the zero value a custom source field of type p reads as.
func zeroValue(p rules.ParamType) any {
	switch p {
	case rules.ParamNumber:
		return 0.0
	case rules.ParamInteger:
		return 0
	case rules.ParamBoolean:
		return false
	case rules.ParamDate:
		return time.Time{}
	case rules.ParamStringList:
		return []string{}
	}
	return ""
}

// sandboxDetails describes simulated hits: the hit's own name and type,
// and an explanation that says the match is simulated.
func sandboxDetails(hits []rules.Hit) []HitDetail {
	var out []HitDetail
	for _, h := range hits {
		out = append(out, HitDetail{EntityID: h.EntityID, List: h.List, Query: h.Query, PrimaryName: h.Name,
			MatchedName: h.Name, NameKind: lists.NamePrimary.String(), Type: h.Type, Programs: slices.Clone(h.Programs),
			Explanation: []string{fmt.Sprintf("sandbox: simulated match; the score %.2f is set by the document's last digit (7: 0.87, 8: 0.99), no list was screened", h.Score)}})
	}
	return out
}
