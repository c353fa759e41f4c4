package proxy

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/gateway/ca"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/fakeprovider"
)

// refusingSink is a WAL that cannot be written (a full disk).
type refusingSink struct{}

func (refusingSink) Commit(*capture.Record) error { return errors.New("no space left on device") }

// TestCaptureFailsClosed: when a capture cannot be committed, the client never receives a
// complete response — neither a stream's terminating chunk nor a sized body's last bytes.
func TestCaptureFailsClosed(t *testing.T) {
	fake, err := fakeprovider.Start(context.Background(), fakeprovider.Options{CADir: t.TempDir(), EventDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	authority, err := ca.Init(t.TempDir(), ca.InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Config{
		Resolve: Resolve{"api.anthropic.com:443": fake.Addr()}, RootCAs: fake.CAPool(),
		Certs:    ca.NewLeaves(authority, ca.LeafOptions{}),
		Recorder: capture.NewRecorder(refusingSink{}, capture.Options{SpillDir: t.TempDir()}),
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go g.Serve(ln)
	defer g.Close(context.Background())
	pool := x509.NewCertPool()
	pool.AddCert(authority.Cert)
	proxyURL := &url.URL{Scheme: "http", Host: ln.Addr().String()}
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxyURL), TLSClientConfig: tlsWithRoots(pool)}, Timeout: 20 * time.Second}
	for _, stream := range []bool{true, false} {
		body := `{"model":"claude-sonnet-4-5","max_tokens":64,"stream":` + map[bool]string{true: "true", false: "false"}[stream] + `,"messages":[{"role":"user","content":"hi"}]}`
		// Failing closed may show as an error before the head (the head was still buffered when
		// the connection was cut) or while reading the body; never as a clean, complete body.
		res, err := c.Post("https://api.anthropic.com/v1/messages", "application/json", strings.NewReader(body))
		if err == nil {
			_, err = io.ReadAll(res.Body)
			res.Body.Close()
		}
		if err == nil {
			t.Errorf("stream=%v: the client read a complete response that was not captured", stream)
		}
	}
}
