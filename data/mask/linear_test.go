package mask

import (
	"strings"
	"testing"
	"time"
)

// TestLinear feeds inputs built to make a backtracking scanner quadratic and checks that the time
// grows with the input, not with its square. It guards complexity, not speed (speed is measured
// in `make bench`).
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	units := []string{
		`\`, `\/`, "/home/", "/home/.", "~a", "a:", "a://", "/root.", "%2F", "/private",
		"C:", `C:\Users\`, "file:", "/", ":", ".", "https://x/home/a/", "/home/a\\u003c",
		"/home/a ", "~a/", `\\\/`, "/rootfs", "%2Fhome%2F", "/tmp/x:1", "file:///home/a/ ",
	}
	// 32 times the input: linear work takes ~32 times as long, quadratic ~1,024 times. The bound
	// sits far from both (256x, and at least 250 ms) so a busy machine cannot fail a linear
	// masker (4x against 64 KiB did, under a parallel `make test`), while a quadratic one fails.
	for _, u := range units {
		small := strings.Repeat(u, 1<<14/len(u))
		big := strings.Repeat(u, 1<<19/len(u))
		ts, tb := timeMask(small), timeMask(big)
		if tb > 256*ts && tb > 250*time.Millisecond {
			t.Errorf("unit %q: 16 KiB took %v, 512 KiB took %v: not linear", u, ts, tb)
		}
	}
}

func timeMask(s string) time.Duration {
	best := time.Duration(1 << 62)
	for range 3 {
		start := time.Now()
		New().String(s)
		best = min(best, time.Since(start))
	}
	return best
}
