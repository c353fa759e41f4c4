package anthropic

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/providertest"
	"github.com/recondo/recondo/gateway/sse"
)

// longStream builds a ~1 MB Claude Code stream from fixture 02: its message_start, then its
// text and tool_use blocks repeated with fresh indexes, then its message_delta and message_stop.
func longStream(b *testing.B) *providers.Exchange {
	dir := providertest.Dir(b, "02_")
	x := providertest.Load(b, dir)
	var head, blocks, tail []sse.Event
	for _, e := range sse.Parse(x.Response) {
		switch e.Type {
		case "message_start":
			head = append(head, e)
		case "message_delta", "message_stop":
			tail = append(tail, e)
		default:
			blocks = append(blocks, e)
		}
	}
	var out bytes.Buffer
	write := func(e sse.Event, data []byte) {
		fmt.Fprintf(&out, "event: %s\ndata: %s\n\n", e.Type, data)
	}
	for _, e := range head {
		write(e, e.Data)
	}
	for k := 0; out.Len() < 1<<20; k++ {
		for _, e := range blocks {
			data := e.Data
			for i := 2; i >= 0; i-- { // highest first, so 0→3k never collides with a later replace
				data = bytes.ReplaceAll(data, fmt.Appendf(nil, `"index":%d,`, i), fmt.Appendf(nil, `"index":%d,`, i+3*k))
				data = bytes.ReplaceAll(data, fmt.Appendf(nil, `"index":%d}`, i), fmt.Appendf(nil, `"index":%d}`, i+3*k))
			}
			write(e, data)
		}
	}
	for _, e := range tail {
		write(e, e.Data)
	}
	x.Response = out.Bytes()
	return x
}

// BenchmarkAnthropicStream parses a whole ~1 MB streamed exchange (request included); MB/s is
// over the response body.
func BenchmarkAnthropicStream(b *testing.B) {
	x := longStream(b)
	if r := New().Parse(x); !r.Complete || len(r.ToolCalls) < 100 {
		b.Fatalf("bench stream not parsed: complete=%v tools=%d", r.Complete, len(r.ToolCalls))
	}
	b.SetBytes(int64(len(x.Response)))
	b.ReportAllocs()
	for b.Loop() {
		New().Parse(x)
	}
}
