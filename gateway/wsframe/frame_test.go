package wsframe

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func TestAppendFrameHeader(t *testing.T) {
	tests := []struct {
		name    string
		fin     bool
		op      Opcode
		mask    *[4]byte
		rsv1    bool
		n       int
		wantHdr []byte
	}{
		{"empty final text", true, OpText, nil, false, 0, []byte{0x81, 0x00}},
		{"non-final binary", false, OpBinary, nil, false, 1, []byte{0x02, 0x01}},
		{"compressed", true, OpText, nil, true, 125, []byte{0xc1, 125}},
		{"16-bit", true, OpText, nil, false, 126, []byte{0x81, 126, 0, 126}},
		{"16-bit max", true, OpText, nil, false, 65535, []byte{0x81, 126, 0xff, 0xff}},
		{"64-bit", true, OpBinary, nil, false, 65536, []byte{0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0}},
		{"masked", true, OpPing, &[4]byte{1, 2, 3, 4}, false, 0, []byte{0x89, 0x80, 1, 2, 3, 4}},
		{"masked 16-bit", true, OpContinuation, &[4]byte{1, 2, 3, 4}, false, 300, []byte{0x80, 0xfe, 1, 44, 1, 2, 3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			payload := bytes.Repeat([]byte{0xaa}, tc.n)
			got := AppendFrame([]byte("prefix"), tc.fin, tc.op, tc.mask, tc.rsv1, payload)
			if !bytes.HasPrefix(got, []byte("prefix")) {
				t.Fatal("AppendFrame lost dst")
			}
			got = got[len("prefix"):]
			if !bytes.Equal(got[:len(tc.wantHdr)], tc.wantHdr) {
				t.Fatalf("header = % x, want % x", got[:len(tc.wantHdr)], tc.wantHdr)
			}
			if n := headerLen(got); n != len(tc.wantHdr) {
				t.Fatalf("headerLen = %d, want %d", n, len(tc.wantHdr))
			}
			body := got[len(tc.wantHdr):]
			if tc.mask != nil {
				maskBytes(*tc.mask, 0, body)
			}
			if !bytes.Equal(body, payload) {
				t.Fatal("payload does not round-trip")
			}
			if !bytes.Equal(payload, bytes.Repeat([]byte{0xaa}, tc.n)) {
				t.Fatal("AppendFrame modified its payload argument")
			}
		})
	}
}

func TestMaskBytesMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	key := [4]byte{0x12, 0x34, 0x56, 0x78}
	for n := range 70 {
		for pos := range 4 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			want := append([]byte(nil), b...)
			for i := range want {
				want[i] ^= key[(pos+i)&3]
			}
			if gotPos := maskBytes(key, pos, b); gotPos != (pos+n)&3 {
				t.Fatalf("n=%d pos=%d: returned position %d, want %d", n, pos, gotPos, (pos+n)&3)
			}
			if !bytes.Equal(b, want) {
				t.Fatalf("n=%d pos=%d: got % x, want % x", n, pos, b, want)
			}
		}
	}
}
