// Package rules loads KYC decision templates, compiles their rules and
// turns a subject's source results into a decision, an operative decision,
// a risk score and band, findings and recommendations, with an audit trail
// of every rule evaluation.
//
// # Templates
//
// A template is a YAML file (schema: template.schema.json, also returned by
// TemplateSchema) declaring an id, a version, a status (draft or
// published), the kind of subject (person or company), the parameter
// schema, the sources, the rules, the risk-band cut-offs and test cases:
//
//	id: pf_onboarding
//	version: 3
//	status: published
//	subject: person
//	requires_signoff: true
//	parameters:
//	  document: cpf              # the default for persons; cnpj for companies
//	  fields:
//	    name: {type: string, required: true}
//	    birth_date: {type: date}
//	sources:
//	  - id: sanctions
//	    kind: screening          # or document, or custom
//	    tier: 1                  # 1 = critical: its failure holds the run
//	    timeout: 10s
//	    expected_duration: 2s
//	    screening: {lists: [OFAC-SDN, UN-SC], threshold: 0.85, name: name, dob: birth_date}
//	rules:
//	  - id: sanctions_exact
//	    when: sanctions.best_score >= 0.95
//	    outcome: reject          # approve, review or reject
//	    risk_points: 100
//	    risk_factor: Match on a sanctions list
//	    finding: {category: sanctions, status: failed, details: Listed person}
//	    recommendation: {content: Do not onboard, priority: 1}
//	risk_bands: {medium: 30, high: 70}
//	tests:
//	  - name: exact match
//	    subject: {cpf: "529.982.247-25", name: Someone}
//	    sources: {sanctions: {status: ok, hits: [{entity_id: "ofac-sdn:1", list: OFAC-SDN, name: X, score: 0.99}]}}
//	    expect: {decision: rejected, band: high, score: 100, fired: [sanctions_exact]}
//
// Load and LoadFile validate everything and report every problem at once.
// The document parameter is validated by length and check digits (CPF and
// CNPJ, the alphanumeric CNPJ included); other document types plug in
// through a Documents registry given to a Loader.
//
// # Rules
//
// A rule's condition is an expr expression (github.com/expr-lang/expr),
// compiled once when the template loads against an environment typed from
// the template itself:
//
//	subject.<param>    the subject's parameters: string, float (number),
//	                   int (integer), bool, time.Time (date), []string
//	present.<param>    whether the subject gave an optional parameter
//	as_of              the evaluation's reference time (WithAsOf)
//	<source>.status    "ok", "failed", "timeout" or "skipped"; also .ok,
//	                   .error and .duration_ms
//	<source>.matched, .match_count, .best_score, .lists_hit, .hits
//	                   screening and custom sources; each hit has
//	                   .entity_id, .list, .name, .query, .score, .type,
//	                   .programs
//	<source>.valid     document sources
//	<source>.data.<k>  custom sources; typed when the source declares fields
//
// Because the environment is typed, a misspelt parameter, source or field is
// a load error with the rule ID, the file's line and column and a caret
// snippet. Conditions must yield a bool.
//
// A missing value is an error, never a silent false. A rule reading an
// optional parameter the subject left out, or a data key a custom source
// did not return, ends in RuleErrored with ErrMissingValue, unless the rule
// tests for it (present.<param>, or "key" in <source>.data). A rule
// reading a result field of a source that did not answer (failed, timeout,
// skipped, disabled) is not evaluated: it ends in RuleSkipped and does not
// fire. Reading a source's status, ok, error or duration_ms is always
// allowed; that is how a rule reacts to a failed source.
//
// # Decisions
//
// The decision is rejected if any reject rule fired, else review if any
// review rule fired, else approved; a rule that errored raises it to at
// least review (Evaluation.Escalated), since a decision that could not be
// fully computed must not approve. The operative decision is hold when any
// enabled tier-1 source failed, timed out or was skipped (one HoldReason
// per source), otherwise the decision. The risk score is the sum of the
// fired rules' risk points capped at 100; the band follows the template's
// cut-offs and renders as baixo/medio/alto on the bureau API
// (RiskBand.BureauString). Every evaluation records, per rule, its state,
// the values it read (each static member path in the expression and its
// value) and its duration.
//
// # Budgets
//
// A template must not be able to hang or exhaust its host. Expressions are
// bounded in length, bracket nesting, syntax-tree nodes and closure
// nesting at load time; at run time expr's memory budget bounds ranges and
// collections, and every string concatenation counts against a per-run
// byte budget. Functions whose cost the budgets cannot see (repeat, join,
// replace, split, map, reduce, sort, ...) and the wall clock (now) are not
// available; regular expressions must be literals. See Limits.
//
// # Concurrency
//
// A *Template is immutable once loaded and safe for concurrent use:
// any number of goroutines may call Evaluate, RunTests and Check on it.
// A Documents registry is safe for concurrent use. A Loader may be shared
// if its fields are not modified.
//
// # Errors
//
// Load returns an errors.Join of *LoadError, each with the file, line,
// column and YAML path of one problem, wrapping ErrInvalidTemplate,
// ErrCompile (with ErrUnknownSource or ErrBudgetExceeded where they apply),
// ErrInvalidDocument or ErrMissingValue. Evaluate returns errors for its
// inputs only: *ParamError values (ErrMissingDocument, ErrInvalidDocument,
// ErrMissingParam, ErrUnknownParam, ErrInvalidParam) for a bad subject,
// ErrMissingValue, ErrUnknownSource or ErrInvalidResult for a bad result
// set, and the context's error. Problems of single rules are recorded as
// *RuleError on their RuleResult (ErrMissingValue, ErrBudgetExceeded,
// ErrRuleRuntime). Test every error with errors.Is and errors.As.
package rules
