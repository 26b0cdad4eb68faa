package httpapi

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors of the adapters. Handlers return them (wrapped with %w);
// the one function that maps errors to responses (problemFor) turns each
// into its status and wire code. Hosts that reuse the handlers' pieces can
// test them with errors.Is.
var (
	// ErrInvalidOptions means Options failed validation.
	ErrInvalidOptions = errors.New("httpapi: invalid options")
	// ErrUnauthorized means the request carries no API key, or one that is
	// unknown or revoked (401 unauthorized).
	ErrUnauthorized = errors.New("httpapi: missing or invalid API key")
	// ErrInsufficientScope means the key lacks the route's scope (403
	// insufficient_scope).
	ErrInsufficientScope = errors.New("httpapi: insufficient scope")
	// ErrBillingSuspended means the key's tenant is suspended (402
	// billing_suspended).
	ErrBillingSuspended = errors.New("httpapi: billing suspended")
	// ErrRateLimited means the key spent its budget (429
	// rate_limit_exceeded); the error is a *RateLimitError.
	ErrRateLimited = errors.New("httpapi: rate limit exceeded")
	// ErrInvalidBody means the request body is not the JSON object the
	// route expects: malformed, with unknown fields, or of the wrong types
	// (400 invalid_request).
	ErrInvalidBody = errors.New("httpapi: invalid request body")
	// ErrBodyTooLarge means the body exceeds Options.MaxBodyBytes (413
	// request_too_large).
	ErrBodyTooLarge = errors.New("httpapi: request body too large")
	// ErrMissingTemplateID means a run creation lacks a string template_id
	// (400 missing_template_id).
	ErrMissingTemplateID = errors.New("httpapi: missing template_id")
	// ErrInvalidParametros means parametros is not a JSON object (400
	// invalid_parametros).
	ErrInvalidParametros = errors.New("httpapi: parametros is not an object")
	// ErrInvalidParameter means a query-string parameter is malformed or
	// out of range (400 invalid_parameter).
	ErrInvalidParameter = errors.New("httpapi: invalid query parameter")
	// ErrInvalidIdempotencyKey means the Idempotency-Key header is empty,
	// too long or not printable ASCII (400 invalid_idempotency_key).
	ErrInvalidIdempotencyKey = errors.New("httpapi: invalid Idempotency-Key")
	// ErrInvalidMode means a report mode is missing or not resumido or
	// completo (400 invalid_mode).
	ErrInvalidMode = errors.New("httpapi: invalid report mode")
	// ErrRunNotSettled means a report was asked for a run still queued or
	// running (400 run_not_settled).
	ErrRunNotSettled = errors.New("httpapi: run has not settled")
	// ErrAnalysisUnavailable means the run settled without an analysis
	// (failed or cancelled), so there is nothing to show or report (409
	// analysis_unavailable).
	ErrAnalysisUnavailable = errors.New("httpapi: run has no analysis")
	// ErrReportNotGenerated means GET asked for a report that POST never
	// generated (404 report_not_found).
	ErrReportNotGenerated = errors.New("httpapi: report not generated")
	// ErrInvalidSignature means a signed URL was altered or signed with
	// another key (403 invalid_signature).
	ErrInvalidSignature = errors.New("httpapi: invalid URL signature")
	// ErrURLExpired means a signed URL's expiry has passed (403
	// url_expired).
	ErrURLExpired = errors.New("httpapi: signed URL expired")
	// ErrNotReady means the host cannot serve the request now: no lists
	// loaded, the runner stopped, the store closed (503 unavailable).
	ErrNotReady = errors.New("httpapi: service not ready")
)

// RateLimitError reports a key over its budget and when to retry. It
// unwraps to ErrRateLimited.
type RateLimitError struct {
	// Key is the API key's ID (never its secret).
	Key string
	// RetryAfter is how long until the key has a request to spend.
	RetryAfter time.Duration
}

// Error names the key and the wait.
func (e *RateLimitError) Error() string {
	return fmt.Sprintf("%v: key %s, retry after %s", ErrRateLimited, e.Key, e.RetryAfter)
}

// Unwrap returns ErrRateLimited.
func (e *RateLimitError) Unwrap() error { return ErrRateLimited }
