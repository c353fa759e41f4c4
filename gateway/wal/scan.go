package wal

import (
	"bufio"
	"fmt"
	"io"
)

// badRecordError says where and why the records of a segment stop before its end. It is kept
// apart from I/O errors because only a bad record may ever lead to cutting a file.
type badRecordError struct {
	off    int64
	reason string
}

func (e *badRecordError) Error() string {
	return fmt.Sprintf("offset %d: %s", e.off, e.reason)
}

// scanRecords reads the records in r[0:size] in order, calling fn (when not nil) for each; the
// payload is only valid during the call. It returns the offset just past the last intact
// record. Records that stop short of size give a *badRecordError; any other error is from
// reading or from fn.
func scanRecords(r io.ReaderAt, size int64, fn func(off int64, payload []byte) error) (int64, error) {
	br := bufio.NewReaderSize(io.NewSectionReader(r, 0, size), 1<<20)
	var hdr [headerSize]byte
	var buf []byte
	var off int64
	for off < size {
		if size-off < headerSize {
			return off, &badRecordError{off, fmt.Sprintf("%d trailing bytes, too few for a header", size-off)}
		}
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			return off, fmt.Errorf("read header at offset %d: %w", off, err)
		}
		if hdr == [headerSize]byte{} {
			return off, &badRecordError{off, "zeroed header (unwritten space)"}
		}
		n := payloadLen(hdr[:])
		if recordSize(n) > size-off {
			return off, &badRecordError{off, fmt.Sprintf(
				"length %d runs past the end of the file (%d bytes follow the header)", n, size-off-headerSize)}
		}
		if int64(cap(buf)) < paddedLen(n) {
			buf = make([]byte, paddedLen(n))
		}
		body := buf[:paddedLen(n)]
		if _, err := io.ReadFull(br, body); err != nil {
			return off, fmt.Errorf("read %d-byte payload at offset %d: %w", n, off, err)
		}
		if !headerMatches(hdr[:], body[:n]) {
			return off, &badRecordError{off, fmt.Sprintf("checksum mismatch (length %d)", n)}
		}
		if fn != nil {
			if err := fn(off, body[:n]); err != nil {
				return off, err
			}
		}
		off += recordSize(n)
	}
	return off, nil
}
