package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/sqlite"
)

func TestRunWritesTheDataset(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"--data-dir", dir}); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.ListSessions(context.Background(), data.SessionFilter{Limit: 50})
	if got, want := len(p.Sessions), 6; err != nil || got != want {
		t.Fatalf("sessions = %d (%v), want %d", got, err, want)
	}
}

func TestRunNeedsATarget(t *testing.T) {
	if err := run(nil); err == nil {
		t.Fatal("run without a target: nil error, want one")
	}
}
