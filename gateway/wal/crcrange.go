package wal

import "hash/crc32"

// rangeCRC answers the CRC-32C of any byte range of b in constant time after one linear pass.
// Deciding whether a bad tail hides an intact record means checking a candidate at every
// 8-byte offset, and in binary payloads about one candidate in 64 has a length that fits; with
// a plain CRC per candidate a torn 64 MiB record would take terabytes of hashing, with this it
// takes well under a second.
type rangeCRC struct {
	b  []byte
	at []uint32 // at[i] is the CRC-32C of b[:8*i]
}

func newRangeCRC(b []byte) *rangeCRC {
	at := make([]uint32, len(b)/8+1)
	for i := 1; i < len(at); i++ {
		at[i] = crc32.Update(at[i-1], castagnoli, b[8*(i-1):8*i])
	}
	return &rangeCRC{b: b, at: at}
}

// prefix is the CRC-32C of b[:n].
func (r *rangeCRC) prefix(n int64) uint32 {
	i := n / 8
	return crc32.Update(r.at[i], castagnoli, r.b[8*i:n])
}

// of is the CRC-32C of b[lo:hi]: crc(b[:hi]) is crc(b[:lo]) shifted over hi-lo bytes, xored
// with crc(b[lo:hi]) (zlib's crc32_combine), so the shift can be undone.
func (r *rangeCRC) of(lo, hi int64) uint32 {
	return r.prefix(hi) ^ mulModP(xPow8n(hi-lo), r.prefix(lo))
}

// combineCRC is the CRC-32C of a‖b from crc(a), crc(b) and len(b).
func combineCRC(crcA, crcB uint32, lenB int64) uint32 {
	return mulModP(xPow8n(lenB), crcA) ^ crcB
}

// mulModP multiplies two polynomials modulo the Castagnoli polynomial, both in the reflected
// bit order hash/crc32 uses (bit 31 is x^0).
func mulModP(a, b uint32) uint32 {
	var p uint32
	for m := uint32(1) << 31; m != 0; m >>= 1 {
		if a&m != 0 {
			p ^= b
		}
		if b&1 != 0 {
			b = b>>1 ^ crc32.Castagnoli
		} else {
			b >>= 1
		}
	}
	return p
}

// x2n[k] is x^(2^k) modulo the polynomial.
var x2n = func() (t [64]uint32) {
	p := uint32(1) << 30 // x^1
	for k := range t {
		t[k] = p
		p = mulModP(p, p)
	}
	return t
}()

// xPow8n is x^(8n) modulo the polynomial: the shift that appending n bytes applies to a CRC.
func xPow8n(n int64) uint32 {
	p := uint32(1) << 31 // x^0
	for k := 3; n != 0; k++ {
		if n&1 != 0 {
			p = mulModP(x2n[k], p)
		}
		n >>= 1
	}
	return p
}
