// Package wal is the gateway's write-ahead log: every completed exchange is appended here before
// the last bytes of its response reach the client, so that a crash between capture and database
// ingestion loses nothing; on start the gateway replays the log into the database.
//
// # On-disk format
//
// The log is a directory of segment files named wal-<16 lower-case hex digits>.log, numbered
// consecutively from 1; the highest is the active segment, the only one ever written. A segment
// is a sequence of records and nothing else:
//
//	offset 0  uint32 little-endian  payload length n
//	offset 4  uint32 little-endian  CRC-32C (Castagnoli) of bytes 0..3 followed by the payload
//	offset 8  n bytes               payload
//	          0..7 zero bytes       padding to the next multiple of 8
//
// Every record starts at a multiple of 8, so a header never straddles a disk sector and is
// either wholly written or not at all. The checksum covers the length word as well as the
// payload so that an empty record's header is never all zeros: eight zero bytes are unwritten or
// preallocated space, never a record. Records are not chained across each other or across
// segments, because segments are never recycled (a stale record from an earlier life of the
// file cannot appear) and every segment must stand alone once older ones have been released.
//
// Only the last segment can end in a torn record: a segment is fsynced before its successor is
// created. Open cuts such a tail off, keeping the cut bytes in wal-<seq>.log.<offset>.broken. A
// bad record that is followed by an intact one is damage in the middle of the log, and Open
// refuses to start with ErrCorrupt, naming the file and offset, unless the bad stretch contains
// a whole zeroed 512-byte sector, which is how an unsynced write torn by power loss looks.
//
// The directory also holds a LOCK file, flock(2)ed while the log is open, so that two gateways
// can never append to the same segment.
package wal
