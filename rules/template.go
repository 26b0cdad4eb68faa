package rules

import "time"

// TemplateStatus says whether a template may run for real.
type TemplateStatus uint8

// The template statuses. The zero value is invalid.
const (
	StatusDraft     TemplateStatus = iota + 1 // being written; hosts run it only in tests and sandboxes
	StatusPublished                           // released for runs
)

var templateStatusNames = []string{"", "draft", "published"}

// ParseTemplateStatus parses "draft" or "published".
func ParseTemplateStatus(s string) (TemplateStatus, error) {
	v, err := enumParse("template status", templateStatusNames, s)
	return TemplateStatus(v), err
}

// String returns "draft" or "published".
func (s TemplateStatus) String() string {
	return enumString("TemplateStatus", templateStatusNames, uint8(s))
}

// MarshalText implements encoding.TextMarshaler; it rejects invalid values.
func (s TemplateStatus) MarshalText() ([]byte, error) {
	return enumMarshal("template status", templateStatusNames, uint8(s))
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown
// names.
func (s *TemplateStatus) UnmarshalText(b []byte) error {
	v, err := ParseTemplateStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Rule is one decision rule of a template, as declared. When is an expr
// expression over the rule environment (see the package documentation);
// the rule fires when it evaluates to true.
type Rule struct {
	ID          string  `json:"id"`
	Description string  `json:"description,omitempty"`
	When        string  `json:"when"`
	Outcome     Outcome `json:"outcome"`
	// RiskPoints (0..100) add to the risk score when the rule fires.
	RiskPoints int `json:"risk_points"`
	// RiskFactor is the human-readable factor the rule contributes.
	RiskFactor     string              `json:"risk_factor,omitempty"`
	Finding        FindingSpec         `json:"finding"`
	Recommendation *RecommendationSpec `json:"recommendation,omitempty"`
	// Line and Column locate When in the template file.
	Line   int `json:"line"`
	Column int `json:"column"`
}

func (r Rule) clone() Rule {
	if r.Recommendation != nil {
		c := *r.Recommendation
		r.Recommendation = &c
	}
	return r
}

// Template is a loaded, validated and compiled template. It is immutable:
// its accessors return copies, and it is safe for concurrent use by any
// number of goroutines (Evaluate, RunTests, Check).
type Template struct {
	file            string
	id              string
	version         int
	status          TemplateStatus
	name            string
	description     string
	kind            SubjectKind
	requiresSignoff bool
	document        DocumentField
	params          []Param
	paramIndex      map[string]int
	sources         []Source
	sourceIndex     map[string]int
	sourceLine      []int // where each source is declared
	rules           []Rule
	ruleIdx         map[string]int
	bands           Bands
	tests           []TestCase
	limits          Limits
	documents       map[string]DocumentValidator

	env      *envLayout
	compiled []*compiledRule
	usesAsOf bool
	// readSlots counts the distinct paths the rules read; readCount the
	// reads of all rules together.
	readSlots int
	readCount int
}

// File is the name the template was loaded under.
func (t *Template) File() string { return t.file }

// ID is the template's identifier.
func (t *Template) ID() string { return t.id }

// Version is the template's version, a positive integer the author bumps on
// every change.
func (t *Template) Version() int { return t.version }

// Status is draft or published.
func (t *Template) Status() TemplateStatus { return t.status }

// Name is the template's display name.
func (t *Template) Name() string { return t.name }

// Description is the template's free-text description.
func (t *Template) Description() string { return t.description }

// Kind is the kind of subject the template screens.
func (t *Template) Kind() SubjectKind { return t.kind }

// RequiresSignoff reports whether a review decision waits for an analyst's
// sign-off (the run status em_analise) before the run completes.
func (t *Template) RequiresSignoff() bool { return t.requiresSignoff }

// Document is the template's document parameter and type.
func (t *Template) Document() DocumentField { return t.document }

// Params returns the parameter schema, in file order, the document
// parameter included.
func (t *Template) Params() []Param {
	out := make([]Param, len(t.params))
	for i, p := range t.params {
		out[i] = p.clone()
	}
	return out
}

// Param returns the parameter named name.
func (t *Template) Param(name string) (Param, bool) {
	i, ok := t.paramIndex[name]
	if !ok {
		return Param{}, false
	}
	return t.params[i].clone(), true
}

// Sources returns the declared sources, in file order.
func (t *Template) Sources() []Source {
	out := make([]Source, len(t.sources))
	for i, s := range t.sources {
		out[i] = s.clone()
	}
	return out
}

// Source returns the source with the given ID.
func (t *Template) Source(id string) (Source, bool) {
	i, ok := t.sourceIndex[id]
	if !ok {
		return Source{}, false
	}
	return t.sources[i].clone(), true
}

// Rules returns the rules, in file order.
func (t *Template) Rules() []Rule {
	out := make([]Rule, len(t.rules))
	for i, r := range t.rules {
		out[i] = r.clone()
	}
	return out
}

// Bands returns the risk-band cut-offs.
func (t *Template) Bands() Bands { return t.bands }

// Limits returns the limits the template was compiled and runs under.
func (t *Template) Limits() Limits { return t.limits }

// Tests returns the template's test cases.
func (t *Template) Tests() []TestCase {
	out := make([]TestCase, len(t.tests))
	for i, c := range t.tests {
		out[i] = c.clone()
	}
	return out
}

// EstimatedDuration is the largest ExpectedDuration of the enabled sources,
// which run concurrently: the run's estimated_seconds.
func (t *Template) EstimatedDuration() time.Duration {
	var d time.Duration
	for _, s := range t.sources {
		if s.Enabled {
			d = max(d, s.ExpectedDuration)
		}
	}
	return d
}

// UsesAsOf reports whether some rule reads as_of, the evaluation's
// reference time; such templates need WithAsOf for reproducible results.
func (t *Template) UsesAsOf() bool { return t.usesAsOf }
