package fakeprovider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// sink receives the events of one response in order: SSE on HTTP, text frames on WebSocket,
// or nothing at all for the dry run that counts events.
type sink interface {
	send(name string, data []byte) error
}

// errCut ends a response on purpose for the die-midstream fault.
var errCut = errors.New("connection cut mid-stream on purpose")

// pacer spaces events like a real model emits tokens, so that streaming bugs that only show
// when bytes arrive over time (buffering, timeouts, first-byte latency) can be seen.
type pacer struct {
	ctx   context.Context
	first time.Duration
	every time.Duration
	sent  int
	cut   int // stop before sending event number cut; negative never
}

func (s *Server) newPacer(ctx context.Context, f faults) *pacer {
	p := &pacer{ctx: ctx, first: s.opt.FirstByteDelay, every: s.opt.EventDelay, cut: -1}
	if f.slow {
		p.first *= 10
		p.every *= 10
	}
	if f.hugeMB > 0 {
		// Memory benchmarks want bytes as fast as the pipe takes them.
		p.every = 0
	}
	return p
}

func (p *pacer) next() error {
	if p.cut >= 0 && p.sent >= p.cut {
		return errCut
	}
	d := p.every
	if p.sent == 0 {
		d = p.first
	}
	if err := sleep(p.ctx, d); err != nil {
		return err
	}
	p.sent++
	return nil
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("wait between events: %w", ctx.Err())
	case <-t.C:
		return nil
	}
}

// countSink is the dry run that tells die-midstream where half of the events is.
type countSink struct{ n int }

func (c *countSink) send(string, []byte) error { c.n++; return nil }

// sseFormat is the framing one provider uses. Anthropic and OpenAI Responses name events and
// end lines with LF; Chat Completions sends data only; Gemini's public API ends with CRLF.
type sseFormat struct {
	named bool
	eol   string
	// array frames events as a streamed JSON array instead of SSE (Gemini without alt=sse).
	array bool
}

type sseSink struct {
	w     *recorder
	pace  *pacer
	f     sseFormat
	begin func() // writes status and headers just before the first event
	began bool
	buf   []byte
}

func (s *sseSink) send(name string, data []byte) error {
	if err := s.pace.next(); err != nil {
		return err
	}
	b := s.buf[:0]
	switch {
	case s.f.array && !s.began:
		b = append(b, '[')
	case s.f.array:
		b = append(b, ",\r\n"...)
	}
	if !s.began {
		s.begin()
		s.began = true
	}
	switch {
	case s.f.array:
		b = append(b, data...)
	case s.f.named:
		b = append(append(append(append(b, "event: "...), name...), s.f.eol...), "data: "...)
		b = append(append(append(b, data...), s.f.eol...), s.f.eol...)
	default:
		b = append(append(append(append(b, "data: "...), data...), s.f.eol...), s.f.eol...)
	}
	s.buf = b
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	s.w.Flush()
	return nil
}

// end writes what closes the body after the last event.
func (s *sseSink) end() error {
	if !s.f.array {
		return nil
	}
	tail := "]"
	if !s.began {
		s.begin()
		tail = "[]"
	}
	_, err := s.w.Write([]byte(tail))
	return err
}

// serveStream streams the events build produces and handles the faults that act on a stream.
// die-midstream flushes what was sent and then aborts the handler, which makes net/http drop
// the connection without the terminating chunk: the client sees a truncated body, as when an
// upstream dies.
func (s *Server) serveStream(w *recorder, rq *request, f sseFormat, begin func(), build func(sink) error) {
	p := s.newPacer(rq.r.Context(), rq.faults)
	if rq.faults.die {
		var c countSink
		_ = build(&c) // the dry run cannot fail: countSink never errors
		p.cut = c.n / 2
	}
	sk := &sseSink{w: w, pace: p, f: f, begin: begin}
	err := build(sk)
	if err == nil {
		err = sk.end()
	}
	rq.ex.Streamed = true
	rq.ex.Events = p.sent
	switch {
	case err == nil:
		rq.ex.Complete = true
	case errors.Is(err, errCut):
		w.Flush()
		rq.ex.Error = err.Error()
		panic(http.ErrAbortHandler)
	default:
		rq.ex.Error = err.Error()
	}
}

// serveJSON answers a non-streamed request after the first-byte delay.
func (s *Server) serveJSON(w *recorder, rq *request, status int, body []byte) {
	if err := sleep(rq.r.Context(), s.newPacer(rq.r.Context(), rq.faults).first); err != nil {
		rq.ex.Error = err.Error()
		return
	}
	writeJSON(w, status, body)
	rq.ex.Complete = status < 400
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json")
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body) // a client that hung up is recorded by the byte count
}
