package runner

import "errors"

// Sentinel errors. Test them with errors.Is.
var (
	// ErrTemplateNotFound means no template has the requested ID.
	ErrTemplateNotFound = errors.New("runner: template not found")
	// ErrTemplateNotPublished means the template exists but is a draft.
	ErrTemplateNotPublished = errors.New("runner: template not published")
	// ErrInvalidRequest means a request field is wrong: a submission's
	// fields other than the subject's parameters (tenant, external_id,
	// metadata), a sign-off without analyst or decision, a report asked
	// without a renderer or with another run's analysis.
	ErrInvalidRequest = errors.New("runner: invalid request")
	// ErrNotRunning means the runner was not started or is closed.
	ErrNotRunning = errors.New("runner: not running")
	// ErrNotInReview means a sign-off was given for a run that is not
	// awaiting one.
	ErrNotInReview = errors.New("runner: run is not awaiting sign-off")
	// ErrInvalidOptions means Options failed validation.
	ErrInvalidOptions = errors.New("runner: invalid options")
	// ErrRunNotSettled means a report was asked for a run that has not
	// settled (see Settled): it is still queued or running.
	ErrRunNotSettled = errors.New("runner: run has not settled")
	// ErrNoAnalysis means a report was asked for a run that settled
	// without an analysis (it failed or was cancelled).
	ErrNoAnalysis = errors.New("runner: run has no analysis")
	// ErrUnknownCustomSource means a template names a custom source the
	// host did not register.
	ErrUnknownCustomSource = errors.New("runner: custom source not registered")
)
