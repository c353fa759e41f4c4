package objects

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

func TestVerify(t *testing.T) {
	body := bytes.Repeat([]byte(`{"role":"user","content":"hello"}`), 500)
	hash := sum(body)
	gz := gzipBytes(t, body)

	flipped := bytes.Clone(body)
	flipped[len(flipped)/2] ^= 0x01

	rawFlip := bytes.Clone(gz)
	rawFlip[len(rawFlip)/2] ^= 0x01

	tests := []struct {
		name    string
		content []byte // nil: store nothing
		check   func(t *testing.T, err error)
	}{
		{"intact", gz, func(t *testing.T, err error) {
			if err != nil {
				t.Errorf("got %v, want nil", err)
			}
		}},
		{"content byte flipped", gzipBytes(t, flipped), func(t *testing.T, err error) {
			var me *MismatchError
			if !errors.As(err, &me) {
				t.Fatalf("got %v, want *MismatchError", err)
			}
			want := MismatchError{Kind: Response, Want: hash, Got: sum(flipped)}
			if *me != want {
				t.Errorf("got %+v, want %+v", *me, want)
			}
		}},
		{"gzip byte flipped", rawFlip, wantCorrupt},
		{"gzip truncated", gz[:len(gz)-10], wantCorrupt},
		{"gzip header only", gz[:10], wantCorrupt},
		{"empty file", []byte{}, wantCorrupt},
		{"not gzip", body, wantCorrupt},
		{"trailing garbage", append(bytes.Clone(gz), "junk"...), wantCorrupt},
		{"missing", nil, func(t *testing.T, err error) {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("got %v, want ErrNotFound", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			if tt.content != nil {
				writeRaw(t, dataDir, Response, hash, tt.content)
			}
			tt.check(t, Verify(context.Background(), NewFS(dataDir), Response, hash))
		})
	}
}

func wantCorrupt(t *testing.T, err error) {
	t.Helper()
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want *CorruptError", err)
	}
	if ce.Kind != Response || ce.Err == nil {
		t.Errorf("got %+v, want kind %q and a cause", *ce, Response)
	}
}

func TestVerifyCanceled(t *testing.T) {
	dataDir := t.TempDir()
	hash := writeObject(t, dataDir, Request, []byte("body"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Verify(ctx, NewFS(dataDir), Request, hash); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
