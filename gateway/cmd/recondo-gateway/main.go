// Command recondo-gateway is the capturing proxy coding agents send their traffic through
// (HTTPS_PROXY). `recondo-gateway serve` runs it; see README.md for the flags and environment.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/gateway/app"
	"github.com/recondo/recondo/gateway/proxy"
)

const usage = `recondo-gateway serve [flags]

Runs the capturing proxy. Point agents at it with HTTPS_PROXY=http://127.0.0.1:8443 and make
them trust $RECONDO_DATA_DIR/ca/ca.crt (created on first run).

Examples:
  recondo-gateway serve
  recondo-gateway serve --listen 0.0.0.0:8443 --database-url postgres://recondo@db/recondo
  recondo-gateway serve --resolve api.anthropic.com:443:127.0.0.1:9443

Flags:
`

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func main() {
	if len(os.Args) < 2 || os.Args[1] != "serve" {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	fs.Usage = func() { fmt.Fprint(os.Stderr, usage); fs.PrintDefaults() }
	listen := fs.String("listen", env("RECONDO_LISTEN", "127.0.0.1:8443"), "proxy address host:port (RECONDO_LISTEN)")
	dataDir := fs.String("data-dir", data.DefaultDataDir(), "data directory (RECONDO_DATA_DIR)")
	dbURL := fs.String("database-url", os.Getenv("RECONDO_DATABASE_URL"), "postgres:// URL; empty = SQLite in the data dir (RECONDO_DATABASE_URL)")
	intercept := fs.String("intercept", env("RECONDO_INTERCEPT", strings.Join(proxy.DefaultIntercept, ",")), "hosts to decrypt and capture, comma-separated (RECONDO_INTERCEPT)")
	var resolve listFlag
	fs.Var(&resolve, "resolve", "host:port:addr routes host to addr keeping SNI and verification; repeatable (RECONDO_RESOLVE, comma-separated)")
	inline := fs.Int("inline-body-bytes", 8<<20, "bytes of each body kept in memory before spilling to disk")
	reqTimeout := fs.Duration("request-timeout", 30*time.Minute, "bound on one non-streamed exchange (streams are unbounded)")
	logLevel := fs.String("log-level", env("RECONDO_LOG_LEVEL", "info"), "debug, info, warn or error (RECONDO_LOG_LEVEL)")
	_ = fs.Parse(os.Args[2:])
	if len(resolve) == 0 {
		resolve = splitList(os.Getenv("RECONDO_RESOLVE"))
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "--log-level: %v\n", err)
		os.Exit(2)
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := app.Start(ctx, app.Config{
		Listen: *listen, Data: data.Config{DataDir: *dataDir, DatabaseURL: *dbURL},
		Intercept: splitList(*intercept), Resolve: resolve, InlineBytes: *inline,
		RequestTimeout: *reqTimeout, Log: log,
	})
	if err != nil {
		log.Error("gateway failed to start", "err", err)
		os.Exit(1)
	}
	errc := make(chan error, 1)
	go func() { errc <- a.Wait() }()
	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case err := <-errc:
		if err != nil && !errors.Is(err, context.Canceled) {
			log.Error("proxy stopped", "err", err)
		}
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := a.Close(shutdown); err != nil {
		log.Error("shutdown", "err", err)
		os.Exit(1)
	}
}
