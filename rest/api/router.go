package api

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/rest/problem"
)

// Config wires the router.
type Config struct {
	API *data.API
	Log *slog.Logger
	// Dev serves without keys (as an admin named "dev"); the server binds to loopback only, and
	// the router then also refuses a Host that is not loopback (DNS rebinding).
	Dev bool
}

// publicPaths need no key: the OpenAPI document describes the surface and holds no data.
var publicPaths = map[string]bool{"/v1/openapi.json": true}

// New returns the router. Routes are registered here, in one place, so that the OpenAPI test can
// walk them and compare with the document.
func New(cfg Config) chi.Router {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	h := &handlers{api: cfg.API, log: cfg.Log}
	r := chi.NewRouter()
	r.Use(recoverPanics(cfg.Log), securityHeaders)
	r.Use(authenticate(access.Config{API: cfg.API, Surface: data.SurfaceREST, Dev: cfg.Dev, Log: cfg.Log, Deny: deny}))
	if cfg.Dev {
		r.Use(loopbackHostOnly) // after authenticate, so that the refusal is audited
	}
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		problem.Write(w, r, problem.New(data.ENOTFOUND, "no such route: see /v1/openapi.json"))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Allow", strings.Join(allowedMethods(r, req), ", ")) // RFC 9110: a 405 lists them
		problem.Write(w, req, problem.New(problem.EMETHODNOTALLOWED, req.Method+" is not allowed here; captured data is read-only"))
	})

	r.Get("/v1/openapi.json", h.openAPI)
	r.Post("/v1/query", h.query)
	r.Get("/v1/sessions", h.listSessions)
	r.Get("/v1/sessions/{id}", h.getSession)
	r.Get("/v1/sessions/{id}/turns", h.listSessionTurns)
	r.Get("/v1/turns/{id}", h.getTurn)
	r.Get("/v1/turns/{id}/request", h.getTurnBody("request"))
	r.Get("/v1/turns/{id}/response", h.getTurnBody("response"))
	r.Get("/v1/stats", h.stats)
	r.Get("/v1/policies", h.listPolicies)
	r.Post("/v1/policies", h.createPolicy)
	r.Delete("/v1/policies/{id}", h.deletePolicy)
	return r
}

type handlers struct {
	api *data.API
	log *slog.Logger
}

// allowedMethods lists the methods the router serves on the request's path.
func allowedMethods(routes chi.Routes, r *http.Request) []string {
	path := r.URL.RawPath
	if path == "" {
		path = r.URL.Path
	}
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		if routes.Match(chi.NewRouteContext(), m, path) {
			out = append(out, m)
		}
	}
	return out
}

// deny writes access refusals as problems.
func deny(w http.ResponseWriter, r *http.Request, code, message string) {
	problem.Write(w, r, problem.New(code, message))
}
