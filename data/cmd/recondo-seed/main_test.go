package main

import (
	"errors"
	"log/slog"
	"testing"

	"github.com/recondo/recondo/data/internal/seed"
)

func TestRunRefusesANonEmptyDatabaseUnlessForced(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	dir := t.TempDir()
	small := []string{"--data-dir", dir, "--database-url", "", "--sessions", "5", "--turns", "60",
		"--tool-calls", "150", "--developers", "4", "--teams", "2", "--anchor", "2026-01-01T00:00:00Z"}
	if err := run(log, small); err != nil {
		t.Fatalf("first seed: %v", err)
	}
	if err := run(log, small); !errors.Is(err, seed.ErrNotEmpty) {
		t.Fatalf("second seed without --force: err = %v, want ErrNotEmpty", err)
	}
	if err := run(log, append(small, "--force", "--seed", "2")); err != nil {
		t.Fatalf("second seed with --force and another --seed: %v", err)
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	for _, args := range [][]string{
		{"--data-dir", t.TempDir(), "--anchor", "yesterday"},
		{"--data-dir", t.TempDir(), "--sessions", "10", "--turns", "5"},
		{"--data-dir", t.TempDir(), "--providers", "9"},
	} {
		if err := run(log, args); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}
