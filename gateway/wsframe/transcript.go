package wsframe

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf8"
)

// Transcript collects both directions' messages in arrival order. It is safe
// for concurrent use, so the two Taps of a connection can share one as their
// OnMessage.
type Transcript struct {
	mu   sync.Mutex
	msgs []Message
}

// Add appends m. It matches TapOptions.OnMessage.
func (tr *Transcript) Add(m Message) {
	tr.mu.Lock()
	tr.msgs = append(tr.msgs, m)
	tr.mu.Unlock()
}

// Messages returns a snapshot of the messages so far. The Data slices are
// shared with the transcript and must not be modified.
func (tr *Transcript) Messages() []Message {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return append([]Message(nil), tr.msgs...)
}

// record is the stored form of one message. Field order here is the order in
// the JSON, which keeps captures diffable.
type record struct {
	Dir         Direction `json:"dir"`
	At          time.Time `json:"at"`
	End         time.Time `json:"end"`
	Op          string    `json:"op"`
	Len         int       `json:"len"`
	Wire        int64     `json:"wire"`
	Frames      int       `json:"frames"`
	Compressed  bool      `json:"compressed"`
	Text        *string   `json:"text,omitempty"`
	Base64      []byte    `json:"base64,omitempty"`
	CloseCode   int       `json:"close_code,omitempty"`
	CloseReason string    `json:"close_reason,omitempty"`
	Truncated   bool      `json:"truncated,omitempty"`
	Error       string    `json:"error,omitempty"`
}

// Encode writes the transcript as JSON Lines, one object per message with
// fields in a fixed order: dir, at, end, op, len, wire, frames, compressed,
// then text (for a text message that is valid UTF-8) or base64 (otherwise,
// when there is data), close_code, close_reason, truncated and error when
// set. Times are RFC 3339 in UTC. This is the stored capture format for
// WebSocket turns.
func (tr *Transcript) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // JSON payloads are full of <, > and &
	for i, m := range tr.Messages() {
		if err := enc.Encode(toRecord(m)); err != nil {
			return fmt.Errorf("wsframe: encode transcript message %d (%s %s): %w", i, m.Direction, m.Opcode, err)
		}
	}
	return nil
}

func toRecord(m Message) record {
	r := record{
		Dir: m.Direction, At: m.Start.UTC(), End: m.End.UTC(), Op: m.Opcode.String(),
		Len: len(m.Data), Wire: m.WireBytes, Frames: m.Frames, Compressed: m.Compressed,
		CloseCode: m.CloseCode, CloseReason: m.CloseReason, Truncated: m.Truncated, Error: m.Error,
	}
	if s, ok := text(m); ok {
		r.Text = &s
	} else if len(m.Data) > 0 {
		r.Base64 = m.Data
	}
	return r
}

// text returns a text message's data as a string when it is valid UTF-8. A
// truncated message may end in half a rune, which is dropped rather than
// demoting the whole capture to base64.
func text(m Message) (string, bool) {
	if m.Opcode != OpText {
		return "", false
	}
	data := m.Data
	if utf8.Valid(data) {
		return string(data), true
	}
	if !m.Truncated {
		return "", false
	}
	for cut := 1; cut < utf8.UTFMax && cut <= len(data); cut++ {
		head, tail := data[:len(data)-cut], data[len(data)-cut:]
		if utf8.Valid(head) && !utf8.FullRune(tail) {
			return string(head), true
		}
	}
	return "", false
}
