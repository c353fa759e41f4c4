package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/rest/api"
)

// DefaultListen is where recondo-rest listens unless told otherwise.
const DefaultListen = "127.0.0.1:8081"

// MaxBodyBytes bounds every request body; larger bodies get 413. A query document is far
// smaller (query.MaxBodyBytes); this is the backstop for every route.
const MaxBodyBytes = 1 << 20

// Config is recondo-rest's configuration (flags and RECONDO_* variables, see cmd/recondo-rest).
type Config struct {
	Listen      string
	DataDir     string
	DatabaseURL string
	// PricingFile adds to the embedded price list; "" means <data-dir>/pricing.json if present.
	PricingFile string
	Dev         bool
}

// Open returns the read API over the engine cfg selects, with the object store under the data
// dir and the price list in force.
func Open(ctx context.Context, cfg Config) (*data.API, error) {
	file := cfg.PricingFile
	if file == "" {
		file = pricing.DefaultOverride(cfg.DataDir)
	}
	prices, err := pricing.Load(file)
	if err != nil {
		return nil, fmt.Errorf("price list: %w", err)
	}
	dc := data.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL}
	var store data.Store
	if dc.Engine() == data.EnginePostgres {
		store, err = postgres.Open(ctx, dc.DatabaseURL)
	} else {
		store, err = sqlite.Open(ctx, dc.SQLitePath())
	}
	if err != nil {
		return nil, fmt.Errorf("open the database: %w", err)
	}
	return data.NewAPI(store, objects.NewFS(cfg.DataDir)).WithPrices(prices), nil
}

// HTTPConfig is the httpserve configuration of the REST surface over a, without Listen.
func HTTPConfig(a *data.API, cfg Config, log *slog.Logger) httpserve.Config {
	return httpserve.Config{
		Name:         data.SurfaceREST,
		Listen:       cfg.Listen,
		Handler:      api.New(api.Config{API: a, Log: log, Dev: cfg.Dev}),
		MaxBodyBytes: MaxBodyBytes,
		Dev:          cfg.Dev,
		Log:          log,
		Ready: func(ctx context.Context) error {
			_, err := a.ListPolicies(ctx) // a cheap read that proves the database answers
			return err
		},
	}
}

// Run opens the API and serves until ctx ends, then shuts down gracefully. The listener is
// opened (and dev mode's loopback rule checked) before the database, so a bad --listen fails
// fast without touching data.
func Run(ctx context.Context, cfg Config, log *slog.Logger) error {
	if cfg.Dev {
		if err := httpserve.CheckDevListen(cfg.Listen); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Listen, err)
	}
	a, err := Open(ctx, cfg)
	if err != nil {
		ln.Close()
		return err
	}
	defer a.Close()
	return httpserve.ServeListener(ctx, HTTPConfig(a, cfg, log), ln)
}
