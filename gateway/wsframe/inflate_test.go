package wsframe

import (
	"bytes"
	"compress/flate"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// jsonEvent looks like a Responses API stream event: similar enough between
// messages that context takeover compresses later ones far better.
func jsonEvent(i int) []byte {
	return fmt.Appendf(nil, `{"type":"response.output_text.delta","sequence_number":%d,"item_id":"msg_%04d","output_index":0,"content_index":0,"delta":"%s"}`,
		i, i%7, strings.Repeat("token ", i%13))
}

// deflateStream builds n messages from one direction, mixing compressed and
// uncompressed ones, fragmented ones and interleaved pings.
func deflateStream(t *testing.T, dir Direction, takeover bool, n int) ([]byte, []view) {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	c := newCompressor(t, takeover)
	var wire []byte
	var want []view
	for i := range n {
		var msg []byte
		switch i % 5 {
		case 0, 1, 2:
			msg = jsonEvent(i)
		case 3:
			msg = bytes.Repeat(jsonEvent(i), 400) // ~60 KB: longer than the window
		case 4:
			msg = make([]byte, r.IntN(3000))
			for j := range msg {
				msg[j] = byte(r.Uint32())
			}
		}
		var mask *[4]byte
		if dir == FromClient {
			mask = &[4]byte{byte(i), 0x5a, byte(i >> 3), 0xc3}
		}
		// Uncompressed messages in between must not disturb the window.
		compressed := i%9 != 8
		payload := msg
		if compressed {
			payload = c.compress(t, msg)
		}
		frames := 1 + r.IntN(3)
		for f := range frames {
			lo, hi := len(payload)*f/frames, len(payload)*(f+1)/frames
			op := OpContinuation
			if f == 0 {
				op = OpBinary
			}
			wire = AppendFrame(wire, f == frames-1, op, mask, compressed && f == 0, payload[lo:hi])
			if f == 0 && frames > 1 {
				wire = AppendFrame(wire, true, OpPing, mask, false, []byte("p"))
			}
		}
		if frames > 1 {
			want = append(want, view{Dir: dir, Op: OpPing, Data: "p", Frames: 1, Wire: int64(len(AppendFrame(nil, true, OpPing, mask, false, []byte("p"))))})
		}
		want = append(want, view{Dir: dir, Op: OpBinary, Data: string(msg), Compressed: compressed, Frames: frames, Wire: -1})
	}
	return wire, want
}

func TestTapDeflate(t *testing.T) {
	for _, dir := range []Direction{FromClient, FromServer} {
		for _, takeover := range []bool{true, false} {
			d := Deflate{Enabled: true, ClientMaxWindowBits: 15, ServerMaxWindowBits: 15}
			if dir == FromClient {
				d.ClientNoContextTakeover = !takeover
				d.ServerNoContextTakeover = takeover // the other direction's setting must not matter
			} else {
				d.ServerNoContextTakeover = !takeover
				d.ClientNoContextTakeover = takeover
			}
			wire, want := deflateStream(t, dir, takeover, 120)
			for _, ch := range chunkings {
				t.Run(fmt.Sprintf("%s/takeover=%v/%s", dir, takeover, ch.name), func(t *testing.T) {
					tap, got := newCollectingTap(dir, d, TapOptions{})
					feed(t, tap, ch.split(wire))
					gotViews := viewsOf(*got)
					var total int64
					for i := range gotViews {
						total += gotViews[i].Wire
						if want[i].Wire == -1 { // data wire sizes are checked in total below
							gotViews[i].Wire = -1
						}
					}
					if d := diffViews(gotViews, want); d != "" {
						t.Fatal(d)
					}
					if total != int64(len(wire)) {
						t.Fatalf("wire bytes add up to %d, want %d", total, len(wire))
					}
					if err := tap.Err(); err != nil {
						t.Fatal(err)
					}
				})
			}
		}
	}
}

// Decoding with the wrong context-takeover setting must not go unnoticed:
// this is what makes TestTapDeflate's takeover cases meaningful.
func TestTapDeflateNeedsTheWindow(t *testing.T) {
	c := newCompressor(t, true)
	var wire []byte
	for i := range 10 {
		wire = AppendFrame(wire, true, OpText, nil, true, c.compress(t, jsonEvent(i)))
	}
	tap, got := newCollectingTap(FromServer, Deflate{Enabled: true, ServerNoContextTakeover: true}, TapOptions{})
	feed(t, tap, [][]byte{wire})
	bad := 0
	for i, m := range *got {
		if m.Error != "" || !bytes.Equal(m.Data, jsonEvent(i)) {
			bad++
		}
	}
	if bad == 0 {
		t.Fatal("every message decoded without the previous window; the stream does not exercise context takeover")
	}
}

// A message may end with a BFINAL block instead of a sync flush (RFC 7692
// section 7.2.3.3 allows it); the tail the Tap appends must not hurt.
func TestTapDeflateFinalBlock(t *testing.T) {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("final block message"))
	w.Close()
	wire := AppendFrame(nil, true, OpText, nil, true, buf.Bytes())
	wire = AppendFrame(wire, true, OpText, nil, true, buf.Bytes())
	for _, takeover := range []bool{false, true} {
		tap, got := newCollectingTap(FromServer, Deflate{Enabled: true, ServerNoContextTakeover: !takeover}, TapOptions{})
		feed(t, tap, [][]byte{wire})
		for i, m := range *got {
			if string(m.Data) != "final block message" || m.Error != "" {
				t.Fatalf("takeover=%v message %d = %+v", takeover, i, viewOf(m))
			}
		}
	}
}

func TestTapDeflateLimits(t *testing.T) {
	bomb := bytes.Repeat([]byte{'A'}, 1<<20)
	tests := []struct {
		name      string
		takeover  bool
		wantAfter string // what the message after the oversized one decodes to
		errAfter  bool
	}{
		{"takeover loses context", true, "", true},
		{"no takeover recovers", false, "small", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCompressor(t, tc.takeover)
			var wire []byte
			wire = AppendFrame(wire, true, OpText, nil, true, c.compress(t, []byte("first")))
			wire = AppendFrame(wire, true, OpText, nil, true, c.compress(t, bomb))
			wire = AppendFrame(wire, true, OpText, nil, true, c.compress(t, []byte("small")))
			wire = AppendFrame(wire, true, OpText, nil, false, []byte("plain"))
			tap, got := newCollectingTap(FromServer, Deflate{Enabled: true, ServerNoContextTakeover: !tc.takeover},
				TapOptions{MaxMessageBytes: 1000})
			feed(t, tap, chunkings[2].split(wire))
			msgs := *got
			if len(msgs) != 4 {
				t.Fatalf("got %d messages, want 4", len(msgs))
			}
			if string(msgs[0].Data) != "first" {
				t.Errorf("first = %q", msgs[0].Data)
			}
			if !msgs[1].Truncated || !bytes.Equal(msgs[1].Data, bomb[:1000]) {
				t.Errorf("bomb: truncated=%v len=%d, want truncated to 1000", msgs[1].Truncated, len(msgs[1].Data))
			}
			if string(msgs[2].Data) != tc.wantAfter || (msgs[2].Error != "") != tc.errAfter {
				t.Errorf("after bomb: %q error %q", msgs[2].Data, msgs[2].Error)
			}
			if string(msgs[3].Data) != "plain" || tap.Err() != nil {
				t.Errorf("framing did not continue: %q, Err %v", msgs[3].Data, tap.Err())
			}
		})
	}
}

// More compressed input than MaxMessageBytes: the prefix is inflated as far
// as it goes, and the message is marked truncated.
func TestTapDeflateCompressedInputOverLimit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	msg := make([]byte, 5000)
	for i := range msg {
		msg[i] = 'a' + byte(r.IntN(26))
	}
	c := newCompressor(t, false)
	wire := AppendFrame(nil, true, OpText, testKey, true, c.compress(t, msg))
	wire = AppendFrame(wire, true, OpText, testKey, true, c.compress(t, []byte("ok")))
	tap, got := newCollectingTap(FromClient, Deflate{Enabled: true, ClientNoContextTakeover: true}, TapOptions{MaxMessageBytes: 2000})
	feed(t, tap, [][]byte{wire})
	msgs := *got
	if len(msgs) != 2 {
		t.Fatalf("got %d messages", len(msgs))
	}
	if !msgs[0].Truncated || msgs[0].Error != "" || len(msgs[0].Data) == 0 || !bytes.HasPrefix(msg, msgs[0].Data) {
		t.Errorf("oversized message: truncated=%v err=%q len=%d, want a clean truncated prefix", msgs[0].Truncated, msgs[0].Error, len(msgs[0].Data))
	}
	if string(msgs[1].Data) != "ok" {
		t.Errorf("next message = %q, want ok", msgs[1].Data)
	}
}

func TestTapDeflateCorruptPayload(t *testing.T) {
	wire := AppendFrame(nil, true, OpText, nil, true, []byte{0xff, 0xff, 0xff})
	wire = AppendFrame(wire, true, OpText, nil, false, []byte("still framing"))
	tap, got := newCollectingTap(FromServer, Deflate{Enabled: true}, TapOptions{})
	feed(t, tap, [][]byte{wire})
	msgs := *got
	if len(msgs) != 2 || msgs[0].Error == "" || string(msgs[1].Data) != "still framing" {
		t.Fatalf("got %+v", viewsOf(msgs))
	}
	if tap.Err() != nil {
		t.Fatalf("a bad payload is not a framing error: Err() = %v", tap.Err())
	}
}
