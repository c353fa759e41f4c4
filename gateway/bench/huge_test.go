package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// hugeMB is the size of the one large response.
const hugeMB = 200

// BenchmarkRSS200MBResponse is the gateway's memory for one 200 MB streamed response read by
// the client at full speed: peak resident memory (VmHWM) above the idle resident set, measured
// after the capture has also been ingested (its spill file hashed, compressed into the object
// store and removed). "Flat" is checked by the growth of the resident set between the
// response's first and second halves.
func BenchmarkRSS200MBResponse(b *testing.B) {
	fake := startFake(b, -1, -1)
	g := startChild(b, fake)
	c := g.client(b, 1)
	idle := idleMemory(b, g, c)
	var peak, relayPeak, atHalf, atEnd int64
	var relay, ingest time.Duration
	var got int64
	for range b.N {
		req, err := newRequest(b.Context(), messagesBody(1024, true), "X-Fake-Fault", "huge", "X-Fake-Size-MB", fmt.Sprint(hugeMB))
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		res, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.CopyN(io.Discard, res.Body, hugeMB<<19) // the first half
		if err != nil {
			b.Fatalf("after %d bytes: %v", n, err)
		}
		atHalf, _, _ = g.memory()
		m, err := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err != nil {
			b.Fatalf("after %d bytes: %v", n+m, err)
		}
		relay += time.Since(start)
		got = n + m
		// The capture is committed before the last byte reaches the client, so ingestion has
		// only just begun: this high-water mark is essentially the relay's.
		var hwm int64
		atEnd, hwm, _ = g.memory()
		relayPeak = max(relayPeak, hwm)
		ingestStart := time.Now()
		if !waitEmpty(filepath.Join(g.dataDir, "wal", "spill"), 60*time.Second) {
			b.Errorf("the capture's spill file was not ingested within 60 s\n%s", g.log())
		}
		ingest += time.Since(ingestStart)
		if size, complete := g.largestResponse(b); size != n+m || !complete {
			b.Errorf("captured response: %d bytes, complete=%v; the client read %d", size, complete, n+m)
		}
		if _, hwm, err = g.memory(); err != nil {
			b.Fatal(err)
		}
		peak = max(peak, hwm)
	}
	if got < hugeMB<<20 {
		b.Fatalf("client read %d bytes, want at least %d MB", got, hugeMB)
	}
	hideNsPerOp(b)
	b.ReportMetric(mb(idle), "idle-rss-MB")
	b.ReportMetric(mb(peak), "peak-rss-MB")
	b.ReportMetric(mb(peak-idle), "above-idle-MB")
	b.ReportMetric(mb(relayPeak-idle), "relay-above-idle-MB")
	b.ReportMetric(mb(atEnd-atHalf), "2nd-half-growth-MB")
	b.ReportMetric(mb(got)/(relay.Seconds()/float64(b.N)), "relay-MB/s")
	b.ReportMetric(ingest.Seconds()/float64(b.N), "ingest-s")
	reportLoad(b)
}

// waitEmpty waits until dir holds no files (the pipeline removes a spill file once its body is
// in the object store and its turn in the database).
func waitEmpty(dir string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for {
		entries, err := os.ReadDir(dir)
		if err == nil && len(entries) == 0 {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}
