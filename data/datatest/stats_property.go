package datatest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// checkStatsProperty writes turns with random attribution, outcome and price over three days,
// then asks Stats random questions (ranges starting and ending mid-hour or on the hour, every
// grouping and bucket, with and without a filter) and checks each answer against sums computed
// here from the turns written. Stats reads hourly rollups for whole hours and raw turns at the
// edges (data.StatsHours): this is what proves the two add up to the raw sums, sessions counted
// once across both. It runs after the golden checks: its rows would change their answers.
func checkStatsProperty(ctx context.Context, t *testing.T, store data.Store, w write.Writer, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, seed^0x51ed27))
	base := Base.AddDate(2, 0, 0)
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	var turns []data.Turn
	var xs []write.Exchange
	for i := range 400 {
		sid := fmt.Sprintf("q-%02d", rng.IntN(30))
		tr := data.Turn{ID: fmt.Sprintf("qt-%04d", i), SessionID: sid,
			StartedAt: base.Add(time.Duration(rng.Int64N(int64(72 * time.Hour)))).Truncate(time.Microsecond),
			Host:      "api.anthropic.com", Method: "POST", Path: "/v1/messages", Status: 200, Transport: data.TransportHTTPSSE,
			RequestSHA256: hash("qreq", i), ResponseSHA256: hash("qresp", i), Complete: rng.IntN(8) > 0, Parsed: true,
			Provider: pick("anthropic", "openai"), Model: pick("m-a", "m-b", "m-c"),
			Developer: pick("ann", "ben", "cy", ""), Team: pick("red", "blue"), Repo: pick("r1", "r2", ""),
			Usage: data.Usage{InputTokens: rng.Int64N(5000), CacheReadTokens: rng.Int64N(9000), CacheWrite5mTokens: rng.Int64N(300),
				CacheWrite1hTokens: rng.Int64N(100), OutputTokens: rng.Int64N(4000), ReasoningTokens: rng.Int64N(50)}}
		if rng.IntN(6) == 0 {
			tr.Status = 500
		}
		if rng.IntN(10) == 0 {
			tr.Error = "upstream reset"
		}
		if rng.IntN(5) > 0 {
			c := rng.Int64N(100000)
			tr.CostMicros = &c
		}
		turns = append(turns, tr)
		xs = append(xs, write.Exchange{Session: data.Session{ID: sid, Provider: tr.Provider}, Turn: tr})
	}
	if _, err := w.Write(ctx, xs...); err != nil {
		t.Fatal(err)
	}

	dims := []string{"", "provider", "model", "developer", "team", "repo"}
	buckets := []string{data.BucketNone, data.BucketHour, data.BucketDay}
	for i := range 80 {
		from := base.Add(time.Duration(rng.IntN(72*60)) * time.Minute)
		if rng.IntN(2) == 0 { // half the ranges start mid-hour, to the microsecond
			from = from.Add(time.Duration(rng.Int64N(int64(time.Hour)))).Truncate(time.Microsecond)
		} else {
			from = from.Truncate(time.Hour)
		}
		to := from.Add(time.Duration(1+rng.IntN(80*60)) * time.Minute)
		q := data.StatsQuery{From: from, To: to, GroupBy: dims[rng.IntN(len(dims))], Bucket: buckets[rng.IntN(len(buckets))]}
		switch rng.IntN(7) {
		case 0:
			q.Team = pick("red", "blue")
		case 1:
			q.Model = pick("m-a", "m-c")
		case 2:
			q.Provider = pick("anthropic", "openai")
		case 3:
			q.Developer = pick("ann", "cy")
		case 4:
			q.Repo = pick("r1", "r2")
		}
		got, err := store.Stats(ctx, q)
		if err != nil {
			t.Fatalf("query %d %+v: %v", i, q, err)
		}
		want := statsOf(turns, q)
		if !slices.EqualFunc(got, want, func(a, b data.StatsRow) bool { return a.Key == b.Key && a.Bucket.Equal(b.Bucket) && sameSums(a, b) }) {
			t.Fatalf("query %d %+v:\n got %+v\nwant %+v", i, q, got, want)
		}
	}
}

// checkStatsBefore1970: hours and buckets are floored, not truncated toward zero, so a turn at
// 23:30 on 31 December 1969 sits in the hour starting 23:00 and is counted once by a range over
// that hour, the next one, or both.
func checkStatsBefore1970(ctx context.Context, t *testing.T, store data.Store, w write.Writer) {
	at := time.Date(1969, 12, 31, 23, 30, 0, 0, time.UTC)
	tr := data.Turn{ID: "qt-1969", SessionID: "q-1969", StartedAt: at, Host: "api.anthropic.com", Method: "POST",
		Path: "/v1/messages", Status: 200, Transport: data.TransportHTTPSSE, RequestSHA256: hash("qreq", 1969),
		ResponseSHA256: hash("qresp", 1969), Complete: true, Parsed: true, Provider: "anthropic", Team: "red"}
	if _, err := w.Write(ctx, write.Exchange{Session: data.Session{ID: "q-1969", Provider: "anthropic"}, Turn: tr}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct{ from, to time.Time }{
		{at.Add(-15 * time.Minute), at.Add(2 * time.Hour)},
		{at.Add(-30 * time.Minute), at.Add(30 * time.Minute)},
		{at.Add(-30 * time.Minute), at.Add(90 * time.Minute)},
	} {
		for _, bucket := range []string{data.BucketNone, data.BucketHour, data.BucketDay} {
			got, err := store.Stats(ctx, data.StatsQuery{From: r.from, To: r.to, Bucket: bucket})
			want := statsOf([]data.Turn{tr}, data.StatsQuery{From: r.from, To: r.to, Bucket: bucket})
			if err != nil || len(got) != 1 || got[0].Turns != 1 || !got[0].Bucket.Equal(want[0].Bucket) {
				t.Errorf("[%s, %s) bucket %q: %+v, %v; want one turn in bucket %s", r.from, r.to, bucket, got, err, want[0].Bucket)
			}
		}
	}
}

func sameSums(a, b data.StatsRow) bool {
	a.Key, b.Key, a.Bucket, b.Bucket = "", "", time.Time{}, time.Time{}
	return a == b
}

// statsOf is Stats computed from the turns themselves, ordered like Stats (bucket, then key).
func statsOf(turns []data.Turn, q data.StatsQuery) []data.StatsRow {
	type group struct {
		key    string
		bucket time.Time
	}
	rows := map[group]*data.StatsRow{}
	sessions := map[group]map[string]bool{}
	for _, tr := range turns {
		if tr.StartedAt.Before(q.From) || !tr.StartedAt.Before(q.To) || !matches(q, tr) {
			continue
		}
		g := group{key: map[string]string{"": "", "provider": tr.Provider, "model": tr.Model, "developer": tr.Developer,
			"team": tr.Team, "repo": tr.Repo}[q.GroupBy]}
		switch q.Bucket {
		case data.BucketHour:
			g.bucket = tr.StartedAt.UTC().Truncate(time.Hour)
		case data.BucketDay:
			g.bucket = tr.StartedAt.UTC().Truncate(24 * time.Hour)
		}
		r := rows[g]
		if r == nil {
			r = &data.StatsRow{Key: g.key, Bucket: g.bucket}
			rows[g], sessions[g] = r, map[string]bool{}
		}
		r.Turns++
		r.Usage = r.Usage.Add(tr.Usage)
		if tr.CostMicros == nil {
			r.UnpricedTurns++
		} else {
			r.CostMicros += *tr.CostMicros
		}
		if !tr.Complete {
			r.IncompleteTurns++
		}
		if tr.Error != "" || tr.Status >= 400 {
			r.ErrorTurns++
		}
		sessions[g][tr.SessionID] = true
	}
	out := []data.StatsRow{}
	for g, r := range rows {
		r.Sessions = int64(len(sessions[g]))
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b data.StatsRow) int {
		if c := a.Bucket.Compare(b.Bucket); c != 0 {
			return c
		}
		if a.Key < b.Key {
			return -1
		}
		if a.Key > b.Key {
			return 1
		}
		return 0
	})
	return out
}

// matches applies the query's attribution filters (an empty one does not filter).
func matches(q data.StatsQuery, tr data.Turn) bool {
	for _, f := range [][2]string{{q.Provider, tr.Provider}, {q.Model, tr.Model}, {q.Developer, tr.Developer},
		{q.Team, tr.Team}, {q.Repo, tr.Repo}} {
		if f[0] != "" && f[0] != f[1] {
			return false
		}
	}
	return true
}
