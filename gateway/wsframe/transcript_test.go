package wsframe

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestTranscriptEncode(t *testing.T) {
	at := time.Date(2025, 6, 1, 12, 0, 0, 123456789, time.FixedZone("X", 3600))
	end := at.Add(time.Millisecond)
	tests := []struct {
		name string
		m    Message
		want string
	}{
		{"text",
			Message{Direction: FromClient, Opcode: OpText, Data: []byte(`{"type":"response.create","a":"<&>"}`), Compressed: true, Frames: 2, WireBytes: 30, Start: at, End: end},
			`{"dir":"client","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.124456789Z","op":"text","len":36,"wire":30,"frames":2,"compressed":true,"text":"{\"type\":\"response.create\",\"a\":\"<&>\"}"}`},
		{"empty text keeps its text field",
			Message{Direction: FromServer, Opcode: OpText, Frames: 1, WireBytes: 2, Start: at, End: at},
			`{"dir":"server","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.123456789Z","op":"text","len":0,"wire":2,"frames":1,"compressed":false,"text":""}`},
		{"binary",
			Message{Direction: FromServer, Opcode: OpBinary, Data: []byte{0, 1, 2}, Frames: 1, WireBytes: 5, Start: at, End: at},
			`{"dir":"server","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.123456789Z","op":"binary","len":3,"wire":5,"frames":1,"compressed":false,"base64":"AAEC"}`},
		{"invalid UTF-8 text",
			Message{Direction: FromServer, Opcode: OpText, Data: []byte{0xff}, Frames: 1, WireBytes: 3, Start: at, End: at},
			`{"dir":"server","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.123456789Z","op":"text","len":1,"wire":3,"frames":1,"compressed":false,"base64":"/w=="}`},
		{"truncated text cut inside a rune",
			Message{Direction: FromServer, Opcode: OpText, Data: []byte("ok \xe2\x82"), Frames: 1, WireBytes: 9, Start: at, End: at, Truncated: true},
			`{"dir":"server","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.123456789Z","op":"text","len":5,"wire":9,"frames":1,"compressed":false,"text":"ok ","truncated":true}`},
		{"close",
			Message{Direction: FromClient, Opcode: OpClose, Data: []byte("\x03\xe8bye"), Frames: 1, WireBytes: 11, Start: at, End: at, CloseCode: 1000, CloseReason: "bye"},
			`{"dir":"client","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.123456789Z","op":"close","len":5,"wire":11,"frames":1,"compressed":false,"base64":"A+hieWU=","close_code":1000,"close_reason":"bye"}`},
		{"error record",
			Message{Direction: FromServer, Opcode: Opcode(3), Start: at, End: at, Error: "wsframe: bad"},
			`{"dir":"server","at":"2025-06-01T11:00:00.123456789Z","end":"2025-06-01T11:00:00.123456789Z","op":"0x3","len":0,"wire":0,"frames":0,"compressed":false,"error":"wsframe: bad"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tr Transcript
			tr.Add(tc.m)
			var buf bytes.Buffer
			if err := tr.Encode(&buf); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tc.want+"\n" {
				t.Fatalf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestTranscriptEncodeError(t *testing.T) {
	var tr Transcript
	tr.Add(Message{Direction: FromClient, Opcode: OpText, Data: []byte("x")})
	err := tr.Encode(failWriter{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Encode error = %v, want one wrapping the write error", err)
	}
}

func TestTranscriptConcurrentTaps(t *testing.T) {
	var tr Transcript
	var wg sync.WaitGroup
	for _, dir := range []Direction{FromClient, FromServer} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tap := NewTap(dir, Deflate{}, TapOptions{OnMessage: tr.Add})
			for range 500 {
				tap.Write(AppendFrame(nil, true, OpText, nil, false, []byte(dir)))
				_ = tr.Messages()
			}
		}()
	}
	wg.Wait()
	count := map[Direction]int{}
	for _, m := range tr.Messages() {
		if string(m.Data) != string(m.Direction) {
			t.Fatalf("message %q filed under %q", m.Data, m.Direction)
		}
		count[m.Direction]++
	}
	if count[FromClient] != 500 || count[FromServer] != 500 {
		t.Fatalf("counts = %v, want 500 each", count)
	}
}
