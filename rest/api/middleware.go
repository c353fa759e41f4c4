package api

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
	"github.com/recondo/recondo/rest/problem"
)

// authenticate runs access.Middleware (Bearer key, one audit row per request, denials included)
// on every request but the public paths.
func authenticate(cfg access.Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		authed := access.Middleware(cfg, next)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if publicPaths[r.URL.Path] && r.Method == http.MethodGet {
				next.ServeHTTP(w, r)
				return
			}
			authed.ServeHTTP(w, r)
		})
	}
}

// securityHeaders: answers hold captured (if masked) data, which no shared cache should keep and
// no browser should sniff into something executable.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// loopbackHostOnly guards dev mode (no keys) against DNS rebinding: a web page on a hostile
// domain resolved to 127.0.0.1 reaches the port, but its requests carry that domain as Host.
func loopbackHostOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = r.Host
		}
		ip := net.ParseIP(host)
		if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			access.Denied(r.Context(), "dev mode reached through a non-loopback Host")
			problem.Write(w, r, problem.New(data.EFORBIDDEN, "--dev serves loopback hosts only; use localhost or 127.0.0.1"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a handler panic into a 500 problem and a log line; the audit row is still
// written by the access middleware's deferred write.
func recoverPanics(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
					problem.Write(w, r, problem.New(data.EINTERNAL, "internal error"))
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// requireAdmin refuses a governance write to a key that is not an admin's, and says so in the
// audit row.
func requireAdmin(w http.ResponseWriter, r *http.Request) bool {
	if p, ok := access.From(r.Context()); ok && p.CanChangeGovernance() {
		return true
	}
	access.Denied(r.Context(), "governance write needs an admin key")
	problem.Write(w, r, problem.New(data.EFORBIDDEN, "this change needs an admin key; reader keys only read"))
	return false
}
