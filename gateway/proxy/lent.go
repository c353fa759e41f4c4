package proxy

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"sync"
	"time"
)

// lentConn is the connection martian serves. martian v3.3.3 keeps looping on a hijacked
// connection: it resets the deadline and starts reading the next request, and closes the
// connection when that read times out — which would cut a long stream. So when the gateway
// takes a connection over, martian's view of it goes dead (reads see EOF, deadlines and Close do
// nothing) and the gateway owns the real connection until it closes it.
type lentConn struct {
	net.Conn
	mu       sync.Mutex
	taken    bool
	onClose  func()
	closeOne sync.Once
}

func newLentConn(c net.Conn, onClose func()) *lentConn { return &lentConn{Conn: c, onClose: onClose} }

func (c *lentConn) isTaken() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.taken
}

func (c *lentConn) Read(p []byte) (int, error) {
	if c.isTaken() {
		return 0, io.EOF
	}
	return c.Conn.Read(p)
}

func (c *lentConn) SetDeadline(t time.Time) error {
	if c.isTaken() {
		return nil
	}
	return c.Conn.SetDeadline(t)
}

func (c *lentConn) SetReadDeadline(t time.Time) error {
	if c.isTaken() {
		return nil
	}
	return c.Conn.SetReadDeadline(t)
}

func (c *lentConn) Close() error {
	if c.isTaken() {
		return nil
	}
	return c.closeReal()
}

func (c *lentConn) closeReal() error {
	err := c.Conn.Close()
	c.closeOne.Do(func() {
		if c.onClose != nil {
			c.onClose()
		}
	})
	return err
}

// takeOver makes the connection the gateway's: it returns a reader that yields what martian had
// buffered and then the connection, a writer (martian's buffered writer, to be flushed), and
// the function that closes the real connection. The connection's deadlines are cleared.
func (c *lentConn) takeOver(brw *bufio.ReadWriter) (io.Reader, *bufio.Writer, func() error) {
	c.mu.Lock()
	c.taken = true
	c.mu.Unlock()
	_ = c.Conn.SetDeadline(time.Time{})
	var buffered []byte
	if n := brw.Reader.Buffered(); n > 0 {
		buffered, _ = brw.Reader.Peek(n)
		buffered = bytes.Clone(buffered)
	}
	return io.MultiReader(bytes.NewReader(buffered), c.Conn), brw.Writer, c.closeReal
}
