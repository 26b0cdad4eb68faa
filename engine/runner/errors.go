package runner

import "errors"

// Sentinel errors. Test them with errors.Is.
var (
	// ErrTemplateNotFound means no template has the requested ID.
	ErrTemplateNotFound = errors.New("runner: template not found")
	// ErrTemplateNotPublished means the template exists but is a draft.
	ErrTemplateNotPublished = errors.New("runner: template not published")
	// ErrInvalidRequest means a submission field other than the subject's
	// parameters is wrong (tenant, external_id, metadata).
	ErrInvalidRequest = errors.New("runner: invalid request")
	// ErrNotRunning means the runner was not started or is closed.
	ErrNotRunning = errors.New("runner: not running")
	// ErrNotInReview means a sign-off was given for a run that is not
	// awaiting one.
	ErrNotInReview = errors.New("runner: run is not awaiting sign-off")
	// ErrInvalidOptions means Options failed validation.
	ErrInvalidOptions = errors.New("runner: invalid options")
	// ErrUnknownCustomSource means a template names a custom source the
	// host did not register.
	ErrUnknownCustomSource = errors.New("runner: custom source not registered")
)
