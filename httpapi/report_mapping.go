package httpapi

import (
	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/lists"
	"github.com/sievekyc/sieve/report"
	"github.com/sievekyc/sieve/store"
)

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
			ls.Matches = append(ls.Matches, engineMatch(m))
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

// engineMatch maps an engine match (with its entity) to a report match,
// the way a run's report shows its hits (runner.NewHitDetail).
func engineMatch(m engine.Match) report.Match {
	return runner.NewHitDetail("", m).ReportMatch(m.Score)
}
