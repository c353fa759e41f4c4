package wsframe

import "encoding/binary"

// maxHeaderLen is 2 fixed bytes + 8 extended length bytes + 4 mask bytes.
const maxHeaderLen = 14

// maxControlPayload is RFC 6455 section 5.5's limit for control frames.
const maxControlPayload = 125

// headerLen returns how many header bytes a frame needs, given the bytes of
// it seen so far; it is exact once at least two bytes are known.
func headerLen(h []byte) int {
	if len(h) < 2 {
		return 2
	}
	n := 2
	switch h[1] & 0x7f {
	case 126:
		n += 2
	case 127:
		n += 8
	}
	if h[1]&0x80 != 0 {
		n += 4
	}
	return n
}

// AppendFrame appends one RFC 6455 frame to dst and returns the result. A
// non-nil mask masks a copy of payload (client→server frames); payload itself
// is never modified. It does not validate its arguments, so tests can build
// malformed frames on purpose.
func AppendFrame(dst []byte, fin bool, op Opcode, mask *[4]byte, rsv1 bool, payload []byte) []byte {
	b0 := byte(op) & 0x0f
	if fin {
		b0 |= 0x80
	}
	if rsv1 {
		b0 |= 0x40
	}
	var b1 byte
	if mask != nil {
		b1 = 0x80
	}
	n := len(payload)
	switch {
	case n <= 125:
		dst = append(dst, b0, b1|byte(n))
	case n <= 0xffff:
		dst = append(dst, b0, b1|126)
		dst = binary.BigEndian.AppendUint16(dst, uint16(n))
	default:
		dst = append(dst, b0, b1|127)
		dst = binary.BigEndian.AppendUint64(dst, uint64(n))
	}
	if mask == nil {
		return append(dst, payload...)
	}
	dst = append(dst, mask[:]...)
	start := len(dst)
	dst = append(dst, payload...)
	maskBytes(*mask, 0, dst[start:])
	return dst
}
