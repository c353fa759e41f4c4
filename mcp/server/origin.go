package server

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/recondo/recondo/data"
)

// checkOrigin refuses requests whose Origin header names a site other than loopback or one of
// allowed, as the MCP specification requires of HTTP servers: without it, any web page a user
// opens could call a local server through the browser (DNS rebinding included, since the check
// is on the page's origin, not on the address it reached). Requests without Origin come from
// non-browser clients and pass.
func checkOrigin(api *data.API, allowed []string, next http.Handler) http.Handler {
	ok := map[string]bool{}
	for _, o := range allowed {
		ok[strings.TrimRight(strings.ToLower(o), "/")] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && !ok[strings.ToLower(origin)] && !loopbackOrigin(origin) {
			detail := "origin " + origin + " is not allowed"
			host, _, _ := net.SplitHostPort(r.RemoteAddr)
			// Refusals are audited like the middleware's own, before any key is looked at.
			_ = api.RecordAccess(context.WithoutCancel(r.Context()), data.AccessEntry{Principal: "anonymous", Surface: data.SurfaceMCP,
				Operation: r.Method + " " + r.URL.Path, ClientAddr: host, Outcome: data.OutcomeDenied, Detail: detail})
			deny(w, r, data.EFORBIDDEN, detail+" (start the server with --allowed-origins to add it)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func loopbackOrigin(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
