package wsframe

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// wsMsg is one message a real peer sends.
type wsMsg struct {
	typ  websocket.MessageType
	data []byte
}

// peerMessages returns n varied messages: tiny, empty, ~100 KB, repetitive
// JSON (where context takeover pays off) and binary.
func peerMessages(seed uint64, n int) []wsMsg {
	r := rand.New(rand.NewPCG(seed, 1))
	msgs := make([]wsMsg, n)
	for i := range msgs {
		switch i % 6 {
		case 0:
			msgs[i] = wsMsg{websocket.MessageText, []byte(fmt.Sprintf("hi %d", i))}
		case 1:
			msgs[i] = wsMsg{websocket.MessageText, jsonEvent(int(seed) + i)}
		case 2:
			var b bytes.Buffer
			for b.Len() < 100_000 {
				b.Write(jsonEvent(r.IntN(1000)))
				b.WriteByte('\n')
			}
			msgs[i] = wsMsg{websocket.MessageText, b.Bytes()}
		case 3:
			data := make([]byte, r.IntN(5000))
			for j := range data {
				data[j] = byte(r.Uint32())
			}
			msgs[i] = wsMsg{websocket.MessageBinary, data}
		case 4:
			msgs[i] = wsMsg{websocket.MessageText, nil}
		case 5:
			msgs[i] = wsMsg{websocket.MessageText, []byte(strings.Repeat(`{"role":"assistant","content":"ok"}`, 1+i))}
		}
	}
	return msgs
}

// tapRelay is a minimal MITM: it relays raw TCP bytes both ways unchanged,
// reading each direction through an io.TeeReader into a Tap, the way the
// gateway does.
type tapRelay struct {
	t       *testing.T
	ln      net.Listener
	backend string
	tr      Transcript
	deflate Deflate
	taps    map[Direction]*Tap
	wg      sync.WaitGroup
}

func startRelay(t *testing.T, backend string) *tapRelay {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	r := &tapRelay{t: t, ln: ln, backend: backend, taps: map[Direction]*Tap{}}
	r.wg.Add(1)
	go r.serveOne()
	return r
}

func (r *tapRelay) serveOne() {
	defer r.wg.Done()
	defer r.ln.Close()
	client, err := r.ln.Accept()
	if err != nil {
		r.t.Errorf("relay accept: %v", err)
		return
	}
	server, err := net.Dial("tcp", r.backend)
	if err != nil {
		client.Close()
		r.t.Errorf("relay dial: %v", err)
		return
	}
	ready := make(chan struct{})
	var inner sync.WaitGroup
	inner.Add(2)
	go func() { // client → server
		defer inner.Done()
		defer server.(*net.TCPConn).CloseWrite()
		br := bufio.NewReader(client)
		head, err := readHead(br)
		if err != nil {
			r.t.Errorf("relay: read request head: %v", err)
			return
		}
		if _, err := server.Write(head); err != nil {
			r.t.Errorf("relay: forward request head: %v", err)
			return
		}
		// The client sends no frame before it has the 101, which is
		// forwarded only once the taps exist.
		<-ready
		io.Copy(server, io.TeeReader(br, r.taps[FromClient]))
	}()
	go func() { // server → client
		defer inner.Done()
		defer client.(*net.TCPConn).CloseWrite()
		br := bufio.NewReader(server)
		head, err := readHead(br)
		if err != nil {
			close(ready)
			r.t.Errorf("relay: read response head: %v", err)
			return
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(head)), nil)
		if err != nil {
			close(ready)
			r.t.Errorf("relay: parse response head: %v", err)
			return
		}
		r.deflate, err = ParseExtensions(resp.Header.Values("Sec-WebSocket-Extensions"))
		if err != nil {
			r.t.Errorf("relay: %v", err)
		}
		for _, dir := range []Direction{FromClient, FromServer} {
			r.taps[dir] = NewTap(dir, r.deflate, TapOptions{OnMessage: r.tr.Add})
		}
		close(ready)
		if _, err := client.Write(head); err != nil {
			r.t.Errorf("relay: forward response head: %v", err)
			return
		}
		io.Copy(client, io.TeeReader(br, r.taps[FromServer]))
	}()
	inner.Wait()
	client.Close()
	server.Close()
}

// readHead reads an HTTP head through its blank line, leaving what follows
// (WebSocket frames) in br.
func readHead(br *bufio.Reader) ([]byte, error) {
	var head []byte
	for !bytes.HasSuffix(head, []byte("\r\n\r\n")) {
		line, err := br.ReadSlice('\n')
		head = append(head, line...)
		if err != nil {
			return head, fmt.Errorf("read HTTP head after %d bytes: %w", len(head), err)
		}
	}
	return head, nil
}

func TestRelayRealTraffic(t *testing.T) {
	tests := []struct {
		name string
		mode websocket.CompressionMode
		want Deflate
	}{
		{"context takeover", websocket.CompressionContextTakeover,
			Deflate{Enabled: true, ClientMaxWindowBits: 15, ServerMaxWindowBits: 15}},
		{"no context takeover", websocket.CompressionNoContextTakeover,
			Deflate{Enabled: true, ClientNoContextTakeover: true, ServerNoContextTakeover: true, ClientMaxWindowBits: 15, ServerMaxWindowBits: 15}},
		{"disabled", websocket.CompressionDisabled, Deflate{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runRelay(t, tc.mode, tc.want) })
	}
}

func runRelay(t *testing.T, mode websocket.CompressionMode, wantDeflate Deflate) {
	const n = 50
	fromClient, fromServer := peerMessages(1, n), peerMessages(2, n)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	serverDone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(serverDone)
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{CompressionMode: mode})
		if err != nil {
			t.Errorf("accept: %v", err)
			return
		}
		defer c.CloseNow()
		c.SetReadLimit(1 << 20)
		go c.Ping(ctx) // answered while the loop below reads
		for i := range n {
			typ, data, err := c.Read(ctx)
			if err != nil {
				t.Errorf("server read %d: %v", i, err)
				return
			}
			if typ != fromClient[i].typ || !bytes.Equal(data, fromClient[i].data) {
				t.Errorf("server got message %d wrong", i)
			}
			if err := c.Write(ctx, fromServer[i].typ, fromServer[i].data); err != nil {
				t.Errorf("server write %d: %v", i, err)
				return
			}
		}
		_, _, err = c.Read(ctx)
		if websocket.CloseStatus(err) != websocket.StatusNormalClosure {
			t.Errorf("server final read = %v, want a normal closure", err)
		}
	}))
	defer srv.Close()
	relay := startRelay(t, srv.Listener.Addr().String())

	c, _, err := websocket.Dial(ctx, "ws://"+relay.ln.Addr().String(), &websocket.DialOptions{CompressionMode: mode})
	if err != nil {
		t.Fatalf("dial through relay: %v", err)
	}
	defer c.CloseNow()
	c.SetReadLimit(1 << 20)
	replies := make(chan wsMsg, n) // buffered: Ping needs the reader free to see its pong
	go func() {
		defer close(replies)
		for {
			typ, data, err := c.Read(ctx)
			if err != nil {
				return
			}
			replies <- wsMsg{typ, data}
		}
	}()
	clientPings := 0
	for i := range n {
		if err := c.Write(ctx, fromClient[i].typ, fromClient[i].data); err != nil {
			t.Fatalf("client write %d: %v", i, err)
		}
		if i%10 == 3 {
			if err := c.Ping(ctx); err != nil {
				t.Fatalf("client ping: %v", err)
			}
			clientPings++
		}
		got, ok := <-replies
		if !ok || got.typ != fromServer[i].typ || !bytes.Equal(got.data, fromServer[i].data) {
			t.Fatalf("client got reply %d wrong (ok=%v)", i, ok)
		}
	}
	if err := c.Close(websocket.StatusNormalClosure, "bye"); err != nil {
		t.Fatalf("client close: %v", err)
	}
	<-serverDone
	relay.wg.Wait()

	if relay.deflate != wantDeflate {
		t.Errorf("negotiated %+v, want %+v", relay.deflate, wantDeflate)
	}
	for dir, tap := range relay.taps {
		if err := tap.Err(); err != nil {
			t.Errorf("%s tap: %v", dir, err)
		}
		if err := tap.Close(); err != nil {
			t.Errorf("%s tap close: %v", dir, err)
		}
	}
	msgs := relay.tr.Messages()
	checkDirection(t, msgs, FromClient, fromClient, clientPings, 1, wantDeflate.Enabled)
	checkDirection(t, msgs, FromServer, fromServer, 1, clientPings, wantDeflate.Enabled)

	var buf bytes.Buffer
	if err := relay.tr.Encode(&buf); err != nil {
		t.Fatalf("encode: %v", err)
	}
	if lines := bytes.Count(buf.Bytes(), []byte("\n")); lines != len(msgs) {
		t.Errorf("encoded %d lines for %d messages", lines, len(msgs))
	}
}

// checkDirection asserts that dir's part of the transcript is exactly sent,
// in order, plus the expected control frames and a normal close.
func checkDirection(t *testing.T, msgs []Message, dir Direction, sent []wsMsg, pings, pongs int, deflate bool) {
	t.Helper()
	var data []Message
	count := map[Opcode]int{}
	compressed := 0
	for _, m := range msgs {
		if m.Direction != dir {
			continue
		}
		if m.Error != "" {
			t.Errorf("%s: error record: %s", dir, m.Error)
		}
		count[m.Opcode]++
		if m.Compressed {
			compressed++
		}
		if !m.Opcode.IsControl() {
			data = append(data, m)
		}
		if m.End.Before(m.Start) {
			t.Errorf("%s %s: ends before it starts", dir, m.Opcode)
		}
	}
	if len(data) != len(sent) {
		t.Fatalf("%s: %d data messages in transcript, sent %d", dir, len(data), len(sent))
	}
	for i, m := range data {
		wantOp := OpText
		if sent[i].typ == websocket.MessageBinary {
			wantOp = OpBinary
		}
		if m.Opcode != wantOp || !bytes.Equal(m.Data, sent[i].data) || m.Truncated {
			t.Errorf("%s message %d: got %s of %d bytes (truncated %v), sent %s of %d bytes",
				dir, i, m.Opcode, len(m.Data), m.Truncated, wantOp, len(sent[i].data))
		}
	}
	if count[OpPing] != pings || count[OpPong] != pongs || count[OpClose] != 1 {
		t.Errorf("%s: control frames %v, want %d pings, %d pongs, 1 close", dir, count, pings, pongs)
	}
	if deflate != (compressed > 0) {
		t.Errorf("%s: %d compressed messages with deflate negotiated = %v", dir, compressed, deflate)
	}
	last := msgs[len(msgs)-1]
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Direction == dir && msgs[i].Opcode == OpClose {
			last = msgs[i]
			break
		}
	}
	if last.CloseCode != int(websocket.StatusNormalClosure) {
		t.Errorf("%s close code = %d, want 1000", dir, last.CloseCode)
	}
	if dir == FromClient && last.CloseReason != "bye" {
		t.Errorf("client close reason = %q, want bye", last.CloseReason)
	}
}
