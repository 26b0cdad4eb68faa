package httpapi

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/rules"
	"github.com/sievekyc/sieve/store"
)

// problem is an error as the wire shows it.
type problem struct {
	Status  int
	Code    string
	Message string
	// InvalidParams lists the subject parameters at fault
	// (invalid_parametros, missing_document, invalid_document).
	InvalidParams []invalidParam
	// RetryAfter sets the Retry-After header (429).
	RetryAfter time.Duration
	// Internal marks a failure of the host, not of the caller: its details
	// are logged and the body is generic.
	Internal bool
}

// invalidParam is one entry of invalid_params.
type invalidParam struct {
	Param  string `json:"param"`
	Reason string `json:"reason"`
}

// problemFor maps an error to its status, wire code and message. It is the
// only place that does: handlers return errors, and this function decides
// what the caller sees. Caller mistakes are 4xx with a message naming what
// is wrong; anything unrecognized is a generic 500.
func problemFor(err error) problem {
	var rl *RateLimitError
	var conflict *store.IdempotencyConflictError
	params := paramErrors(err)
	switch {
	case errors.As(err, &rl):
		return problem{Status: http.StatusTooManyRequests, Code: "rate_limit_exceeded",
			Message: "The API key has exceeded its request budget; retry after the Retry-After delay.", RetryAfter: rl.RetryAfter}
	case errors.Is(err, ErrUnauthorized):
		return problem{Status: http.StatusUnauthorized, Code: "unauthorized",
			Message: "Missing or invalid API key: send it as X-API-Key or Authorization: Bearer."}
	case errors.Is(err, ErrBillingSuspended):
		return problem{Status: http.StatusPaymentRequired, Code: "billing_suspended",
			Message: "The account is suspended or has insufficient credit."}
	case errors.Is(err, ErrInsufficientScope):
		return problem{Status: http.StatusForbidden, Code: "insufficient_scope", Message: message(err)}
	case errors.Is(err, ErrInvalidSignature):
		return problem{Status: http.StatusForbidden, Code: "invalid_signature", Message: "The signed URL is invalid."}
	case errors.Is(err, ErrURLExpired):
		return problem{Status: http.StatusForbidden, Code: "url_expired", Message: "The signed URL has expired; request a new one."}
	case errors.Is(err, ErrBodyTooLarge):
		return problem{Status: http.StatusRequestEntityTooLarge, Code: "request_too_large", Message: message(err)}
	case errors.Is(err, ErrMissingTemplateID):
		return problem{Status: http.StatusBadRequest, Code: "missing_template_id", Message: "template_id is required and must be a string."}
	case errors.Is(err, runner.ErrTemplateNotFound), errors.Is(err, runner.ErrTemplateNotPublished):
		return problem{Status: http.StatusBadRequest, Code: "template_not_found",
			Message: "The template does not exist or is not published."}
	case len(params) > 0:
		return paramProblem(params)
	case errors.Is(err, ErrInvalidParametros):
		return problem{Status: http.StatusBadRequest, Code: "invalid_parametros", Message: message(err),
			InvalidParams: []invalidParam{{Param: "parametros", Reason: "must be a JSON object"}}}
	case errors.Is(err, ErrInvalidBody), errors.Is(err, runner.ErrInvalidRequest):
		return problem{Status: http.StatusBadRequest, Code: "invalid_request", Message: message(err)}
	case errors.Is(err, ErrInvalidParameter), errors.Is(err, store.ErrInvalidFilter):
		return problem{Status: http.StatusBadRequest, Code: "invalid_parameter", Message: message(err)}
	case errors.Is(err, store.ErrInvalidCursor):
		return problem{Status: http.StatusBadRequest, Code: "invalid_cursor",
			Message: "The cursor is malformed or was issued for another listing."}
	case errors.Is(err, ErrInvalidIdempotencyKey):
		return problem{Status: http.StatusBadRequest, Code: "invalid_idempotency_key", Message: message(err)}
	case errors.Is(err, ErrInvalidMode):
		return problem{Status: http.StatusBadRequest, Code: "invalid_mode", Message: "mode must be resumido or completo."}
	case errors.Is(err, ErrRunNotSettled), errors.Is(err, runner.ErrRunNotSettled):
		return problem{Status: http.StatusBadRequest, Code: "run_not_settled", Message: "The run has not reached a terminal status yet."}
	case errors.Is(err, engine.ErrInvalidQuery):
		return problem{Status: http.StatusBadRequest, Code: "invalid_query", Message: message(err)}
	case errors.As(err, &conflict):
		return problem{Status: http.StatusConflict, Code: "idempotency_conflict",
			Message: "The Idempotency-Key was already used with a different request body."}
	case errors.Is(err, ErrAnalysisUnavailable), errors.Is(err, runner.ErrNoAnalysis):
		return problem{Status: http.StatusConflict, Code: "analysis_unavailable", Message: message(err)}
	case errors.Is(err, ErrReportNotGenerated):
		return problem{Status: http.StatusNotFound, Code: "report_not_found",
			Message: "The report has not been generated yet: POST to this URL first."}
	case errors.Is(err, store.ErrNotFound):
		return problem{Status: http.StatusNotFound, Code: "not_found", Message: "Record not found"}
	case errors.Is(err, ErrNotReady), errors.Is(err, engine.ErrNoLists), errors.Is(err, runner.ErrNotRunning),
		errors.Is(err, store.ErrClosed), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return problem{Status: http.StatusServiceUnavailable, Code: "unavailable",
			Message: "The service cannot answer right now; retry later.", Internal: true}
	}
	return problem{Status: http.StatusInternalServerError, Code: "internal_error", Message: "Internal error", Internal: true}
}

// paramProblem answers parameter errors: missing_document before
// invalid_document before invalid_parametros, every parameter listed.
func paramProblem(params []*rules.ParamError) problem {
	p := problem{Status: http.StatusBadRequest, Code: "invalid_parametros",
		Message: "One or more parametros fields are missing, unknown or invalid."}
	missingDoc, invalidDoc := false, false
	for _, pe := range params {
		p.InvalidParams = append(p.InvalidParams, invalidParam{Param: pe.Param, Reason: oneLine(pe.Err.Error())})
		missingDoc = missingDoc || errors.Is(pe, rules.ErrMissingDocument)
		invalidDoc = invalidDoc || errors.Is(pe, rules.ErrInvalidDocument)
	}
	switch {
	case missingDoc:
		p.Code, p.Message = "missing_document", "The document field was not found in parametros."
	case invalidDoc:
		p.Code, p.Message = "invalid_document", "The document number is invalid (length or check digits)."
	}
	return p
}

// paramErrors collects every *rules.ParamError in err's tree (joined
// errors included), in order.
func paramErrors(err error) []*rules.ParamError {
	var out []*rules.ParamError
	var walk func(error)
	walk = func(e error) {
		if pe, ok := e.(*rules.ParamError); ok {
			out = append(out, pe)
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			if x := u.Unwrap(); x != nil {
				walk(x)
			}
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// message renders a caller mistake's error as one line, without the
// package prefixes that mean nothing to a client.
func message(err error) string {
	s := oneLine(err.Error())
	for _, prefix := range []string{"httpapi: ", "runner: ", "engine: ", "store: "} {
		s = strings.ReplaceAll(s, prefix, "")
	}
	return s
}

// oneLine joins the lines of a (joined) error message with "; ".
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "; ") }

// envelope is the shape of an error body: the bureau API nests a code and a
// message under "error"; the KYC API (seed 000) puts the message itself in
// "error".
type envelope uint8

const (
	envelopeBureau envelope = iota
	envelopeKYC
)

// writeProblem writes p in the route's envelope.
func writeProblem(w http.ResponseWriter, env envelope, p problem, requestID string) {
	if p.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(p.RetryAfter.Seconds()))))
	}
	msg := p.Message
	if p.Internal && p.Status == http.StatusInternalServerError {
		msg = "An internal error occurred; quote request ID " + requestID + " when reporting it."
	}
	switch env {
	case envelopeKYC:
		body := struct {
			Error     string         `json:"error"`
			Message   string         `json:"message,omitempty"`
			Code      string         `json:"code"`
			Params    []invalidParam `json:"invalid_params,omitempty"`
			RequestID string         `json:"request_id,omitempty"`
		}{Error: p.Message, Code: p.Code, Params: p.InvalidParams, RequestID: requestID}
		if p.Internal {
			body.Message = msg
		}
		writeJSON(w, p.Status, body)
	default:
		type detail struct {
			Code          string         `json:"code"`
			Message       string         `json:"message"`
			InvalidParams []invalidParam `json:"invalid_params,omitempty"`
			RequestID     string         `json:"request_id,omitempty"`
		}
		writeJSON(w, p.Status, struct {
			Error detail `json:"error"`
		}{detail{Code: p.Code, Message: msg, InvalidParams: p.InvalidParams, RequestID: requestID}})
	}
}
