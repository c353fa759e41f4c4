package wsframe

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

var testKey = &[4]byte{0x37, 0xfa, 0x21, 0x3d}

func TestTapSingleFrames(t *testing.T) {
	big := func(n int) []byte { return bytes.Repeat([]byte("0123456789abcdefghij"), n/20+1)[:n] }
	tests := []struct {
		name    string
		dir     Direction
		op      Opcode
		mask    *[4]byte
		payload []byte
		hdr     int64
	}{
		{"server empty text", FromServer, OpText, nil, nil, 2},
		{"server short text", FromServer, OpText, nil, []byte("Hello"), 2},
		{"client short text", FromClient, OpText, testKey, []byte("Hello"), 6},
		{"7-bit max", FromClient, OpBinary, testKey, big(125), 6},
		{"16-bit min", FromClient, OpBinary, testKey, big(126), 8},
		{"16-bit max", FromServer, OpText, nil, big(65535), 4},
		{"64-bit min", FromServer, OpBinary, nil, big(65536), 10},
		{"64-bit masked", FromClient, OpText, testKey, big(200_003), 14},
		{"ping", FromClient, OpPing, testKey, []byte("1"), 6},
		{"pong", FromServer, OpPong, nil, []byte("1"), 2},
		{"unmasked client frame is still read", FromClient, OpText, nil, []byte("x"), 2},
	}
	for _, tc := range tests {
		for _, ch := range chunkings {
			t.Run(tc.name+"/"+ch.name, func(t *testing.T) {
				wire := AppendFrame(nil, true, tc.op, tc.mask, false, tc.payload)
				tap, got := newCollectingTap(tc.dir, Deflate{}, TapOptions{})
				feed(t, tap, ch.split(wire))
				want := []view{{Dir: tc.dir, Op: tc.op, Data: string(tc.payload), Frames: 1, Wire: tc.hdr + int64(len(tc.payload))}}
				if d := diffViews(viewsOf(*got), want); d != "" {
					t.Fatal(d)
				}
				if err := tap.Err(); err != nil {
					t.Fatalf("Err() = %v", err)
				}
				if err := tap.Close(); err != nil {
					t.Fatalf("Close() = %v", err)
				}
			})
		}
	}
}

func TestTapFragmentationWithInterleavedControl(t *testing.T) {
	for _, mask := range []*[4]byte{nil, testKey} {
		var wire []byte
		wire = AppendFrame(wire, false, OpText, mask, false, []byte("Hel"))
		wire = AppendFrame(wire, true, OpPing, mask, false, []byte("are you there"))
		wire = AppendFrame(wire, false, OpContinuation, mask, false, []byte("lo, wo"))
		wire = AppendFrame(wire, true, OpPong, mask, false, nil)
		wire = AppendFrame(wire, false, OpContinuation, mask, false, nil) // empty fragments are legal
		wire = AppendFrame(wire, true, OpContinuation, mask, false, []byte("rld"))
		wire = AppendFrame(wire, true, OpBinary, mask, false, []byte{0, 1, 2})
		hdr := int64(2)
		if mask != nil {
			hdr = 6
		}
		want := []view{
			{Dir: FromClient, Op: OpPing, Data: "are you there", Frames: 1, Wire: hdr + 13},
			{Dir: FromClient, Op: OpPong, Frames: 1, Wire: hdr},
			{Dir: FromClient, Op: OpText, Data: "Hello, world", Frames: 4, Wire: 4*hdr + 12},
			{Dir: FromClient, Op: OpBinary, Data: "\x00\x01\x02", Frames: 1, Wire: hdr + 3},
		}
		for _, ch := range chunkings {
			t.Run(ch.name, func(t *testing.T) {
				tap, got := newCollectingTap(FromClient, Deflate{}, TapOptions{})
				feed(t, tap, ch.split(wire))
				if d := diffViews(viewsOf(*got), want); d != "" {
					t.Fatal(d)
				}
			})
		}
	}
}

// Every split point of a masked stream must give the same result: the mask
// position has to carry across Writes, including splits inside the header.
func TestTapEverySplitPoint(t *testing.T) {
	var wire []byte
	wire = AppendFrame(wire, false, OpText, testKey, false, []byte("abcdefghijklmnopqrstuvwxyz"))
	wire = AppendFrame(wire, true, OpContinuation, &[4]byte{1, 2, 3, 4}, false, []byte("0123456789ABCDEFGHIJ"))
	wire = AppendFrame(wire, true, OpClose, testKey, false, []byte("\x03\xe8bye"))
	want := []view{
		{Dir: FromClient, Op: OpText, Data: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ", Frames: 2, Wire: 6 + 26 + 6 + 20},
		{Dir: FromClient, Op: OpClose, Data: "\x03\xe8bye", Frames: 1, Wire: 6 + 5, CloseCode: 1000, CloseReason: "bye"},
	}
	for i := 0; i <= len(wire); i++ {
		for j := i; j <= len(wire); j++ {
			tap, got := newCollectingTap(FromClient, Deflate{}, TapOptions{})
			feed(t, tap, [][]byte{wire[:i], wire[i:j], wire[j:]})
			if d := diffViews(viewsOf(*got), want); d != "" {
				t.Fatalf("split at %d,%d: %s", i, j, d)
			}
		}
	}
}

func TestTapClose(t *testing.T) {
	tests := []struct {
		name    string
		payload []byte
		code    int
		reason  string
	}{
		{"no status", nil, 0, ""},
		{"code only", []byte{0x03, 0xe8}, 1000, ""},
		{"code and reason", append([]byte{0x0f, 0xa0}, "going away: ✓"...), 4000, "going away: ✓"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tap, got := newCollectingTap(FromServer, Deflate{}, TapOptions{})
			feed(t, tap, [][]byte{AppendFrame(nil, true, OpClose, nil, false, tc.payload)})
			want := []view{{Dir: FromServer, Op: OpClose, Data: string(tc.payload), Frames: 1,
				Wire: 2 + int64(len(tc.payload)), CloseCode: tc.code, CloseReason: tc.reason}}
			if d := diffViews(viewsOf(*got), want); d != "" {
				t.Fatal(d)
			}
		})
	}
}

func TestTapProtocolErrors(t *testing.T) {
	frame := func(b0, b1 byte, rest ...byte) []byte { return append([]byte{b0, b1}, rest...) }
	tests := []struct {
		name string
		bad  []byte
		d    Deflate
	}{
		{"reserved data opcode", frame(0x83, 0), Deflate{}},
		{"reserved control opcode", frame(0x8b, 0), Deflate{}},
		{"RSV2", frame(0xa1, 0), Deflate{}},
		{"RSV3", frame(0x91, 0), Deflate{}},
		{"RSV1 without deflate", frame(0xc1, 0), Deflate{}},
		{"RSV1 on control frame", frame(0xc9, 0), Deflate{Enabled: true}},
		{"control frame over 125 bytes", AppendFrame(nil, true, OpPing, nil, false, make([]byte, 126)), Deflate{}},
		{"fragmented control frame", AppendFrame(nil, false, OpPong, nil, false, nil), Deflate{}},
		{"64-bit length with MSB set", frame(0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1), Deflate{}},
		{"continuation without a message", AppendFrame(nil, true, OpContinuation, nil, false, []byte("x")), Deflate{}},
		{"new message inside a fragmented one", append(
			AppendFrame(nil, false, OpText, nil, false, []byte("a")),
			AppendFrame(nil, true, OpText, nil, false, []byte("b"))...), Deflate{}},
		{"RSV1 on continuation", append(
			AppendFrame(nil, false, OpText, nil, true, []byte("a")),
			AppendFrame(nil, true, OpContinuation, nil, true, []byte("b"))...), Deflate{Enabled: true}},
		{"one-byte close payload", AppendFrame(nil, true, OpClose, nil, false, []byte{3}), Deflate{}},
	}
	for _, tc := range tests {
		for _, ch := range chunkings[:3] {
			t.Run(tc.name+"/"+ch.name, func(t *testing.T) {
				var wire []byte
				wire = AppendFrame(wire, true, OpText, nil, false, []byte("before"))
				wire = append(wire, tc.bad...)
				wire = AppendFrame(wire, true, OpText, nil, false, []byte("after"))
				tap, got := newCollectingTap(FromServer, tc.d, TapOptions{})
				feed(t, tap, ch.split(wire))
				if err := tap.Err(); !errors.Is(err, ErrProtocol) {
					t.Fatalf("Err() = %v, want ErrProtocol", err)
				}
				msgs := *got
				if len(msgs) != 2 {
					t.Fatalf("got %d messages, want the one before the error and the error record: %+v", len(msgs), viewsOf(msgs))
				}
				if string(msgs[0].Data) != "before" || msgs[0].Error != "" {
					t.Errorf("first message = %+v, want clean \"before\"", viewOf(msgs[0]))
				}
				if msgs[1].Error != tap.Err().Error() {
					t.Errorf("error record says %q, want %q", msgs[1].Error, tap.Err())
				}
				if err := tap.Close(); err != nil {
					t.Errorf("Close after a protocol error = %v, want nil (already recorded)", err)
				}
			})
		}
	}
}

func TestTapTruncatesLargeMessages(t *testing.T) {
	payload := []byte(strings.Repeat("abcdefghij", 5)) // 50 bytes
	var wire []byte
	wire = AppendFrame(wire, false, OpText, testKey, false, payload[:30])
	wire = AppendFrame(wire, true, OpContinuation, testKey, false, payload[30:])
	wire = AppendFrame(wire, true, OpText, testKey, false, []byte("next"))
	want := []view{
		{Dir: FromClient, Op: OpText, Data: string(payload[:16]), Frames: 2, Wire: 6 + 30 + 6 + 20, Truncated: true},
		{Dir: FromClient, Op: OpText, Data: "next", Frames: 1, Wire: 10},
	}
	for _, ch := range chunkings {
		t.Run(ch.name, func(t *testing.T) {
			tap, got := newCollectingTap(FromClient, Deflate{}, TapOptions{MaxMessageBytes: 16})
			feed(t, tap, ch.split(wire))
			if d := diffViews(viewsOf(*got), want); d != "" {
				t.Fatal(d)
			}
		})
	}
}

func TestTapCloseMidMessage(t *testing.T) {
	full := append(AppendFrame(nil, false, OpText, nil, false, []byte("part")),
		AppendFrame(nil, true, OpContinuation, nil, false, []byte("rest"))...)
	tests := []struct {
		name    string
		wire    []byte
		wantErr bool
	}{
		{"clean", full, false},
		{"nothing", nil, false},
		{"inside header", full[:1], true},
		{"inside payload", full[:4], true},
		{"between fragments", full[:6], true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tap, got := newCollectingTap(FromServer, Deflate{}, TapOptions{})
			feed(t, tap, [][]byte{tc.wire})
			before := len(*got)
			err := tap.Close()
			if tc.wantErr != (err != nil) || (err != nil && !errors.Is(err, io.ErrUnexpectedEOF)) {
				t.Fatalf("Close() = %v, want error: %v", err, tc.wantErr)
			}
			if tc.wantErr && (len(*got) != before+1 || (*got)[before].Error == "") {
				t.Fatalf("Close did not record an error message: %+v", viewsOf(*got))
			}
			n, werr := tap.Write(full)
			if n != len(full) || werr != nil || len(*got) > before+1 {
				t.Fatalf("Write after Close = %d, %v with %d messages; want ignored", n, werr, len(*got))
			}
		})
	}
}

func TestTapTimestamps(t *testing.T) {
	tap, got := newCollectingTap(FromServer, Deflate{}, TapOptions{Clock: stepClock()})
	first := AppendFrame(nil, false, OpBinary, nil, false, []byte("a"))
	last := AppendFrame(nil, true, OpContinuation, nil, false, []byte("b"))
	feed(t, tap, [][]byte{first[:1], first[1:], last})
	if len(*got) != 1 {
		t.Fatalf("got %d messages, want 1", len(*got))
	}
	m := (*got)[0]
	// The clock is read only by Writes that start or finish something: the
	// first starts the message (second 6), the second reads none, the third
	// starts and ends the last frame (second 7).
	if gotS, gotE := m.Start.Second(), m.End.Second(); gotS != 6 || gotE != 7 {
		t.Fatalf("Start, End seconds = %d, %d; want 6, 7", gotS, gotE)
	}
}
