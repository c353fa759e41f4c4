package wal

import (
	"encoding/binary"
	"hash/crc32"
)

const (
	headerSize = 8
	// alignment keeps every header inside one disk sector, so a header is never half written.
	alignment = 8
	// sectorSize is the unit a disk writes atomically; a whole zeroed sector inside a bad record
	// is the mark of a write that power loss tore.
	sectorSize = 512
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// paddedLen is n rounded up to the alignment.
func paddedLen(n int64) int64 { return (n + alignment - 1) &^ (alignment - 1) }

// recordSize is the bytes a record with an n-byte payload occupies on disk.
func recordSize(n int64) int64 { return headerSize + paddedLen(n) }

// checksum covers the length word too, so that a zero-length record's header is not all zeros.
func checksum(lenWord, payload []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, lenWord), castagnoli, payload)
}

func putHeader(hdr []byte, payload []byte) {
	binary.LittleEndian.PutUint32(hdr[0:4], uint32(len(payload)))
	binary.LittleEndian.PutUint32(hdr[4:8], checksum(hdr[0:4], payload))
}

// payloadLen is the length word of a header.
func payloadLen(hdr []byte) int64 { return int64(binary.LittleEndian.Uint32(hdr[0:4])) }

// storedChecksum is the checksum word of a header.
func storedChecksum(hdr []byte) uint32 { return binary.LittleEndian.Uint32(hdr[4:8]) }

// headerMatches reports whether hdr's checksum is that of its length word and payload.
func headerMatches(hdr []byte, payload []byte) bool {
	return storedChecksum(hdr) == checksum(hdr[0:4], payload)
}
