// Command recondo-fake-provider runs the fake LLM provider (package fakeprovider) on its own,
// for `make demo`, manual runs and benchmarks that need it in a separate process.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/recondo/recondo/gateway/fakeprovider"
)

func main() {
	if err := run(); err != nil {
		slog.Error("recondo-fake-provider failed", "err", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:9443", "address to listen on")
	caDir := flag.String("ca-dir", "", "directory for the fake provider's own test CA (default $RECONDO_DATA_DIR/fake-provider, else a temp dir removed on exit)")
	eventDelay := flag.Duration("event-delay", 15*time.Millisecond, "delay between streamed events (negative for none)")
	firstByte := flag.Duration("first-byte-delay", 50*time.Millisecond, "delay before the first byte of a response (negative for none)")
	logFile := flag.String("log", "", "append every exchange to this file as JSON Lines")
	verbose := flag.Bool("v", false, "log every exchange at debug level")
	flag.Parse()

	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	// With neither flag nor RECONDO_DATA_DIR, Start uses a temp dir and removes it on Close.
	dir := *caDir
	if data := os.Getenv("RECONDO_DATA_DIR"); dir == "" && data != "" {
		dir = filepath.Join(data, "fake-provider")
	}
	opt := fakeprovider.Options{
		Addr: *listen, CADir: dir, EventDelay: *eventDelay, FirstByteDelay: *firstByte, Logger: logger,
	}
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return fmt.Errorf("open exchange log: %w", err)
		}
		defer f.Close()
		opt.Log = f
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := fakeprovider.Start(ctx, opt)
	if err != nil {
		return fmt.Errorf("start fake provider: %w", err)
	}
	// Plain lines on stdout so scripts can pick up the address and CA without parsing logs.
	fmt.Printf("address %s\nca %s\n", srv.Addr(), srv.CAFile())
	<-ctx.Done()
	logger.Info("stopping")
	if err := srv.Close(); err != nil {
		return fmt.Errorf("stop fake provider: %w", err)
	}
	return nil
}
