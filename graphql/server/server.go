package server

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/playground"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/graphql/internal/loader"
)

// Limits every deployment gets unless Options say otherwise.
const (
	DefaultComplexityLimit = 5000
	DefaultDepthLimit      = 10
	// DefaultParserTokenLimit bounds the work of parsing and validating one query
	// (CVE-2023-49559: a query of many tokens costs quadratic validation time).
	DefaultParserTokenLimit = 10_000
	DefaultMaxBodyBytes     = 1 << 20
)

// Options configure the server.
type Options struct {
	// Dev accepts requests without an API key, as an admin named "dev". The caller must bind to
	// loopback only (httpserve refuses anything else).
	Dev bool
	// Introspection answers __schema and __type queries (and suggests field names in errors).
	Introspection bool
	// GraphiQL serves the GraphiQL page at GET /graphiql. The page holds no data; it calls
	// /graphql with whatever key the person enters.
	GraphiQL bool
	// Static, when set, serves everything that is not /graphql or /graphiql, without an API key:
	// the dashboard's assets (web/), which call /graphql with a key.
	Static http.Handler
	// Limits; zero means the default.
	ComplexityLimit  int
	DepthLimit       int
	ParserTokenLimit int
	MaxBodyBytes     int64
	Log              *slog.Logger
}

func (o *Options) defaults() {
	if o.ComplexityLimit == 0 {
		o.ComplexityLimit = DefaultComplexityLimit
	}
	if o.DepthLimit == 0 {
		o.DepthLimit = DefaultDepthLimit
	}
	if o.ParserTokenLimit == 0 {
		o.ParserTokenLimit = DefaultParserTokenLimit
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
}

// New returns the GraphQL surface's handler: POST /graphql, GET /graphiql when enabled, and
// opts.Static at "/". httpserve adds /healthz, /metrics and the server hygiene around it.
func New(api *data.API, opts Options) http.Handler {
	opts.defaults()
	exec := newExecutor(api, opts)
	endpoint := access.Middleware(access.Config{
		API: api, Surface: data.SurfaceGraphQL, Dev: opts.Dev, Log: opts.Log, Deny: deny,
	}, serveGraphQL(api, exec, opts.MaxBodyBytes))

	mux := http.NewServeMux()
	mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			// No GET: a query in a URL leaks into logs and can be triggered cross-site.
			w.Header().Set("Allow", http.MethodPost)
			writeErrors(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "send GraphQL requests with POST and Content-Type: application/json")
			return
		}
		endpoint.ServeHTTP(w, r)
	})
	if opts.GraphiQL {
		mux.Handle("GET /graphiql", playground.Handler("Recondo GraphiQL", "/graphql"))
	}
	if opts.Static != nil {
		mux.Handle("/", opts.Static)
	}
	return mux
}

// serveGraphQL runs one authenticated request: the body is read whole under its limit first
// (so an oversized body is a clear 413, not a GraphQL parse error), then executed with fresh
// loaders and a status the gate can raise to 403.
func serveGraphQL(api *data.API, exec *handler.Server, maxBody int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				writeErrors(w, http.StatusRequestEntityTooLarge, "INVALID", "the request body is larger than the limit")
				return
			}
			writeErrors(w, http.StatusBadRequest, "INVALID", "the request body could not be read")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		st := &requestState{}
		ctx := loader.With(withState(r.Context(), st), loader.New(api))
		exec.ServeHTTP(&statusWriter{ResponseWriter: w, state: st}, r.WithContext(ctx))
	})
}
