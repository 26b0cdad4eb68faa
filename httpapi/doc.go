// Package httpapi is the optional net/http adapter of Sieve: the bureau
// runs API, the synchronous KYC screening and export API, signed file
// downloads, probes and an OpenAPI document, each route a thin layer over
// one library call.
//
// NewHandler returns an http.Handler built on a ServeMux with method and
// path patterns. Every route decodes its input (bodies size-limited,
// unknown JSON fields and query parameters refused), validates it, calls
// one method of the engine, the runner or the store, and encodes the
// answer. The routes, their scopes and status codes are listed on
// NewHandler and described in openapi.json (served at GET /openapi.json,
// also returned by OpenAPI).
//
// # Authentication and tenancy
//
// A request presents an API key as X-API-Key or Authorization: Bearer.
// Keys are stored hashed (store.HashAPIKey) with a tenant, scopes
// (runs:write, runs:read, kyc:write, kyc:export) and a rate per minute.
// A request is checked in this order: a known, unrevoked key (401
// unauthorized), the key's token bucket (429 rate_limit_exceeded with
// Retry-After), the route's scope (403 insufficient_scope), the tenant's
// billing (402 billing_suspended). Every read names the key's tenant, so
// another tenant's run, analysis, report or export is 404, exactly like a
// missing one.
//
// Reports and exports are downloaded through signed URLs (GET
// /files/{token}): the token names the tenant, the object and an expiry
// (Options.URLTTL, one hour by default) and carries an HMAC-SHA256 of them
// under Options.SigningKey. An altered token is 403 invalid_signature, an
// expired one 403 url_expired.
//
// # Concurrency
//
// The handler is safe for concurrent use; its only mutable state is the
// per-key token buckets, guarded by a mutex. Long polling (GET
// .../analysis?waitForReport=true) blocks one request goroutine in
// runner.Runner.Wait, bounded by timeoutSeconds and the request's context,
// so a client that goes away releases it at once. The handler neither
// starts nor stops the runner: the host does, and shuts the HTTP server
// down before closing the runner.
//
// # Errors
//
// Handlers return errors; one function maps them to a status and a wire
// code. Caller mistakes are 4xx with a message saying what is wrong:
// missing_template_id, template_not_found, invalid_parametros (with an
// invalid_params list), missing_document, invalid_document, invalid_request,
// invalid_parameter, invalid_cursor, invalid_query, invalid_mode,
// run_not_settled (400); unauthorized (401); billing_suspended (402);
// insufficient_scope, invalid_signature, url_expired (403); not_found,
// report_not_found (404); idempotency_conflict, analysis_unavailable (409);
// request_too_large (413); rate_limit_exceeded (429). Anything else is a
// generic 500 internal_error (503 unavailable when the host is not ready)
// whose details are logged once, with the request ID the body quotes.
//
// Bureau routes nest the error as {"error": {"code", "message", ...}};
// the KYC routes (seed 000) answer {"error": "Record not found", "code":
// "not_found"}. The sentinels of errors.go name each case for hosts that
// test them with errors.Is.
//
// Logs name the method, route pattern, status, duration, tenant and
// request ID of each request; they never hold a subject's name, document
// or parameters.
package httpapi
