package proxy

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/recondo/recondo/gateway/capture"
)

// The per-request pipeline, as martian modifiers: identify the client and decide whether the
// request is captured (requestStage), forward (martian + recordingTransport), tee the response
// and persist it (responseStage). Policy, redaction and routing will join as further stages
// between identify and forward.

type exchangeKey struct{}

// exchangeState travels in the request's context from stage to stage.
type exchangeState struct {
	x      *capture.Exchange
	ci     *connInfo
	cancel context.CancelFunc
	mu     sync.Mutex
	upErr  error // why the round trip failed, if it did
}

func stateOf(req *http.Request) *exchangeState {
	if req == nil {
		return nil
	}
	st, _ := req.Context().Value(exchangeKey{}).(*exchangeState)
	return st
}

type requestStage struct{ g *Gateway }

func (s requestStage) ModifyRequest(req *http.Request) error {
	g := s.g
	ci := g.conns.get(req.RemoteAddr)
	if ci == nil {
		return fmt.Errorf("proxy: request from an unknown connection %s", req.RemoteAddr)
	}
	identity := ci.identity
	if ci.intercept {
		req.URL.Scheme, req.URL.Host = "https", ci.target
	} else if u := proxyUser(req.Header.Get("Proxy-Authorization")); u != "" {
		identity = u
	}
	req.Header.Del("Proxy-Authorization") // meant for the gateway, never forwarded
	req.Header.Del("Proxy-Connection")
	if g.cfg.NoCapture || (!ci.intercept && !g.intercepts(req.URL.Hostname())) {
		return nil // plain HTTP to a host that is not captured: forwarded untouched
	}
	x := g.cfg.Recorder.Begin(req, capture.Client{Addr: req.RemoteAddr, Identity: identity, ConnID: ci.id})
	ctx, cancel := context.WithCancel(req.Context())
	st := &exchangeState{x: x, ci: ci, cancel: cancel}
	*req = *req.WithContext(context.WithValue(ctx, exchangeKey{}, st))
	if isWebSocketUpgrade(req) {
		return g.relayWebSocket(req, st)
	}
	if req.Body != nil && req.Body != http.NoBody {
		req.Body = capture.Tee(req.Body, x.RequestBody(), func(error) error { return nil })
	}
	return nil
}

type responseStage struct{ g *Gateway }

func (s responseStage) ModifyResponse(res *http.Response) error {
	st := stateOf(res.Request)
	if st == nil {
		return nil
	}
	streamed := isStreamed(res)
	st.x.Response(res, streamed)
	if streamed {
		s.g.stream(res, st)
		return nil
	}
	// A body of known length: martian writes it; the capture is committed when the last byte has
	// been read from upstream and before martian can flush it to the client.
	res.Body = capture.TeeSized(res.Body, st.x.ResponseBody(), res.ContentLength, func(err error) error {
		defer st.cancel()
		if err == nil {
			err = st.upstreamErr()
		}
		if ferr := st.x.Finish(err); ferr != nil {
			s.g.log.Error("capture failed; closing the client connection", "capture", st.x.ID(), "err", ferr)
			_ = st.ci.lent.closeReal()
			return ferr
		}
		return nil
	})
	return nil
}

// isStreamed reports whether a response is relayed chunk by chunk by the gateway itself: SSE,
// and every body whose length is not known in advance.
func isStreamed(res *http.Response) bool {
	if strings.HasPrefix(strings.ToLower(res.Header.Get("Content-Type")), "text/event-stream") {
		return true
	}
	if res.Request != nil && res.Request.Method == http.MethodHead {
		return false
	}
	if res.StatusCode == http.StatusNoContent || res.StatusCode == http.StatusNotModified || res.StatusCode < 200 {
		return false
	}
	return res.ContentLength < 0
}

func isWebSocketUpgrade(req *http.Request) bool {
	return strings.EqualFold(req.Header.Get("Upgrade"), "websocket") &&
		strings.Contains(strings.ToLower(req.Header.Get("Connection")), "upgrade")
}
