// Command recondo-graphql serves captured data over GraphQL (POST /graphql). `recondo-graphql
// serve` runs it; see graphql/README.md for the flags and environment.
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
	"syscall"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/graphql/server"
	"github.com/recondo/recondo/web"
)

const usage = `recondo-graphql serve [flags]

Serves captured sessions, turns, tool calls, stats and governance data over GraphQL at
POST /graphql, with /healthz, /metrics and the web dashboard at / (--dashboard=false turns it
off). Every request to /graphql needs an API key (Authorization: Bearer <key>; create one with
'recondo keys create'), unless --dev, which accepts requests without a key and binds to loopback
only. The dashboard asks for the key in the browser.

Examples:
  recondo-graphql serve
  recondo-graphql serve --dev --introspection --graphiql
  recondo-graphql serve --listen 0.0.0.0:8080 --database-url postgres://recondo@db/recondo

Flags:
`

// config is everything the binary is told.
type config struct {
	listen, dataDir, databaseURL            string
	dev, introspection, graphiql, dashboard bool
}

func main() {
	if len(os.Args) < 2 || os.Args[1] != "serve" {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var cfg config
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	fs.Usage = func() { fmt.Fprint(os.Stderr, usage); fs.PrintDefaults() }
	fs.StringVar(&cfg.listen, "listen", env("RECONDO_GRAPHQL_LISTEN", "127.0.0.1:8080"), "address host:port (RECONDO_GRAPHQL_LISTEN)")
	fs.StringVar(&cfg.dataDir, "data-dir", data.DefaultDataDir(), "data directory: object store and SQLite file (RECONDO_DATA_DIR)")
	fs.StringVar(&cfg.databaseURL, "database-url", os.Getenv("RECONDO_DATABASE_URL"), "postgres:// URL; empty = SQLite in the data dir (RECONDO_DATABASE_URL)")
	fs.BoolVar(&cfg.dev, "dev", envBool("RECONDO_GRAPHQL_DEV", false), "no API keys (everyone is an admin named dev); loopback only (RECONDO_GRAPHQL_DEV)")
	fs.BoolVar(&cfg.introspection, "introspection", envBool("RECONDO_GRAPHQL_INTROSPECTION", false), "answer __schema and __type queries (RECONDO_GRAPHQL_INTROSPECTION)")
	fs.BoolVar(&cfg.graphiql, "graphiql", envBool("RECONDO_GRAPHQL_GRAPHIQL", false), "serve the GraphiQL page at /graphiql (RECONDO_GRAPHQL_GRAPHIQL)")
	fs.BoolVar(&cfg.dashboard, "dashboard", envBool("RECONDO_GRAPHQL_DASHBOARD", true), "serve the web dashboard at / (RECONDO_GRAPHQL_DASHBOARD)")
	_ = fs.Parse(os.Args[2:])

	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, cfg, log); err != nil {
		log.Error("recondo-graphql stopped", "err", err)
		os.Exit(1)
	}
}

// serve opens the data the config names and serves until ctx ends.
func serve(ctx context.Context, cfg config, log *slog.Logger) error {
	if cfg.dev {
		// Refuse before opening anything: a keyless server must not be reachable from outside.
		if err := httpserve.CheckDevListen(cfg.listen); err != nil {
			return err
		}
	}
	prices, err := pricing.Load(pricing.DefaultOverride(cfg.dataDir))
	if err != nil {
		return err
	}
	dc := data.Config{DataDir: cfg.dataDir, DatabaseURL: cfg.databaseURL}
	var store data.Store
	if dc.Engine() == data.EnginePostgres {
		store, err = postgres.Open(ctx, dc.DatabaseURL)
	} else {
		store, err = sqlite.Open(ctx, dc.SQLitePath())
	}
	if err != nil {
		return fmt.Errorf("open the database: %w", err)
	}
	api := data.NewAPI(store, objects.NewFS(cfg.dataDir)).WithPrices(prices)
	defer api.Close()
	log.Info("recondo-graphql starting", "engine", dc.Engine(), "data_dir", cfg.dataDir,
		"dev", cfg.dev, "introspection", cfg.introspection, "graphiql", cfg.graphiql, "dashboard", cfg.dashboard)
	opts := server.Options{Dev: cfg.dev, Introspection: cfg.introspection, GraphiQL: cfg.graphiql, Log: log}
	if cfg.dashboard {
		// The assets hold no data and need no key; the page asks for one and sends it to /graphql.
		opts.Static = web.Handler()
	}
	return httpserve.Serve(ctx, httpserve.Config{
		Name: data.SurfaceGraphQL, Listen: cfg.listen, Dev: cfg.dev, Log: log,
		Handler: server.New(api, opts),
		Ready: func(ctx context.Context) error {
			if _, err := api.ListPolicies(ctx); err != nil {
				log.Warn("health check: database unreachable", "err", err)
				return errors.New("database unreachable") // /healthz needs no key: no detail
			}
			return nil
		},
	})
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// envBool reads a boolean environment variable; unset or unparsable means def.
func envBool(name string, def bool) bool {
	b, err := strconv.ParseBool(os.Getenv(name))
	if err != nil {
		return def
	}
	return b
}
