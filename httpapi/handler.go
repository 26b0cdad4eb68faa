package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/sievekyc/sieve/engine"
	"github.com/sievekyc/sieve/engine/runner"
	"github.com/sievekyc/sieve/store"
)

// handler serves the adapters. See NewHandler.
type handler struct {
	eng    *engine.Engine
	runs   *runner.Runner
	st     store.Store
	opts   Options
	limits *limiter
	signer signer
	mux    *http.ServeMux
	routes []route
}

// route is one endpoint: its ServeMux pattern, the scope a key needs (""
// for public routes), the shape of its error bodies, and what it does.
type route struct {
	pattern string
	scope   string
	env     envelope
	serve   func(w http.ResponseWriter, r *http.Request, p principal) error
}

// NewHandler returns the HTTP adapters of the three source APIs over an
// engine (POST /kyc), a runner (the bureau runs) and the store both use
// (keys, tenants, reports, exports):
//
//	POST /api/v1/bureau/runs                 create a run (runs:write)
//	GET  /api/v1/bureau/runs                 list runs (runs:read)
//	GET  /api/v1/bureau/runs/{id}            one run (runs:read)
//	GET  /api/v1/bureau/runs/{id}/analysis   its analysis, long polling (runs:read)
//	POST /api/v1/bureau/runs/{id}/report     render its PDF report (runs:write)
//	GET  /api/v1/bureau/runs/{id}/report     redirect to the report (runs:read)
//	POST /kyc                                screen a subject now (kyc:write)
//	GET  /exports/{jobId}                    signed URL of a KYC export (kyc:export)
//	GET  /files/{token}                      a signed file (no key: the URL is the credential)
//	GET  /healthz, /readyz, /openapi.json    probes and the API description
//
// The runner must be started by the host (runner.Runner.Start); the
// handler never starts or stops it. NewHandler fails with an error
// wrapping ErrInvalidOptions when a dependency is nil or Options are
// invalid.
func NewHandler(eng *engine.Engine, r *runner.Runner, st store.Store, opts Options) (http.Handler, error) {
	var errs []error
	if eng == nil || r == nil || st == nil {
		errs = append(errs, fmt.Errorf("%w: an engine, a runner and a store are required", ErrInvalidOptions))
	}
	if err := opts.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	o := opts.withDefaults()
	h := &handler{eng: eng, runs: r, st: st, opts: o, limits: newLimiter(o.Now),
		signer: signer{key: append([]byte(nil), o.SigningKey...), ttl: o.URLTTL, now: o.Now},
		mux:    http.NewServeMux()}
	h.routes = []route{
		{"POST /api/v1/bureau/runs", store.ScopeRunsWrite, envelopeBureau, h.submitRun},
		{"GET /api/v1/bureau/runs", store.ScopeRunsRead, envelopeBureau, h.listRuns},
		{"GET /api/v1/bureau/runs/{id}", store.ScopeRunsRead, envelopeBureau, h.getRun},
		{"GET /api/v1/bureau/runs/{id}/analysis", store.ScopeRunsRead, envelopeBureau, h.getAnalysis},
		{"POST /api/v1/bureau/runs/{id}/report", store.ScopeRunsWrite, envelopeBureau, h.createReport},
		{"GET /api/v1/bureau/runs/{id}/report", store.ScopeRunsRead, envelopeBureau, h.getReport},
		{"POST /kyc", store.ScopeKYCWrite, envelopeKYC, h.screenKYC},
		{"GET /exports/{jobId}", store.ScopeKYCExport, envelopeKYC, h.getExport},
		{"GET /files/{token}", "", envelopeKYC, h.getFile},
		{"GET /healthz", "", envelopeKYC, h.healthz},
		{"GET /readyz", "", envelopeKYC, h.readyz},
		{"GET /openapi.json", "", envelopeKYC, h.openAPI},
	}
	for _, rt := range h.routes {
		h.mux.Handle(rt.pattern, h.endpoint(rt))
	}
	return h, nil
}

// requestInfo carries what the request log needs from inside a route.
type requestInfo struct {
	id     string
	tenant string
}

type infoKey struct{}

// ServeHTTP assigns the request an ID, dispatches it and logs one line:
// method, route pattern, status, duration, tenant and request ID — never
// a subject's data.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	info := &requestInfo{id: randomHex(8)}
	rec := &statusRecorder{ResponseWriter: w}
	rec.Header().Set("X-Request-Id", info.id)
	r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
	defer func() {
		if v := recover(); v != nil {
			h.opts.Logger.Error("httpapi: panic serving request", "request_id", info.id, "route", r.Pattern, "panic", fmt.Sprint(v))
			if !rec.wrote {
				writeProblem(rec, envelopeBureau, problem{Status: http.StatusInternalServerError, Code: "internal_error",
					Message: "Internal error", Internal: true}, info.id)
			}
		}
		h.opts.Logger.LogAttrs(r.Context(), slog.LevelInfo, "http request",
			slog.String("method", r.Method), slog.String("route", r.Pattern), slog.Int("status", rec.status()),
			slog.Duration("duration", time.Since(start)), slog.String("tenant", info.tenant),
			slog.String("request_id", info.id))
	}()
	h.mux.ServeHTTP(rec, r)
}

// endpoint wraps a route: authorization, then the route, then the error
// mapping of whatever it returned.
func (h *handler) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info, _ := r.Context().Value(infoKey{}).(*requestInfo)
		if info == nil {
			info = &requestInfo{id: randomHex(8)}
		}
		var p principal
		var err error
		if rt.scope != "" {
			p, err = h.authorize(r.Context(), r, rt.scope)
			info.tenant = p.Tenant
		}
		if err == nil {
			err = rt.serve(w, r, p)
		}
		if err != nil {
			h.fail(w, r, rt.env, info.id, err)
		}
	})
}

// fail answers an error. Internal failures are logged here, once, with
// their details; the caller sees a generic body with the request ID.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, env envelope, requestID string, err error) {
	p := problemFor(err)
	if p.Internal {
		level := slog.LevelError
		if r.Context().Err() != nil {
			level = slog.LevelDebug // the client went away
		}
		h.opts.Logger.Log(r.Context(), level, "httpapi: request failed", "request_id", requestID,
			"route", r.Pattern, "status", p.Status, "err", err.Error())
	}
	writeProblem(w, env, p, requestID)
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wrote {
		s.code, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if !s.wrote {
		s.code, s.wrote = http.StatusOK, true
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (s *statusRecorder) status() int {
	if !s.wrote {
		return http.StatusOK
	}
	return s.code
}
