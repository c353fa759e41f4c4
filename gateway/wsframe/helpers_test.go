package wsframe

import (
	"bytes"
	"compress/flate"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// view is the comparable part of a Message: everything but the timestamps.
type view struct {
	Dir         Direction
	Op          Opcode
	Data        string
	Compressed  bool
	Frames      int
	Wire        int64
	CloseCode   int
	CloseReason string
	Truncated   bool
	HasError    bool
}

func viewOf(m Message) view {
	return view{m.Direction, m.Opcode, string(m.Data), m.Compressed, m.Frames, m.WireBytes,
		m.CloseCode, m.CloseReason, m.Truncated, m.Error != ""}
}

func viewsOf(ms []Message) []view {
	out := make([]view, len(ms))
	for i, m := range ms {
		out[i] = viewOf(m)
	}
	return out
}

// diffViews describes the first difference, or returns "".
func diffViews(got, want []view) string {
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			return fmt.Sprintf("message %d missing: want %s", i, short(want[i]))
		case i >= len(want):
			return fmt.Sprintf("extra message %d: %s", i, short(got[i]))
		case got[i] != want[i]:
			return fmt.Sprintf("message %d:\n got %s\nwant %s", i, short(got[i]), short(want[i]))
		}
	}
	return ""
}

func short(v view) string {
	if len(v.Data) > 80 {
		v.Data = fmt.Sprintf("%q…(%d bytes)", v.Data[:80], len(v.Data))
	}
	return fmt.Sprintf("%+v", v)
}

// newCollectingTap returns a Tap whose messages land in the returned slice.
func newCollectingTap(dir Direction, d Deflate, opt TapOptions) (*Tap, *[]Message) {
	var got []Message
	opt.OnMessage = func(m Message) { got = append(got, m) }
	return NewTap(dir, d, opt), &got
}

// chunking says how a byte stream is cut into Writes.
type chunking struct {
	name  string
	split func(b []byte) [][]byte
}

var chunkings = []chunking{
	{"whole", func(b []byte) [][]byte { return [][]byte{b} }},
	{"bytewise", func(b []byte) [][]byte {
		out := make([][]byte, len(b))
		for i := range b {
			out[i] = b[i : i+1]
		}
		return out
	}},
	{"random", func(b []byte) [][]byte { return randomSplit(rand.New(rand.NewPCG(1, uint64(len(b)))), b, 7) }},
	{"random-large", func(b []byte) [][]byte { return randomSplit(rand.New(rand.NewPCG(2, uint64(len(b)))), b, 5000) }},
}

func randomSplit(r *rand.Rand, b []byte, maxChunk int) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		n := 1 + r.IntN(maxChunk)
		n = min(n, len(b))
		out = append(out, b[:n])
		b = b[n:]
	}
	return out
}

// feed writes chunks to tap, checking the io.Writer contract on each.
func feed(t testing.TB, tap *Tap, chunks [][]byte) {
	t.Helper()
	for _, c := range chunks {
		n, err := tap.Write(c)
		if n != len(c) || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v; want %d, nil", len(c), n, err, len(c))
		}
	}
}

// compressor produces RFC 7692 message payloads the way a real peer does:
// one flate stream, sync-flushed per message, the 00 00 ff ff tail removed.
type compressor struct {
	takeover bool
	buf      bytes.Buffer
	w        *flate.Writer
}

func newCompressor(t testing.TB, takeover bool) *compressor {
	c := &compressor{takeover: takeover}
	w, err := flate.NewWriter(&c.buf, flate.BestSpeed)
	if err != nil {
		t.Fatalf("flate.NewWriter: %v", err)
	}
	c.w = w
	return c
}

func (c *compressor) compress(t testing.TB, msg []byte) []byte {
	t.Helper()
	c.buf.Reset()
	if !c.takeover {
		c.w.Reset(&c.buf)
	}
	if _, err := c.w.Write(msg); err != nil {
		t.Fatalf("flate write: %v", err)
	}
	if err := c.w.Flush(); err != nil {
		t.Fatalf("flate flush: %v", err)
	}
	out := c.buf.Bytes()
	if !bytes.HasSuffix(out, []byte{0, 0, 0xff, 0xff}) {
		t.Fatalf("sync flush did not end in 00 00 ff ff: % x", out[max(0, len(out)-8):])
	}
	return append([]byte(nil), out[:len(out)-4]...)
}

// stepClock returns a clock that advances one second per reading.
func stepClock() func() time.Time {
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	n := 0
	return func() time.Time {
		n++
		return t0.Add(time.Duration(n) * time.Second)
	}
}
