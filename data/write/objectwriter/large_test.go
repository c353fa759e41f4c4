package objectwriter

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/recondo/recondo/data/objects"
)

// A body far larger than the memory Put and Verify may use. Random bytes do not compress, so the
// stored file is as large as the body too.
const largeSize = 50 << 20

// heapBound is a generous correctness bound, not a performance target: holding the body would
// blow through it three times over.
const heapBound = 16 << 20

func TestLargeBodyBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	w, dataDir := newFS(t)
	ctx := context.Background()
	seed := [32]byte{42}

	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(rand.NewChaCha8(seed), largeSize)); err != nil {
		t.Fatal(err)
	}
	want := hex.EncodeToString(h.Sum(nil))

	m := newHeapMeter()
	hash, size, err := w.Put(ctx, objects.Response, m.wrap(io.LimitReader(rand.NewChaCha8(seed), largeSize)))
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if hash != want || size != largeSize {
		t.Fatalf("Put = %s, %d; want %s, %d", hash, size, want, largeSize)
	}
	t.Logf("Put heap growth: %d bytes", m.growth())
	if g := m.growth(); g > heapBound {
		t.Errorf("Put grew the heap by %d bytes, want < %d", g, heapBound)
	}

	m = newHeapMeter()
	if err := objects.Verify(ctx, meteredStore{objects.NewFS(dataDir), m}, objects.Response, hash); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	t.Logf("Verify heap growth: %d bytes", m.growth())
	if g := m.growth(); g > heapBound {
		t.Errorf("Verify grew the heap by %d bytes, want < %d", g, heapBound)
	}
}

// heapMeter samples HeapInuse as a body streams through, since the peak is what matters and is
// gone by the time the call returns.
type heapMeter struct {
	base, peak uint64
	since      int
}

func newHeapMeter() *heapMeter {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return &heapMeter{base: ms.HeapInuse, peak: ms.HeapInuse}
}

func (m *heapMeter) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.peak = max(m.peak, ms.HeapInuse)
}

func (m *heapMeter) growth() uint64 {
	m.sample()
	return m.peak - m.base
}

func (m *heapMeter) wrap(r io.Reader) io.Reader { return &meteredReader{r: r, m: m} }

type meteredReader struct {
	r io.Reader
	m *heapMeter
}

func (mr *meteredReader) Read(p []byte) (int, error) {
	n, err := mr.r.Read(p)
	mr.m.since += n
	if mr.m.since >= 2<<20 {
		mr.m.since = 0
		mr.m.sample()
	}
	return n, err
}

type meteredStore struct {
	s objects.Store
	m *heapMeter
}

func (ms meteredStore) Open(ctx context.Context, kind objects.Kind, hash string) (io.ReadCloser, error) {
	rc, err := ms.s.Open(ctx, kind, hash)
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{ms.m.wrap(rc), rc}, nil
}
