package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/data/write/objectwriter"
	"github.com/recondo/recondo/gateway/analyze"
	"github.com/recondo/recondo/gateway/ca"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/ingest"
	"github.com/recondo/recondo/gateway/proxy"
	"github.com/recondo/recondo/gateway/wal"
)

// Config is everything `recondo-gateway serve` takes.
type Config struct {
	Listen      string
	Data        data.Config
	Intercept   []string
	Resolve     []string // host:port:addr
	InlineBytes int      // per body, in memory; the rest spills to disk
	// RequestTimeout bounds a non-streamed exchange; streams are unbounded.
	RequestTimeout time.Duration
	// NoCapture is the benchmark baseline: the same proxy recording nothing.
	NoCapture bool
	// PricingFile overrides and extends the embedded price list ("" = <data-dir>/pricing.json).
	PricingFile string
	// SessionGap ends a heuristic session after this long without a turn (0 = 30 minutes).
	SessionGap time.Duration
	Log        *slog.Logger
}

// App is a running gateway.
type App struct {
	Addr     net.Addr
	Pipeline *ingest.Pipeline
	Gateway  *proxy.Gateway
	CA       *ca.Authority
	cancel   context.CancelFunc
	done     chan error
	closers  []func() error
	closeMu  sync.Mutex
}

// Start opens everything, replays the WAL into the database and starts serving. It creates the
// CA on first run.
func Start(ctx context.Context, cfg Config) (*App, error) {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	dir := cfg.Data.DataDir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data dir %s: %w", dir, err)
	}
	authority, err := loadOrInitCA(filepath.Join(dir, "ca"), log)
	if err != nil {
		return nil, err
	}
	roots, err := proxy.RootCAs(dir, log)
	if err != nil {
		return nil, err
	}
	resolve, err := proxy.ParseResolve(cfg.Resolve)
	if err != nil {
		return nil, err
	}
	a := &App{CA: authority, done: make(chan error, 1)}
	fail := func(err error) (*App, error) { a.closeAll(); return nil, err }

	db, err := write.Open(ctx, cfg.Data)
	if err != nil {
		return fail(fmt.Errorf("open database (%s): %w", cfg.Data.Engine(), err))
	}
	a.closers = append(a.closers, db.Close)
	objs, err := objectwriter.NewFS(dir)
	if err != nil {
		return fail(err)
	}
	walDir := filepath.Join(dir, "wal")
	spillDir := filepath.Join(walDir, "spill")
	if err := os.MkdirAll(spillDir, 0o700); err != nil {
		return fail(fmt.Errorf("spill dir: %w", err))
	}
	w, err := wal.Open(walDir, wal.Options{})
	if err != nil {
		return fail(fmt.Errorf("open write-ahead log: %w", err))
	}
	a.closers = append(a.closers, w.Close)
	prices, err := loadPrices(ctx, cfg)
	if err != nil {
		return fail(err)
	}
	pipe, err := ingest.New(ingest.Config{
		WAL: w, Objects: objs, DB: db, Log: log,
		Analyzer:    analyze.New(analyze.Parsers(), data.Pricer{Table: prices}, analyze.NewSessions(cfg.SessionGap)),
		CapturesDir: filepath.Join(dir, "captures"),
	})
	if err != nil {
		return fail(err)
	}
	if err := pipe.Recover(ctx); err != nil {
		return fail(err)
	}
	a.Pipeline = pipe
	gw, err := proxy.New(proxy.Config{
		Intercept: cfg.Intercept, Resolve: resolve, RootCAs: roots,
		Certs:          ca.NewLeaves(authority, ca.LeafOptions{}),
		Recorder:       capture.NewRecorder(pipe, capture.Options{InlineBytes: cfg.InlineBytes, SpillDir: spillDir}),
		Log:            log,
		RequestTimeout: cfg.RequestTimeout,
		NoCapture:      cfg.NoCapture,
	})
	if err != nil {
		return fail(err)
	}
	a.Gateway = gw
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fail(fmt.Errorf("listen %s: %w", cfg.Listen, err))
	}
	a.Addr = ln.Addr()
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	a.cancel = cancel
	ingestDone := make(chan struct{})
	go func() { pipe.Run(runCtx); close(ingestDone) }()
	go func() { a.done <- gw.Serve(ln) }()
	// Ingestion must stop before the WAL and database close.
	a.closers = append([]func() error{func() error { cancel(); <-ingestDone; return nil }}, a.closers...)
	log.Info("gateway listening", "addr", a.Addr.String(), "data_dir", dir, "engine", cfg.Data.Engine(), "ca", authority.Info().Fingerprint)
	return a, nil
}

// Wait blocks until the proxy stops serving.
func (a *App) Wait() error { return <-a.done }

// Close stops accepting connections, waits (up to ctx) for in-flight exchanges, then stops
// ingestion and closes the WAL and database. What was not ingested stays in the WAL.
func (a *App) Close(ctx context.Context) error {
	a.closeMu.Lock()
	defer a.closeMu.Unlock()
	err := a.Gateway.Close(ctx)
	return errors.Join(err, a.closeAll())
}

func (a *App) closeAll() error {
	var errs []error
	for _, c := range a.closers {
		errs = append(errs, c())
	}
	a.closers = nil
	return errors.Join(errs...)
}

// loadPrices is the price list the gateway prices turns with at capture: the embedded list, the
// operator's file and the prices added at run time (model_prices). Prices added after start reach
// these turns through read-time repricing.
func loadPrices(ctx context.Context, cfg Config) (*pricing.Table, error) {
	file := cfg.PricingFile
	if file == "" {
		file = pricing.DefaultOverride(cfg.Data.DataDir)
	}
	base, err := pricing.Load(file)
	if err != nil {
		return nil, fmt.Errorf("price list: %w", err)
	}
	var store data.Store
	if cfg.Data.Engine() == data.EnginePostgres {
		store, err = postgres.Open(ctx, cfg.Data.DatabaseURL)
	} else {
		store, err = sqlite.Open(ctx, cfg.Data.SQLitePath())
	}
	if err != nil {
		return nil, fmt.Errorf("read prices: %w", err)
	}
	defer store.Close()
	return data.NewAPI(store, nil).WithPrices(base).Prices(ctx)
}

func loadOrInitCA(dir string, log *slog.Logger) (*ca.Authority, error) {
	a, err := ca.Load(dir)
	if errors.Is(err, ca.ErrNotFound) {
		a, err = ca.Init(dir, ca.InitOptions{})
		if err == nil {
			log.Info("created the Recondo CA; clients must trust it", "cert", filepath.Join(dir, ca.CertFile), "fingerprint", a.Info().Fingerprint)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("CA: %w", err)
	}
	return a, nil
}
