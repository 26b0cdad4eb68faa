package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/sievekyc/sieve/store"
)

// maxSecretLen bounds the API key a request may present; longer ones are
// refused without a store lookup.
const maxSecretLen = 256

// principal is who a request acts for: an API key and its tenant.
type principal struct {
	Key    store.APIKey
	Tenant string
}

// apiKey returns the secret a request presents: the X-API-Key header, else
// an Authorization: Bearer credential.
func apiKey(r *http.Request) string {
	if k := strings.TrimSpace(r.Header.Get("X-API-Key")); k != "" {
		return k
	}
	scheme, cred, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if ok && strings.EqualFold(scheme, "Bearer") {
		return strings.TrimSpace(cred)
	}
	return ""
}

// authorize authenticates a request and checks it may use a route of the
// given scope, in this order: a known, unrevoked key (401), its rate budget
// (429), the scope (403), the tenant's billing (402). Once the key is known
// the principal is returned even with an error, for the request log.
func (h *handler) authorize(ctx context.Context, r *http.Request, scope string) (principal, error) {
	secret := apiKey(r)
	if secret == "" || len(secret) > maxSecretLen {
		return principal{}, ErrUnauthorized
	}
	key, err := h.st.APIKeyByHash(ctx, store.HashAPIKey(secret))
	switch {
	case errors.Is(err, store.ErrNotFound):
		return principal{}, ErrUnauthorized
	case err != nil:
		return principal{}, fmt.Errorf("httpapi: looking up an API key: %w", err)
	case key.Revoked():
		return principal{}, fmt.Errorf("%w: key %s is revoked", ErrUnauthorized, key.ID)
	}
	// From here on the tenant is known: failures are logged with it.
	p := principal{Key: key, Tenant: key.Tenant}
	budget := key.RatePerMinute
	if budget == 0 {
		budget = h.opts.RateLimit
	}
	if ok, wait := h.limits.allow(key.ID, budget); !ok {
		return p, &RateLimitError{Key: key.ID, RetryAfter: wait}
	}
	if !key.HasScope(scope) {
		return p, fmt.Errorf("%w: the API key does not have the %s scope", ErrInsufficientScope, scope)
	}
	tenant, err := h.st.GetTenant(ctx, key.Tenant)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return p, fmt.Errorf("%w: the key's tenant does not exist", ErrUnauthorized)
	case err != nil:
		return p, fmt.Errorf("httpapi: looking up tenant %s: %w", key.Tenant, err)
	case tenant.Suspended:
		return p, ErrBillingSuspended
	}
	return p, nil
}
