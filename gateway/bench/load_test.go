package bench

import (
	"context"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// loadResult is what one closed-loop load segment achieved.
type loadResult struct {
	requests int64
	elapsed  time.Duration
	err      error // the first failed request, if any
}

// load runs workers closed-loop clients on c for d: each sends a ~4 KB non-streamed request,
// reads the answer and sends the next at once, as agents in a CI fleet do. The elapsed time
// runs until the last in-flight request has finished, so no request is counted for free.
func load(ctx context.Context, c *client, workers int, d time.Duration) loadResult {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		n       atomic.Int64
		errOnce sync.Once
		first   error
		wg      sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(d)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) && ctx.Err() == nil {
				if _, err := postJSON(ctx, c, messagesBody(4096, false)); err != nil {
					errOnce.Do(func() { first = err; cancel() })
					return
				}
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	return loadResult{requests: n.Load(), elapsed: time.Since(start), err: first}
}

// cpuTime is the CPU time (user + system) this process has used so far. Load generator, fake
// provider and gateway all run in it, so the difference between two paths' CPU per request is
// what the gateway itself costs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
