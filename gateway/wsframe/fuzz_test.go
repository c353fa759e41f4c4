package wsframe

import (
	"bytes"
	"compress/flate"
	"math/rand/v2"
	"sync"
	"testing"
)

const fuzzLimit = 4096

// FuzzTap feeds arbitrary bytes in arbitrary chunks: the Tap must never
// panic, must honour the io.Writer contract, must keep every message within
// MaxMessageBytes, and must stay silent after a protocol error.
func FuzzTap(f *testing.F) {
	c := newCompressor(f, true)
	f.Add([]byte{}, uint64(0), byte(0))
	f.Add(AppendFrame(nil, true, OpText, testKey, false, []byte("hello")), uint64(1), byte(1))
	f.Add(AppendFrame(AppendFrame(nil, false, OpBinary, nil, false, []byte("ab")), true, OpContinuation, nil, false, []byte("cd")), uint64(2), byte(0))
	f.Add(AppendFrame(nil, true, OpText, nil, true, c.compress(f, jsonEvent(1))), uint64(3), byte(2))
	f.Add(AppendFrame(nil, true, OpText, nil, true, c.compress(f, bytes.Repeat([]byte("x"), 100_000))), uint64(4), byte(6))
	f.Add(AppendFrame(nil, true, OpClose, nil, false, []byte("\x03\xe8bye")), uint64(5), byte(0))
	f.Add([]byte{0x82, 127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3}, uint64(6), byte(0))
	f.Fuzz(func(t *testing.T, wire []byte, seed uint64, flags byte) {
		dir := FromServer
		if flags&1 != 0 {
			dir = FromClient
		}
		d := Deflate{Enabled: flags&2 != 0, ClientNoContextTakeover: flags&4 != 0, ServerNoContextTakeover: flags&4 != 0}
		var msgs []Message
		var tap *Tap
		stopped := false
		tap = NewTap(dir, d, TapOptions{MaxMessageBytes: fuzzLimit, OnMessage: func(m Message) {
			if stopped {
				t.Fatalf("message after a protocol error: %+v", viewOf(m))
			}
			// The error record is the last message once Err is set.
			stopped = tap.Err() != nil
			if int64(len(m.Data)) > fuzzLimit {
				t.Fatalf("message of %d bytes exceeds the %d limit", len(m.Data), fuzzLimit)
			}
			if m.Opcode.IsControl() && len(m.Data) > maxControlPayload {
				t.Fatalf("control frame of %d bytes", len(m.Data))
			}
			msgs = append(msgs, m)
		}})
		r := rand.New(rand.NewPCG(seed, 0))
		for _, chunk := range randomSplit(r, wire, 1+int(seed%64)) {
			n, err := tap.Write(chunk)
			if n != len(chunk) || err != nil {
				t.Fatalf("Write = %d, %v; want %d, nil", n, err, len(chunk))
			}
		}
		// Buffers are bounded by the limit (plus the deflate tail), however
		// large the frames claim to be.
		if cap(tap.data) > preallocCap || int64(len(tap.comp)) > fuzzLimit {
			t.Fatalf("buffers grew to data cap %d, comp len %d", cap(tap.data), len(tap.comp))
		}
		tap.Close()
		var tr Transcript
		for _, m := range msgs {
			tr.Add(m)
		}
		if err := tr.Encode(&bytes.Buffer{}); err != nil {
			t.Fatalf("Encode: %v", err)
		}
	})
}

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// FuzzRoundTrip builds random messages, frames them with random
// fragmentation, masks, interleaved pings and (optionally) compression with
// or without context takeover, feeds them in random chunks, and expects the
// same messages back.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("hello world"), uint64(0), byte(0))
	f.Add(jsonEvent(3), uint64(1), byte(3))
	f.Add(bytes.Repeat(jsonEvent(5), 50), uint64(2), byte(7))
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, uint64(3), byte(5))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64, flags byte) {
		r := rand.New(rand.NewPCG(seed, 1))
		dir := FromServer
		if flags&1 != 0 {
			dir = FromClient
		}
		compress, takeover := flags&2 != 0, flags&4 == 0
		d := Deflate{Enabled: compress, ClientNoContextTakeover: !takeover, ServerNoContextTakeover: !takeover}

		var cbuf bytes.Buffer
		fw := flateWriters.Get().(*flate.Writer)
		defer flateWriters.Put(fw)
		fw.Reset(&cbuf)

		var wire []byte
		var want []view
		frame := func(fin bool, op Opcode, rsv1 bool, payload []byte) int64 {
			var mask *[4]byte
			if dir == FromClient {
				mask = &[4]byte{byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())}
			}
			before := len(wire)
			wire = AppendFrame(wire, fin, op, mask, rsv1, payload)
			return int64(len(wire) - before)
		}
		// Repeat the data a few times so context takeover has matches to find.
		for rest := bytes.Repeat(data, 1+int(flags>>4)); len(rest) > 0 || len(want) == 0; {
			n := min(len(rest), r.IntN(2*len(data)+2))
			msg := rest[:n]
			rest = rest[n:]
			op := OpText
			if r.IntN(2) == 0 {
				op = OpBinary
			}
			payload, rsv1 := msg, compress && r.IntN(4) != 0
			if rsv1 {
				if !takeover {
					fw.Reset(&cbuf)
				}
				cbuf.Reset()
				fw.Write(msg)
				fw.Flush()
				payload = bytes.TrimSuffix(cbuf.Bytes(), []byte{0, 0, 0xff, 0xff})
			}
			frames := 1 + r.IntN(4)
			var wireLen int64
			for i := range frames {
				lo, hi := len(payload)*i/frames, len(payload)*(i+1)/frames
				fop := OpContinuation
				if i == 0 {
					fop = op
				}
				wireLen += frame(i == frames-1, fop, rsv1 && i == 0, payload[lo:hi])
				if i < frames-1 && r.IntN(3) == 0 {
					ping := payload[lo:min(hi, lo+10)]
					want = append(want, view{Dir: dir, Op: OpPing, Data: string(ping), Frames: 1, Wire: frame(true, OpPing, false, ping)})
				}
			}
			want = append(want, view{Dir: dir, Op: op, Data: string(msg), Compressed: rsv1, Frames: frames, Wire: wireLen})
		}
		tap, got := newCollectingTap(dir, d, TapOptions{})
		feed(t, tap, randomSplit(r, wire, 1+r.IntN(300)))
		if err := tap.Err(); err != nil {
			t.Fatalf("Err() = %v", err)
		}
		if d := diffViews(viewsOf(*got), want); d != "" {
			t.Fatal(d)
		}
		if err := tap.Close(); err != nil {
			t.Fatalf("Close() = %v", err)
		}
	})
}
