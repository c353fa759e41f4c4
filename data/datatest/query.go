package datatest

import (
	"context"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
)

// checkQuery pins down the reads behind the REST query language (FindTurns, FindToolCalls,
// LatencyPercentiles) in their own golden file: every engine must give the same answers,
// including to filter values shaped like SQL, LIKE patterns or full-text operators, which must
// match literally or not at all.
func checkQuery(ctx context.Context, t *testing.T, store data.Store) {
	out := map[string]any{}
	must := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = v
	}
	turnQueries := map[string]data.TurnQuery{
		"turns/all":            {Limit: 50},
		"turns/page1":          {Limit: 4},
		"turns/provider":       {Provider: "openai", Limit: 50},
		"turns/team+model":     {Team: "payments", Model: "claude-opus-4-5", Limit: 50},
		"turns/developer+repo": {Developer: "alice", Repo: "ledger", Limit: 50},
		"turns/session":        {SessionID: "s-03", Limit: 2},
		"turns/range":          {From: Base.Add(26 * time.Hour), To: Base.Add(27*time.Hour + time.Minute), Limit: 50},
		"turns/text":           {Text: "TestLedger", Limit: 50},
		"turns/text+developer": {Text: "deploy staging", Developer: "carol", Limit: 50},
		"turns/injection":      {Provider: "'; DROP TABLE turns; --", Limit: 50},
		"turns/text-injection": {Text: `" OR 1=1 --`, Limit: 50},
		"turns/like-chars":     {Model: "%", Repo: "_", Limit: 50},
	}
	for name, q := range turnQueries {
		p, err := store.FindTurns(ctx, q)
		must(name, p, err)
	}
	first, err := store.FindTurns(ctx, data.TurnQuery{Limit: 4})
	if err != nil || first.NextCursor == "" {
		t.Fatalf("turns page 1: no cursor (%v)", err)
	}
	p, err := store.FindTurns(ctx, data.TurnQuery{Limit: 4, Cursor: first.NextCursor})
	must("turns/page2", p, err)

	callQueries := map[string]data.ToolCallQuery{
		"tool_calls/all":         {Limit: 50},
		"tool_calls/page1":       {Limit: 3},
		"tool_calls/name":        {Name: "Bash", Limit: 50},
		"tool_calls/session":     {SessionID: "s-01", Limit: 50},
		"tool_calls/turn-filter": {Provider: "google", Limit: 50},
		"tool_calls/team+range":  {Team: "payments", From: Base.Add(24 * time.Hour), To: Base.Add(49 * time.Hour), Limit: 50},
		"tool_calls/text":        {Text: "carol/src", Limit: 50},
		"tool_calls/text-case":   {Text: "bash", Limit: 50},
		"tool_calls/percent":     {Text: "%", Limit: 50},
		"tool_calls/underscore":  {Text: "file_path", Limit: 2},
		"tool_calls/injection":   {Text: "' OR '1'='1", Name: "'; DROP TABLE tool_calls; --", Limit: 50},
		"tool_calls/unicode":     {Text: "ünïcødé ✓", Limit: 50},
	}
	for name, q := range callQueries {
		p, err := store.FindToolCalls(ctx, q)
		must(name, p, err)
	}
	firstCalls, err := store.FindToolCalls(ctx, data.ToolCallQuery{Limit: 3})
	if err != nil || firstCalls.NextCursor == "" {
		t.Fatalf("tool calls page 1: no cursor (%v)", err)
	}
	calls, err := store.FindToolCalls(ctx, data.ToolCallQuery{Limit: 3, Cursor: firstCalls.NextCursor})
	must("tool_calls/page2", calls, err)

	for _, measure := range []string{data.MeasureTotal, data.MeasureFirstByte} {
		for _, dim := range []string{data.DimNone, data.DimModel, data.DimTeam} {
			for _, b := range []string{data.BucketNone, data.BucketDay} {
				rows, err := store.LatencyPercentiles(ctx, data.StatsQuery{From: Base.Add(-time.Hour), To: Base.Add(72 * time.Hour), GroupBy: dim, Bucket: b}, measure)
				must("latency/"+measure+"/"+dim+"/"+b, rows, err)
			}
		}
	}
	rows, err := store.LatencyPercentiles(ctx, data.StatsQuery{From: Base, To: Base.Add(72 * time.Hour), GroupBy: data.DimDeveloper, Provider: "anthropic", Bucket: data.BucketHour}, data.MeasureTotal)
	must("latency/developer-anthropic-hour", rows, err)
	rows, err = store.LatencyPercentiles(ctx, data.StatsQuery{From: Base.Add(100 * time.Hour), To: Base.Add(200 * time.Hour)}, data.MeasureTotal)
	must("latency/empty", rows, err)
	checkGolden(t, "query.golden.json", out)
}
