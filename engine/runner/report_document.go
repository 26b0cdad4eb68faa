package runner

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// ReportDocument maps a settled run and its analysis to the report of a
// mode, resumido or completo, for a renderer (package report/pdf) to
// print. Everything comes from the two records: the matches' entity
// details and score explanations, the screening threshold and engine
// fingerprint, the rules' risk factors and the audit times were recorded
// in the analysis when the run executed, so the report shows the lists as
// they were screened whatever is loaded now. The document is dated with
// the analysis's completion time, so the same run maps to the same
// document; a sign-off recorded on the run since the analysis is shown
// (operative decision and sign-off block).
//
// A mode other than resumido or completo is an error wrapping
// report.ErrInvalidMode; an analysis of another run one wrapping
// ErrInvalidRequest; a nil analysis one wrapping ErrNoAnalysis. The
// document is validated (report.Document.Validate): a problem is returned
// with the document, wrapping report.ErrInvalidDocument.
func ReportDocument(run store.Run, a *Analysis, mode report.Mode) (report.Document, error) {
	if mode != report.ModeSummary && mode != report.ModeComplete {
		return report.Document{}, fmt.Errorf("runner: report of run %s: %w: %q (want resumido or completo)", run.ID, report.ErrInvalidMode, mode)
	}
	if a == nil {
		return report.Document{}, fmt.Errorf("runner: report of run %s: %w", run.ID, ErrNoAnalysis)
	}
	if a.RunID != "" && a.RunID != run.ID {
		return report.Document{}, fmt.Errorf("%w: the analysis of run %s given for run %s", ErrInvalidRequest, a.RunID, run.ID)
	}
	d := report.Document{
		Mode: mode, TenantID: run.Tenant, RunID: run.ID, GeneratedAt: a.CompletedAt.UTC(),
		Status: run.Status.String(), Sandbox: !run.Live, DurationMS: max(a.DurationMS, 0),
		Subject:  reportSubject(a),
		Template: report.Template{ID: a.TemplateID, Version: strconv.Itoa(a.TemplateVersion)},
		Decision: report.Decision(a.Decision.String()), OperativeDecision: report.Decision(a.OperativeDecision.String()),
		RiskScore: a.Risk.Score, RiskBand: report.Band(a.Risk.Band.String()), RiskBandLabel: a.Risk.BandLabel,
		RiskFactors: a.Risk.Factors,
		Method:      reportMethod(a, run.Live),
		SignOff:     report.SignOff{Required: a.NeedsSignoff},
	}
	if d.GeneratedAt.IsZero() {
		d.GeneratedAt = run.CompletedAt.UTC()
	}
	if run.OperativeDecision != "" {
		d.OperativeDecision = report.Decision(run.OperativeDecision) // an analyst's sign-off settles it
	}
	for _, h := range a.Holds {
		reason := fmt.Sprintf("source %s: %s", h.Source, h.Status)
		if h.Error != "" {
			reason += " (" + h.Error + ")"
		}
		d.HoldReasons = append(d.HoldReasons, reason)
	}
	for _, f := range a.Findings {
		d.Findings = append(d.Findings, report.Finding{ID: f.ID, Category: f.Category,
			Status: report.FindingStatus(f.Status.String()), Title: f.Rule, Details: f.Details})
	}
	for _, r := range a.Recommendations {
		d.Recommendations = append(d.Recommendations, report.Recommendation{ID: r.ID, Priority: r.Priority, Text: r.Content})
	}
	for _, rr := range a.Rules {
		if rr.State != rules.RuleFired {
			continue
		}
		rf := report.RuleFired{ID: rr.ID, Outcome: rr.Outcome.String(), Points: rr.Points, Factor: rr.RiskFactor}
		for _, rd := range rr.Reads {
			v := displayValue(rd.Value)
			if rd.Missing {
				v = "(missing)"
			}
			rf.Reads = append(rf.Reads, report.KV{Key: rd.Path, Value: v})
		}
		d.RulesFired = append(d.RulesFired, rf)
	}
	for i := range a.Sources {
		d.Sources = append(d.Sources, sourceSection(&a.Sources[i]))
	}
	for _, e := range a.Audit {
		detail := e.Status
		if e.Detail != "" {
			detail += ": " + e.Detail
		}
		d.Audit = append(d.Audit, report.AuditEntry{At: e.At.UTC(), Kind: e.Kind, Ref: e.Ref,
			DurationMS: max(e.DurationMS, 0), Detail: detail})
	}
	for _, v := range a.ListVersions {
		d.ListVersions = append(d.ListVersions, report.KV{Key: v.Code, Value: v.Version})
	}
	d.Metadata = metadataKVs(run.ExternalID, run.Metadata)
	if so := run.SignOff; !so.IsZero() {
		d.SignOff.Analyst, d.SignOff.Decision, d.SignOff.At, d.SignOff.Note = so.Analyst, report.Decision(so.Decision), so.At.UTC(), so.Note
	}
	if err := d.Validate(); err != nil {
		return d, fmt.Errorf("runner: report of run %s: %w", run.ID, err)
	}
	return d, nil
}

// reportMethod says how the run screened: the kinds of sources it ran, and
// the threshold and engine fingerprint of its first screening source that
// recorded them (each screening source's own are in its section).
func reportMethod(a *Analysis, live bool) report.Method {
	var m report.Method
	var kinds []string
	for _, s := range a.Sources {
		kind := s.Kind
		switch kind {
		case rules.SourceScreening.String():
			kind = "list screening (fuzzy name + attributes)"
			if !live {
				kind = "simulated list screening (sandbox)"
			}
			if m.Threshold == 0 {
				m.Threshold = s.Threshold
			}
			if m.Fingerprint == "" {
				m.Fingerprint = s.Fingerprint
			}
		case rules.SourceDocument.String():
			kind = "document validation"
		case rules.SourceCustom.String():
			kind = "custom sources"
		}
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
	}
	m.SearchType = "template " + a.TemplateID + " v" + strconv.Itoa(a.TemplateVersion)
	if len(kinds) > 0 {
		m.SearchType += ": " + strings.Join(kinds, ", ")
	}
	return m
}

// reportSubject is the analysis's subject profile (its document already
// masked by the runner).
func reportSubject(a *Analysis) report.Subject {
	s := report.Subject{Kind: report.SubjectKind(a.Subject.Kind), Name: a.Subject.Name,
		DocumentType: a.Subject.DocType, DocumentNumber: a.Subject.Document}
	if s.Name == "" {
		s.Name = "(no name given; document " + report.MaskDocument(a.Subject.Document) + ")"
	}
	for _, k := range slices.Sorted(maps.Keys(a.Subject.Params)) {
		switch k {
		case "name", "nome", "razao_social", "company_name":
			if displayValue(a.Subject.Params[k]) == s.Name {
				continue
			}
		}
		s.Params = append(s.Params, report.KV{Key: k, Value: displayValue(a.Subject.Params[k])})
	}
	return s
}

// sourceSection maps one source's outcome. A screening's hits are shown
// with the details recorded beside them; a hit without one (a custom
// source's) as the rules saw it.
func sourceSection(s *SourceOutcome) report.SourceSection {
	res := s.Result
	sec := report.SourceSection{ID: s.ID, Kind: s.Kind, Tier: s.Tier, Status: res.Status.String(),
		DurationMS: max(res.DurationMS, 0), Error: res.Error}
	switch s.Kind {
	case rules.SourceDocument.String():
		sec.Details = append(sec.Details, report.KV{Key: "valid", Value: strconv.FormatBool(res.Valid)})
	case rules.SourceCustom.String():
		for _, k := range slices.Sorted(maps.Keys(res.Data)) {
			sec.Details = append(sec.Details, report.KV{Key: k, Value: displayValue(res.Data[k])})
		}
	}
	if s.Threshold > 0 {
		sec.Details = append(sec.Details, report.KV{Key: "threshold", Value: strconv.FormatFloat(s.Threshold, 'f', 3, 64)})
	}
	if s.Fingerprint != "" {
		sec.Details = append(sec.Details, report.KV{Key: "engine fingerprint", Value: s.Fingerprint})
	}
	if s.Kind != rules.SourceScreening.String() && len(res.Hits) == 0 {
		return sec
	}
	versions := map[string]string{}
	var codes []string
	for _, v := range s.ListVersions {
		versions[v.Code] = v.Version
		codes = append(codes, v.Code)
	}
	byList := map[string][]rules.Hit{}
	for _, h := range res.Hits {
		if _, ok := versions[h.List]; !ok && len(byList[h.List]) == 0 {
			codes = append(codes, h.List) // a simulated list, or one without a version
		}
		byList[h.List] = append(byList[h.List], h)
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	for _, code := range codes {
		hits := byList[code]
		ls := report.ListSection{Code: code, Version: versions[code], Matched: len(hits) > 0, MatchCount: len(hits)}
		for _, h := range hits {
			m := hitMatch(h)
			if d, ok := s.HitDetailFor(h); ok {
				m = d.ReportMatch(h.Score)
			}
			ls.Matches = append(ls.Matches, m)
		}
		sec.Lists = append(sec.Lists, ls)
	}
	return sec
}

// hitMatch is the report's view of a rules.Hit without a recorded
// detail: what the rules saw.
func hitMatch(h rules.Hit) report.Match {
	return report.Match{EntityID: h.EntityID, MatchedName: h.Name, Type: h.Type, Score: h.Score, Programs: h.Programs}
}

// metadataKVs lists the external ID first, then the metadata by key.
func metadataKVs(externalID string, md map[string]string) []report.KV {
	var out []report.KV
	if externalID != "" {
		out = append(out, report.KV{Key: "external_id", Value: externalID})
	}
	for _, k := range slices.Sorted(maps.Keys(md)) {
		out = append(out, report.KV{Key: k, Value: md[k]})
	}
	return out
}

// displayValue prints a parameter, data or read value: dates as
// YYYY-MM-DD when they carry no time, lists joined with commas, numbers
// without exponent.
func displayValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			return dateOrTime(t)
		}
		return x
	case time.Time:
		return dateOrTime(x)
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case []string:
		return strings.Join(x, ", ")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = displayValue(e)
		}
		return strings.Join(parts, ", ")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// dateOrTime prints a time as a date when it carries no time of day.
func dateOrTime(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
