package sse

import "bytes"

// maxRetry caps a retry value so an absurdly long digit string cannot overflow int.
const maxRetry = 1<<31 - 1

// processLine applies one line (without its terminator) to the parser state.
func (p *Parser) processLine(line []byte) {
	if len(line) == 0 {
		p.dispatch()
		return
	}
	if line[0] == ':' {
		p.comments++
		return
	}
	field, value := line, []byte(nil)
	if c := bytes.IndexByte(line, ':'); c >= 0 {
		field, value = line[:c], line[c+1:]
		if len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
	}
	switch string(field) {
	case "data":
		p.data = append(p.data, value...)
		p.data = append(p.data, '\n')
	case "event":
		p.typ = append(p.typ[:0], value...)
	case "id":
		// An id with NULL would be unsendable in Last-Event-ID, so the spec ignores it.
		if bytes.IndexByte(value, 0) < 0 {
			p.id = append(p.id[:0], value...)
			p.blockHasID = true
		}
	case "retry":
		if ms, ok := parseRetry(value); ok {
			p.retry = ms
			p.blockRetry = ms
		}
	}
}

// parseRetry accepts only a non-empty run of ASCII digits, as the spec requires.
func parseRetry(v []byte) (int, bool) {
	if len(v) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n <= (maxRetry-9)/10 {
			n = n*10 + int(c-'0')
		} else {
			n = maxRetry
		}
	}
	return n, true
}

// dispatch ends the current block. The last event ID follows the id buffer at every blank line,
// even one that dispatches nothing; an empty data buffer dispatches nothing and resets the type.
func (p *Parser) dispatch() {
	if string(p.id) != p.lastID {
		p.lastID = string(p.id)
	}
	hasID, retry := p.blockHasID, p.blockRetry
	p.blockHasID, p.blockRetry = false, -1
	if len(p.data) == 0 {
		p.typ = p.typ[:0]
		return
	}
	ev := Event{
		Type:  p.intern(p.typ),
		Data:  p.data[:len(p.data)-1], // drop the spec's trailing LF
		ID:    p.lastID,
		HasID: hasID,
		Retry: retry,
	}
	// Reset lengths before the callback; the bytes ev.Data points at stay intact until the next line.
	p.data = p.data[:0]
	p.typ = p.typ[:0]
	p.onEvent(ev)
}

// intern returns b as a string, reusing an earlier string with the same bytes when it can.
func (p *Parser) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if string(b) == p.lastType {
		return p.lastType
	}
	s, ok := p.types[string(b)]
	if !ok {
		s = string(b)
		if len(p.types) < maxInterned {
			if p.types == nil {
				p.types = make(map[string]string)
			}
			p.types[s] = s
		}
	}
	p.lastType = s
	return s
}
