// Command recondo-mcp serves captured coding-agent traffic to agents over MCP: stdio by default,
// streamable HTTP with --http. See mcp/README.md for the flags and environment.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/mcp/server"
	"github.com/recondo/recondo/mcp/tools"
)

const usage = `recondo-mcp [flags]

Serves captured sessions, turns, search, stats, anomalies and integrity checks to agents over MCP.
By default it speaks MCP on stdin/stdout (logs go to stderr). With --http it serves streamable
HTTP at /mcp, with /healthz and /metrics; every request then needs an API key
(Authorization: Bearer <key>; 'recondo keys create'), unless --dev (loopback only).

Tools that change governance data are not even listed without --allow-actions; destructive
ones (delete a policy, revoke a key) need --allow-actions --allow-destructive.

Examples:
  recondo-mcp
  recondo-mcp --http 127.0.0.1:8082
  recondo-mcp --http 127.0.0.1:8082 --dev --allow-actions

Flags:
`

// config is everything the binary is told.
type config struct {
	http, dataDir, databaseURL, allowedOrigins string
	dev, allowActions, allowDestructive        bool
}

func main() {
	var cfg config
	fs := flag.NewFlagSet("recondo-mcp", flag.ExitOnError)
	fs.Usage = func() { fmt.Fprint(os.Stderr, usage); fs.PrintDefaults() }
	fs.StringVar(&cfg.http, "http", os.Getenv("RECONDO_MCP_HTTP"), "serve streamable HTTP on host:port instead of stdio, e.g. 127.0.0.1:8082 (RECONDO_MCP_HTTP)")
	fs.StringVar(&cfg.dataDir, "data-dir", data.DefaultDataDir(), "data directory: object store and SQLite file (RECONDO_DATA_DIR)")
	fs.StringVar(&cfg.databaseURL, "database-url", os.Getenv("RECONDO_DATABASE_URL"), "postgres:// URL; empty = SQLite in the data dir (RECONDO_DATABASE_URL)")
	fs.BoolVar(&cfg.allowActions, "allow-actions", envBool("RECONDO_MCP_ALLOW_ACTIONS"), "register tools that change governance data: policies, reports, alerts (RECONDO_MCP_ALLOW_ACTIONS)")
	fs.BoolVar(&cfg.allowDestructive, "allow-destructive", envBool("RECONDO_MCP_ALLOW_DESTRUCTIVE"), "with --allow-actions, also register delete-policy and revoke-key (RECONDO_MCP_ALLOW_DESTRUCTIVE)")
	fs.BoolVar(&cfg.dev, "dev", envBool("RECONDO_MCP_DEV"), "HTTP without API keys (everyone is an admin named dev); loopback only (RECONDO_MCP_DEV)")
	fs.StringVar(&cfg.allowedOrigins, "allowed-origins", os.Getenv("RECONDO_MCP_ALLOWED_ORIGINS"), "comma-separated browser origins accepted over HTTP beside loopback ones (RECONDO_MCP_ALLOWED_ORIGINS)")
	_ = fs.Parse(os.Args[1:])

	// stdout carries the stdio protocol: logs only ever go to stderr.
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log); err != nil {
		log.Error("recondo-mcp stopped", "err", err)
		os.Exit(1)
	}
}

// run opens the data the config names and serves until ctx ends (or stdin closes).
func run(ctx context.Context, cfg config, log *slog.Logger) error {
	if cfg.allowDestructive && !cfg.allowActions {
		return errors.New("--allow-destructive needs --allow-actions too")
	}
	if cfg.dev && cfg.http == "" {
		return errors.New("--dev only applies to --http (stdio has no keys)")
	}
	if cfg.dev {
		// Refuse before opening anything: a keyless server must not be reachable from outside.
		if err := httpserve.CheckDevListen(cfg.http); err != nil {
			return err
		}
	}
	api, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer api.Close()
	opt := server.Options{Flags: tools.Flags{AllowActions: cfg.allowActions, AllowDestructive: cfg.allowDestructive}, Log: log}
	log.Info("recondo-mcp starting", "transport", transport(cfg), "data_dir", cfg.dataDir,
		"allow_actions", cfg.allowActions, "allow_destructive", cfg.allowDestructive, "dev", cfg.dev)
	if cfg.http == "" {
		return server.ServeStdio(ctx, api, opt, os.Stdin, os.Stdout)
	}
	return httpserve.Serve(ctx, httpserve.Config{
		Name: data.SurfaceMCP, Listen: cfg.http, Dev: cfg.dev, Log: log,
		Handler: server.HTTPHandler(api, server.HTTPOptions{Options: opt, Dev: cfg.dev, AllowedOrigins: split(cfg.allowedOrigins)}),
		Ready: func(ctx context.Context) error {
			if _, err := api.ListPolicies(ctx); err != nil {
				log.Warn("health check: database unreachable", "err", err)
				return errors.New("database unreachable") // /healthz needs no key: no detail
			}
			return nil
		},
	})
}

// open opens the engine and the object store, priced with the operator's override if any.
func open(ctx context.Context, cfg config) (*data.API, error) {
	prices, err := pricing.Load(pricing.DefaultOverride(cfg.dataDir))
	if err != nil {
		return nil, err
	}
	dc := data.Config{DataDir: cfg.dataDir, DatabaseURL: cfg.databaseURL}
	var store data.Store
	if dc.Engine() == data.EnginePostgres {
		store, err = postgres.Open(ctx, dc.DatabaseURL)
	} else {
		store, err = sqlite.Open(ctx, dc.SQLitePath())
	}
	if err != nil {
		return nil, fmt.Errorf("open the database: %w", err)
	}
	return data.NewAPI(store, objects.NewFS(cfg.dataDir)).WithPrices(prices), nil
}

func transport(cfg config) string {
	if cfg.http == "" {
		return "stdio"
	}
	return "http " + cfg.http
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func envBool(name string) bool {
	b, _ := strconv.ParseBool(os.Getenv(name))
	return b
}
