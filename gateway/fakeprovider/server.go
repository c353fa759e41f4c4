package fakeprovider

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultHosts are the names the server certificate covers: every provider host the agents
// talk to, plus loopback for direct use.
var DefaultHosts = []string{
	"api.anthropic.com",
	"api.openai.com",
	"chatgpt.com",
	"generativelanguage.googleapis.com",
	"cloudcode-pa.googleapis.com",
	"localhost",
	"127.0.0.1",
}

// Options configure Start. The zero value is usable.
type Options struct {
	// Addr is the listen address; default 127.0.0.1:0.
	Addr string
	// Hosts are the names in the server certificate; default DefaultHosts.
	Hosts []string
	// CADir is where the server's own test CA lives (ca.crt, ca.key). An existing valid pair
	// is reused. Empty means a temporary directory removed by Close.
	CADir string
	// EventDelay is the pause between streamed events; default 15ms, negative for none.
	EventDelay time.Duration
	// FirstByteDelay is the pause before the first byte of a response; default 50ms,
	// negative for none.
	FirstByteDelay time.Duration
	// Log receives each Exchange as one JSON line as soon as it ends; nil for none.
	Log io.Writer
	// Logger is for operational messages; default slog.Default().
	Logger *slog.Logger
}

// Server is a running fake provider.
type Server struct {
	opt      Options
	log      *slog.Logger
	ln       net.Listener
	srv      *http.Server
	caFile   string
	caPool   *x509.CertPool
	tempDir  string
	ids      idGen
	cancel   context.CancelFunc
	handlers sync.WaitGroup

	mu        sync.Mutex
	exchanges []Exchange
	responses map[string]bool // Responses API ids, for previous_response_id
	closed    bool
}

// Start listens and serves until Close is called or ctx ends.
func Start(ctx context.Context, opt Options) (*Server, error) {
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:0"
	}
	if len(opt.Hosts) == 0 {
		opt.Hosts = DefaultHosts
	}
	opt.EventDelay = defaultDelay(opt.EventDelay, 15*time.Millisecond)
	opt.FirstByteDelay = defaultDelay(opt.FirstByteDelay, 50*time.Millisecond)
	s := &Server{opt: opt, log: opt.Logger, responses: map[string]bool{}}
	if s.log == nil {
		s.log = slog.Default()
	}
	if opt.CADir == "" {
		dir, err := os.MkdirTemp("", "recondo-fake-provider-")
		if err != nil {
			return nil, fmt.Errorf("create CA dir: %w", err)
		}
		s.tempDir, opt.CADir = dir, dir
	}
	now := time.Now()
	ca, err := loadOrCreateCA(opt.CADir, now)
	if err != nil {
		s.removeTemp()
		return nil, err
	}
	leaf, err := ca.leaf(opt.Hosts, now)
	if err != nil {
		s.removeTemp()
		return nil, err
	}
	s.caFile = filepath.Join(opt.CADir, caCertFile)
	s.caPool = x509.NewCertPool()
	s.caPool.AddCert(ca.cert)

	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		s.removeTemp()
		return nil, fmt.Errorf("listen on %s: %w", opt.Addr, err)
	}
	s.ln = ln
	// HTTP/1.1 only: the gateway speaks HTTP/1.1 upstream, and WebSocket upgrades need it.
	tlsConf := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{leaf},
		NextProtos:   []string{"http/1.1"},
	}
	srvCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.cancel = cancel
	s.srv = &http.Server{
		Handler:           s,
		TLSConfig:         tlsConf,
		TLSNextProto:      map[string]func(*http.Server, *tls.Conn, http.Handler){},
		ReadHeaderTimeout: 30 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return srvCtx },
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	go func() {
		if err := s.srv.Serve(tls.NewListener(ln, tlsConf)); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("fake provider stopped", "err", err)
		}
	}()
	go func() {
		select {
		case <-ctx.Done():
			_ = s.Close() // Close reports nothing useful once the caller is gone
		case <-srvCtx.Done():
		}
	}()
	s.log.Info("fake provider listening", "addr", s.Addr(), "ca", s.caFile)
	return s, nil
}

func defaultDelay(d, def time.Duration) time.Duration {
	switch {
	case d == 0:
		return def
	case d < 0:
		return 0
	}
	return d
}

// Addr is the host:port the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// URL is https://Addr, for clients that talk to the server directly.
func (s *Server) URL() string { return "https://" + s.Addr() }

// CAFile is the PEM file of the CA that signed the server certificate.
func (s *Server) CAFile() string { return s.caFile }

// CAPool trusts the server's CA.
func (s *Server) CAPool() *x509.CertPool { return s.caPool }

// Client returns an HTTP/1.1 client that reaches every host name at this server and trusts its
// CA, so tests can use the real provider URLs (https://api.anthropic.com/v1/messages) and the
// Host-based routing sees what it would see behind the gateway.
func (s *Server) Client() *http.Client {
	addr := s.Addr()
	d := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
		TLSClientConfig:    &tls.Config{RootCAs: s.caPool, MinVersion: tls.VersionTLS12},
		DisableCompression: true,
	}}
}

// Close stops listening, ends open streams and sockets, and waits for their handlers so that
// no exchange is logged after Close returns.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	err := s.srv.Close()
	s.handlers.Wait()
	s.removeTemp()
	if err != nil {
		return fmt.Errorf("close fake provider: %w", err)
	}
	return nil
}

func (s *Server) removeTemp() {
	if s.tempDir != "" {
		_ = os.RemoveAll(s.tempDir) // best effort: it is a temp dir
	}
}

// request is what a provider handler gets: the decoded body and the exchange to fill in.
type request struct {
	r      *http.Request
	body   []byte
	faults faults
	ex     *Exchange
}

type handlerFunc func(s *Server, w *recorder, rq *request)

// ServeHTTP routes by Host and path, records the exchange and hands the decoded body over.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Adding under mu, after checking closed, orders every Add before Close's Wait.
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "fake provider closed", http.StatusServiceUnavailable)
		return
	}
	s.handlers.Add(1)
	s.mu.Unlock()
	defer s.handlers.Done()
	rt := route(r)
	if rt.ws != nil && isUpgrade(r) {
		rt.ws(s, w, r)
		return
	}
	ex := Exchange{
		At: time.Now().UTC(), Host: hostOnly(r.Host), Method: r.Method, Path: r.URL.Path,
		Query: r.URL.RawQuery, API: rt.api, RequestEncoding: r.Header.Get("Content-Encoding"),
	}
	rq := &request{r: r, faults: parseFaults(r.Header), ex: &ex}
	ex.Faults = rq.faults.names
	rec := newRecorder(w)
	defer func() {
		p := recover()
		ex.Status = rec.status
		ex.ResponseSHA256, ex.ResponseBytes = rec.sum(), rec.n
		ex.Duration = time.Since(ex.At)
		s.record(ex)
		s.log.Debug("exchange", "api", ex.API, "path", ex.Path, "status", ex.Status, "tool", ex.Tool, "bytes", ex.ResponseBytes)
		if p != nil {
			panic(p)
		}
	}()

	raw, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBytes+1))
	ex.RequestSHA256, ex.RequestBytes = sha256Hex(raw), int64(len(raw))
	if err != nil {
		ex.Error = fmt.Sprintf("read request body: %v", err)
		rt.style.fail(s, rec, http.StatusBadRequest, "could not read request body")
		return
	}
	if len(raw) > maxRequestBytes {
		rt.style.fail(s, rec, http.StatusRequestEntityTooLarge, "request body too large")
		return
	}
	if rq.body, err = decodeBody(raw, r.Header.Get("Content-Encoding")); err != nil {
		ex.Error = err.Error()
		status := http.StatusBadRequest
		if errors.Is(err, errUnsupportedEncoding) {
			status = http.StatusUnsupportedMediaType
		}
		rt.style.fail(s, rec, status, err.Error())
		return
	}
	if rt.serve == nil {
		rt.style.fail(s, rec, rt.status, rt.msg)
		return
	}
	if rq.faults.status != 0 {
		rt.style.fault(s, rec, rq)
		return
	}
	rt.serve(s, rec, rq)
}

func isUpgrade(r *http.Request) bool {
	return r.Method == http.MethodGet && strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return strings.ToLower(h)
	}
	return strings.ToLower(hostport)
}
