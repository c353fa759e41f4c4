package wsframe

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"
)

// DefaultMaxMessageBytes bounds what a Tap buffers for one message.
const DefaultMaxMessageBytes = 64 << 20

// preallocCap bounds what a frame header's claimed length may make the Tap
// allocate before the bytes actually arrive.
const preallocCap = 256 << 10

// ErrProtocol marks RFC 6455 violations; parsing of the direction stops there.
var ErrProtocol = errors.New("websocket protocol error")

// TapOptions configures a Tap. The zero value is usable.
type TapOptions struct {
	// MaxMessageBytes bounds one message's buffered payload, compressed and
	// inflated alike (default DefaultMaxMessageBytes). Larger messages are
	// recorded truncated, with Truncated set, instead of buffered.
	MaxMessageBytes int64
	// Clock stamps messages (default time.Now). It is read at most once per
	// Write.
	Clock func() time.Time
	// OnMessage receives each message, synchronously from Write or Close. It
	// must not block for long: the relay is waiting.
	OnMessage func(Message)
}

type tapState int

const (
	stateHeader tapState = iota
	statePayload
	stateDone // after a protocol error or Close: ignore further bytes
)

// Tap parses one direction of a WebSocket connection incrementally. Write
// accepts arbitrary chunk boundaries, never blocks on anything but CPU and
// never fails, so a Tap can sit in an io.TeeReader or io.MultiWriter without
// any risk to the relay. A Tap is for one goroutine at a time.
type Tap struct {
	dir   Direction
	limit int64
	clock func() time.Time
	emit  func(Message)
	inf   *inflater // nil when permessage-deflate is off
	state tapState
	err   error

	// now caches the clock for the duration of one Write.
	now    time.Time
	nowSet bool

	// The frame being read.
	hdr        [maxHeaderLen]byte
	hdrN       int
	frameStart time.Time
	fin        bool
	op         Opcode
	masked     bool
	key        [4]byte
	keyPos     int
	remaining  int64
	ctrl       []byte // control frame payload, at most 125 bytes
	ctrlWire   int64

	// The data message being assembled across frames.
	inMsg bool
	msg   Message // metadata so far; Data is not used until the end
	data  []byte  // unmasked payload of an uncompressed message
	comp  []byte  // compressed payload, reused across messages
	over  bool    // payload went past limit and was dropped
}

// NewTap returns a Tap for direction dir, with d as negotiated in the 101
// response (the zero Deflate means no compression was negotiated).
func NewTap(dir Direction, d Deflate, opt TapOptions) *Tap {
	t := &Tap{dir: dir, limit: opt.MaxMessageBytes, clock: opt.Clock, emit: opt.OnMessage}
	if t.limit <= 0 {
		t.limit = DefaultMaxMessageBytes
	}
	if t.clock == nil {
		t.clock = time.Now
	}
	if t.emit == nil {
		t.emit = func(Message) {}
	}
	if d.Enabled {
		noTakeover := d.ServerNoContextTakeover
		if dir == FromClient {
			noTakeover = d.ClientNoContextTakeover
		}
		t.inf = newInflater(!noTakeover, t.limit)
	}
	return t
}

// Err returns the first protocol error; parsing stopped there.
func (t *Tap) Err() error { return t.err }

// Write parses p. It always returns len(p), nil, and does not retain p, so
// the relay may reuse its buffer as soon as Write returns.
func (t *Tap) Write(p []byte) (int, error) {
	n := len(p)
	t.nowSet = false
	for len(p) > 0 && t.state != stateDone {
		if t.state == stateHeader {
			p = t.readHeader(p)
		} else {
			p = t.readPayload(p)
		}
	}
	return n, nil
}

// Close reports a frame or message left incomplete when the stream ended, as
// an error record and as an error wrapping io.ErrUnexpectedEOF. Later Writes
// are ignored.
func (t *Tap) Close() error {
	if t.state == stateDone {
		return nil
	}
	clean := t.state == stateHeader && t.hdrN == 0 && !t.inMsg
	t.state = stateDone
	t.nowSet = false
	if clean {
		return nil
	}
	op := t.op
	switch {
	case t.inMsg:
		op = t.msg.Opcode
	case t.state == stateHeader:
		op = Opcode(t.hdr[0] & 0x0f) // t.op still describes the previous frame
	}
	err := fmt.Errorf("wsframe: %s stream ended inside a %s frame or message: %w", t.dir, op, io.ErrUnexpectedEOF)
	t.emit(Message{Direction: t.dir, Opcode: op, Start: t.startOr(t.frameStart), End: t.clockNow(), Error: err.Error()})
	return err
}

func (t *Tap) clockNow() time.Time {
	if !t.nowSet {
		t.now, t.nowSet = t.clock(), true
	}
	return t.now
}

func (t *Tap) startOr(s time.Time) time.Time {
	if t.inMsg {
		return t.msg.Start
	}
	return s
}

// fail records a protocol error and stops parsing this direction.
func (t *Tap) fail(op Opcode, format string, args ...any) {
	t.err = fmt.Errorf("wsframe: %s %s frame: %w: %s", t.dir, op, ErrProtocol, fmt.Sprintf(format, args...))
	t.state = stateDone
	t.emit(Message{Direction: t.dir, Opcode: op, Start: t.frameStart, End: t.clockNow(), Error: t.err.Error()})
}

func (t *Tap) readHeader(p []byte) []byte {
	if t.hdrN == 0 {
		t.frameStart = t.clockNow()
	}
	for need := headerLen(t.hdr[:t.hdrN]); t.hdrN < need; need = headerLen(t.hdr[:t.hdrN]) {
		if len(p) == 0 {
			return p
		}
		c := copy(t.hdr[t.hdrN:need], p)
		t.hdrN += c
		p = p[c:]
	}
	t.startFrame()
	return p
}

// startFrame validates a complete header and prepares to read its payload.
func (t *Tap) startFrame() {
	h := t.hdr[:t.hdrN]
	hlen := int64(t.hdrN)
	t.hdrN = 0
	t.fin = h[0]&0x80 != 0
	rsv1 := h[0]&0x40 != 0
	t.op = Opcode(h[0] & 0x0f)
	t.masked = h[1]&0x80 != 0
	t.keyPos = 0

	var n int64
	i := 2
	switch l7 := h[1] & 0x7f; l7 {
	case 126:
		n, i = int64(binary.BigEndian.Uint16(h[2:])), 4
	case 127:
		u := binary.BigEndian.Uint64(h[2:])
		if u>>63 != 0 {
			t.fail(t.op, "64-bit payload length has its most significant bit set")
			return
		}
		n, i = int64(u), 10
	default:
		n = int64(l7)
	}
	if t.masked {
		copy(t.key[:], h[i:i+4])
	}
	// Client frames must be masked and server frames must not be, but the
	// endpoints enforce that; a passive observer learns more by reading on.

	if h[0]&0x30 != 0 {
		t.fail(t.op, "RSV2/RSV3 set without a negotiated extension")
		return
	}
	switch t.op {
	case OpClose, OpPing, OpPong:
		switch {
		case !t.fin:
			t.fail(t.op, "fragmented control frame")
			return
		case n > maxControlPayload:
			t.fail(t.op, "control frame payload of %d bytes exceeds %d", n, maxControlPayload)
			return
		case rsv1:
			t.fail(t.op, "RSV1 set on a control frame")
			return
		}
		t.ctrl = t.ctrl[:0]
		t.ctrlWire = hlen + n
	case OpText, OpBinary:
		switch {
		case t.inMsg:
			t.fail(t.op, "new message started before the fragmented %s message finished", t.msg.Opcode)
			return
		case rsv1 && t.inf == nil:
			t.fail(t.op, "RSV1 set but permessage-deflate was not negotiated")
			return
		}
		t.inMsg, t.over = true, false
		t.msg = Message{Direction: t.dir, Opcode: t.op, Compressed: rsv1, Frames: 1, WireBytes: hlen + n, Start: t.frameStart}
		if !rsv1 {
			t.data = make([]byte, 0, min(n, t.limit, preallocCap))
		}
	case OpContinuation:
		switch {
		case !t.inMsg:
			t.fail(t.op, "continuation frame without a message to continue")
			return
		case rsv1:
			t.fail(t.op, "RSV1 set on a continuation frame")
			return
		}
		t.msg.Frames++
		t.msg.WireBytes += hlen + n
	default:
		t.fail(t.op, "reserved opcode")
		return
	}
	t.remaining = n
	if n == 0 {
		t.endFrame()
		return
	}
	t.state = statePayload
}

func (t *Tap) readPayload(p []byte) []byte {
	chunk := p
	if int64(len(chunk)) > t.remaining {
		chunk = chunk[:t.remaining]
	}
	if t.op.IsControl() {
		start := len(t.ctrl)
		t.ctrl = append(t.ctrl, chunk...)
		if t.masked {
			t.keyPos = maskBytes(t.key, t.keyPos, t.ctrl[start:])
		}
	} else {
		t.appendData(chunk)
	}
	t.remaining -= int64(len(chunk))
	if t.remaining == 0 {
		t.endFrame()
	}
	return p[len(chunk):]
}

// appendData keeps what fits under the limit, unmasked, and drops the rest
// while still advancing the mask position over it.
func (t *Tap) appendData(chunk []byte) {
	buf := &t.data
	if t.msg.Compressed {
		buf = &t.comp
	}
	keep := chunk
	if room := t.limit - int64(len(*buf)); int64(len(keep)) > room {
		keep = keep[:room]
		t.over = true
	}
	start := len(*buf)
	*buf = append(*buf, keep...)
	if t.masked {
		maskBytes(t.key, t.keyPos, (*buf)[start:])
		t.keyPos = (t.keyPos + len(chunk)) & 3
	}
}

func (t *Tap) endFrame() {
	t.state = stateHeader
	if t.op.IsControl() {
		t.endControl()
		return
	}
	if t.fin {
		t.endMessage()
	}
}

func (t *Tap) endControl() {
	m := Message{
		Direction: t.dir, Opcode: t.op, Data: append([]byte(nil), t.ctrl...),
		Frames: 1, WireBytes: t.ctrlWire, Start: t.frameStart, End: t.clockNow(),
	}
	if t.op == OpClose {
		switch len(m.Data) {
		case 0:
		case 1:
			t.fail(t.op, "close payload of 1 byte cannot hold a status code")
			return
		default:
			m.CloseCode = int(binary.BigEndian.Uint16(m.Data))
			m.CloseReason = string(m.Data[2:])
		}
	}
	t.emit(m)
}

func (t *Tap) endMessage() {
	m := t.msg
	m.End = t.clockNow()
	t.inMsg = false
	if m.Compressed {
		data, truncated, err := t.inf.inflate(t.comp, t.over)
		m.Data, m.Truncated = data, truncated
		if err != nil {
			m.Error = err.Error()
		}
		t.comp = t.comp[:0]
		if cap(t.comp) > preallocCap {
			t.comp = nil // don't pin one huge message's buffer forever
		}
	} else {
		m.Data, m.Truncated = t.data, t.over
		t.data = nil
	}
	t.emit(m)
}
