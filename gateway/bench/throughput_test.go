package bench

import (
	"runtime"
	"testing"
	"time"
)

const (
	throughputWorkers = 32 // concurrent kept-alive clients
	throughputSegment = 2 * time.Second
	// catchUpLimit bounds the wait for the database to ingest what the WAL holds; what is left
	// after it is reported, not waited for.
	catchUpLimit = 30 * time.Second
)

// throughputOrder runs the segments back to back, capture last: after it the benchmark waits for
// ingestion to catch up, and a segment run while the backlog drains would share the cores with
// it. (A symmetric A B C B A order would put that wait between the halves.)
var throughputOrder = []string{"direct", "nocapture", "walonly", "capture"}

// BenchmarkCapturedThroughput is requests per second through the capturing gateway with the
// SQLite default, against the same proxy with capture off and against the fake provider
// directly, each under the same closed-loop load of throughputWorkers clients sending ~4 KB
// requests for ~4 KB answers. Load generator, fake provider and gateway share this process and
// the machine's cores; so CPU per request is reported too, and the gateway's own share of it
// (path − direct) gives what the gateway alone would sustain on all cores.
//
// Capture is asynchronous — a request is done once its record is in the WAL — so after the
// capture segment the benchmark waits (up to catchUpLimit) for the pipeline to ingest every
// committed record into the object store and SQLite, and reports how long that took and the
// ingestion rate: the rate captures can be kept up with, not just accepted. A fourth path,
// walonly, is the capturing gateway with ingestion not running (startWALOnlyGateway): the
// request path's own share of the capture's cost.
func BenchmarkCapturedThroughput(b *testing.B) {
	fake := startFake(b, -1, -1)
	gw := startGateway(b, fake, fake.Addr(), false)
	nocap := startGateway(b, fake, fake.Addr(), true)
	walonly := startWALOnlyGateway(b, fake, fake.Addr())
	clients := map[string]*client{
		"direct":    newDirectClient(b, fake.Addr(), fake.CAPool(), throughputWorkers),
		"nocapture": newProxiedClient(b, nocap.proxy, nocap.roots, throughputWorkers),
		"walonly":   newProxiedClient(b, walonly.proxy, walonly.roots, throughputWorkers),
		"capture":   newProxiedClient(b, gw.proxy, gw.roots, throughputWorkers),
	}
	ctx := b.Context()
	stats := gw.Pipeline.Stats()
	ingested := func() int64 { return stats.Ingested.Load() }
	// Warm up: open every connection, then let the capture pipeline drain.
	for name, c := range clients {
		if r := load(ctx, c, throughputWorkers, 300*time.Millisecond); r.err != nil {
			b.Fatalf("%s warm-up: %v", name, r.err)
		}
	}
	waitIngested(stats.Committed.Load(), ingested, catchUpLimit)

	b.ResetTimer()
	type tally struct {
		requests int64
		elapsed  time.Duration // under load
		cpu      time.Duration // process CPU; for capture including the ingestion after the load
	}
	got := map[string]*tally{}
	var nIngested, nCommitted int64
	var catchUp, ingestSpan time.Duration
	for range b.N {
		for _, name := range throughputOrder {
			t := got[name]
			if t == nil {
				t = &tally{}
				got[name] = t
			}
			ingested0, committed0 := ingested(), stats.Committed.Load()
			start, cpu0 := time.Now(), cpuTime()
			r := load(ctx, clients[name], throughputWorkers, throughputSegment)
			if r.err != nil {
				b.Fatalf("%s: %v", name, r.err)
			}
			t.requests += r.requests
			t.elapsed += r.elapsed
			if name == "capture" {
				end := time.Now()
				committed := stats.Committed.Load() - committed0
				if committed != r.requests {
					b.Errorf("capture: %d requests answered but %d records committed", r.requests, committed)
				}
				if !waitIngested(stats.Committed.Load(), ingested, catchUpLimit) {
					b.Logf("capture: the database is still %d records behind the WAL after %v",
						stats.Committed.Load()-ingested(), catchUpLimit)
				}
				catchUp += time.Since(end)
				ingestSpan += time.Since(start)
				nCommitted += committed
				nIngested += ingested() - ingested0
			}
			t.cpu += cpuTime() - cpu0
		}
	}
	b.StopTimer()
	hideNsPerOp(b)
	rps, cpuPerReq := map[string]float64{}, map[string]time.Duration{}
	for name, t := range got {
		rps[name] = float64(t.requests) / t.elapsed.Seconds()
		cpuPerReq[name] = t.cpu / time.Duration(t.requests)
		b.ReportMetric(rps[name], name+"-req/s")
		b.ReportMetric(float64(cpuPerReq[name])/float64(time.Microsecond), name+"-cpu-us/req")
	}
	b.ReportMetric(rps["capture"]/rps["nocapture"], "capture/nocapture")
	b.ReportMetric(rps["walonly"]/rps["nocapture"], "walonly/nocapture")
	cores := float64(runtime.NumCPU())
	for _, name := range []string{"capture", "walonly", "nocapture"} {
		if own := cpuPerReq[name] - cpuPerReq["direct"]; own > 0 {
			b.ReportMetric(cores/own.Seconds(), name+"-gw-only-req/s")
		}
	}
	b.ReportMetric(catchUp.Seconds()/float64(b.N), "db-catchup-s")
	ingestRate := float64(nIngested) / ingestSpan.Seconds()
	b.ReportMetric(ingestRate, "ingest-turns/s")
	// Sustained, the gateway captures no faster than the database ingests: beyond that the WAL
	// only grows.
	b.ReportMetric(min(rps["capture"], ingestRate)/rps["nocapture"], "sustained/nocapture")
	b.ReportMetric(float64(nCommitted-nIngested)/float64(b.N), "not-ingested")
	reportLoad(b)
	if f := stats.Failures.Load(); f > 0 {
		b.Errorf("ingestion failed %d times", f)
	}
}

// waitIngested polls until ingested() reaches target or limit passes; it reports whether it did.
func waitIngested(target int64, ingested func() int64, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for ingested() < target {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
