package openai

import (
	"net/http"
	"strings"
)

// header returns the first value of a request header whose name equals name ignoring case.
// Header maps do not always hold canonical keys (HTTP/2, hand-built captures), and Codex's
// underscore names (session_id) canonicalise oddly, so the map is searched, not indexed.
func header(h http.Header, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	for k, vs := range h {
		if strings.EqualFold(k, name) && len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// product splits the first product token of a User-Agent ("codex_cli_rs/0.63.0 (…)").
func product(ua string) (name, version string) {
	ua = strings.TrimSpace(ua)
	if i := strings.IndexAny(ua, " \t("); i >= 0 {
		ua = ua[:i]
	}
	name, version, _ = strings.Cut(ua, "/")
	return name, version
}

// isCodex reports whether a product or originator name is one of Codex's: codex_cli_rs,
// codex_exec, codex_vscode, …
func isCodex(name string) bool {
	n := strings.ToLower(name)
	return n == "codex" || strings.HasPrefix(n, "codex_") || strings.HasPrefix(n, "codex-")
}

// clientOf names the coding agent behind a request (see doc.go): Codex from its User-Agent
// or, failing that, its Originator and version headers; nobody for the plain OpenAI SDKs,
// whose user agent ("OpenAI/Python 2.8.1") names a library, not an agent; else the user
// agent's first product, lowercased.
func clientOf(h http.Header) (name, version string) {
	p, v := product(header(h, "User-Agent"))
	if isCodex(p) {
		return "codex", v
	}
	if o := header(h, "Originator"); isCodex(o) {
		return "codex", header(h, "Version")
	}
	switch lp := strings.ToLower(p); lp {
	case "", "openai", "asyncopenai":
		return "", ""
	default:
		return lp, v
	}
}

// sessionHeaders are where Codex puts its conversation id, newest spelling last.
var sessionHeaders = []string{"session_id", "session-id", "conversation_id"}

// sessionOf finds the agent's session id: a session header, else the body's
// prompt_cache_key, which Codex sets to the same conversation id. On a WebSocket the
// headers are the handshake's.
func sessionOf(h http.Header, promptCacheKey string, ws bool) (id, source string) {
	for _, name := range sessionHeaders {
		if v := strings.TrimSpace(header(h, name)); v != "" {
			if ws {
				return v, "handshake header " + name
			}
			return v, "header " + name
		}
	}
	if promptCacheKey != "" {
		return promptCacheKey, "body.prompt_cache_key"
	}
	return "", ""
}

// requestID is OpenAI's id for the request, from the response headers.
func requestID(h http.Header) string {
	if v := header(h, "X-Request-Id"); v != "" {
		return v
	}
	return header(h, "Request-Id")
}
