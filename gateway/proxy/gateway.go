package proxy

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/martian/v3"

	"github.com/recondo/recondo/gateway/capture"
)

// DefaultIntercept are the provider hosts decrypted and captured unless configured otherwise.
var DefaultIntercept = []string{
	"api.anthropic.com",
	"api.openai.com",
	"chatgpt.com",
	"generativelanguage.googleapis.com",
	"cloudcode-pa.googleapis.com",
}

// CertSource supplies the certificate the gateway presents for an intercepted host.
type CertSource interface {
	ServerConfig(host string) *tls.Config
}

// Config wires a Gateway.
type Config struct {
	Intercept []string // host names to decrypt and capture
	Resolve   Resolve
	RootCAs   *x509.CertPool
	Certs     CertSource
	Recorder  *capture.Recorder
	Log       *slog.Logger
	// HeaderTimeout bounds how long a new connection may take to send its first request head.
	HeaderTimeout time.Duration
	// RequestTimeout bounds one non-streamed request/response on a kept-alive connection (and
	// how long such a connection may idle). Streams and WebSockets are not bound by it.
	RequestTimeout time.Duration
	// WriteTimeout bounds each write to a client during a stream (a stuck client is dropped).
	WriteTimeout time.Duration
	// NoCapture decrypts and relays exactly as usual but records nothing: the baseline the
	// capture's cost is measured against (make bench). Never for production: it also leaves
	// WebSocket upgrades to martian, which cannot relay them.
	NoCapture bool
}

// Gateway is the proxy: front door, martian pipeline and upstream transport.
type Gateway struct {
	cfg          Config
	log          *slog.Logger
	intercept    map[string]struct{}
	conns        *registry
	martian      *martian.Proxy
	martianConns *handoff
	transport    *http.Transport
	dial         *dialer
	tunnels      atomic.Int64
	wg           sync.WaitGroup
	closing      chan struct{}
	closeOnce    sync.Once
	closed       chan struct{} // closed when Close has finished
}

// New builds a gateway from cfg.
func New(cfg Config) (*Gateway, error) {
	if cfg.Certs == nil || cfg.Recorder == nil || cfg.RootCAs == nil {
		return nil, errors.New("proxy: Certs, Recorder and RootCAs are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Intercept == nil {
		cfg.Intercept = DefaultIntercept
	}
	if cfg.HeaderTimeout <= 0 {
		cfg.HeaderTimeout = 30 * time.Second
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 30 * time.Minute
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 60 * time.Second
	}
	g := &Gateway{
		cfg:       cfg,
		log:       cfg.Log,
		intercept: map[string]struct{}{},
		conns:     newRegistry(),
		dial:      &dialer{resolve: cfg.Resolve, net: net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}},
		closing:   make(chan struct{}),
	}
	for _, h := range cfg.Intercept {
		g.intercept[strings.ToLower(strings.TrimSpace(h))] = struct{}{}
	}
	g.transport = newTransport(cfg.RootCAs, g.dial.DialContext)
	g.martian = martian.NewProxy()
	g.martian.SetTimeout(cfg.RequestTimeout)
	// A wrapper, not the *http.Transport itself: martian would overwrite a Transport's Dial and
	// Proxy, and the wrapper records upstream errors into the exchange.
	g.martian.SetRoundTripper(&recordingTransport{inner: g.transport})
	g.martian.SetRequestModifier(requestStage{g})
	g.martian.SetResponseModifier(responseStage{g})
	return g, nil
}

// Serve accepts proxy connections on ln until Close.
func (g *Gateway) Serve(ln net.Listener) error {
	g.martianConns = newHandoff(ln.Addr())
	go func() { _ = g.martian.Serve(g.martianConns) }()
	go func() { <-g.closing; ln.Close() }()
	for {
		c, err := ln.Accept()
		if err != nil {
			select {
			case <-g.closing:
				return nil
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(5 * time.Millisecond)
				continue
			}
			return fmt.Errorf("proxy: accept: %w", err)
		}
		g.wg.Add(1)
		go func() { defer g.wg.Done(); g.serveConn(c) }()
	}
}

// Close stops accepting, lets martian finish in-flight requests, and waits for the front door.
// Streams in progress end when their upstream ends; ctx bounds the wait. Close is idempotent.
func (g *Gateway) Close(ctx context.Context) error {
	g.closeOnce.Do(func() {
		close(g.closing)
		if g.martianConns != nil {
			g.martianConns.Close()
		}
		g.closed = make(chan struct{})
		go func() { g.wg.Wait(); g.martian.Close(); g.transport.CloseIdleConnections(); close(g.closed) }()
	})
	select {
	case <-g.closed:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Transport is the upstream transport (for tests that dial through the same rules).
func (g *Gateway) Transport() *http.Transport { return g.transport }
