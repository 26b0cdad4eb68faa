package report

import (
	"errors"
	"fmt"
	"math"
	"unicode/utf8"
)

// MaxRiskScore is the highest risk score a Document may carry.
const MaxRiskScore = 100

// Validate reports every problem of the document at once, joined with
// errors.Join; each is a *FieldError wrapping ErrInvalidDocument. A nil
// result means a renderer can print the document.
//
// Every document needs a valid Mode, a TenantID, a RunID, a GeneratedAt and
// a subject name, and all its text must be valid UTF-8. The resumido and
// completo modes also need a template ID, a decision, an operative
// decision and a risk band; an operative decision of hold needs at least
// one hold reason. Scores lie in [0,1], the risk score in [0,100],
// durations are not negative, and a list's match count agrees with its
// matches.
func (d *Document) Validate() error {
	v := &validator{}
	if !d.Mode.Valid() {
		v.add("mode", fmt.Sprintf("%q is not resumido, completo or export", d.Mode))
	}
	v.required("tenant_id", d.TenantID)
	v.required("run_id", d.RunID)
	v.text("title", d.Title)
	v.text("status", d.Status)
	if d.GeneratedAt.IsZero() {
		v.add("generated_at", "is zero (use the run's completion time)")
	}
	v.nonNegative("duration_ms", d.DurationMS)
	d.validateSubject(v)
	v.text("template.id", d.Template.ID)
	v.text("template.version", d.Template.Version)

	analysis := d.Mode == ModeSummary || d.Mode == ModeComplete
	if analysis {
		v.required("template.id", d.Template.ID)
	}
	v.decision("decision", d.Decision, false, analysis)
	v.decision("operative_decision", d.OperativeDecision, true, analysis)
	if d.OperativeDecision == DecisionHold && len(d.HoldReasons) == 0 {
		v.add("hold_reasons", "operative decision hold needs at least one reason")
	}
	v.texts("hold_reasons", d.HoldReasons)
	if d.RiskScore < 0 || d.RiskScore > MaxRiskScore {
		v.add("risk_score", fmt.Sprintf("%d outside [0,%d]", d.RiskScore, MaxRiskScore))
	}
	switch {
	case d.RiskBand == "" && analysis:
		v.add("risk_band", "is required in mode "+string(d.Mode))
	case d.RiskBand != "" && !d.RiskBand.valid():
		v.add("risk_band", fmt.Sprintf("%q is not low, medium or high", d.RiskBand))
	}
	v.text("risk_band_label", d.RiskBandLabel)
	v.texts("risk_factors", d.RiskFactors)

	for i, f := range d.Findings {
		p := fmt.Sprintf("findings[%d]", i)
		if !f.Status.valid() {
			v.add(p+".status", fmt.Sprintf("%q is not passed, warning or failed", f.Status))
		}
		v.texts(p, []string{f.ID, f.Category, f.Title, f.Details})
	}
	for i, r := range d.Recommendations {
		p := fmt.Sprintf("recommendations[%d]", i)
		v.required(p+".text", r.Text)
		v.text(p+".id", r.ID)
	}
	for i, r := range d.RulesFired {
		p := fmt.Sprintf("rules_fired[%d]", i)
		v.required(p+".id", r.ID)
		v.texts(p, []string{r.Outcome, r.Factor})
		v.kvs(p+".reads", r.Reads)
	}
	for i := range d.Sources {
		d.Sources[i].validate(v, fmt.Sprintf("sources[%d]", i))
	}
	for i, a := range d.Audit {
		p := fmt.Sprintf("audit[%d]", i)
		v.nonNegative(p+".duration_ms", a.DurationMS)
		v.texts(p, []string{a.Kind, a.Ref, a.Detail})
	}
	v.kvs("list_versions", d.ListVersions)
	v.kvs("metadata", d.Metadata)
	v.texts("method", []string{d.Method.SearchType, d.Method.Fingerprint})
	if !inUnit(d.Method.Threshold) {
		v.add("method.threshold", fmt.Sprintf("%v outside [0,1]", d.Method.Threshold))
	}
	v.texts("sign_off", []string{d.SignOff.Analyst, d.SignOff.Note})
	if d.SignOff.Decision != "" && !validDecision(d.SignOff.Decision, false) {
		v.add("sign_off.decision", fmt.Sprintf("%q is not approved, review or rejected", d.SignOff.Decision))
	}
	return errors.Join(v.errs...)
}

func (d *Document) validateSubject(v *validator) {
	s := &d.Subject
	v.required("subject.name", s.Name)
	switch s.Kind {
	case SubjectPerson, SubjectCompany:
	case "":
		if d.Mode != ModeExport {
			v.add("subject.kind", "is required in mode "+string(d.Mode))
		}
	default:
		v.add("subject.kind", fmt.Sprintf("%q is not person or company", s.Kind))
	}
	v.texts("subject", []string{s.Transliteration, s.DocumentType, s.DocumentNumber})
	v.kvs("subject.params", s.Params)
}

func (s *SourceSection) validate(v *validator, p string) {
	v.required(p+".id", s.ID)
	v.texts(p, []string{s.Kind, s.Status, s.Error})
	if s.Tier < 0 {
		v.add(p+".tier", fmt.Sprintf("%d is negative", s.Tier))
	}
	v.nonNegative(p+".duration_ms", s.DurationMS)
	v.kvs(p+".details", s.Details)
	for j, l := range s.Lists {
		lp := fmt.Sprintf("%s.lists[%d]", p, j)
		v.required(lp+".code", l.Code)
		v.text(lp+".version", l.Version)
		if l.MatchCount < len(l.Matches) {
			v.add(lp+".match_count", fmt.Sprintf("%d is less than the %d matches listed", l.MatchCount, len(l.Matches)))
		}
		if l.Matched != (l.MatchCount > 0) {
			v.add(lp+".matched", fmt.Sprintf("%t disagrees with match count %d", l.Matched, l.MatchCount))
		}
		for k, m := range l.Matches {
			mp := fmt.Sprintf("%s.matches[%d]", lp, k)
			v.required(mp+".entity_id", m.EntityID)
			if m.Name == "" && m.MatchedName == "" {
				v.add(mp+".name", "is required (name or matched name)")
			}
			if !inUnit(m.Score) {
				v.add(mp+".score", fmt.Sprintf("%v outside [0,1]", m.Score))
			}
			v.texts(mp, []string{m.Name, m.Transliteration, m.MatchedName, m.MatchedTransliteration, m.NameKind, m.Type})
			v.texts(mp+".programs", m.Programs)
			v.texts(mp+".birth_dates", m.BirthDates)
			v.texts(mp+".nationalities", m.Nationalities)
			v.texts(mp+".identifiers", m.Identifiers)
			v.texts(mp+".explanation", m.Explanation)
		}
	}
}

func inUnit(f float64) bool { return !math.IsNaN(f) && f >= 0 && f <= 1 }

// validator collects the problems of a Document.
type validator struct{ errs []error }

func (v *validator) add(field, problem string) {
	v.errs = append(v.errs, &FieldError{Field: field, Problem: problem})
}

func (v *validator) required(field, s string) {
	if s == "" {
		v.add(field, "is required")
		return
	}
	v.text(field, s)
}

func (v *validator) text(field, s string) {
	if !utf8.ValidString(s) {
		v.add(field, "is not valid UTF-8")
	}
}

func (v *validator) texts(field string, ss []string) {
	for _, s := range ss {
		v.text(field, s)
	}
}

func (v *validator) kvs(field string, kvs []KV) {
	for i, kv := range kvs {
		p := fmt.Sprintf("%s[%d]", field, i)
		v.required(p+".key", kv.Key)
		v.text(p+".value", kv.Value)
	}
}

func (v *validator) nonNegative(field string, n int64) {
	if n < 0 {
		v.add(field, fmt.Sprintf("%d is negative", n))
	}
}

func (v *validator) decision(field string, d Decision, operative, required bool) {
	switch {
	case d == "" && required:
		v.add(field, "is required")
	case d != "" && !validDecision(d, operative):
		want := "approved, review or rejected"
		if operative {
			want = "approved, review, rejected or hold"
		}
		v.add(field, fmt.Sprintf("%q is not %s", d, want))
	}
}
