package server

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/mark3labs/mcp-go/server"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
)

// Endpoint is the streamable HTTP endpoint's path.
const Endpoint = "/mcp"

// HTTPOptions configure the HTTP transport.
type HTTPOptions struct {
	Options
	// Dev serves without API keys, as an admin named "dev" (httpserve refuses a non-loopback
	// listen address in dev mode).
	Dev bool
	// AllowedOrigins are browser origins accepted beside loopback ones, e.g.
	// "https://recondo.example.com".
	AllowedOrigins []string
}

// HTTPHandler serves MCP over streamable HTTP at Endpoint: a foreign Origin is refused before
// anything else (a web page must not drive a local server), then the request is authenticated
// with the same API keys as GraphQL and REST and written to the access audit log.
func HTTPHandler(api *data.API, opt HTTPOptions) http.Handler {
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	streamable := server.NewStreamableHTTPServer(New(api, httpCaller{}, opt.Options),
		server.WithEndpointPath(Endpoint),
		server.WithStreamableHTTPLogger(log))
	authed := access.Middleware(access.Config{API: api, Surface: data.SurfaceMCP, Dev: opt.Dev, Log: log, Deny: deny}, streamable)
	return checkOrigin(api, opt.AllowedOrigins, authed)
}

// deny answers a refused request with a JSON-RPC error, which MCP clients report as such.
func deny(w http.ResponseWriter, _ *http.Request, code, message string) {
	status := http.StatusInternalServerError
	switch code {
	case data.EUNAUTHORIZED:
		status = http.StatusUnauthorized
	case data.EFORBIDDEN:
		status = http.StatusForbidden
	case data.EUNAVAILABLE:
		status = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"jsonrpc": "2.0", "id": nil,
		"error": map[string]any{"code": -32001, "message": message, "data": map[string]string{"code": code}},
	})
}
