package fakeprovider

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func dialCodex(t *testing.T, srv *Server, header http.Header) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if header == nil {
		header = http.Header{}
	}
	header.Set("OpenAI-Beta", "responses_websockets=2026-02-06")
	header.Set("session_id", "6c6709cd-f7ed-4c74-b120-b418636419f8")
	c, resp, err := websocket.Dial(ctx, "wss://chatgpt.com/backend-api/codex/responses", &websocket.DialOptions{
		HTTPClient: srv.Client(), HTTPHeader: header, CompressionMode: websocket.CompressionContextTakeover,
	})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { c.CloseNow() })
	if ext := resp.Header.Get("Sec-WebSocket-Extensions"); !strings.Contains(ext, "permessage-deflate") {
		t.Errorf("extensions = %q, want permessage-deflate", ext)
	}
	if resp.Header.Get("X-Codex-Turn-State") == "" {
		t.Error("101 lacks x-codex-turn-state")
	}
	c.SetReadLimit(64 << 20)
	return c
}

// readResponse reads frames up to response.completed (or an error frame, or a read error).
func readResponse(ctx context.Context, c *websocket.Conn) ([]string, error) {
	var frames []string
	for {
		typ, data, err := c.Read(ctx)
		if err != nil {
			return frames, err
		}
		if typ != websocket.MessageText {
			return frames, errors.New("binary frame")
		}
		frames = append(frames, string(data))
		if strings.Contains(string(data[:min(len(data), 40)]), `"type":"response.completed"`) || strings.HasPrefix(string(data), `{"type":"error"`) {
			return frames, nil
		}
	}
}

func TestResponsesWebSocketTwoResponses(t *testing.T) {
	srv, logPath := startServer(t, Options{})
	c := dialCodex(t, srv, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	create := codexBody(codexPrompt)
	create["type"] = "response.create"
	req1 := mustMarshal(t, create)
	if err := c.Write(ctx, websocket.MessageText, req1); err != nil {
		t.Fatal(err)
	}
	frames1, err := readResponse(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	r1 := assembleResponses(t, frames1)
	if r1.names[0] != "codex.rate_limits" || r1.names[1] != "response.created" || r1.call["name"] != "shell_command" {
		t.Fatalf("first response: %v call %v", r1.names, r1.call)
	}
	firstID := r1.completed["id"].(string)

	// v2 follow-up: only the new tool output, chained by previous_response_id.
	next := codexBody(map[string]any{"type": "function_call_output", "call_id": r1.call["call_id"], "output": "hello"})
	next["type"] = "response.create"
	next["previous_response_id"] = firstID
	req2 := mustMarshal(t, next)
	if err := c.Write(ctx, websocket.MessageText, req2); err != nil {
		t.Fatal(err)
	}
	pinged := make(chan error, 1)
	go func() { pinged <- c.Ping(ctx) }() // answered by the server while it streams
	frames2, err := readResponse(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	r2 := assembleResponses(t, frames2)
	if r2.call != nil || !strings.Contains(r2.text, "hello") || r2.completed["previous_response_id"] != firstID {
		t.Errorf("second response: call %v text %q previous %v", r2.call, r2.text, r2.completed["previous_response_id"])
	}
	// Keep reading so the client sees the pong.
	readCtx, stop := context.WithCancel(ctx)
	go func() { _, _, _ = c.Read(readCtx) }()
	if err := <-pinged; err != nil {
		t.Errorf("ping: %v", err)
	}
	stop()
	c.Close(websocket.StatusNormalClosure, "")

	waitExchanges(t, srv, 2)
	logged := readLog(t, logPath)
	for i, tc := range []struct {
		req    []byte
		frames []string
	}{{req1, frames1}, {req2, frames2}} {
		ex := logged[i]
		if !ex.WebSocket || !ex.Complete || ex.RequestSHA256 != sha(tc.req) || len(ex.Frames) != len(tc.frames) {
			t.Fatalf("exchange %d = %+v", i, ex)
		}
		var all []byte
		for j, f := range tc.frames {
			all = append(all, f...)
			if ex.Frames[j].SHA256 != sha([]byte(f)) || ex.Frames[j].Type != decodeJSON(t, f)["type"] {
				t.Errorf("exchange %d frame %d = %+v", i, j, ex.Frames[j])
			}
		}
		if ex.ResponseSHA256 != sha(all) || ex.ResponseBytes != int64(len(all)) {
			t.Errorf("exchange %d response hash mismatch", i)
		}
	}
}

func TestResponsesWebSocketErrors(t *testing.T) {
	srv, _ := startServer(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	create := codexBody(codexPrompt)
	create["type"] = "response.create"

	t.Run("unknown previous_response_id", func(t *testing.T) {
		c := dialCodex(t, srv, nil)
		bad := map[string]any{"type": "response.create", "model": "m", "previous_response_id": "resp_missing", "input": []any{}}
		if err := c.Write(ctx, websocket.MessageText, mustMarshal(t, bad)); err != nil {
			t.Fatal(err)
		}
		frames, err := readResponse(ctx, c)
		if err != nil || len(frames) != 1 {
			t.Fatalf("frames %v err %v", frames, err)
		}
		e := decodeJSON(t, frames[0])
		if e["status"].(float64) != 400 || path(e, "error", "code") != "previous_response_not_found" {
			t.Errorf("error frame = %v", e)
		}
	})
	t.Run("die-midstream", func(t *testing.T) {
		c := dialCodex(t, srv, http.Header{HeaderFault: {FaultDieMidstream}})
		if err := c.Write(ctx, websocket.MessageText, mustMarshal(t, create)); err != nil {
			t.Fatal(err)
		}
		frames, err := readResponse(ctx, c)
		if err == nil {
			t.Fatalf("read ended cleanly after %d frames", len(frames))
		}
		if len(frames) == 0 || countType(assembleResponses(t, frames).names, "response.completed") != 0 {
			t.Errorf("got %d frames, want some and no response.completed", len(frames))
		}
	})
}
