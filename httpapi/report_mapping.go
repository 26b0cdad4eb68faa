package httpapi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// hitDetails completes a run's hit with the listed entity's details and an
// explanation, when they can be known; ok is false otherwise.
type hitDetails func(h rules.Hit, listVersion string) (m report.Match, ok bool)

// runDocument maps a settled run and its analysis to the report of a mode.
// Everything comes from stored records, and the document is dated with the
// analysis's completion time, so the same run renders the same report. A
// sign-off recorded since the analysis is shown (operative decision and
// sign-off block); details, when not nil, enriches the matches.
func runDocument(run store.Run, a *runner.Analysis, mode report.Mode, details hitDetails) report.Document {
	d := report.Document{
		Mode: mode, TenantID: run.Tenant, RunID: run.ID, GeneratedAt: a.CompletedAt.UTC(),
		Status: run.Status.String(), Sandbox: !run.Live, DurationMS: max(a.DurationMS, 0),
		Subject:  runSubject(a),
		Template: report.Template{ID: a.TemplateID, Version: strconv.Itoa(a.TemplateVersion)},
		Decision: report.Decision(a.Decision.String()), OperativeDecision: report.Decision(a.OperativeDecision.String()),
		RiskScore: a.Risk.Score, RiskBand: report.Band(a.Risk.Band.String()), RiskBandLabel: a.Risk.BandLabel,
		RiskFactors: a.Risk.Factors,
		Method:      report.Method{SearchType: "template " + a.TemplateID + " v" + strconv.Itoa(a.TemplateVersion) + ": screening, document and custom sources"},
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
		rf := report.RuleFired{ID: rr.ID, Outcome: rr.Outcome.String(), Points: rr.Points}
		for _, rd := range rr.Reads {
			v := displayValue(rd.Value)
			if rd.Missing {
				v = "(missing)"
			}
			rf.Reads = append(rf.Reads, report.KV{Key: rd.Path, Value: v})
		}
		d.RulesFired = append(d.RulesFired, rf)
	}
	for _, s := range a.Sources {
		d.Sources = append(d.Sources, sourceSection(s, details))
	}
	for _, e := range a.Audit {
		detail := e.Status
		if e.Detail != "" {
			detail += ": " + e.Detail
		}
		d.Audit = append(d.Audit, report.AuditEntry{Kind: e.Kind, Ref: e.Ref, DurationMS: max(e.DurationMS, 0), Detail: detail})
	}
	for _, v := range a.ListVersions {
		d.ListVersions = append(d.ListVersions, report.KV{Key: v.Code, Value: v.Version})
	}
	d.Metadata = metadataKVs(run.ExternalID, run.Metadata)
	if so := run.SignOff; !so.IsZero() {
		d.SignOff.Analyst, d.SignOff.Decision, d.SignOff.At, d.SignOff.Note = so.Analyst, report.Decision(so.Decision), so.At.UTC(), so.Note
	}
	return d
}

// runSubject is the analysis's subject profile (its document already
// masked by the runner).
func runSubject(a *runner.Analysis) report.Subject {
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

// sourceSection maps one source's outcome.
func sourceSection(s runner.SourceOutcome, details hitDetails) report.SourceSection {
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
			m := report.Match{EntityID: h.EntityID, MatchedName: h.Name, Type: h.Type, Score: h.Score, Programs: h.Programs}
			if details != nil {
				if full, ok := details(h, versions[code]); ok {
					full.Score, full.MatchedName = h.Score, cmp.Or(full.MatchedName, h.Name)
					m = full
				}
			}
			ls.Matches = append(ls.Matches, m)
		}
		sec.Lists = append(sec.Lists, ls)
	}
	return sec
}

// kycDocument maps a KYC job (seed 000's export): the subject as
// received, the result of every list scanned, and the screening's
// configuration. The document is dated with the job's creation.
func kycDocument(job store.ExportJob, req kycBody, rec kycRecord) report.Document {
	d := report.Document{Mode: report.ModeExport, TenantID: job.Tenant, RunID: job.ID,
		GeneratedAt: job.CreatedAt.UTC(), Status: "completed", DurationMS: max(rec.ProcessingTimeMS, 0),
		Subject: report.Subject{Name: req.Name, DocumentNumber: req.Document},
		Method: report.Method{SearchType: "fuzzy name + attributes (type, date of birth, country, document)",
			Threshold: rec.Threshold, Fingerprint: rec.Fingerprint},
	}
	if d.Subject.Name == "" {
		d.Subject.Name = "(no name)"
	}
	if req.Document != "" {
		d.Subject.DocumentType = "document"
	}
	if t, err := lists.ParseEntityType(req.Type); err == nil && req.Type != "" {
		switch t {
		case lists.TypePerson:
			d.Subject.Kind = report.SubjectPerson
		case lists.TypeOrganization:
			d.Subject.Kind = report.SubjectCompany
		}
		d.Subject.Params = append(d.Subject.Params, report.KV{Key: "type", Value: t.String()})
	}
	if req.DOB != "" {
		d.Subject.Params = append(d.Subject.Params, report.KV{Key: "date of birth", Value: req.DOB})
	}
	if req.Country != "" {
		d.Subject.Params = append(d.Subject.Params, report.KV{Key: "nationality", Value: req.Country})
	}
	sec := report.SourceSection{ID: "screening", Kind: "screening", Tier: 1, Status: "ok", DurationMS: d.DurationMS}
	risk := report.BandLow
	for _, l := range rec.Lists {
		ls := report.ListSection{Code: string(l.Source), Version: l.Version, Matched: l.Matched,
			MatchCount: max(l.MatchCount, len(l.Matches))}
		ls.Matched = ls.MatchCount > 0
		for _, m := range l.Matches {
			ls.Matches = append(ls.Matches, engineMatch(m, ""))
			risk = higherBand(risk, bandOf(m.Score))
		}
		sec.Lists = append(sec.Lists, ls)
		d.ListVersions = append(d.ListVersions, report.KV{Key: string(l.Source), Value: l.Version})
	}
	d.Sources = []report.SourceSection{sec}
	d.RiskBand = risk
	return d
}

// bandOf is the overall risk a KYC export shows for a match score: high
// for a near-certain match, medium for any other match.
func bandOf(score float64) report.Band {
	if score >= 0.95 {
		return report.BandHigh
	}
	return report.BandMedium
}

// higherBand returns the riskier of two bands.
func higherBand(a, b report.Band) report.Band {
	rank := map[report.Band]int{report.BandLow: 1, report.BandMedium: 2, report.BandHigh: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// engineMatch maps an engine match (with its entity) to a report match.
// note, when set, heads the explanation.
func engineMatch(m engine.Match, note string) report.Match {
	out := report.Match{EntityID: m.EntityID, MatchedName: m.Name, NameKind: m.NameKind.String(),
		Type: m.Type.String(), Score: m.Score, Name: m.PrimaryName}
	if note != "" {
		out.Explanation = append(out.Explanation, note)
	}
	for _, f := range m.Factors {
		out.Explanation = append(out.Explanation, fmt.Sprintf("%s %+.3f: %s", f.Kind, f.Effect, f.Evidence))
	}
	e := m.Entity
	if e == nil {
		return out
	}
	out.Programs = e.Programs
	for _, b := range e.BirthDates {
		out.BirthDates = append(out.BirthDates, b.String())
	}
	for _, c := range slices.Concat(e.Nationalities, e.Citizenships) {
		if !slices.Contains(out.Nationalities, c) {
			out.Nationalities = append(out.Nationalities, c)
		}
	}
	for _, id := range e.Identifiers {
		s := strings.TrimSpace(cmp.Or(id.Label, id.Type) + " " + id.Number)
		if id.Country != "" {
			s += " (" + id.Country + ")"
		}
		out.Identifiers = append(out.Identifiers, s)
	}
	var primary *lists.Name
	for i := range e.Names {
		if e.Names[i].Kind == lists.NamePrimary {
			primary = &e.Names[i]
			break
		}
	}
	if primary != nil && primary.Script != "" && primary.Script != "Latn" {
		for _, n := range e.Names {
			if n.Script == "Latn" {
				out.Transliteration = n.Full
				break
			}
		}
	}
	return out
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

func dateOrTime(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
