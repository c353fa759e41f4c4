// Command recondo-seed fills an empty Recondo database with a deterministic, realistic dataset
// (by default the 1M-turn benchmark dataset) on SQLite or PostgreSQL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/internal/seed"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		log.Error("seed failed", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, args []string) error {
	def := seed.Default()
	fs := flag.NewFlagSet("recondo-seed", flag.ContinueOnError)
	dataDir := fs.String("data-dir", data.DefaultDataDir(), "data directory; the SQLite file is <data-dir>/recondo.db (env RECONDO_DATA_DIR)")
	dbURL := fs.String("database-url", os.Getenv("RECONDO_DATABASE_URL"), "a postgres:// URL selects PostgreSQL (env RECONDO_DATABASE_URL)")
	cfg := def
	fs.IntVar(&cfg.Sessions, "sessions", def.Sessions, "sessions to generate")
	fs.IntVar(&cfg.Turns, "turns", def.Turns, "turns in total (exact)")
	fs.IntVar(&cfg.ToolCalls, "tool-calls", def.ToolCalls, "tool calls in total (exact)")
	fs.IntVar(&cfg.Developers, "developers", def.Developers, "developers")
	fs.IntVar(&cfg.Teams, "teams", def.Teams, "teams (each developer is in one)")
	fs.IntVar(&cfg.Providers, "providers", def.Providers, "providers (1-5)")
	fs.Uint64Var(&cfg.Seed, "seed", def.Seed, "PRNG seed")
	anchor := fs.String("anchor", def.Anchor.Format(time.RFC3339), "the dataset's \"now\" (RFC3339): sessions lie in the 90 days before it")
	batch := fs.Int("batch", 0, "exchanges per transaction (0 = engine default)")
	force := fs.Bool("force", false, "seed even though the database already holds sessions")
	viaWriter := fs.Bool("via-writer", false, "load through the gateway's writer instead of the bulk path (slower; for comparison)")
	version := fs.Bool("version", false, "print the generator version (the benchmark cache key) and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *version {
		fmt.Println(seed.Version)
		return nil
	}
	at, err := time.Parse(time.RFC3339, *anchor)
	if err != nil {
		return fmt.Errorf("--anchor: %w", err)
	}
	cfg.Anchor = at.UTC()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sum, err := seed.Seed(ctx, seed.Options{
		Config: cfg, Target: data.Config{DataDir: *dataDir, DatabaseURL: *dbURL},
		Force: *force, BatchTurns: *batch, ViaWriter: *viaWriter, Log: log,
	})
	if err != nil {
		return err
	}
	log.Info("seeded", "sessions", sum.Sessions, "turns", sum.Turns, "tool_calls", sum.ToolCalls,
		"tool_results", sum.ToolResults, "texts", sum.Texts, "anomalies", sum.Anomalies,
		"load", sum.Load.Round(time.Millisecond), "upkeep", sum.Finish.Round(time.Millisecond))
	return nil
}
