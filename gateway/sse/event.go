package sse

// Event is one dispatched event.
type Event struct {
	// Type is the value of the last "event" field of the block; "" means the spec's default
	// "message". It is kept "" so callers can tell an explicit type from the default.
	Type string
	// Data is the block's "data" field values joined with "\n". It aliases the parser's buffer
	// and is valid only during the callback; copy it to keep it (Parse does).
	Data []byte
	// ID is the stream's last event ID as of this event (ids persist across events, per spec).
	ID string
	// HasID reports whether this event's own block carried a valid "id" field.
	HasID bool
	// Retry is the reconnection time in milliseconds set by this event's block, or -1.
	Retry int
}
