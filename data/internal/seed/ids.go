package seed

import (
	"math/rand/v2"
	"time"
)

// Ids and hashes come from the session's PRNG, never from crypto/rand or the clock, so a dataset
// is reproducible byte for byte; they keep the shapes real traffic has.

const (
	hexDigits = "0123456789abcdef"
	base62    = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)

// uuid7 is a UUIDv7 for instant t: time-ordered like the gateway's own ids, which keeps index
// inserts near the right-hand edge of each B-tree just as live capture does.
func uuid7(r *rand.Rand, t time.Time) string {
	var b [16]byte
	ms := uint64(t.UnixMilli())
	for i := 0; i < 6; i++ {
		b[i] = byte(ms >> (40 - 8*i))
	}
	lo, hi := r.Uint64(), r.Uint64()
	for i := 0; i < 8; i++ {
		b[6+i] = byte(lo >> (8 * i))
	}
	b[14], b[15] = byte(hi), byte(hi>>8)
	b[6] = 0x70 | b[6]&0x0f
	b[8] = 0x80 | b[8]&0x3f
	return formatUUID(b)
}

// uuid4 is a random UUID, the shape agents use for their own session ids.
func uuid4(r *rand.Rand) string {
	var b [16]byte
	lo, hi := r.Uint64(), r.Uint64()
	for i := 0; i < 8; i++ {
		b[i], b[8+i] = byte(lo>>(8*i)), byte(hi>>(8*i))
	}
	b[6] = 0x40 | b[6]&0x0f
	b[8] = 0x80 | b[8]&0x3f
	return formatUUID(b)
}

func formatUUID(b [16]byte) string {
	var s [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s[j] = '-'
			j++
		}
		s[j], s[j+1] = hexDigits[c>>4], hexDigits[c&0x0f]
		j += 2
	}
	return string(s[:])
}

// randHex is n random hex digits (a SHA-256 is 64).
func randHex(r *rand.Rand, n int) string {
	s := make([]byte, n)
	var x uint64
	for i := range s {
		if i%16 == 0 {
			x = r.Uint64()
		}
		s[i] = hexDigits[x&0x0f]
		x >>= 4
	}
	return string(s)
}

// randBase62 is n random base62 characters, the alphabet of provider message and tool-use ids.
func randBase62(r *rand.Rand, n int) string {
	s := make([]byte, n)
	for i := range s {
		s[i] = base62[r.IntN(len(base62))]
	}
	return string(s)
}
