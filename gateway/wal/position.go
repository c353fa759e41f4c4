package wal

import (
	"cmp"
	"fmt"
)

// Position is where a record starts: its segment's sequence number and the byte offset of its
// header within that segment. Positions order records as they were appended.
type Position struct {
	Segment uint64
	Offset  int64
}

// Compare returns -1, 0 or +1 as p is before, at or after q.
func (p Position) Compare(q Position) int {
	if c := cmp.Compare(p.Segment, q.Segment); c != 0 {
		return c
	}
	return cmp.Compare(p.Offset, q.Offset)
}

func (p Position) String() string {
	return fmt.Sprintf("%s:%d", segmentName(p.Segment), p.Offset)
}
