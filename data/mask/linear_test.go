package mask

import (
	"strings"
	"testing"
	"time"
)

// TestLinear feeds inputs built to make a backtracking scanner quadratic and checks that doubling
// the input roughly doubles the time, not quadruples it.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	units := []string{
		`\`, `\/`, "/home/", "/home/.", "~a", "a:", "a://", "/root.", "%2F", "/private",
		"C:", `C:\Users\`, "file:", "/", ":", ".", "https://x/home/a/", "/home/a\\u003c",
		"/home/a ", "~a/", `\\\/`, "/rootfs", "%2Fhome%2F", "/tmp/x:1", "file:///home/a/ ",
	}
	for _, u := range units {
		small := strings.Repeat(u, 1<<16/len(u))
		big := strings.Repeat(u, 1<<18/len(u))
		ts, tb := timeMask(small), timeMask(big)
		if tb > 10*ts && tb > 20*time.Millisecond {
			t.Errorf("unit %q: 64 KiB took %v, 256 KiB took %v: not linear", u, ts, tb)
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
