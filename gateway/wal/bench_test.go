package wal

import (
	"sync/atomic"
	"testing"
)

func BenchmarkAppend4KB(b *testing.B) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"NoSync", Options{NoSync: true}},
		{"GroupSync", Options{}},
	}
	payload := make([]byte, 4096)
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			var syncs atomic.Int64
			opt := tt.opt
			opt.hooks = &hooks{syncFn: countingSync(&syncs, nil)}
			w := openWAL(b, b.TempDir(), opt)
			b.SetBytes(int64(len(payload)))
			for b.Loop() {
				if _, err := w.Append(payload); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Sync(b.Context()); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(syncs.Load())/float64(b.N), "fsyncs/op")
		})
	}
}

// BenchmarkAppendSyncParallel is many exchanges finishing at once, each waiting for its
// record to be durable.
func BenchmarkAppendSyncParallel(b *testing.B) {
	var syncs atomic.Int64
	opt := Options{}
	opt.hooks = &hooks{syncFn: countingSync(&syncs, nil)}
	w := openWAL(b, b.TempDir(), opt)
	payload := make([]byte, 4096)
	b.SetBytes(int64(len(payload)))
	b.SetParallelism(32) // 32 goroutines per CPU
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := w.AppendSync(b.Context(), payload); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(syncs.Load())/float64(b.N), "fsyncs/op")
}
