package app_test

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/gateway/app"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

// rig is one fake provider, one gateway in front of it (via --resolve) and the read API over
// the gateway's data dir.
type rig struct {
	fake    *fakeprovider.Server
	gw      *app.App
	dataDir string
	proxy   *url.URL
	caFile  string
	dbURL   string // PostgreSQL, when the rig uses it
}

// rigOption adjusts the gateway's config before it starts.
type rigOption func(*app.Config, *rigSetup)

type rigSetup struct{ untrustedUpstream bool }

func withConfig(f func(*app.Config)) rigOption { return func(c *app.Config, _ *rigSetup) { f(c) } }

// untrustedUpstream leaves the fake provider's CA out of the gateway's roots.
func untrustedUpstream() rigOption {
	return func(_ *app.Config, s *rigSetup) { s.untrustedUpstream = true }
}

func newRig(t *testing.T, eventDelay time.Duration, opts ...rigOption) *rig {
	t.Helper()
	ctx := context.Background()
	fake, err := fakeprovider.Start(ctx, fakeprovider.Options{CADir: t.TempDir(), EventDelay: eventDelay, FirstByteDelay: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fake.Close() })
	dataDir := t.TempDir()
	// The gateway verifies upstream TLS: trust the fake provider's own test CA, as a corporate
	// root would be trusted.
	var resolve []string
	for _, h := range proxy.DefaultIntercept {
		resolve = append(resolve, h+":443:"+fake.Addr())
	}
	cfg := app.Config{Listen: "127.0.0.1:0", Data: data.Config{DataDir: dataDir}, Resolve: resolve}
	var setup rigSetup
	for _, o := range opts {
		o(&cfg, &setup)
	}
	if setup.untrustedUpstream {
		t.Setenv("RECONDO_EXTRA_CA_CERTS", "")
	} else {
		t.Setenv("RECONDO_EXTRA_CA_CERTS", fake.CAFile())
	}
	gw, err := app.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		gw.Close(ctx)
	})
	return &rig{fake: fake, gw: gw, dataDir: dataDir, proxy: &url.URL{Scheme: "http", Host: gw.Addr.String()},
		caFile: filepath.Join(dataDir, "ca", "ca.crt"), dbURL: cfg.Data.DatabaseURL}
}

// client is an HTTP client that uses the gateway as its HTTPS proxy and trusts its CA.
func (r *rig) client(t *testing.T) *http.Client {
	pool := x509.NewCertPool()
	pem, err := os.ReadFile(r.caFile)
	if err != nil || !pool.AppendCertsFromPEM(pem) {
		t.Fatalf("read gateway CA: %v", err)
	}
	tr := &http.Transport{Proxy: http.ProxyURL(r.proxy), DisableCompression: true}
	tr.TLSClientConfig = tr.TLSClientConfig.Clone()
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = newTLSConfig()
	}
	tr.TLSClientConfig.RootCAs = pool
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 60 * time.Second}
}

// api opens the read side over the rig's data dir (or database).
func (r *rig) api(t *testing.T) *data.API {
	var store data.Store
	var err error
	if r.dbURL != "" {
		store, err = postgres.Open(context.Background(), r.dbURL)
	} else {
		store, err = sqlite.Open(context.Background(), filepath.Join(r.dataDir, "recondo.db"))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return data.NewAPI(store, objects.NewFS(r.dataDir))
}

// turns waits until the database holds n turns and returns every turn, oldest first.
func (r *rig) turns(t *testing.T, n int) []data.Turn {
	t.Helper()
	api := r.api(t)
	deadline := time.Now().Add(15 * time.Second)
	for {
		var all []data.Turn
		var sessions []data.Session
		for cursor := ""; ; {
			p, err := api.ListSessions(context.Background(), data.SessionFilter{Limit: 500, Cursor: cursor}, data.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			sessions = append(sessions, p.Sessions...)
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		for _, s := range sessions {
			ts, err := api.ListTurns(context.Background(), data.TurnFilter{SessionID: s.ID, Limit: 500}, data.ReadOptions{Unmasked: true, Actor: data.Actor{Surface: data.SurfaceGateway, Principal: "test"}})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, ts...)
		}
		if len(all) >= n {
			sortTurns(all)
			return all
		}
		if time.Now().After(deadline) {
			t.Fatalf("database holds %d turns, want %d", len(all), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func sortTurns(ts []data.Turn) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].StartedAt.Before(ts[j-1].StartedAt); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}
