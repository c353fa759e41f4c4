package wire

// Error sources (providers.Error.Source) shared by the parsers.
const (
	SourceHTTPBody = "http_body" // a non-2xx (or error-shaped) JSON response body
	SourceSSEEvent = "sse_event" // an error event inside a 200 event stream
)
