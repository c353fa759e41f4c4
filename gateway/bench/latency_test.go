package bench

import (
	"testing"
	"time"
)

const (
	// latencyRounds is how many requests each path makes per op (one op per -benchtime=1x run).
	latencyRounds = 1500
	// latencyPace starts a paced round (one request per path) every 8 ms: 125 captures/s, which
	// SQLite ingestion keeps up with, and an idle gap between requests as an agent's connection
	// has while the model works.
	latencyPace = 8 * time.Millisecond
)

// BenchmarkNonStreamLatency is the latency the gateway adds to one kept-alive, non-streamed
// request: a ~4 KB Anthropic Messages request answered by ~4 KB of JSON, with no provider
// think time. Three clients — direct to the fake provider, through the gateway, and through the
// same gateway with capture off — take turns request by request (the order rotates each round),
// so drift on a noisy machine hits all three alike. Each client keeps one connection alive.
//
// paced starts a round every latencyPace, so each capture is ingested before the next round
// (as with one agent); back-to-back sends rounds without pause, so captures arrive faster than
// SQLite ingests them and the ingestion backlog runs during every path's requests. Reported:
// p50/p99 per path, the added p50/p99 (gateway − direct), the capture's own share (gateway −
// nocapture), and how far ingestion was behind at the end.
func BenchmarkNonStreamLatency(b *testing.B) {
	b.Run("paced", func(b *testing.B) { nonStreamLatency(b, latencyPace) })
	b.Run("back-to-back", func(b *testing.B) { nonStreamLatency(b, 0) })
}

func nonStreamLatency(b *testing.B, pace time.Duration) {
	fake := startFake(b, -1, -1)
	gw := startGateway(b, fake, fake.Addr(), false)
	nocap := startGateway(b, fake, fake.Addr(), true)
	paths := []*struct {
		name string
		c    *client
		lat  []time.Duration
	}{
		{name: "direct", c: newDirectClient(b, fake.Addr(), fake.CAPool(), 1)},
		{name: "gateway", c: newProxiedClient(b, gw.proxy, gw.roots, 1)},
		{name: "nocapture", c: newProxiedClient(b, nocap.proxy, nocap.roots, 1)},
	}
	ctx := b.Context()
	// Warm up: connections, leaf certificates, pools and the first SQLite pages.
	for range 100 {
		for _, p := range paths {
			if _, err := postJSON(ctx, p.c, messagesBody(4096, false)); err != nil {
				b.Fatalf("%s: %v", p.name, err)
			}
		}
	}
	stats := gw.Pipeline.Stats()
	waitIngested(stats.Committed.Load(), func() int64 { return stats.Ingested.Load() }, catchUpLimit)
	var tick <-chan time.Time
	if pace > 0 {
		t := time.NewTicker(pace)
		defer t.Stop()
		tick = t.C
	}
	b.ResetTimer()
	for i := range b.N * latencyRounds {
		if tick != nil {
			<-tick
		}
		for k := range paths {
			p := paths[(i+k)%len(paths)]
			body := messagesBody(4096, false)
			start := time.Now()
			if _, err := postJSON(ctx, p.c, body); err != nil {
				b.Fatalf("%s: %v", p.name, err)
			}
			p.lat = append(p.lat, time.Since(start))
		}
	}
	b.StopTimer()
	hideNsPerOp(b)
	b.ReportMetric(float64(stats.Committed.Load()-stats.Ingested.Load()), "ingest-backlog")
	d50, d99 := latencies(b, "direct", paths[0].lat)
	g50, g99 := latencies(b, "gateway", paths[1].lat)
	n50, n99 := latencies(b, "nocapture", paths[2].lat)
	b.ReportMetric(ms(g50-d50), "added-p50-ms")
	b.ReportMetric(ms(g99-d99), "added-p99-ms")
	b.ReportMetric(ms(g50-n50), "capture-p50-ms")
	b.ReportMetric(ms(g99-n99), "capture-p99-ms")
	reportLoad(b)
	for _, p := range paths {
		// One connection each: anything more means requests paid for handshakes.
		if n := p.c.dials.Load(); n != 1 {
			b.Errorf("%s client opened %d connections, want 1 (keep-alive broken)", p.name, n)
		}
	}
}
