package bench

import (
	"net"
	"sync"
	"time"
)

// tap is a TCP relay in front of the fake provider that timestamps every read it makes from
// either side. The bytes are TLS, but the fake provider flushes each SSE event in its own
// write, so the provider→client reads that follow a request, grouped by the pauses between
// events, are the moments each event left the provider. Direct and gateway paths go through the
// same tap, so its own cost cancels out of the comparison.
type tap struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	log    []tapRead
	nextID int
	conns  []net.Conn // every connection, closed by Close
	wg     sync.WaitGroup
}

// tapRead is one read the relay made: on which connection, in which direction, and when.
type tapRead struct {
	conn int
	up   bool // client → provider
	at   time.Time
}

func newTap(target string) (*tap, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	t := &tap{ln: ln, target: target}
	go t.accept()
	return t, nil
}

func (t *tap) Addr() string { return t.ln.Addr().String() }

// Close stops the relay and cuts every connection through it: the gateway keeps idle upstream
// connections open for 90 s and does not close them when it stops.
func (t *tap) Close() error {
	err := t.ln.Close()
	t.mu.Lock()
	for _, c := range t.conns {
		c.Close()
	}
	t.mu.Unlock()
	t.wg.Wait()
	return err
}

func (t *tap) accept() {
	for {
		c, err := t.ln.Accept()
		if err != nil {
			return
		}
		u, err := net.Dial("tcp", t.target)
		if err != nil {
			c.Close()
			continue
		}
		t.mu.Lock()
		t.nextID++
		id := t.nextID
		t.conns = append(t.conns, c, u)
		t.mu.Unlock()
		t.wg.Add(2)
		go t.pipe(id, true, u, c)
		go t.pipe(id, false, c, u)
	}
}

// pipe copies src to dst, stamping each read before forwarding it.
func (t *tap) pipe(id int, up bool, dst, src net.Conn) {
	defer t.wg.Done()
	defer dst.Close()
	defer src.Close()
	buf := make([]byte, 64<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			at := time.Now()
			t.mu.Lock()
			t.log = append(t.log, tapRead{conn: id, up: up, at: at})
			t.mu.Unlock()
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil { // EOF or a closed side: either ends the relay
			return
		}
	}
}

// reset forgets what was logged: each measured exchange starts with an empty log.
func (t *tap) reset() {
	t.mu.Lock()
	t.log = t.log[:0]
	t.mu.Unlock()
}

// events returns when each response event left the provider for the one exchange in flight
// between sent (the client began its request) and last (the client read its last event). The
// exchange's connection is the one with the last client→provider read before first (the client
// read the first event, so the request had ended); every provider→client read on it after that
// read and up to last starts an event, unless it follows the previous read by less than gap
// (then it is the rest of the same write).
func (t *tap) events(sent, first, last time.Time, gap time.Duration) []time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	conn, reqEnd := -1, time.Time{}
	for _, r := range t.log {
		if r.up && r.at.After(sent) && r.at.Before(first) {
			conn, reqEnd = r.conn, r.at
		}
	}
	var out []time.Time
	var prev time.Time
	for _, r := range t.log {
		if r.conn != conn || r.up || !r.at.After(reqEnd) || r.at.After(last) {
			continue
		}
		if len(out) == 0 || r.at.Sub(prev) >= gap {
			out = append(out, r.at)
		}
		prev = r.at
	}
	return out
}
