package seed

import (
	"context"
	"testing"
)

// BenchmarkGenerate measures generation alone (no database), the floor under any loader.
func BenchmarkGenerate(b *testing.B) {
	cfg := small()
	turns := 0
	for b.Loop() {
		g, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		if err := g.Each(context.Background(), func(Item) error { turns++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(turns)/b.Elapsed().Seconds(), "turns/s")
}
