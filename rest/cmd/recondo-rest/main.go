// Command recondo-rest serves captured data over REST: `recondo-rest serve`. See rest/QUERY.md
// for the query language and rest/README.md for configuration.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/rest/server"
)

const usage = `usage: recondo-rest serve [flags]

Serves the REST API (POST /v1/query, GET /v1/sessions, /v1/turns/{id}, /v1/stats, ...) with
API keys (Authorization: Bearer <key>; create one with "recondo keys create").

flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stderr))
}

func run(args []string, getenv func(string) string, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "serve" {
		fmt.Fprint(stderr, usage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return 0
		}
		return 2
	}
	cfg, level, err := parseFlags(args[1:], getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "recondo-rest:", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := server.Run(ctx, cfg, log); err != nil {
		log.Error("recondo-rest stopped", "err", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (server.Config, slog.Level, error) {
	fs := flag.NewFlagSet("recondo-rest serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	cfg := server.Config{}
	listen := getenv("RECONDO_REST_LISTEN")
	if listen == "" {
		listen = server.DefaultListen
	}
	dataDir := getenv("RECONDO_DATA_DIR")
	if dataDir == "" {
		dataDir = data.DefaultDataDir()
	}
	dev, _ := strconv.ParseBool(getenv("RECONDO_REST_DEV"))
	fs.StringVar(&cfg.Listen, "listen", listen, "address to serve on (RECONDO_REST_LISTEN)")
	fs.StringVar(&cfg.DataDir, "data-dir", dataDir, "data directory: object store and the SQLite file recondo.db (RECONDO_DATA_DIR)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", getenv("RECONDO_DATABASE_URL"), "a postgres:// URL selects PostgreSQL; empty: SQLite in the data directory (RECONDO_DATABASE_URL)")
	fs.StringVar(&cfg.PricingFile, "pricing", "", "price-list file added to the embedded one (default <data-dir>/pricing.json if present)")
	fs.BoolVar(&cfg.Dev, "dev", dev, "serve without API keys, as an admin named dev; loopback --listen only (RECONDO_REST_DEV)")
	levelName := fs.String("log-level", orDefault(getenv("RECONDO_LOG_LEVEL"), "info"), "debug, info, warn or error (RECONDO_LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		return cfg, 0, err
	}
	if fs.NArg() > 0 {
		return cfg, 0, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*levelName)); err != nil {
		return cfg, 0, fmt.Errorf("--log-level: %w", err)
	}
	return cfg, level, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
