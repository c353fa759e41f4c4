package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	rssStreams = 500
	// rssEventDelay paces the held streams like a model thinking aloud; rssHold is how long all
	// of them stay open while the gateway's memory is watched.
	rssEventDelay = 50 * time.Millisecond
	rssHold       = 5 * time.Second
)

// idleMemory warms the child up with one non-streamed and one streamed exchange (TLS, leaf
// certificate, SQLite, WAL all in use), lets it settle and returns its resident set.
func idleMemory(b *testing.B, g *childGateway, c *client) int64 {
	b.Helper()
	ctx := b.Context()
	if _, err := postJSON(ctx, c, messagesBody(4096, false)); err != nil {
		b.Fatalf("warm-up: %v\n%s", err, g.log())
	}
	req, _ := newRequest(ctx, messagesBody(1024, true), "X-Fake-Events", "5")
	res, err := c.Do(req)
	if err != nil {
		b.Fatalf("warm-up stream: %v", err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	time.Sleep(time.Second)
	rss, _, err := g.memory()
	if err != nil {
		b.Fatal(err)
	}
	return rss
}

// BenchmarkRSS500Streams is the gateway's peak resident memory (VmHWM of its own process)
// while 500 SSE streams are open through it at once, each receiving an event every 50 ms.
func BenchmarkRSS500Streams(b *testing.B) {
	raiseFDLimit(b)
	fake := startFake(b, rssEventDelay, -1)
	g := startChild(b, fake)
	c := g.client(b, rssStreams)
	idle := idleMemory(b, g, c)
	var peak, sampled int64
	var ramp time.Duration
	for range b.N {
		ctx, cancel := context.WithCancel(b.Context())
		var opened atomic.Int64
		var wg sync.WaitGroup
		errs := make(chan error, rssStreams)
		start := time.Now()
		for range rssStreams {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := holdStream(ctx, c, &opened); err != nil && ctx.Err() == nil {
					errs <- err
				}
			}()
		}
		// Every stream must have its first event before the hold starts.
		for opened.Load() < rssStreams {
			select {
			case err := <-errs:
				cancel()
				b.Fatalf("stream failed with %d open: %v\n%s", opened.Load(), err, g.log())
			case <-time.After(10 * time.Millisecond):
			}
			if time.Since(start) > 30*time.Second {
				cancel()
				b.Fatalf("only %d of %d streams opened in 30 s", opened.Load(), rssStreams)
			}
		}
		ramp += time.Since(start)
		sctx, stopSampling := context.WithTimeout(ctx, rssHold)
		sampled = max(sampled, <-g.sampleRSS(sctx, 100*time.Millisecond))
		stopSampling()
		_, hwm, err := g.memory()
		if err != nil {
			b.Fatal(err)
		}
		peak = max(peak, hwm)
		select {
		case err := <-errs:
			b.Errorf("a stream failed during the hold: %v", err)
		default:
		}
		cancel()
		wg.Wait()
	}
	hideNsPerOp(b)
	b.ReportMetric(mb(idle), "idle-rss-MB")
	b.ReportMetric(mb(peak), "peak-rss-MB")
	b.ReportMetric(mb(sampled), "sampled-peak-rss-MB")
	b.ReportMetric(float64(peak-idle)/rssStreams/1024, "KB/stream")
	b.ReportMetric(ramp.Seconds()/float64(b.N), "open-500-s")
	reportLoad(b)
}

// holdStream opens one long stream (10,000 events, far longer than the hold), counts it as
// open once its first event arrives and reads it until ctx ends.
func holdStream(ctx context.Context, c *client, opened *atomic.Int64) error {
	req, err := newRequest(ctx, messagesBody(1024, true), "X-Fake-Events", "10000")
	if err != nil {
		return err
	}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return fmt.Errorf("status %d", res.StatusCode)
	}
	br := bufio.NewReader(res.Body)
	if _, err := br.ReadString('\n'); err != nil {
		return err
	}
	opened.Add(1)
	_, err = io.Copy(io.Discard, br)
	return err
}
