package objectwriter

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/recondo/recondo/data/objects"
)

func BenchmarkPut4KB(b *testing.B) { benchmarkPut(b, 4<<10) }
func BenchmarkPut1MB(b *testing.B) { benchmarkPut(b, 1<<20) }

// benchmarkPut stores a distinct JSON-like body each iteration, so every Put pays for the file
// and directory fsyncs as a new capture does, instead of taking the already-stored shortcut.
func benchmarkPut(b *testing.B, size int) {
	w, _ := newFS(b)
	body := []byte(strings.Repeat(`{"role":"assistant","content":"some code here"},`, size/48+1)[:size])
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var i uint64
	for b.Loop() {
		i++
		binary.LittleEndian.PutUint64(body, i)
		if _, _, err := w.Put(ctx, objects.Request, bytes.NewReader(body)); err != nil {
			b.Fatalf("Put: %v", err)
		}
	}
}
