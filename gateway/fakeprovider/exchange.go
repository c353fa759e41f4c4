package fakeprovider

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"net/http"
	"time"
)

// Exchange is one request/response pair as the fake provider saw it. The hashes are over wire
// bytes so that a test can compare them with what the agent sent and received through the
// gateway: any rewrite on the way shows up as a mismatch.
type Exchange struct {
	At     time.Time `json:"at"`
	Host   string    `json:"host"`
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Query  string    `json:"query,omitempty"`
	// API names the endpoint, e.g. anthropic.messages or openai.responses.
	API string `json:"api,omitempty"`

	// RequestSHA256 is over the request entity body exactly as received: after removing
	// chunked framing, before content decoding. For WebSocket exchanges it is over the
	// response.create text frame payload (after permessage-deflate, which is transport).
	RequestSHA256   string `json:"request_sha256"`
	RequestBytes    int64  `json:"request_bytes"`
	RequestEncoding string `json:"request_encoding,omitempty"`

	// ResponseSHA256 is over the response body bytes written, before chunked framing. For
	// WebSocket exchanges it is over the concatenated payloads of this response's frames.
	ResponseSHA256 string `json:"response_sha256"`
	ResponseBytes  int64  `json:"response_bytes"`
	// Status is the HTTP status; for WebSocket exchanges 200, or the status of an error frame.
	Status int `json:"status"`

	Model      string `json:"model,omitempty"`
	ResponseID string `json:"response_id,omitempty"`
	// Tool is the name of the tool the answer called; empty for a text answer.
	Tool string `json:"tool,omitempty"`
	// Streamed is true for SSE (and streamed JSON array) answers and WebSocket responses.
	Streamed  bool `json:"streamed"`
	WebSocket bool `json:"websocket,omitempty"`
	// Complete is true when the terminal event (or the whole JSON body) was sent.
	Complete bool     `json:"complete"`
	Faults   []string `json:"faults,omitempty"`
	Events   int      `json:"events,omitempty"`
	Frames   []Frame  `json:"frames,omitempty"`

	Duration time.Duration `json:"duration_ns"`
	Error    string        `json:"error,omitempty"`
}

// Frame is one server WebSocket text frame of a response.
type Frame struct {
	Type   string `json:"type"`
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// record stores ex and writes it to the log as one JSON line at once, because e2e tests tail
// that file while agents are still running.
func (s *Server) record(ex Exchange) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exchanges = append(s.exchanges, ex)
	if s.opt.Log == nil {
		return
	}
	line, err := json.Marshal(ex)
	if err != nil {
		s.log.Error("encode exchange", "err", err)
		return
	}
	if _, err := s.opt.Log.Write(append(line, '\n')); err != nil {
		s.log.Error("write exchange log", "err", err)
	}
}

// Exchanges returns a copy of every exchange so far, oldest first.
func (s *Server) Exchanges() []Exchange {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Exchange(nil), s.exchanges...)
}

// recorder hashes and counts the body bytes a handler writes and remembers the status.
type recorder struct {
	http.ResponseWriter
	h      hash.Hash
	n      int64
	status int
}

func newRecorder(w http.ResponseWriter) *recorder {
	return &recorder{ResponseWriter: w, h: sha256.New()}
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.h.Write(p[:n])
	r.n += int64(n)
	if err != nil {
		return n, fmt.Errorf("write response: %w", err)
	}
	return n, nil
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *recorder) sum() string { return hex.EncodeToString(r.h.Sum(nil)) }
