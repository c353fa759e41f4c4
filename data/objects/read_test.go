package objects

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

func TestReadLimited(t *testing.T) {
	body := []byte("0123456789")
	tests := []struct {
		name      string
		max       int64
		want      []byte
		truncated bool
	}{
		{"larger limit", 100, body, false},
		{"exact limit", 10, body, false},
		{"one short", 9, body[:9], true},
		{"zero", 0, []byte{}, true},
	}
	dataDir := t.TempDir()
	hash := writeObject(t, dataDir, Response, body)
	f := NewFS(dataDir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, truncated, err := ReadLimited(context.Background(), f, Response, hash, tt.max)
			if err != nil {
				t.Fatalf("ReadLimited: %v", err)
			}
			if !bytes.Equal(got, tt.want) || truncated != tt.truncated {
				t.Errorf("got %q, %v; want %q, %v", got, truncated, tt.want, tt.truncated)
			}
		})
	}
}

func TestReadLimitedErrors(t *testing.T) {
	dataDir := t.TempDir()
	hash := writeObject(t, dataDir, Response, []byte("body"))
	writeRaw(t, dataDir, Request, hash, []byte("not gzip"))
	f := NewFS(dataDir)
	ctx := context.Background()

	if _, _, err := ReadLimited(ctx, f, Response, hash, -1); err == nil {
		t.Errorf("negative limit: got nil error")
	}
	if _, _, err := ReadLimited(ctx, f, Response, sum([]byte("other")), 10); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: got %v, want ErrNotFound", err)
	}
	var ce *CorruptError
	if _, _, err := ReadLimited(ctx, f, Request, hash, 10); !errors.As(err, &ce) {
		t.Errorf("corrupt: got %v, want *CorruptError", err)
	}
}
