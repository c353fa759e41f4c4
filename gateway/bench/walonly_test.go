package bench

import (
	"context"
	"net"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/recondo/recondo/gateway/ca"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/ingest"
	"github.com/recondo/recondo/gateway/proxy"
	"github.com/recondo/recondo/gateway/wal"
)

// startWALOnlyGateway wires the gateway as app.Start does, except that the pipeline's Run is
// never started: every exchange is recorded, hashed and appended to the WAL (what a request
// waits for), and nothing is ingested. It splits the capture's cost into the request path's
// share and the ingestion's; it is a diagnostic, not a way to run Recondo.
func startWALOnlyGateway(b *testing.B, fake *fakeprovider.Server, upstreamAddr string) *gateway {
	b.Helper()
	b.Setenv("RECONDO_EXTRA_CA_CERTS", fake.CAFile())
	dir := b.TempDir()
	authority, err := ca.Init(filepath.Join(dir, "ca"), ca.InitOptions{})
	if err != nil {
		b.Fatal(err)
	}
	roots, err := proxy.RootCAs(dir, quietLog)
	if err != nil {
		b.Fatal(err)
	}
	resolve, err := proxy.ParseResolve(resolveAll(upstreamAddr))
	if err != nil {
		b.Fatal(err)
	}
	w, err := wal.Open(filepath.Join(dir, "wal"), wal.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	// Records beyond the queue's 4,096 stay in the WAL only (the pipeline's backlog path).
	pipe, err := ingest.New(ingest.Config{WAL: w, CapturesDir: filepath.Join(dir, "captures"), Log: quietLog})
	if err != nil {
		b.Fatal(err)
	}
	gw, err := proxy.New(proxy.Config{
		Resolve: resolve, RootCAs: roots, Certs: ca.NewLeaves(authority, ca.LeafOptions{}),
		Recorder: capture.NewRecorder(pipe, capture.Options{SpillDir: b.TempDir()}), Log: quietLog,
	})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go gw.Serve(ln)
	b.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		gw.Close(ctx)
	})
	return &gateway{dataDir: dir, proxy: &url.URL{Scheme: "http", Host: ln.Addr().String()},
		roots: poolFromFile(b, filepath.Join(dir, "ca", ca.CertFile))}
}
