package openai

import (
	"bytes"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/providertest"
)

// longStream grows a fixture stream to about size bytes by repeating each of its delta
// events in place, so the mix stays what a long answer looks like: mostly fragments.
func longStream(t testing.TB, body []byte, isDelta func(block []byte) bool, size int) []byte {
	t.Helper()
	blocks := bytes.SplitAfter(body, []byte("\n\n"))
	var deltas int
	for _, b := range blocks {
		if isDelta(b) {
			deltas += len(b)
		}
	}
	if deltas == 0 {
		t.Fatal("no delta events to repeat")
	}
	reps := max(1, (size-len(body))/deltas)
	var out []byte
	for _, b := range blocks {
		n := 1
		if isDelta(b) {
			n = reps
		}
		for range n {
			out = append(out, b...)
		}
	}
	return out
}

func benchParse(b *testing.B, x *providers.Exchange) {
	p := New()
	if r := p.Parse(x); r.Unparsed || !r.Complete {
		b.Fatalf("fixture does not parse: %+v", r)
	}
	b.SetBytes(int64(len(x.Response)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(x)
	}
}

// BenchmarkChatStream parses fixture 06 grown to ~1 MB of tool-call argument chunks.
func BenchmarkChatStream(b *testing.B) {
	x := providertest.Load(b, providertest.Dir(b, "06"))
	x.Response = longStream(b, x.Response, func(block []byte) bool {
		return bytes.Contains(block, []byte(`"function":{"arguments"`))
	}, 1<<20)
	benchParse(b, x)
}

// BenchmarkResponsesStream parses fixture 08 grown to ~1 MB of text, summary and argument
// deltas.
func BenchmarkResponsesStream(b *testing.B) {
	x := providertest.Load(b, providertest.Dir(b, "08"))
	x.Response = longStream(b, x.Response, func(block []byte) bool {
		return bytes.Contains(block, []byte(".delta\n"))
	}, 1<<20)
	benchParse(b, x)
}
