package wal

// A bad record in the last segment is either a torn tail, which Open cuts off, or damage in the
// middle of the log, which it must refuse: cutting there would drop every record after it. The
// difference is whether an intact record follows.

// nextIntactRecord returns the offset within tail of the first intact record after the bad one
// that tail starts with. Every 8-byte offset is tried, not just the bad record's own successor,
// because the damage may be in its length word.
func nextIntactRecord(tail []byte) (int64, bool) {
	size := int64(len(tail))
	var crcs *rangeCRC // built on the first candidate whose length fits; most tails have none
	for off := int64(alignment); off+headerSize <= size; off += alignment {
		hdr := tail[off : off+headerSize]
		n := payloadLen(hdr)
		if recordSize(n) > size-off {
			continue
		}
		if crcs == nil {
			crcs = newRangeCRC(tail)
		}
		payload := off + headerSize
		want := combineCRC(crcs.of(off, off+4), crcs.of(payload, payload+n), n)
		if want == storedChecksum(hdr) {
			return off, true
		}
	}
	return 0, false
}

// hasZeroSector reports whether b, which starts at file offset base, contains a whole
// sector-aligned run of zeros: what a write looks like when power loss persisted a later page
// of it but not an earlier one. Such a gap can sit in front of intact but never-fsynced records.
func hasZeroSector(b []byte, base int64) bool {
	start := (base + sectorSize - 1) / sectorSize * sectorSize
	for s := start; s+sectorSize <= base+int64(len(b)); s += sectorSize {
		if allZero(b[s-base : s-base+sectorSize]) {
			return true
		}
	}
	return false
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
