// Package sse parses Server-Sent Events (text/event-stream) incrementally, as the WHATWG HTML
// "event stream interpretation" rules describe, with one deliberate difference: at end of stream
// an event that was never terminated by a blank line is still dispatched (a capture must keep the
// last event of a stream that died mid-flight), and LastEventTerminated reports that it happened.
//
// The parser is built for a tee on the proxy path: Write never fails, accepts any chunking of
// the byte stream (including a CR and its LF split across two writes), and reuses its buffers so
// a steady stream dispatches events without allocating.
package sse
