package runner

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// Analysis is the outcome of a finished run, stored once and never
// changed: what was decided, why, and an audit log of every source
// execution and rule evaluation. Everything but the durations and times is
// a pure function of the template, the subject and the sources' results.
type Analysis struct {
	RunID           string            `json:"run_id"`
	Tenant          string            `json:"tenant"`
	TemplateID      string            `json:"template_id"`
	TemplateVersion int               `json:"template_version"`
	Status          store.RunStatus   `json:"status"`
	Error           string            `json:"error,omitempty"`
	Live            bool              `json:"live"`
	ExternalID      string            `json:"external_id,omitempty"`
	Metadata        map[string]string `json:"metadata,omitempty"`

	Decision          rules.Decision          `json:"decision"`
	OperativeDecision rules.OperativeDecision `json:"operative_decision"`
	Holds             []rules.HoldReason      `json:"holds,omitempty"`
	Escalated         bool                    `json:"escalated,omitempty"`
	NeedsSignoff      bool                    `json:"needs_signoff"`

	Risk            RiskAssessment         `json:"risk_assessment"`
	Findings        []rules.Finding        `json:"findings"`
	Recommendations []rules.Recommendation `json:"recommendations"`
	Subject         SubjectProfile         `json:"subject_profile"`
	Sources         []SourceOutcome        `json:"sources"`
	Rules           []RuleOutcome          `json:"rules"`
	ListVersions    []ListVersion          `json:"list_versions"`
	Audit           []AuditEntry           `json:"audit_log"`

	StartedAt   time.Time `json:"started_at"`
	CompletedAt time.Time `json:"completed_at"`
	DurationMS  int64     `json:"processing_time_ms"`
}

// RiskAssessment is the risk score, its band, the factors behind it and
// its breakdown by dimension (the fired rules' finding categories).
type RiskAssessment struct {
	Score      int             `json:"score"`
	Band       rules.RiskBand  `json:"level"`
	BandLabel  string          `json:"level_label"`
	Factors    []string        `json:"factors"`
	Dimensions []RiskDimension `json:"dimensions"`
}

// RiskDimension is the risk points of one category of findings.
type RiskDimension struct {
	Category string         `json:"category"`
	Score    int            `json:"score"`
	Band     rules.RiskBand `json:"level"`
	Rules    []string       `json:"rules"`
}

// SubjectProfile describes who was checked. The document number is masked
// to its last three digits.
type SubjectProfile struct {
	Kind     string         `json:"kind"`
	Name     string         `json:"name,omitempty"`
	Document string         `json:"document,omitempty"`
	DocType  string         `json:"document_type,omitempty"`
	Params   map[string]any `json:"params"`
}

// SourceOutcome is one source's execution.
type SourceOutcome struct {
	ID           string             `json:"id"`
	Kind         string             `json:"kind"`
	Tier         int                `json:"tier"`
	Result       rules.SourceResult `json:"result"`
	ListVersions []ListVersion      `json:"list_versions,omitempty"`
	// Threshold is the minimum score a screening source's matches needed
	// (engine.Result.Threshold: the template's threshold, or the engine's
	// default when the template sets none). Zero for other sources.
	Threshold float64 `json:"threshold,omitempty"`
	// Fingerprint identifies the engine options and scorer that produced
	// a screening source's scores (engine.Result.Fingerprint). Empty for
	// other sources and for simulated (sandbox) screenings.
	Fingerprint string `json:"fingerprint,omitempty"`
	// HitDetails are what reports show of Result.Hits beyond what rules
	// read: one per hit, found by HitDetailFor.
	HitDetails []HitDetail `json:"hit_details,omitempty"`
}

// HitDetailFor returns the detail recorded for a hit of the source: the
// one with the hit's list, entity ID and query.
func (s *SourceOutcome) HitDetailFor(h rules.Hit) (HitDetail, bool) {
	for _, d := range s.HitDetails {
		if d.EntityID == h.EntityID && d.List == h.List && d.Query == h.Query {
			return d, true
		}
	}
	return HitDetail{}, false
}

// RuleOutcome is one rule's evaluation (rules.RuleResult, whose JSON
// fields it shares) and the risk factor the template gives the rule.
type RuleOutcome struct {
	rules.RuleResult
	// RiskFactor is the rule's risk_factor in the template: what it adds
	// to the risk assessment's factors when it fires.
	RiskFactor string `json:"risk_factor,omitempty"`
}

// ListVersion names a list and the version screened.
type ListVersion struct {
	Code    string `json:"code"`
	Version string `json:"version"`
}

// AuditEntry is one step of the run: a source execution, a rule
// evaluation or the decision.
type AuditEntry struct {
	Seq  int    `json:"seq"`
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
	// At is when the step started: a source's launch; for a rule, the
	// evaluation's start plus the durations of the rules before it (rules
	// run one after another, in template order); for the decision, the
	// end of the last rule. Like the durations, it is not part of what a
	// replay reproduces.
	At         time.Time `json:"at"`
	Status     string    `json:"status"`
	DurationMS int64     `json:"duration_ms"`
	Detail     string    `json:"detail,omitempty"`
}

// runStatus is the status a run ends in, given its evaluation:
//
//	a tier-1 source failed (operative hold)          partial
//	review decision and the template needs sign-off   em_analise
//	another source failed, timed out or was skipped   partial
//	otherwise                                         completed
func runStatus(t *rules.Template, execs []sourceExecution, eval *rules.Evaluation) (store.RunStatus, string) {
	if eval.Operative == rules.OperativeHold {
		var parts []string
		for _, h := range eval.Holds {
			parts = append(parts, fmt.Sprintf("%s %s", h.Source, h.Status))
		}
		return store.StatusPartial, "critical source did not answer: " + strings.Join(parts, ", ")
	}
	if eval.NeedsSignoff {
		return store.StatusInReview, ""
	}
	var missing []string
	for _, x := range execs {
		if x.Source.Enabled && x.Result.Status != rules.StatusOK {
			missing = append(missing, fmt.Sprintf("%s %s", x.ID, x.Result.Status))
		}
	}
	if len(missing) > 0 {
		return store.StatusPartial, "sources without an answer: " + strings.Join(missing, ", ")
	}
	return store.StatusCompleted, ""
}

// timing is when a run's execution started, when its rule evaluation
// started, and when it completed.
type timing struct {
	started, evaluated, completed time.Time
}

func buildAnalysis(t *rules.Template, run store.Run, subject rules.Subject, execs []sourceExecution, eval *rules.Evaluation, tm timing) *Analysis {
	status, errText := runStatus(t, execs, eval)
	a := &Analysis{
		RunID: run.ID, Tenant: run.Tenant, TemplateID: t.ID(), TemplateVersion: t.Version(),
		Status: status, Error: errText, Live: run.Live, ExternalID: run.ExternalID, Metadata: run.Metadata,
		Decision: eval.Decision, OperativeDecision: eval.Operative, Holds: eval.Holds,
		Escalated: eval.Escalated, NeedsSignoff: eval.NeedsSignoff,
		Findings: eval.Findings, Recommendations: eval.Recommendations, Rules: ruleOutcomes(t, eval),
		StartedAt: tm.started, CompletedAt: tm.completed, DurationMS: tm.completed.Sub(tm.started).Milliseconds(),
	}
	a.Risk = RiskAssessment{Score: eval.Score, Band: eval.Band, BandLabel: eval.Band.BureauString(),
		Factors: eval.RiskFactors, Dimensions: dimensions(t, eval)}
	a.Subject = profile(t, subject)
	seen := map[string]bool{}
	seq := 0
	for _, x := range execs {
		a.Sources = append(a.Sources, SourceOutcome{ID: x.ID, Kind: x.Source.Kind.String(), Tier: x.Source.Tier,
			Result: x.Result, ListVersions: x.ListVersions, Threshold: x.Threshold, Fingerprint: x.Fingerprint,
			HitDetails: x.HitDetails})
		for _, v := range x.ListVersions {
			if !seen[v.Code] {
				seen[v.Code] = true
				a.ListVersions = append(a.ListVersions, v)
			}
		}
		seq++
		detail := ""
		switch {
		case x.Result.Error != "":
			detail = x.Result.Error
		case x.Source.Kind == rules.SourceScreening:
			detail = fmt.Sprintf("%d matches, best score %.3f", x.Result.MatchCount, x.Result.BestScore)
		case x.Source.Kind == rules.SourceDocument:
			detail = fmt.Sprintf("valid=%t", x.Result.Valid)
		}
		a.Audit = append(a.Audit, AuditEntry{Seq: seq, Kind: "source", Ref: x.ID, At: x.Started,
			Status: x.Result.Status.String(), DurationMS: x.Result.DurationMS, Detail: detail})
	}
	slices.SortFunc(a.ListVersions, func(x, y ListVersion) int { return compareStrings(x.Code, y.Code) })
	at := tm.evaluated
	for _, rr := range eval.Rules {
		seq++
		detail := rr.Reason
		if rr.Error != "" {
			detail = rr.Error
		}
		if len(rr.Reads) > 0 && detail == "" {
			var reads []string
			for _, rd := range rr.Reads {
				reads = append(reads, fmt.Sprintf("%s=%v", rd.Path, rd.Value))
			}
			detail = strings.Join(reads, ", ")
		}
		a.Audit = append(a.Audit, AuditEntry{Seq: seq, Kind: "rule", Ref: rr.ID, At: at, Status: rr.State.String(),
			DurationMS: rr.Duration.Milliseconds(), Detail: detail})
		at = at.Add(rr.Duration)
	}
	seq++
	a.Audit = append(a.Audit, AuditEntry{Seq: seq, Kind: "decision", Ref: t.ID(), At: at, Status: eval.Operative.String(),
		DurationMS: eval.Duration.Milliseconds(), Detail: fmt.Sprintf("decision %s, risk %d (%s)", eval.Decision, eval.Score, eval.Band)})
	return a
}

// ruleOutcomes pairs each rule's result with the template's risk factor
// for the rule.
func ruleOutcomes(t *rules.Template, eval *rules.Evaluation) []RuleOutcome {
	factor := map[string]string{}
	for _, r := range t.Rules() {
		factor[r.ID] = r.RiskFactor
	}
	out := make([]RuleOutcome, len(eval.Rules))
	for i, rr := range eval.Rules {
		out[i] = RuleOutcome{RuleResult: rr, RiskFactor: factor[rr.ID]}
	}
	return out
}

// dimensions sums fired rules' points by finding category.
func dimensions(t *rules.Template, eval *rules.Evaluation) []RiskDimension {
	category := map[string]string{}
	for _, f := range eval.Findings {
		category[f.Rule] = f.Category
	}
	byCat := map[string]*RiskDimension{}
	var order []string
	for _, rr := range eval.Rules {
		if rr.Points == 0 {
			continue
		}
		c := category[rr.ID]
		if c == "" {
			c = "other"
		}
		d, ok := byCat[c]
		if !ok {
			d = &RiskDimension{Category: c}
			byCat[c] = d
			order = append(order, c)
		}
		d.Score = min(rules.MaxRiskScore, d.Score+rr.Points)
		d.Rules = append(d.Rules, rr.ID)
	}
	slices.Sort(order)
	out := make([]RiskDimension, 0, len(order))
	for _, c := range order {
		d := byCat[c]
		d.Band = t.Bands().Band(d.Score)
		out = append(out, *d)
	}
	return out
}

// profile describes the subject, masking the document number.
func profile(t *rules.Template, subject rules.Subject) SubjectProfile {
	p := SubjectProfile{Kind: t.Kind().String(), Params: map[string]any{}}
	doc := t.Document()
	for k, v := range subject {
		if k == doc.Param {
			s, _ := v.(string)
			p.Document, p.DocType = maskDocument(s), doc.Type
			continue
		}
		p.Params[k] = v
		if (k == "name" || k == "nome" || k == "razao_social" || k == "company_name") && p.Name == "" {
			p.Name, _ = v.(string)
		}
	}
	return p
}

// maskDocument keeps the last three digits: "***.***.**7-25" style is not
// needed; "********725" is enough to tell documents apart in a report.
func maskDocument(s string) string {
	var digits []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' || s[i] >= 'A' && s[i] <= 'Z' {
			digits = append(digits, s[i])
		}
	}
	if len(digits) <= 3 {
		return strings.Repeat("*", len(digits))
	}
	return strings.Repeat("*", len(digits)-3) + string(digits[len(digits)-3:])
}
