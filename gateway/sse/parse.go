package sse

import "bytes"

// Parse parses a whole body (Write then Close) and returns its events with Data copied.
func Parse(b []byte) []Event {
	var out []Event
	p := NewParser(func(e Event) {
		e.Data = bytes.Clone(e.Data)
		out = append(out, e)
	})
	p.Write(b)
	p.Close()
	return out
}
