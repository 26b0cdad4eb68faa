package report

import "time"

// FindingStatus is the result of a finding.
type FindingStatus string

// The finding statuses.
const (
	FindingPassed  FindingStatus = "passed"
	FindingWarning FindingStatus = "warning"
	FindingFailed  FindingStatus = "failed"
)

// Label returns the status in Portuguese: aprovado, alerta, reprovado. An
// unknown status is returned unchanged.
func (s FindingStatus) Label() string {
	switch s {
	case FindingPassed:
		return "aprovado"
	case FindingWarning:
		return "alerta"
	case FindingFailed:
		return "reprovado"
	}
	return string(s)
}

// Severity orders statuses for display: failed 0, warning 1, passed 2, and
// anything else 3.
func (s FindingStatus) Severity() int {
	switch s {
	case FindingFailed:
		return 0
	case FindingWarning:
		return 1
	case FindingPassed:
		return 2
	}
	return 3
}

func (s FindingStatus) valid() bool { return s.Severity() < 3 }

// Finding is one verification finding produced by a fired rule.
type Finding struct {
	ID       string
	Category string
	Status   FindingStatus
	Title    string
	Details  string
}

// Recommendation is a follow-up action suggested by a rule. A lower
// Priority is more urgent.
type Recommendation struct {
	ID       string
	Priority int
	Text     string
}

// RuleFired is a rule that fired during the run.
type RuleFired struct {
	// ID is the rule's ID in the template.
	ID string
	// Outcome is approve, review or reject.
	Outcome string
	// Points are the risk points the rule added.
	Points int
	// Factor is the risk factor the rule names, if any.
	Factor string
	// Reads are the values of the environment the rule read, in order.
	Reads []KV
}

// AuditEntry is one entry of a run's audit log: a source execution or a
// rule evaluation.
type AuditEntry struct {
	// At is when the step started.
	At time.Time
	// Kind is what ran: source, rule, decision...
	Kind string
	// Ref names what ran (source or rule ID).
	Ref string
	// DurationMS is how long it took, in milliseconds.
	DurationMS int64
	// Detail says what happened.
	Detail string
}
