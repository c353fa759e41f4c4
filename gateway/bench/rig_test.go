package bench

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/gateway/app"
	"github.com/recondo/recondo/gateway/ca"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

// quietLog keeps the benchmark output readable while still showing what goes wrong.
var quietLog = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

// startFake starts a fake provider that is closed when the benchmark ends.
func startFake(b *testing.B, eventDelay, firstByteDelay time.Duration) *fakeprovider.Server {
	b.Helper()
	fake, err := fakeprovider.Start(context.Background(), fakeprovider.Options{
		CADir: b.TempDir(), EventDelay: eventDelay, FirstByteDelay: firstByteDelay, Logger: quietLog,
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { fake.Close() })
	return fake
}

// resolveAll routes every provider host the gateway intercepts to addr, as --resolve does.
func resolveAll(addr string) []string {
	var r []string
	for _, h := range proxy.DefaultIntercept {
		r = append(r, h+":443:"+addr)
	}
	return r
}

// gateway is an in-process gateway (the SQLite default in a temp data dir) whose upstream is
// upstreamAddr; its pipeline counters show whether captures land.
type gateway struct {
	*app.App
	dataDir string
	proxy   *url.URL
	roots   *x509.CertPool // trusts the gateway's MITM CA
}

func startGateway(b *testing.B, fake *fakeprovider.Server, upstreamAddr string, noCapture bool) *gateway {
	b.Helper()
	// The gateway verifies upstream TLS: it must trust the fake provider's own CA.
	b.Setenv("RECONDO_EXTRA_CA_CERTS", fake.CAFile())
	dir := b.TempDir()
	a, err := app.Start(context.Background(), app.Config{
		Listen: "127.0.0.1:0", Data: data.Config{DataDir: dir}, Resolve: resolveAll(upstreamAddr),
		NoCapture: noCapture, Log: quietLog,
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		a.Close(ctx)
	})
	return &gateway{App: a, dataDir: dir, proxy: &url.URL{Scheme: "http", Host: a.Addr.String()},
		roots: poolFromFile(b, filepath.Join(dir, "ca", ca.CertFile))}
}

func poolFromFile(b *testing.B, path string) *x509.CertPool {
	b.Helper()
	pem, err := os.ReadFile(path)
	pool := x509.NewCertPool()
	if err != nil || !pool.AppendCertsFromPEM(pem) {
		b.Fatalf("read CA %s: %v", path, err)
	}
	return pool
}

// client is a keep-alive HTTP/1.1 client that counts the TCP connections it opens, so a
// benchmark can prove it measured kept-alive requests and not handshakes.
type client struct {
	*http.Client
	dials atomic.Int64
}

// newDirectClient reaches every provider host name at addr (like fakeprovider.Client) and
// keeps up to conns connections alive.
func newDirectClient(b *testing.B, addr string, roots *x509.CertPool, conns int) *client {
	c := &client{}
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := baseTransport(roots, conns)
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		c.dials.Add(1)
		return d.DialContext(ctx, network, addr)
	}
	c.Client = &http.Client{Transport: tr, Timeout: time.Minute}
	b.Cleanup(tr.CloseIdleConnections)
	return c
}

// newProxiedClient uses gw as its HTTPS proxy, as a coding agent with HTTPS_PROXY does.
func newProxiedClient(b *testing.B, proxyURL *url.URL, roots *x509.CertPool, conns int) *client {
	c := &client{}
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := baseTransport(roots, conns)
	tr.Proxy = http.ProxyURL(proxyURL)
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c.dials.Add(1)
		return d.DialContext(ctx, network, addr)
	}
	c.Client = &http.Client{Transport: tr, Timeout: time.Minute}
	b.Cleanup(tr.CloseIdleConnections)
	return c
}

func baseTransport(roots *x509.CertPool, conns int) *http.Transport {
	return &http.Transport{
		TLSClientConfig:     &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12},
		DisableCompression:  true,
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns, // the default of 2 would churn connections under load
		IdleConnTimeout:     time.Minute,
	}
}
