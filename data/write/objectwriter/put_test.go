package objectwriter

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/recondo/recondo/data/objects"
)

func TestPutRoundTrip(t *testing.T) {
	random := make([]byte, 1<<20)
	_, _ = rand.NewChaCha8([32]byte{1}).Read(random)
	tests := []struct {
		name string
		kind objects.Kind
		body []byte
	}{
		{"empty", objects.Request, []byte{}},
		{"json request", objects.Request, []byte(`{"model":"claude","stream":true}`)},
		{"sse response", objects.Response, bytes.Repeat([]byte("data: {\"delta\":\"hi\"}\n\n"), 5000)},
		{"random 1MB", objects.Response, random},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, dataDir := newFS(t)
			ctx := context.Background()
			hash, size, err := w.Put(ctx, tt.kind, bytes.NewReader(tt.body))
			if err != nil {
				t.Fatalf("Put: %v", err)
			}
			if want := sum(tt.body); hash != want {
				t.Errorf("hash = %s, want %s", hash, want)
			}
			if size != int64(len(tt.body)) {
				t.Errorf("size = %d, want %d", size, len(tt.body))
			}
			assertStored(t, dataDir, string(tt.kind), hash)

			store := objects.NewFS(dataDir)
			rc, err := store.Open(ctx, tt.kind, hash)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer rc.Close()
			got, err := io.ReadAll(rc)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if !bytes.Equal(got, tt.body) {
				t.Errorf("read back %d bytes, want the %d put", len(got), len(tt.body))
			}
			if err := objects.Verify(ctx, store, tt.kind, hash); err != nil {
				t.Errorf("Verify: %v", err)
			}

			path, _ := store.Path(tt.kind, hash)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
				t.Errorf("stored file does not start with the gzip magic")
			}
		})
	}
}

func TestPutIdempotent(t *testing.T) {
	w, dataDir := newFS(t)
	body := []byte("same bytes")
	var hashes []string
	for range 3 {
		hash, _, err := w.Put(context.Background(), objects.Request, bytes.NewReader(body))
		if err != nil {
			t.Fatalf("Put: %v", err)
		}
		hashes = append(hashes, hash)
	}
	assertStored(t, dataDir, "req", sum(body))
	assertStored(t, dataDir, "resp")
	for _, h := range hashes {
		if h != sum(body) {
			t.Errorf("hash = %s, want %s", h, sum(body))
		}
	}
}

func TestPutConcurrentSameBody(t *testing.T) {
	w, dataDir := newFS(t)
	body := bytes.Repeat([]byte("concurrent body "), 64<<10)
	want := sum(body)

	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	hashes := make([]string, n)
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			hashes[i], _, errs[i] = w.Put(context.Background(), objects.Response, bytes.NewReader(body))
		})
	}
	close(start)
	wg.Wait()

	for i := range n {
		if errs[i] != nil || hashes[i] != want {
			t.Errorf("Put %d: hash %s, err %v; want %s, nil", i, hashes[i], errs[i], want)
		}
	}
	assertStored(t, dataDir, "resp", want)
	if err := objects.Verify(context.Background(), objects.NewFS(dataDir), objects.Response, want); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestPutVerified(t *testing.T) {
	body := []byte(`{"messages":[{"role":"user","content":"hi"}]}`)
	tests := []struct {
		name   string
		want   string
		stored bool
		check  func(t *testing.T, err error)
	}{
		{"right hash", sum(body), true, func(t *testing.T, err error) {
			if err != nil {
				t.Errorf("got %v, want nil", err)
			}
		}},
		{"wrong hash", sum([]byte("other")), false, func(t *testing.T, err error) {
			var me *objects.MismatchError
			if !errors.As(err, &me) {
				t.Fatalf("got %v, want *objects.MismatchError", err)
			}
			if me.Got != sum(body) || me.Want != sum([]byte("other")) {
				t.Errorf("got %+v", *me)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, dataDir := newFS(t)
			size, err := w.PutVerified(context.Background(), objects.Request, tt.want, bytes.NewReader(body))
			tt.check(t, err)
			if tt.stored {
				if size != int64(len(body)) {
					t.Errorf("size = %d, want %d", size, len(body))
				}
				assertStored(t, dataDir, "req", tt.want)
			} else {
				assertStored(t, dataDir, "req")
			}
		})
	}
}

func TestInvalidNamesRefused(t *testing.T) {
	valid := sum([]byte("x"))
	tests := []struct {
		name string
		kind objects.Kind
		hash string // "" means Put, which takes no hash
		want error
	}{
		{"traversal hash", objects.Request, "../../etc/passwd", objects.ErrInvalidHash},
		{"uppercase hash", objects.Request, strings.ToUpper(valid), objects.ErrInvalidHash},
		{"63 char hash", objects.Response, valid[:63], objects.ErrInvalidHash},
		{"traversal kind", "../req", "", objects.ErrInvalidKind},
		{"tmp kind", "tmp", "", objects.ErrInvalidKind},
		{"empty kind", "", valid, objects.ErrInvalidKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, dataDir := newFS(t)
			r := &countingReader{r: strings.NewReader("body")}
			var err error
			if tt.hash == "" {
				_, _, err = w.Put(context.Background(), tt.kind, r)
			} else {
				_, err = w.PutVerified(context.Background(), tt.kind, tt.hash, r)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			if r.n != 0 {
				t.Errorf("read %d bytes of a refused body", r.n)
			}
			assertStored(t, dataDir, "req")
			assertStored(t, dataDir, "resp")
		})
	}
}

func TestPutFailingReader(t *testing.T) {
	errBoom := errors.New("connection reset")
	tests := []struct {
		name string
		r    io.Reader
		want error
	}{
		{"fails at once", &failingReader{err: errBoom}, errBoom},
		{"fails mid-stream", io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("x"), 1<<20)), &failingReader{err: errBoom}), errBoom},
		{"truncated body", &failingReader{prefix: []byte("partial"), err: io.ErrUnexpectedEOF}, io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, dataDir := newFS(t)
			_, _, err := w.Put(context.Background(), objects.Response, tt.r)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			assertStored(t, dataDir, "resp")
		})
	}
}

func TestPutCanceled(t *testing.T) {
	w, dataDir := newFS(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := w.Put(ctx, objects.Request, strings.NewReader("body"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	assertStored(t, dataDir, "req")
}

// Verify must catch damage done to a file the writer produced.
func TestVerifyWrittenObject(t *testing.T) {
	body := bytes.Repeat([]byte(`{"type":"content_block_delta"}`), 1000)
	tests := []struct {
		name   string
		damage func(path string) error
		check  func(t *testing.T, err error)
	}{
		{"intact", func(string) error { return nil }, func(t *testing.T, err error) {
			if err != nil {
				t.Errorf("got %v, want nil", err)
			}
		}},
		{"content replaced", func(path string) error {
			// A well-formed gzip of different bytes under this name.
			other := bytes.Clone(body)
			other[0] ^= 1
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			if _, err := zw.Write(other); err != nil {
				return err
			}
			if err := zw.Close(); err != nil {
				return err
			}
			return os.WriteFile(path, buf.Bytes(), 0o640)
		}, func(t *testing.T, err error) {
			var me *objects.MismatchError
			if !errors.As(err, &me) {
				t.Errorf("got %v, want *objects.MismatchError", err)
			}
		}},
		{"truncated", func(path string) error {
			info, err := os.Stat(path)
			if err != nil {
				return err
			}
			return os.Truncate(path, info.Size()/2)
		}, func(t *testing.T, err error) {
			var ce *objects.CorruptError
			if !errors.As(err, &ce) {
				t.Errorf("got %v, want *objects.CorruptError", err)
			}
		}},
		{"removed", os.Remove, func(t *testing.T, err error) {
			if !errors.Is(err, objects.ErrNotFound) {
				t.Errorf("got %v, want objects.ErrNotFound", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, dataDir := newFS(t)
			hash, _, err := w.Put(context.Background(), objects.Response, bytes.NewReader(body))
			if err != nil {
				t.Fatalf("Put: %v", err)
			}
			if err := tt.damage(mustPath(t, w, hash)); err != nil {
				t.Fatalf("damage: %v", err)
			}
			tt.check(t, objects.Verify(context.Background(), objects.NewFS(dataDir), objects.Response, hash))
		})
	}
}

func mustPath(t *testing.T, w *FS, hash string) string {
	t.Helper()
	p, err := w.objs.Path(objects.Response, hash)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// failingReader returns prefix, then err: a client or upstream dying mid-body.
type failingReader struct {
	prefix []byte
	err    error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.prefix) > 0 {
		n := copy(p, f.prefix)
		f.prefix = f.prefix[n:]
		return n, nil
	}
	return 0, f.err
}
