package fakeprovider

import (
	"fmt"
	"net/http"
	"strings"
)

// routeInfo is where a request goes. serve is nil when nothing answers it; then status and msg
// say why, in the provider's error style.
type routeInfo struct {
	api    string
	style  errStyle
	serve  handlerFunc
	ws     func(s *Server, w http.ResponseWriter, r *http.Request)
	status int
	msg    string
}

type endpoint struct {
	host   string
	style  errStyle
	api    string
	method string
	match  func(path string) bool
	serve  handlerFunc
	ws     func(s *Server, w http.ResponseWriter, r *http.Request)
}

func exact(p string) func(string) bool { return func(path string) bool { return path == p } }

func prefix(p string) func(string) bool {
	return func(path string) bool { return strings.HasPrefix(path, p) }
}

var endpoints = []endpoint{
	{"api.anthropic.com", styleAnthropic, "anthropic.messages", http.MethodPost, exact("/v1/messages"), serveAnthropicMessages, nil},
	{"api.anthropic.com", styleAnthropic, "anthropic.count_tokens", http.MethodPost, exact("/v1/messages/count_tokens"), serveAnthropicCountTokens, nil},
	{"api.openai.com", styleOpenAI, "openai.chat_completions", http.MethodPost, exact("/v1/chat/completions"), serveChatCompletions, nil},
	{"api.openai.com", styleOpenAI, "openai.responses", http.MethodPost, exact("/v1/responses"), serveResponses, serveResponsesWS},
	{"chatgpt.com", styleOpenAI, "openai.responses", http.MethodPost, exact("/backend-api/codex/responses"), serveResponses, serveResponsesWS},
	{"generativelanguage.googleapis.com", styleGoogle, "gemini", http.MethodPost, isGeminiModelPath, serveGemini, nil},
	{"cloudcode-pa.googleapis.com", styleGoogle, "gemini.code_assist", http.MethodPost, prefix("/v1internal:"), serveCodeAssist, nil},
}

// route matches on path and, for the provider host names, on host too, so that a request sent
// to api.openai.com for /v1/messages gets a 404 like it would upstream. Any other host (an IP,
// localhost) is matched on path alone, which lets tests call the server directly.
func route(r *http.Request) routeInfo {
	host := hostOnly(r.Host)
	known := false
	for _, e := range endpoints {
		known = known || e.host == host
	}
	style := styleForPath(r.URL.Path)
	for _, e := range endpoints {
		if known && e.host != host {
			continue
		}
		if known {
			style = e.style
		}
		if !e.match(r.URL.Path) {
			continue
		}
		ri := routeInfo{api: e.api, style: e.style, ws: e.ws}
		if r.Method == e.method {
			ri.serve = e.serve
			return ri
		}
		if e.ws != nil && isUpgrade(r) {
			return ri
		}
		ri.status, ri.msg = http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed for %s", r.Method, r.URL.Path)
		return ri
	}
	return routeInfo{style: style, status: http.StatusNotFound, msg: fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path)}
}

// styleForPath guesses whose error shape to use for an unknown path on an unknown host.
func styleForPath(p string) errStyle {
	switch {
	case strings.HasPrefix(p, "/v1beta"), strings.HasPrefix(p, "/v1internal"), strings.Contains(p, ":"):
		return styleGoogle
	case strings.HasPrefix(p, "/v1/messages"), strings.HasPrefix(p, "/v1/complete"):
		return styleAnthropic
	}
	return styleOpenAI
}
