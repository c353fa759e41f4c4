package data

import (
	"testing"
	"time"
)

func TestStatsHours(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339Nano, s); return v }
	cases := []struct{ from, to, wantFrom, wantTo string }{
		{"2026-03-01T09:00:00Z", "2026-03-01T12:00:00Z", "2026-03-01T09:00:00Z", "2026-03-01T12:00:00Z"},
		{"2026-03-01T09:00:00.000001Z", "2026-03-01T12:59:59Z", "2026-03-01T10:00:00Z", "2026-03-01T12:00:00Z"},
		{"2026-03-01T09:10:00Z", "2026-03-01T09:50:00Z", "2026-03-01T09:50:00Z", "2026-03-01T09:50:00Z"},
		{"2026-03-01T09:10:00Z", "2026-03-01T10:20:00Z", "2026-03-01T10:20:00Z", "2026-03-01T10:20:00Z"},
		{"2026-03-01T09:10:00Z", "2026-03-01T11:20:00Z", "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z"},
		{"2026-03-01T10:30:00+01:00", "2026-03-01T12:00:00+01:00", "2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z"},
	}
	for _, c := range cases {
		gf, gt := StatsHours(at(c.from), at(c.to))
		if !gf.Equal(at(c.wantFrom)) || !gt.Equal(at(c.wantTo)) {
			t.Errorf("StatsHours(%s, %s) = %s, %s; want %s, %s", c.from, c.to, gf, gt, c.wantFrom, c.wantTo)
		}
	}
}
