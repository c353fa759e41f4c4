package data_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
)

func newDatasetAPI(t *testing.T) *data.API {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "recondo.db")
	w, err := write.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Write(ctx, datatest.Exchanges()...); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return data.NewAPI(s, nil)
}

func TestFindRefusesValuesNoEngineCanTake(t *testing.T) {
	api := newDatasetAPI(t)
	ctx := context.Background()
	for name, err := range map[string]error{
		"NUL in provider":   second(api.FindTurns(ctx, data.TurnQuery{Provider: "a\x00b"}, data.ReadOptions{})),
		"invalid UTF-8":     second(api.FindToolCalls(ctx, data.ToolCallQuery{Text: "\xff\xfe"}, data.ReadOptions{})),
		"huge filter":       second(api.FindToolCalls(ctx, data.ToolCallQuery{Name: strings.Repeat("x", 2000)}, data.ReadOptions{})),
		"text without word": second(api.FindTurns(ctx, data.TurnQuery{Text: "%_%"}, data.ReadOptions{})),
		"limit too large":   second(api.FindTurns(ctx, data.TurnQuery{Limit: 100000}, data.ReadOptions{})),
		"from after to":     second(api.FindTurns(ctx, data.TurnQuery{From: datatest.Base, To: datatest.Base.Add(-time.Hour)}, data.ReadOptions{})),
		"bad measure":       second(api.Latency(ctx, data.StatsQuery{}, "median")),
		"bad group":         second(api.Latency(ctx, data.StatsQuery{GroupBy: "weekday"}, data.MeasureTotal)),
	} {
		if data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%s: code %q (%v), want %q", name, data.ErrorCode(err), err, data.EINVALID)
		}
	}
}

func TestFindToolCallsMasksArguments(t *testing.T) {
	api := newDatasetAPI(t)
	p, err := api.FindToolCalls(context.Background(), data.ToolCallQuery{Name: "Read", Limit: 50}, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.ToolCalls) == 0 {
		t.Fatal("no Read calls")
	}
	for _, c := range p.ToolCalls {
		if strings.Contains(c.Arguments, "/home/") {
			t.Errorf("call %s: arguments not masked: %s", c.ID, c.Arguments)
		}
	}
}

func TestLatencyLinesUpWithStats(t *testing.T) {
	api := newDatasetAPI(t)
	ctx := context.Background()
	q := data.StatsQuery{From: datatest.Base, To: datatest.Base.Add(72 * time.Hour), GroupBy: data.DimTeam, Bucket: data.BucketDay}
	stats, err := api.Stats(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	lat, err := api.Latency(ctx, q, data.MeasureTotal)
	if err != nil {
		t.Fatal(err)
	}
	if len(stats) != len(lat) {
		t.Fatalf("%d stats rows, %d latency rows", len(stats), len(lat))
	}
	for i := range stats {
		if stats[i].Key != lat[i].Key || !stats[i].Bucket.Equal(lat[i].Bucket) || stats[i].Turns != lat[i].Turns {
			t.Errorf("row %d: stats %s %v %d, latency %s %v %d", i, stats[i].Key, stats[i].Bucket, stats[i].Turns, lat[i].Key, lat[i].Bucket, lat[i].Turns)
		}
		if !(lat[i].P50 <= lat[i].P90 && lat[i].P90 <= lat[i].P99) {
			t.Errorf("row %d: percentiles not ordered: %+v", i, lat[i])
		}
	}
}
