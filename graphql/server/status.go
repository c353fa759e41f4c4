package server

import (
	"context"
	"net/http"
	"sync"
)

// gqlgen's POST transport chooses the status itself (200, or 422 for a refused operation). A
// refusal that HTTP clients must see as such (403 for a reader's mutation) raises the request's
// state, and statusWriter applies it when the transport writes.

type requestState struct {
	mu     sync.Mutex
	status int
}

func (s *requestState) raise(status int) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.status = status
	s.mu.Unlock()
}

func (s *requestState) override() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

type stateKey struct{}

func withState(ctx context.Context, s *requestState) context.Context {
	return context.WithValue(ctx, stateKey{}, s)
}

func stateFrom(ctx context.Context) *requestState {
	s, _ := ctx.Value(stateKey{}).(*requestState)
	return s
}

type statusWriter struct {
	http.ResponseWriter
	state   *requestState
	written bool
}

func (w *statusWriter) WriteHeader(code int) {
	if w.written {
		return
	}
	w.written = true
	if s := w.state.override(); s != 0 {
		code = s
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
