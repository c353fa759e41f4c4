package wsframe

import (
	"fmt"
	"testing"
)

// BenchmarkTapServerText measures parsing throughput of server→client 4 KB
// text messages, plain and compressed with context takeover. MB/s counts
// message bytes (what the transcript gets), so the two are comparable;
// wire-B/op says how much actually crossed the relay.
func BenchmarkTapServerText(b *testing.B) {
	for _, compressed := range []bool{false, true} {
		b.Run(fmt.Sprintf("compressed=%v", compressed), func(b *testing.B) {
			c := newCompressor(b, true)
			var wire []byte
			for i := 0; i < 256; i++ {
				msg := make([]byte, 0, 4096)
				for len(msg) < 4096 {
					msg = append(msg, jsonEvent(i*31+len(msg))...)
				}
				msg = msg[:4096]
				payload := msg
				if compressed {
					payload = c.compress(b, msg)
				}
				wire = AppendFrame(wire, true, OpText, nil, compressed, payload)
			}
			d := Deflate{Enabled: compressed}
			b.SetBytes(256 * 4096)
			b.ReportAllocs()
			for b.Loop() {
				tap := NewTap(FromServer, d, TapOptions{})
				for off := 0; off < len(wire); off += 32 << 10 {
					tap.Write(wire[off:min(off+32<<10, len(wire))])
				}
				if tap.Err() != nil {
					b.Fatal(tap.Err())
				}
			}
			// After the loop: b.Loop's timer reset would discard it.
			b.ReportMetric(float64(len(wire)), "wire-B/op")
		})
	}
}
