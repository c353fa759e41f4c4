package access

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/recondo/recondo/data"
)

// Config wires the middleware.
type Config struct {
	API     *data.API
	Surface string // data.SurfaceGraphQL, SurfaceREST, SurfaceMCP
	// Dev accepts requests without a key, as an admin named "dev". Servers refuse to start in dev
	// mode unless they listen on loopback (see httpserve).
	Dev bool
	Log *slog.Logger
	// Deny writes the refusal in the surface's own error format (problem+json, GraphQL errors...).
	Deny func(w http.ResponseWriter, r *http.Request, code string, message string)
}

// Principal is who is calling.
type Principal struct {
	Key data.APIKey
	Dev bool
}

// Name is what the audit log calls the principal.
func (p Principal) Name() string {
	if p.Dev {
		return "dev"
	}
	return p.Key.Name
}

// CanChangeGovernance reports whether the principal may run mutations on governance data.
func (p Principal) CanChangeGovernance() bool { return p.Dev || p.Key.Role == data.RoleAdmin }

type ctxKey struct{}

// record is the audit entry a request fills as it goes.
type record struct {
	mu        sync.Mutex
	principal Principal
	operation string
	ids       []string
	outcome   string
	detail    string
}

// From returns the request's principal.
func From(ctx context.Context) (Principal, bool) {
	rec, ok := ctx.Value(ctxKey{}).(*record)
	if !ok {
		return Principal{}, false
	}
	return rec.principal, true
}

// Operation names what the request did and which resources it touched; the middleware writes
// it to the audit log when the request ends. Later calls add ids and replace the name.
func Operation(ctx context.Context, name string, ids ...string) {
	if rec, ok := ctx.Value(ctxKey{}).(*record); ok {
		rec.mu.Lock()
		rec.operation = name
		rec.ids = append(rec.ids, ids...)
		rec.mu.Unlock()
	}
}

// Denied records that the handler refused the request (e.g. a reader calling a mutation).
func Denied(ctx context.Context, detail string) {
	if rec, ok := ctx.Value(ctxKey{}).(*record); ok {
		rec.mu.Lock()
		rec.outcome, rec.detail = data.OutcomeDenied, detail
		rec.mu.Unlock()
	}
}

// Actor is the data API's view of the caller, for audited (unmasked) reads.
func Actor(r *http.Request, surface string) data.Actor {
	p, _ := From(r.Context())
	return data.Actor{Surface: surface, KeyID: p.Key.ID, Principal: p.Name(), ClientAddr: clientAddr(r)}
}

// Middleware authenticates every request but the health and metrics endpoints and audits it.
func Middleware(cfg Config, next http.Handler) http.Handler {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &record{outcome: data.OutcomeAllowed, operation: r.Method + " " + r.URL.Path}
		defer func() { audit(cfg, r, rec) }()
		if cfg.Dev {
			rec.principal = Principal{Dev: true}
		} else {
			token, ok := bearer(r.Header.Get("Authorization"))
			if !ok {
				rec.outcome, rec.detail = data.OutcomeDenied, "no API key"
				w.Header().Set("WWW-Authenticate", `Bearer realm="recondo"`)
				cfg.Deny(w, r, data.EUNAUTHORIZED, "an API key is required: Authorization: Bearer <key> (recondo keys create)")
				return
			}
			key, err := cfg.API.Authenticate(r.Context(), token)
			if err != nil {
				rec.outcome, rec.detail = data.OutcomeDenied, data.ErrorMessage(err)
				code := data.ErrorCode(err)
				if code == data.EUNAUTHORIZED {
					w.Header().Set("WWW-Authenticate", `Bearer realm="recondo", error="invalid_token"`)
				}
				cfg.Deny(w, r, code, data.ErrorMessage(err))
				return
			}
			rec.principal = Principal{Key: key}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, rec)))
	})
}

func audit(cfg Config, r *http.Request, rec *record) {
	rec.mu.Lock()
	e := data.AccessEntry{KeyID: rec.principal.Key.ID, Principal: rec.principal.Name(), Surface: cfg.Surface,
		Operation: rec.operation, ResourceIDs: rec.ids, ClientAddr: clientAddr(r), Outcome: rec.outcome, Detail: rec.detail}
	rec.mu.Unlock()
	if rec.principal == (Principal{}) && e.Outcome == data.OutcomeDenied {
		e.Principal = "anonymous"
	}
	// The request may be over: the entry is written regardless of its context.
	if err := cfg.API.RecordAccess(context.WithoutCancel(r.Context()), e); err != nil {
		cfg.Log.Error("access audit log write failed", "surface", cfg.Surface, "operation", e.Operation, "err", err)
	}
}

func bearer(h string) (string, bool) {
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", false
	}
	return strings.TrimSpace(token), true
}

func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
