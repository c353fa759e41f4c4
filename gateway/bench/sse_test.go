package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"testing"
	"time"
)

const (
	sseDeltas  = 50                   // text deltas per stream (X-Fake-Events), plus 6 framing events
	sseSpacing = 4 * time.Millisecond // the fake provider's pause between events
	ssePairs   = 25                   // streams per path per op
)

// errEventCount marks a stream whose events could not be matched one to one with the writes
// the tap saw (two writes merged into one read, or one split by a long stall); it is skipped.
var errEventCount = errors.New("event count differs from the provider's writes")

// BenchmarkSSEEventDelay is the delay the gateway adds to each streamed event. A timestamping
// relay (tap) sits in front of the fake provider, so the moment each event leaves the provider
// and the moment the client has parsed its data line are read from one clock. The per-event
// delay is their difference, for every event of every stream; direct and gateway streams
// alternate, both through the tap, and the added delay is gateway − direct at p50 and p99.
// The gateway runs with capture on: with capture off it does not relay streams itself.
func BenchmarkSSEEventDelay(b *testing.B) {
	fake := startFake(b, sseSpacing, 10*time.Millisecond)
	tp, err := newTap(fake.Addr())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tp.Close() })
	gw := startGateway(b, fake, tp.Addr(), false)
	paths := []*struct {
		name    string
		c       *client
		delays  []time.Duration
		skipped int
	}{
		{name: "direct", c: newDirectClient(b, tp.Addr(), fake.CAPool(), 1)},
		{name: "gateway", c: newProxiedClient(b, gw.proxy, gw.roots, 1)},
	}
	ctx := b.Context()
	for _, p := range paths { // warm-up: connections, leaf certificate
		if _, err := streamDelays(ctx, p.c, tp); err != nil && !errors.Is(err, errEventCount) {
			b.Fatalf("%s: %v", p.name, err)
		}
	}
	b.ResetTimer()
	for i := range b.N * ssePairs {
		for k := range paths {
			p := paths[(i+k)%len(paths)]
			d, err := streamDelays(ctx, p.c, tp)
			switch {
			case errors.Is(err, errEventCount):
				p.skipped++
			case err != nil:
				b.Fatalf("%s: %v", p.name, err)
			}
			p.delays = append(p.delays, d...)
		}
	}
	b.StopTimer()
	hideNsPerOp(b)
	d50, d99 := latencies(b, "direct", paths[0].delays)
	g50, g99 := latencies(b, "gateway", paths[1].delays)
	b.ReportMetric(ms(g50-d50), "added-p50-ms")
	b.ReportMetric(ms(g99-d99), "added-p99-ms")
	b.ReportMetric(float64(len(paths[1].delays)), "gateway-events")
	reportLoad(b)
	for _, p := range paths {
		b.ReportMetric(float64(p.skipped), p.name+"-skipped-streams")
	}
}

// streamDelays streams one Anthropic response of sseDeltas deltas and returns, per event, the
// time from the provider's write to the client's reading of the event's data line.
func streamDelays(ctx context.Context, c *client, tp *tap) ([]time.Duration, error) {
	tp.reset()
	req, err := newRequest(ctx, messagesBody(1024, true), "X-Fake-Events", strconv.Itoa(sseDeltas))
	if err != nil {
		return nil, err
	}
	sent := time.Now()
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return nil, fmt.Errorf("status %d", res.StatusCode)
	}
	var arrivals []time.Time
	br := bufio.NewReaderSize(res.Body, 64<<10)
	for {
		line, err := br.ReadSlice('\n')
		if bytes.HasPrefix(line, []byte("data:")) {
			arrivals = append(arrivals, time.Now())
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(arrivals) < sseDeltas {
		return nil, fmt.Errorf("%d events, want at least %d", len(arrivals), sseDeltas)
	}
	sends := tp.events(sent, arrivals[0], arrivals[len(arrivals)-1], sseSpacing/2)
	if len(sends) != len(arrivals) {
		return nil, fmt.Errorf("%w: client read %d, provider wrote %d", errEventCount, len(arrivals), len(sends))
	}
	out := make([]time.Duration, len(arrivals))
	for i := range arrivals {
		out[i] = arrivals[i].Sub(sends[i])
	}
	return out, nil
}
