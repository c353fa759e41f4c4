package proxy

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// tunnel relays a CONNECT to a host that is not intercepted, byte for byte: npm, GitHub and
// telemetry keep working through the gateway without being decrypted or recorded.
func (g *Gateway) tunnel(c net.Conn, buffered io.Reader, target string) {
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	up, err := g.dial.DialContext(ctx, "tcp", target)
	cancel()
	if err != nil {
		g.log.Warn("tunnel dial failed", "target", target, "err", err)
		writeStatus(c, http.StatusBadGateway, "cannot reach "+target)
		return
	}
	defer up.Close()
	if _, err := io.WriteString(c, "HTTP/1.1 200 Connection Established\r\n\r\n"); err != nil {
		return
	}
	_ = c.SetReadDeadline(time.Time{})
	g.tunnels.Add(1)
	defer g.tunnels.Add(-1)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); copyThenCloseWrite(up, buffered) }()
	go func() { defer wg.Done(); copyThenCloseWrite(c, up) }()
	wg.Wait()
}

// copyThenCloseWrite copies until EOF and half-closes dst, so each side sees the other's EOF.
func copyThenCloseWrite(dst net.Conn, src io.Reader) {
	_, _ = io.Copy(dst, src)
	if cw, ok := dst.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
	} else {
		_ = dst.Close()
	}
}
