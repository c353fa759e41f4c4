package sse

import (
	"bytes"
	"testing"

	"github.com/recondo/recondo/gateway/providers/providertest"
)

// anthropicStream returns fixture 02 (a Claude Code stream with text and tool-argument deltas)
// repeated to about 1 MB.
func anthropicStream(b *testing.B) []byte {
	one := providertest.ReadFile(b, providertest.Dir(b, "02_"), "response.raw")
	return bytes.Repeat(one, 1<<20/len(one)+1)
}

// BenchmarkParser measures throughput (MB/s via SetBytes) and allocations of a realistic stream
// fed in 16 KiB writes, as a proxy tee would.
func BenchmarkParser(b *testing.B) {
	body := anthropicStream(b)
	const chunk = 16 << 10
	events := 0
	p := NewParser(func(e Event) { events++ })
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		*p = Parser{onEvent: p.onEvent, blockRetry: -1, retry: -1, types: p.types, data: p.data[:0], line: p.line[:0]}
		for rest := body; len(rest) > 0; {
			n := min(chunk, len(rest))
			p.Write(rest[:n])
			rest = rest[n:]
		}
		p.Close()
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// BenchmarkParserFresh includes building a new parser per stream, as each exchange does.
func BenchmarkParserFresh(b *testing.B) {
	body := anthropicStream(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		p := NewParser(func(Event) {})
		p.Write(body)
		p.Close()
	}
}
