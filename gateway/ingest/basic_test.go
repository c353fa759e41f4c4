package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"strings"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/gateway/capture"
)

// Basic is a test analyzer that knows only what the wire says without parsing bodies: provider by
// host, transport by content type, session by the agent's session header or, failing that, the
// client connection. Parsers refine each of these.
type Basic struct {
	// BootID distinguishes connection ids of different gateway runs.
	BootID string
}

var providerByHost = map[string]string{
	"api.anthropic.com":                 "anthropic",
	"api.openai.com":                    "openai",
	"chatgpt.com":                       "openai",
	"generativelanguage.googleapis.com": "google",
	"cloudcode-pa.googleapis.com":       "google",
}

// sessionHeaders carry an agent's own session id (Claude Code, Codex).
var sessionHeaders = []string{"X-Claude-Code-Session-Id", "Session_id", "Session-Id", "Conversation_id"}

func (b Basic) Analyze(_ context.Context, rec *capture.Record) (write.Exchange, error) {
	m := rec.Meta
	host := strings.ToLower(hostOnly(m.Host))
	provider := providerByHost[host]
	external := ""
	for _, h := range sessionHeaders {
		if v := header(m.RequestHeaders, h); v != "" {
			external = v
			break
		}
	}
	sessionID := "conn-" + b.BootID + "-" + m.ConnID
	if external != "" {
		sessionID = stableID("ext", provider, external)
	}
	t := data.Turn{
		ID: m.ID, StartedAt: m.StartedAt, FirstByteAt: m.FirstByteAt, EndedAt: &m.EndedAt,
		Host: host, Method: m.Method, Path: m.Path, Status: m.Status,
		Transport: transportOf(m), Provider: provider,
		RequestSHA256: m.RequestSHA256, RequestSize: m.RequestSize,
		ResponseSHA256: m.ResponseSHA256, ResponseSize: m.ResponseSize,
		RequestEncoding: m.RequestEncoding, ResponseEncoding: m.ResponseEncoding,
		Complete: m.Complete, Parsed: false, Error: m.Error,
		Developer: m.ClientIdentity, Client: userAgent(m.RequestHeaders),
	}
	return write.Exchange{
		Session: data.Session{ID: sessionID, ExternalID: external, Provider: provider, Developer: m.ClientIdentity, Client: t.Client},
		Turn:    t,
	}, nil
}

func transportOf(m capture.Meta) string {
	if m.WebSocket {
		return data.TransportWebSocket
	}
	ct, _, _ := mime.ParseMediaType(header(m.ResponseHeaders, "Content-Type"))
	switch {
	case ct == "text/event-stream":
		return data.TransportHTTPSSE
	case ct == "application/json" || strings.HasSuffix(ct, "+json"):
		return data.TransportHTTPJSON
	}
	return data.TransportHTTP
}

func header(h map[string][]string, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func userAgent(h map[string][]string) string {
	ua := header(h, "User-Agent")
	name, _, _ := strings.Cut(ua, " ")
	name, _, _ = strings.Cut(name, "/")
	return name
}

func hostOnly(hostport string) string {
	if i := strings.LastIndex(hostport, ":"); i > 0 && !strings.Contains(hostport[i:], "]") {
		return hostport[:i]
	}
	return hostport
}

// stableID derives a session id from an external one, the same on every gateway replica.
func stableID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return "s-" + hex.EncodeToString(sum[:12])
}
