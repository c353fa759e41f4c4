package wsframe

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"slices"
)

// windowSize is DEFLATE's largest back-reference distance: keeping this much
// of a direction's output is enough context for any max_window_bits.
const windowSize = 32 << 10

// deflateTail is re-appended to every compressed message: RFC 7692 senders
// strip the trailing 00 00 ff ff of their sync flush, and the final empty
// stored block after it makes flate's reader stop with io.EOF instead of
// waiting for a next block that belongs to the next message.
const deflateTail = "\x00\x00\xff\xff\x01\x00\x00\xff\xff"

// errContextLost is reported for compressed messages after one that could
// not be inflated completely with context takeover on: every later message
// may refer back into the missing output, so decoding them would silently
// produce garbage.
var errContextLost = errors.New("permessage-deflate context lost at an earlier message")

// inflater decompresses one direction's messages. Instead of one endless
// flate stream (which would need a goroutine to pull from, since Write must
// not block), each message is inflated on its own, primed with the last 32 KiB
// of earlier output as the dictionary: that is exactly the state context
// takeover carries between messages.
type inflater struct {
	takeover bool
	limit    int64
	fr       io.ReadCloser
	src      bytes.Reader
	window   []byte
	lost     bool
	scratch  []byte // inflated output, reused so each message costs one exact-size allocation
}

func newInflater(takeover bool, limit int64) *inflater {
	return &inflater{takeover: takeover, limit: limit}
}

// inflate decompresses one message's concatenated payloads. comp may be
// appended to. inputTruncated says comp is only a prefix of the message, in
// which case whatever decodes from it is returned, marked truncated.
func (f *inflater) inflate(comp []byte, inputTruncated bool) (out []byte, truncated bool, err error) {
	if f.lost {
		return nil, false, errContextLost
	}
	if !inputTruncated {
		comp = append(comp, deflateTail...)
	}
	f.src.Reset(comp)
	var dict []byte
	if f.takeover {
		dict = f.window
	}
	if f.fr == nil {
		f.fr = flate.NewReaderDict(&f.src, dict)
	} else if err := f.fr.(flate.Resetter).Reset(&f.src, dict); err != nil {
		return nil, false, fmt.Errorf("permessage-deflate: reset inflater: %w", err)
	}
	f.scratch, truncated, err = readLimited(f.fr, f.limit, f.scratch[:0])
	out = append([]byte(nil), f.scratch...)
	if cap(f.scratch) > preallocCap {
		f.scratch = nil // don't pin one huge message's buffer forever
	}
	if inputTruncated {
		// The stream was cut on purpose; running out of it is expected.
		truncated, err = true, nil
	}
	if err != nil {
		err = fmt.Errorf("permessage-deflate: inflate %d compressed bytes: %w", len(comp), err)
	}
	if f.takeover {
		if truncated || err != nil {
			f.lost, f.window = true, nil
		} else {
			f.push(out)
		}
	}
	return out, truncated, err
}

// push keeps the last windowSize bytes of the direction's output.
func (f *inflater) push(p []byte) {
	if len(p) >= windowSize {
		f.window = append(f.window[:0], p[len(p)-windowSize:]...)
		return
	}
	if drop := len(f.window) + len(p) - windowSize; drop > 0 {
		f.window = append(f.window[:0], f.window[drop:]...)
	}
	f.window = append(f.window, p...)
}

// readLimited reads r to EOF into buf, keeping at most limit bytes: the bomb
// guard. Reading stops as soon as the output passes limit, so a tiny message
// that inflates to gigabytes costs at most limit bytes and the CPU to produce
// them.
func readLimited(r io.Reader, limit int64, buf []byte) ([]byte, bool, error) {
	for {
		if len(buf) == cap(buf) {
			grow := min(int64(max(len(buf), 4096)), limit+1-int64(len(buf)))
			buf = slices.Grow(buf, int(grow))
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit+1)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf[:limit], true, nil
		}
		if err == io.EOF {
			return buf, false, nil
		}
		if err != nil {
			return buf, false, err
		}
	}
}
