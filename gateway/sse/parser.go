package sse

import "bytes"

// bom is the UTF-8 byte order mark, which a stream may start with and which is not content.
var bom = []byte{0xEF, 0xBB, 0xBF}

// maxInterned bounds the event-type cache so a hostile stream of unique types cannot grow it.
const maxInterned = 64

// Parser consumes a byte stream in arbitrary chunks and calls onEvent for each dispatched event.
// It is not safe for concurrent use, and onEvent must not call back into the parser.
type Parser struct {
	onEvent func(Event)

	line []byte // an unterminated line carried over to the next Write
	data []byte // the data buffer: each data line followed by '\n', as the spec builds it
	typ  []byte // the event type buffer
	id   []byte // the last event ID buffer

	lastID     string // the stream's last event ID, updated at every blank line
	blockHasID bool   // the current block set the id buffer
	blockRetry int    // retry set by the current block, -1 if none
	retry      int    // the stream's reconnection time, -1 if never set
	comments   int

	started      bool // the leading BOM check is done
	skipLF       bool // the last Write ended in CR, so a leading LF in the next one ends nothing
	closed       bool
	unterminated bool // Close dispatched an event that no blank line ended

	lastType string            // fast path for a type repeated event after event
	types    map[string]string // interned types, so steady streams do not allocate per event
}

// NewParser returns a parser that calls onEvent for every event; a nil onEvent drops events
// (the parser still tracks ids, retry and comments).
func NewParser(onEvent func(Event)) *Parser {
	if onEvent == nil {
		onEvent = func(Event) {}
	}
	return &Parser{onEvent: onEvent, blockRetry: -1, retry: -1}
}

// Write feeds the next chunk of the stream. It never fails and always consumes all of b, so the
// parser can sit behind an io.MultiWriter or io.TeeReader. Writes after Close are ignored.
func (p *Parser) Write(b []byte) (int, error) {
	n := len(b)
	if p.closed {
		return n, nil
	}
	if !p.started {
		b = p.checkBOM(b)
		if !p.started {
			return n, nil
		}
	}
	p.feed(b)
	return n, nil
}

// checkBOM holds back the first bytes until they show whether the stream starts with a BOM (which
// may itself be split across writes), strips one if present, and returns the rest of b to feed.
func (p *Parser) checkBOM(b []byte) []byte {
	take := min(len(bom)-len(p.line), len(b))
	p.line = append(p.line, b[:take]...)
	b = b[take:]
	if len(p.line) < len(bom) && bytes.HasPrefix(bom, p.line) {
		return nil // still ambiguous; wait for more bytes
	}
	p.started = true
	var head [3]byte
	k := copy(head[:], p.line)
	p.line = p.line[:0]
	p.feed(bytes.TrimPrefix(head[:k], bom))
	return b
}

// feed splits b into lines, joining the first with any carried-over partial line.
func (p *Parser) feed(b []byte) {
	if len(b) == 0 {
		return
	}
	if p.skipLF {
		p.skipLF = false
		if b[0] == '\n' {
			b = b[1:]
		}
	}
	// The next LF and next CR are each looked up only once passed, so a chunk is scanned for
	// each byte value about once (memchr speed) however many lines it holds, even CR-only ones.
	nextLF, nextCR := -1, -1
	pos := 0
	for pos < len(b) {
		if nextLF < pos {
			nextLF = indexFrom(b, pos, '\n')
		}
		if nextCR < pos {
			nextCR = indexFrom(b, pos, '\r')
		}
		end := min(nextLF, nextCR)
		if end == len(b) {
			p.line = append(p.line, b[pos:]...)
			return
		}
		if len(p.line) > 0 {
			p.line = append(p.line, b[pos:end]...)
			p.processLine(p.line)
			p.line = p.line[:0]
		} else {
			p.processLine(b[pos:end])
		}
		pos = end + 1
		if b[end] == '\r' {
			if pos == len(b) {
				p.skipLF = true
			} else if b[pos] == '\n' {
				pos++
			}
		}
	}
}

// indexFrom returns the index of c in b at or after from, or len(b).
func indexFrom(b []byte, from int, c byte) int {
	if i := bytes.IndexByte(b[from:], c); i >= 0 {
		return from + i
	}
	return len(b)
}

// Close ends the stream. Unlike the WHATWG rules, which discard an event not followed by a blank
// line, Close processes a final unterminated line and dispatches a pending event, because a
// capture must not lose the last event of a stream cut short; LastEventTerminated then reports
// false. Close is idempotent.
func (p *Parser) Close() {
	if p.closed {
		return
	}
	if !p.started {
		// Fewer than three bytes, all a prefix of the BOM: not a BOM, so they are content.
		p.started = true
		var head [3]byte
		k := copy(head[:], p.line)
		p.line = p.line[:0]
		p.feed(head[:k])
	}
	p.closed = true
	if len(p.line) > 0 {
		p.processLine(p.line)
		p.line = p.line[:0]
	}
	if len(p.data) > 0 {
		p.unterminated = true
		p.dispatch()
	}
}

// LastEventTerminated reports whether every dispatched event was ended by a blank line; it is
// false only when Close had to dispatch an unterminated final event (a truncated stream).
func (p *Parser) LastEventTerminated() bool { return !p.unterminated }

// LastEventID returns the stream's last event ID (what a reconnect would send).
func (p *Parser) LastEventID() string { return p.lastID }

// Retry returns the reconnection time in milliseconds the stream last set, or -1.
func (p *Parser) Retry() int { return p.retry }

// Comments returns how many comment lines (starting with ':') the stream held.
func (p *Parser) Comments() int { return p.comments }
