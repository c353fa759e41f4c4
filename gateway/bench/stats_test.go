package bench

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// percentile is the nearest-rank percentile of durations (sorted in place).
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	rank := (len(ds)*p + 99) / 100 // ceil(n·p/100)
	return ds[max(rank, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// hideNsPerOp drops ns/op from the output: one op is a whole fixed-size measurement, so its
// duration says nothing; the reported metrics are what count.
func hideNsPerOp(b *testing.B) { b.ReportMetric(0, "ns/op") }

// latencies reports p50/p99 of ds under name, and returns them.
func latencies(b *testing.B, name string, ds []time.Duration) (p50, p99 time.Duration) {
	p50, p99 = percentile(ds, 50), percentile(ds, 99)
	b.ReportMetric(ms(p50), name+"-p50-ms")
	b.ReportMetric(ms(p99), name+"-p99-ms")
	return p50, p99
}

// reportLoad reports the machine's 1-minute load average at the end of a benchmark: other
// work on the machine is what makes absolute numbers drift, and this says how much there was.
func reportLoad(b *testing.B) {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return
	}
	f := strings.Fields(string(raw))
	if len(f) == 0 {
		return
	}
	if v, err := strconv.ParseFloat(f[0], 64); err == nil {
		b.ReportMetric(v, "loadavg")
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 200; i >= 1; i-- {
		ds = append(ds, time.Duration(i))
	}
	for _, c := range []struct{ p, want int }{{50, 100}, {99, 198}, {100, 200}, {1, 2}} {
		if got := percentile(ds, c.p); got != time.Duration(c.want) {
			t.Errorf("percentile(1..200, %d) = %d, want %d", c.p, got, c.want)
		}
	}
}
