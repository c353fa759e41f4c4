package sse

import (
	"reflect"
	"testing"
)

// FuzzParser feeds random bytes in random chunks (sizes taken from cuts) and requires the same
// events, id, retry, comments and termination as parsing the whole body at once.
func FuzzParser(f *testing.F) {
	for _, body := range sseFixtures(f) {
		f.Add(body, []byte{1, 7, 0, 200, 3})
	}
	f.Add([]byte("data: a\r\n\r\nid: 1\x00\rretry: 12\n\xEF\xBB\xBFdata"), []byte{1})
	f.Add([]byte("\xEF\xBB\xBF\r\r\n\n:x\r"), []byte{1, 1, 1})
	f.Fuzz(func(t *testing.T, body, cuts []byte) {
		want, wp := collect(string(body))
		var chunks []string
		for i, rest := 0, body; len(rest) > 0; i++ {
			n := len(rest)
			if len(cuts) > 0 {
				n = int(cuts[i%len(cuts)])
				if n == 0 { // an empty Write must change nothing; then make progress
					chunks = append(chunks, "")
					n = 1
				}
				n = min(n, len(rest))
			}
			chunks = append(chunks, string(rest[:n]))
			rest = rest[n:]
		}
		got, p := collect(chunks...)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("chunked events differ:\n got %+v\nwant %+v", got, want)
		}
		if p.LastEventID() != wp.LastEventID() || p.Retry() != wp.Retry() ||
			p.Comments() != wp.Comments() || p.LastEventTerminated() != wp.LastEventTerminated() {
			t.Fatalf("chunked state differs")
		}
		events := Parse(body)
		if len(events) != len(want) {
			t.Fatalf("Parse gave %d events, Parser %d", len(events), len(want))
		}
	})
}
