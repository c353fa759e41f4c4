package wsframe

import "encoding/binary"

// maskBytes XORs b with key, starting at key position pos, and returns the
// key position for the byte after b, so masking can resume across chunk
// boundaries. It works a word at a time because payloads can be megabytes.
func maskBytes(key [4]byte, pos int, b []byte) int {
	pos &= 3
	if len(b) >= 16 {
		var rot [4]byte
		for i := range rot {
			rot[i] = key[(pos+i)&3]
		}
		k32 := uint64(binary.LittleEndian.Uint32(rot[:]))
		k64 := k32<<32 | k32
		// Whole words are multiples of 4 bytes, so pos is unchanged by them.
		for len(b) >= 8 {
			binary.LittleEndian.PutUint64(b, binary.LittleEndian.Uint64(b)^k64)
			b = b[8:]
		}
	}
	for i := range b {
		b[i] ^= key[pos]
		pos = (pos + 1) & 3
	}
	return pos
}
