package data

import (
	"testing"
	"time"
)

func TestPaginateKeepsLimitAndPointsAfterTheLastKept(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := []int{1, 2, 3}
	conv := func(i int) Session {
		return Session{ID: string(rune('a' + i)), StartedAt: at.Add(time.Duration(i) * time.Hour)}
	}
	got, next := Paginate(rows, 2, conv) // 3 rows fetched for a limit of 2: more exist
	if len(got) != 2 || got[1].ID != "c" || next != EncodeCursor(got[1].StartedAt, "c") {
		t.Fatalf("over the limit: %+v %q", got, next)
	}
	if got, next := Paginate(rows, 3, conv); len(got) != 3 || next != "" {
		t.Fatalf("exactly the limit: %+v %q", got, next)
	}
	if got, next := Paginate([]int{}, 5, conv); got == nil || len(got) != 0 || next != "" {
		t.Fatalf("empty: %#v %q (must be a non-nil empty slice)", got, next)
	}
}
