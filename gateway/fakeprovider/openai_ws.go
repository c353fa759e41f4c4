package fakeprovider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// Responses over WebSocket, as Codex uses it (codex-api responses_websocket.rs): a GET upgrade
// on the Responses path with permessage-deflate; each client text frame
// {"type":"response.create", ...body fields...} is answered with the same events as the SSE
// stream, one JSON object per text frame, preceded by a codex.rate_limits snapshot. One socket
// carries several responses; follow-ups name previous_response_id and send only new input.

type wsMessage struct {
	typ  websocket.MessageType
	data []byte
	err  error
}

func serveResponsesWS(s *Server, w http.ResponseWriter, r *http.Request) {
	f := parseFaults(r.Header)
	w.Header().Set("X-Codex-Turn-State", s.ids.b64url(45))
	w.Header().Set("X-Models-Etag", `W/"`+s.ids.hex(16)+`"`)
	c, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		CompressionMode: websocket.CompressionContextTakeover,
		// Codex sends no Origin; there is no browser to protect here.
		InsecureSkipVerify: true,
	})
	if err != nil {
		s.log.Warn("websocket upgrade failed", "path", r.URL.Path, "err", err)
		return
	}
	defer c.CloseNow()
	c.SetReadLimit(maxRequestBytes)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()

	// Reading on its own goroutine keeps pings and closes answered while a response streams.
	msgs := make(chan wsMessage)
	go func() {
		defer close(msgs)
		for {
			typ, data, err := c.Read(ctx)
			select {
			case msgs <- wsMessage{typ, data, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	ws := &wsSession{s: s, c: c, r: r, f: f}
	for m := range msgs {
		if m.err != nil {
			if st := websocket.CloseStatus(m.err); st != websocket.StatusNormalClosure && st != websocket.StatusGoingAway && ctx.Err() == nil {
				s.log.Debug("websocket read ended", "err", m.err)
			}
			return
		}
		if m.typ != websocket.MessageText {
			_ = c.Close(websocket.StatusUnsupportedData, "binary frames are not supported") // the socket ends either way
			return
		}
		if err := ws.handle(ctx, m.data); err != nil {
			return
		}
	}
}

type wsSession struct {
	s    *Server
	c    *websocket.Conn
	r    *http.Request
	f    faults
	last *responsesRequest
	id   string
}

// frameSink writes events as text frames and records each frame for the exchange.
type frameSink struct {
	ctx    context.Context
	c      *websocket.Conn
	pace   *pacer
	h      hash.Hash
	frames []Frame
	bytes  int64
}

func (fs *frameSink) send(name string, data []byte) error {
	if err := fs.pace.next(); err != nil {
		return err
	}
	if err := fs.c.Write(fs.ctx, websocket.MessageText, data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	fs.h.Write(data)
	fs.bytes += int64(len(data))
	fs.frames = append(fs.frames, Frame{Type: name, SHA256: hex.EncodeToString(sum[:]), Bytes: len(data)})
	return nil
}

// handle answers one client frame and records it as one exchange. A non-nil error ends the
// socket (client gone, or die-midstream).
func (ws *wsSession) handle(ctx context.Context, data []byte) error {
	s := ws.s
	ex := Exchange{
		At: time.Now().UTC(), Host: hostOnly(ws.r.Host), Method: http.MethodGet, Path: ws.r.URL.Path,
		Query: ws.r.URL.RawQuery, API: "openai.responses", WebSocket: true, Streamed: true,
		RequestSHA256: sha256Hex(data), RequestBytes: int64(len(data)), Status: http.StatusOK, Faults: ws.f.names,
	}
	fs := &frameSink{ctx: ctx, c: ws.c, pace: s.newPacer(ctx, ws.f), h: sha256.New()}
	defer func() {
		ex.Frames, ex.Events = fs.frames, len(fs.frames)
		ex.ResponseSHA256, ex.ResponseBytes = hex.EncodeToString(fs.h.Sum(nil)), fs.bytes
		ex.Duration = time.Since(ex.At)
		s.record(ex)
	}()
	fail := func(status int, typ, code, msg string) error {
		ex.Status, ex.Error = status, msg
		frame := obj{{"type", "error"}, {"status", status}, {"error", obj{{"type", typ}, {"code", code}, {"message", msg}}}}
		if status == http.StatusTooManyRequests || status >= 500 {
			frame = append(frame, kv{"headers", obj{{"retry-after", "1"}}})
		}
		return fs.send("error", mustJSON(frame))
	}

	var env struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return fail(http.StatusBadRequest, "invalid_request_error", "invalid_json", "could not parse frame: "+err.Error())
	}
	var q *responsesRequest
	switch env.Type {
	case "response.create":
		var err error
		if q, err = parseResponsesRequest(data); err != nil {
			return fail(http.StatusBadRequest, "invalid_request_error", "invalid_request", err.Error())
		}
	case "response.append":
		// v1 follow-up: new input only, everything else as the last create on this socket.
		if ws.last == nil {
			return fail(http.StatusBadRequest, "invalid_request_error", "invalid_request", "response.append before response.create")
		}
		var app struct {
			Input json.RawMessage `json:"input"`
		}
		_ = json.Unmarshal(data, &app) // the envelope parsed, so this cannot fail
		cp := *ws.last
		cp.Input, cp.PreviousResponseID = app.Input, ws.id
		q = &cp
	default:
		// response.processed and other acknowledgements need no answer; log them for tests.
		ex.Status, ex.Complete = 0, true
		ex.API = "openai.responses." + env.Type
		return nil
	}
	ex.Model = q.Model
	if q.PreviousResponseID != "" && !s.knownResponse(q.PreviousResponseID) {
		return fail(http.StatusBadRequest, "invalid_request_error", "previous_response_not_found", previousNotFound(q.PreviousResponseID))
	}
	switch ws.f.status {
	case http.StatusTooManyRequests:
		return fail(ws.f.status, "usage_limit_reached", "rate_limit_exceeded", "Rate limit reached for requests. Please try again in 1s.")
	case 529:
		return fail(ws.f.status, "server_error", "overloaded", "The server is overloaded. Please try again later.")
	}

	p := s.planResponses(q, len(data), ws.f)
	ex.ResponseID = p.id
	if p.t.tool != nil {
		ex.Tool = p.t.tool.name
	}
	build := func(sk sink) error {
		if err := sk.send("codex.rate_limits", rateLimitsFrame()); err != nil {
			return err
		}
		return p.events(sk)
	}
	if ws.f.die {
		var cnt countSink
		_ = build(&cnt) // countSink never fails
		fs.pace.cut = cnt.n / 2
	}
	err := build(fs)
	switch {
	case errors.Is(err, errCut):
		ex.Error = err.Error()
		_ = ws.c.CloseNow() // cut without a close frame, like a dropped connection
		return err
	case err != nil:
		ex.Error = err.Error()
		return err
	}
	ex.Complete = true
	s.rememberResponse(p.id)
	ws.last, ws.id = q, p.id
	// Ping between responses as the API does; the reader goroutine takes the pong.
	go func() {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		_ = ws.c.Ping(pctx) // a client that does not answer is not an error here
	}()
	return nil
}

func rateLimitsFrame() []byte {
	reset := time.Now().Add(3 * time.Hour).Unix()
	return mustJSON(obj{
		{"type", "codex.rate_limits"}, {"plan_type", "plus"},
		{"rate_limits", obj{
			{"primary", obj{{"used_percent", json.Number("23.0")}, {"window_minutes", 300}, {"reset_at", reset}}},
			{"secondary", obj{{"used_percent", json.Number("41.0")}, {"window_minutes", 10080}, {"reset_at", reset + 86400}}},
		}},
		{"credits", obj{{"has_credits", false}, {"unlimited", false}, {"balance", nil}}},
	})
}
