package openai

import "github.com/recondo/recondo/gateway/sse"

// eachEvent runs body through the shared SSE parser and calls fn with each event's type
// ("" for the default) and data; data is only valid during fn. It reports whether the last
// event was terminated by a blank line (false means the stream was cut inside an event).
func eachEvent(body []byte, fn func(typ string, data []byte)) (terminated bool) {
	p := sse.NewParser(func(e sse.Event) { fn(e.Type, e.Data) })
	p.Write(body)
	p.Close()
	return p.LastEventTerminated()
}
