package proxy

import (
	"net"
	"sync"
)

// handoff is the net.Listener martian serves: the front door pushes each connection it has
// decided martian should handle (decrypted MITM connections and plain HTTP proxy connections).
type handoff struct {
	conns  chan net.Conn
	addr   net.Addr
	once   sync.Once
	closed chan struct{}
}

func newHandoff(addr net.Addr) *handoff {
	return &handoff{conns: make(chan net.Conn), addr: addr, closed: make(chan struct{})}
}

func (h *handoff) push(c net.Conn) bool {
	select {
	case h.conns <- c:
		return true
	case <-h.closed:
		return false
	}
}

func (h *handoff) Accept() (net.Conn, error) {
	select {
	case c := <-h.conns:
		return c, nil
	case <-h.closed:
		return nil, net.ErrClosed
	}
}

func (h *handoff) Close() error {
	h.once.Do(func() { close(h.closed) })
	return nil
}

func (h *handoff) Addr() net.Addr { return h.addr }
