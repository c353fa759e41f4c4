package proxy

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// bufferedConn is a connection whose first bytes were already read into r.
type bufferedConn struct {
	net.Conn
	r io.Reader
}

func (c *bufferedConn) Read(p []byte) (int, error) { return c.r.Read(p) }

// serveConn decides what one client connection is: a CONNECT (tunnel, or MITM for intercepted
// hosts) or a plain HTTP proxy request (martian handles it as is).
func (g *Gateway) serveConn(c net.Conn) {
	_ = c.SetReadDeadline(time.Now().Add(g.cfg.HeaderTimeout))
	br := bufio.NewReader(c)
	head, err := br.Peek(8)
	if err != nil {
		c.Close()
		return
	}
	if !bytes.Equal(head, []byte("CONNECT ")) {
		_ = c.SetReadDeadline(time.Time{})
		g.lend(&bufferedConn{Conn: c, r: br}, &connInfo{})
		return
	}
	req, err := http.ReadRequest(br)
	if err != nil {
		g.log.Warn("bad CONNECT request", "client", c.RemoteAddr().String(), "err", err)
		writeStatus(c, http.StatusBadRequest, "malformed CONNECT request")
		c.Close()
		return
	}
	target := req.URL.Host
	host, _, err := net.SplitHostPort(target)
	if err != nil {
		writeStatus(c, http.StatusBadRequest, "CONNECT needs host:port")
		c.Close()
		return
	}
	identity := proxyUser(req.Header.Get("Proxy-Authorization"))
	if !g.intercepts(host) {
		g.tunnel(c, br, target)
		return
	}
	if _, err := io.WriteString(c, "HTTP/1.1 200 Connection Established\r\n\r\n"); err != nil {
		c.Close()
		return
	}
	tc := tls.Server(&bufferedConn{Conn: c, r: br}, g.cfg.Certs.ServerConfig(host))
	if err := tc.Handshake(); err != nil {
		// Typically the client does not trust the CA: say so, it is the first thing a user hits.
		g.log.Warn("TLS handshake with client failed (does it trust the Recondo CA?)", "host", host, "client", c.RemoteAddr().String(), "err", err)
		tc.Close()
		return
	}
	_ = c.SetReadDeadline(time.Time{})
	g.lend(tc, &connInfo{target: target, identity: identity, intercept: true})
}

// lend hands a connection to martian, remembering what the front door knows about it.
func (g *Gateway) lend(c net.Conn, ci *connInfo) {
	key := c.RemoteAddr().String()
	ci.lent = newLentConn(c, func() { g.conns.remove(key) })
	g.conns.add(key, ci)
	if !g.martianConns.push(ci.lent) {
		ci.lent.closeReal()
	}
}

// intercepts reports whether CONNECTs to host are decrypted and captured.
func (g *Gateway) intercepts(host string) bool {
	_, ok := g.intercept[strings.ToLower(strings.TrimSuffix(host, "."))]
	return ok
}

// proxyUser returns the user name of a Basic Proxy-Authorization value: how a developer
// identifies to the gateway (HTTPS_PROXY=http://alice@127.0.0.1:8443). The password part is
// never kept.
func proxyUser(v string) string {
	scheme, cred, ok := strings.Cut(v, " ")
	if !ok || !strings.EqualFold(scheme, "Basic") {
		return ""
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
	if err != nil {
		return ""
	}
	user, _, _ := strings.Cut(string(raw), ":")
	return user
}

func writeStatus(w io.Writer, code int, msg string) {
	fmt.Fprintf(w, "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		code, http.StatusText(code), len(msg), msg)
}
