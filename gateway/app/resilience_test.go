package app_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/gateway/app"
)

// TestStreamOutlivesRequestTimeout: a stream longer than every proxy timeout is not cut.
func TestStreamOutlivesRequestTimeout(t *testing.T) {
	r := newRig(t, 100*time.Millisecond, withConfig(func(c *app.Config) { c.RequestTimeout = 500 * time.Millisecond }))
	res := post(t, r.client(t), "https://api.anthropic.com/v1/messages", anthropicStream, map[string]string{"X-Fake-Events": "20"})
	b, err := io.ReadAll(res.Body) // 20 events 100 ms apart: about 2 s, four times the timeout
	res.Body.Close()
	if err != nil || !strings.Contains(string(b), "message_stop") {
		t.Fatalf("stream cut: %v (%d bytes)", err, len(b))
	}
	if tr := r.turns(t, 1)[0]; !tr.Complete {
		t.Fatalf("turn %+v", tr)
	}
}

// TestUntrustedUpstreamIsRefused: upstream TLS is always verified; a provider whose certificate
// does not chain to a trusted root gets no request, and the failure is captured.
func TestUntrustedUpstreamIsRefused(t *testing.T) {
	r := newRig(t, time.Millisecond, untrustedUpstream())
	res := post(t, r.client(t), "https://api.anthropic.com/v1/messages", anthropicJSON, nil)
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusBadGateway {
		t.Fatalf("status %d, want 502", res.StatusCode)
	}
	if n := len(r.fake.Exchanges()); n != 0 {
		t.Fatalf("the untrusted upstream received %d requests", n)
	}
	tr := r.turns(t, 1)[0]
	if !strings.Contains(tr.Error, "certificate") {
		t.Fatalf("turn error %q does not say why", tr.Error)
	}
}

// TestPlainHTTPProxying: absolute-URI requests to other hosts are forwarded untouched.
func TestPlainHTTPProxying(t *testing.T) {
	r := newRig(t, time.Millisecond)
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		io.WriteString(w, "plain "+req.URL.Path)
	}))
	defer origin.Close()
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(r.proxy)}}
	res, err := c.Get(origin.URL + "/pkg")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "plain /pkg" {
		t.Fatalf("body %q", b)
	}
}

// TestDatabaseOutageLosesNothing: with PostgreSQL unreachable the gateway keeps serving; the
// captures wait in the WAL and reach the database when it is back.
func TestDatabaseOutageLosesNothing(t *testing.T) {
	dsn := datatest.NewPostgresDatabase(t)
	u, _ := url.Parse(dsn)
	cut := newCuttableForwarder(t, u.Host)
	u.Host = cut.addr
	r := newRig(t, time.Millisecond, withConfig(func(c *app.Config) { c.Data.DatabaseURL = u.String() }))
	c := r.client(t)
	cut.setDown(true)
	for i := 0; i < 5; i++ {
		res := post(t, c, "https://api.anthropic.com/v1/messages", anthropicJSON, nil)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("request %d during the outage: status %d", i, res.StatusCode)
		}
	}
	time.Sleep(300 * time.Millisecond)
	if n := r.gw.Pipeline.Stats().Ingested.Load(); n != 0 {
		t.Fatalf("%d ingested while the database was down?", n)
	}
	cut.setDown(false)
	r.dbURL = dsn
	if got := len(r.turns(t, 5)); got != 5 {
		t.Fatalf("%d turns after the outage, want 5", got)
	}
}

// cuttableForwarder is a TCP forwarder to a real server that can drop every connection and
// refuse new ones, standing in for a database that goes away.
type cuttableForwarder struct {
	addr  string
	mu    sync.Mutex
	down  bool
	conns []net.Conn
}

func newCuttableForwarder(t *testing.T, target string) *cuttableForwarder {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	f := &cuttableForwarder{addr: ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			f.mu.Lock()
			if f.down {
				f.mu.Unlock()
				c.Close()
				continue
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				f.mu.Unlock()
				c.Close()
				continue
			}
			f.conns = append(f.conns, c, up)
			f.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	return f
}

func (f *cuttableForwarder) setDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
	if down {
		for _, c := range f.conns {
			c.Close()
		}
		f.conns = nil
	}
}
