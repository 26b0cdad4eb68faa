// Package runner executes decision templates for subjects as asynchronous
// runs: it validates and persists a run before acknowledging it, executes
// the template's sources concurrently on a worker pool with per-source
// timeouts, evaluates the rules, stores the run's deterministic analysis,
// and resumes runs that were accepted but not finished when the process
// stopped.
//
// A run's lifecycle is queued → running → completed, partial, failed or
// em_analise (a review decision awaiting an analyst's sign-off, recorded
// with SignOff), or cancelado. Sources are list screenings (through an
// *engine.Engine), document validations, and custom sources the host
// registers in Go. In sandbox mode every source returns a deterministic
// simulated result driven by the subject's document number (see
// SandboxResult) and runs are marked live=false.
//
// The analysis records what a report needs, from what the run already
// had: each screening hit's entity details and score explanation
// (HitDetail), the screening threshold and engine fingerprint, each rule's
// risk factor and the time of each audit step. ReportDocument maps a run
// and its analysis to a report.Document without screening again;
// StoredReport (and Runner.Report) render a report on its first request
// with the host's Renderer and keep it immutably per (tenant, run, mode).
// A started runner purges reports older than Options.ReportRetention (90
// days by default) daily.
//
// # Concurrency
//
// A Runner is safe for concurrent use. Start launches the workers; Close
// stops accepting work and waits for runs in flight, which a later Start
// resumes if Close's context expired first.
//
// # Errors
//
// Submission errors wrap the sentinels of errors.go (ErrTemplateNotFound,
// ErrTemplateNotPublished, ErrInvalidRequest) or the rules package's
// parameter errors (*rules.ParamError wrapping rules.ErrMissingDocument,
// rules.ErrInvalidDocument, ...); report errors wrap ErrRunNotSettled,
// ErrNoAnalysis or report.ErrInvalidMode; store errors (store.ErrNotFound,
// store.ErrConflict) pass through wrapped.
package runner
