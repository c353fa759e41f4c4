package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
)

// TestRunRefusesUnsafeFlags: each refusal happens before any data is opened.
func TestRunRefusesUnsafeFlags(t *testing.T) {
	cases := []struct {
		name string
		cfg  config
		want string
	}{
		{"destructive alone", config{allowDestructive: true}, "--allow-destructive needs --allow-actions"},
		{"dev on stdio", config{dev: true}, "--dev only applies to --http"},
		{"dev off loopback", config{dev: true, http: "0.0.0.0:8082"}, "loopback only"},
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, c := range cases {
		c.cfg.dataDir = t.TempDir()
		err := run(context.Background(), c.cfg, log)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
	}
}

func TestSplitOrigins(t *testing.T) {
	got := strings.Join(split(" https://a.example, ,http://b.example:8080 "), "|")
	if want := "https://a.example|http://b.example:8080"; got != want {
		t.Errorf("split = %q, want %q", got, want)
	}
}
