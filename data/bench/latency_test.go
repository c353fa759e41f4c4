package bench

import (
	"slices"
	"testing"
	"time"
)

// timed runs op once per iteration and reports p50/p99/max latency next to ns/op: the targets
// are percentiles, and a mean hides the slow tail they are about.
func timed(b *testing.B, op func(i int) error) {
	var ds []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		i++
	}
	slices.Sort(ds)
	b.ReportMetric(ms(percentile(ds, 50)), "p50-ms")
	b.ReportMetric(ms(percentile(ds, 99)), "p99-ms")
	b.ReportMetric(ms(ds[len(ds)-1]), "max-ms")
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	rank := (len(sorted)*p + 99) / 100 // ceil(n·p/100)
	return sorted[max(rank, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 200; i++ {
		ds = append(ds, time.Duration(i))
	}
	for _, c := range []struct{ p, want int }{{50, 100}, {99, 198}, {100, 200}, {1, 2}} {
		if got := percentile(ds, c.p); got != time.Duration(c.want) {
			t.Errorf("percentile(1..200, %d) = %d, want %d", c.p, got, c.want)
		}
	}
}
