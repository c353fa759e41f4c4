package httpserve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Config wires a server.
type Config struct {
	Name   string // the surface, in metric labels and logs: "graphql", "rest", "mcp"
	Listen string
	// Handler serves everything but /healthz and /metrics (which need no key).
	Handler http.Handler
	// MaxBodyBytes bounds a request body (default 1 MiB); larger bodies get 413.
	MaxBodyBytes int64
	// Dev means no authentication: only a loopback Listen is accepted.
	Dev bool
	Log *slog.Logger
	// Ready, when set, answers /healthz (e.g. a database ping); nil means always ready.
	Ready func(context.Context) error
}

// CheckDevListen refuses dev mode (no keys) on anything but a loopback address.
func CheckDevListen(listen string) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("--listen %q: %w", listen, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--dev serves without API keys and binds to loopback only; --listen %s is not loopback", listen)
}

// Handler wraps cfg.Handler with /healthz, /metrics, the body limit and request metrics.
func Handler(cfg Config) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	requests := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "recondo_http_requests_total", Help: "HTTP requests by surface, method and status.", ConstLabels: prometheus.Labels{"surface": cfg.Name}}, []string{"method", "code"})
	errorsTotal := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "recondo_http_errors_total", Help: "HTTP responses with status >= 500.", ConstLabels: prometheus.Labels{"surface": cfg.Name}}, []string{"method"})
	latency := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "recondo_http_request_duration_seconds", Help: "HTTP request latency.", ConstLabels: prometheus.Labels{"surface": cfg.Name},
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}, []string{"method"})
	reg.MustRegister(requests, errorsTotal, latency)
	limit := cfg.MaxBodyBytes
	if limit <= 0 {
		limit = 1 << 20
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if cfg.Ready != nil {
			if err := cfg.Ready(r.Context()); err != nil {
				http.Error(w, "unavailable: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		r.Body = http.MaxBytesReader(sw, r.Body, limit)
		cfg.Handler.ServeHTTP(sw, r)
		requests.WithLabelValues(r.Method, strconv.Itoa(sw.code)).Inc()
		latency.WithLabelValues(r.Method).Observe(time.Since(start).Seconds())
		if sw.code >= 500 {
			errorsTotal.WithLabelValues(r.Method).Inc()
		}
	}))
	return mux
}

// Serve listens on cfg.Listen and serves until ctx ends, then shuts down gracefully (in-flight
// requests get up to 15 s).
func Serve(ctx context.Context, cfg Config) error {
	ln, err := Listen(cfg)
	if err != nil {
		return err
	}
	return ServeListener(ctx, cfg, ln)
}

// Listen opens cfg.Listen, refusing dev mode off loopback.
func Listen(cfg Config) (net.Listener, error) {
	if cfg.Dev {
		if err := CheckDevListen(cfg.Listen); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return nil, fmt.Errorf("listen %s: %w", cfg.Listen, err)
	}
	return ln, nil
}

// ServeListener serves on an open listener (tests pass one on port 0).
func ServeListener(ctx context.Context, cfg Config, ln net.Listener) error {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	srv := &http.Server{
		Handler:           Handler(cfg),
		ReadHeaderTimeout: 10 * time.Second, // slowloris
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "surface", cfg.Name, "addr", ln.Addr().String(), "dev", cfg.Dev)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
