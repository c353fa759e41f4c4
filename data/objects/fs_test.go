package objects

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestFSPath(t *testing.T) {
	dataDir := t.TempDir()
	hash := sum([]byte("x"))
	got, err := NewFS(dataDir).Path(Response, hash)
	if err != nil {
		t.Fatalf("Path: %v", err)
	}
	if want := filepath.Join(dataDir, "objects", "resp", hash); got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
}

func TestFSOpen(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		body []byte
	}{
		{"empty request", Request, []byte{}},
		{"json request", Request, []byte(`{"model":"claude","messages":[]}`)},
		{"binary response", Response, bytes.Repeat([]byte{0, 0xff, 0x1f, 0x8b}, 10000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			hash := writeObject(t, dataDir, tt.kind, tt.body)
			rc, err := NewFS(dataDir).Open(context.Background(), tt.kind, hash)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			got, err := io.ReadAll(rc)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if err := rc.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if !bytes.Equal(got, tt.body) {
				t.Errorf("body = %d bytes, want %d bytes", len(got), len(tt.body))
			}
		})
	}
}

func TestFSOpenMissing(t *testing.T) {
	dataDir := t.TempDir()
	hash := writeObject(t, dataDir, Request, []byte("a request"))
	// Stored as a request, so it is missing as a response.
	_, err := NewFS(dataDir).Open(context.Background(), Response, hash)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Open: got %v, want ErrNotFound", err)
	}
}

func TestFSOpenCanceled(t *testing.T) {
	dataDir := t.TempDir()
	hash := writeObject(t, dataDir, Request, []byte("a request"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewFS(dataDir).Open(ctx, Request, hash); !errors.Is(err, context.Canceled) {
		t.Errorf("Open: got %v, want context.Canceled", err)
	}
}

// A failing disk is not the object's fault: it must not be reported as corruption.
func TestFSOpenIOErrorIsNotCorrupt(t *testing.T) {
	dataDir := t.TempDir()
	hash := sum([]byte("dir"))
	if err := os.MkdirAll(filepath.Join(dataDir, "objects", "req", hash), 0o750); err != nil {
		t.Fatal(err)
	}
	_, err := NewFS(dataDir).Open(context.Background(), Request, hash)
	var ce *CorruptError
	if err == nil || errors.As(err, &ce) || errors.Is(err, ErrNotFound) {
		t.Errorf("Open of a directory: got %v, want a plain I/O error", err)
	}
}
