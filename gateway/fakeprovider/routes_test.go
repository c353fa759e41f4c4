package fakeprovider

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func TestRouting(t *testing.T) {
	srv, _ := startServer(t, Options{})
	msg := mustMarshal(t, claudeBody(false, map[string]any{"role": "user", "content": "hi"}))
	tests := []struct {
		name     string
		method   string
		url      string
		encoding string
		status   int
		field    []any
		want     any
	}{
		{"anthropic on loopback by path", "POST", srv.URL() + "/v1/messages", "", 200, []any{"type"}, "message"},
		{"messages on the OpenAI host", "POST", "https://api.openai.com/v1/messages", "", 404, []any{"error", "code"}, "unknown_url"},
		{"unknown Anthropic path", "POST", "https://api.anthropic.com/v1/nope", "", 404, []any{"error", "type"}, "not_found_error"},
		{"wrong method", "GET", "https://api.anthropic.com/v1/messages", "", 405, []any{"type"}, "error"},
		{"unknown Gemini method", "POST", "https://generativelanguage.googleapis.com/v1beta/models/g:embedContent", "", 404, []any{"error", "status"}, "NOT_FOUND"},
		{"chatgpt non-LLM path", "GET", "https://chatgpt.com/backend-api/plugins/export/curated", "", 404, []any{"error", "type"}, "invalid_request_error"},
		{"unsupported encoding", "POST", "https://api.anthropic.com/v1/messages", "br", 415, []any{"error", "type"}, "invalid_request_error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.url, bytes.NewReader(msg))
			if err != nil {
				t.Fatal(err)
			}
			if tt.encoding != "" {
				req.Header.Set("Content-Encoding", tt.encoding)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d (%s)", resp.StatusCode, tt.status, b)
			}
			if got := path(decodeJSON(t, string(b)), tt.field...); got != tt.want {
				t.Errorf("%v = %v, want %v", tt.field, got, tt.want)
			}
		})
	}
}

func TestCARestartReuse(t *testing.T) {
	dir := t.TempDir()
	a, _ := startServer(t, Options{CADir: dir})
	first := a.CAPool()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	b, _ := startServer(t, Options{CADir: dir})
	if !first.Equal(b.CAPool()) {
		t.Error("a restart with the same CADir made a new CA")
	}
}

// TestCloseEndsOpenStreams checks Close does not wait for slow streams or open sockets.
func TestCloseEndsOpenStreams(t *testing.T) {
	srv, _ := startServer(t, Options{EventDelay: time.Second})
	c := dialCodex(t, srv, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	create := codexBody(codexPrompt)
	create["type"] = "response.create"
	if err := c.Write(ctx, websocket.MessageText, mustMarshal(t, create)); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, anthropicURL, bytes.NewReader(mustMarshal(t, claudeBody(true))))
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	done := make(chan error, 1)
	go func() { done <- srv.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close hung on open streams")
	}
}
