package data

import "time"

// TurnQuery selects turns across sessions, newest first (started_at, then id, descending); Cursor
// continues after the last turn of a previous page. Zero fields do not filter.
type TurnQuery struct {
	From, To  time.Time // started_at in [From, To)
	SessionID string
	Provider  string
	Model     string
	Developer string
	Team      string
	Repo      string
	Text      string // full-text words over the turn's captured text, as in SearchQuery
	Limit     int
	Cursor    string
}

// TurnPage is one page of turns; NextCursor is "" on the last page.
type TurnPage struct {
	Turns      []Turn `json:"turns"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// ToolCallQuery selects tool calls across sessions, newest first (created_at, then id,
// descending). Provider, Model, Developer, Team and Repo filter on the turn that asked for the
// call. Zero fields do not filter.
type ToolCallQuery struct {
	From, To  time.Time // created_at in [From, To)
	SessionID string
	Name      string // the tool's name, exactly
	Provider  string
	Model     string
	Developer string
	Team      string
	Repo      string
	// Text is a literal, case-sensitive substring of the name or of the stored (unmasked)
	// arguments: no character of it is a wildcard.
	Text   string
	Limit  int
	Cursor string
}

// ToolCallPage is one page of tool calls; NextCursor is "" on the last page.
type ToolCallPage struct {
	ToolCalls  []ToolCall `json:"tool_calls"`
	NextCursor string     `json:"next_cursor,omitempty"`
}

// Durations a LatencyQuery can measure.
const (
	MeasureTotal     = "total"      // ended_at - started_at
	MeasureFirstByte = "first_byte" // first_byte_at - started_at
)

// LatencyRow is one group's duration percentiles, in microseconds, by the nearest-rank method
// (the value at rank ceil(p*n/100) of the n sorted durations). Key and Bucket are as in
// StatsRow; Turns counts the turns that had the timestamps to be measured.
type LatencyRow struct {
	Key    string    `json:"key"`
	Bucket time.Time `json:"bucket,omitzero"`
	Turns  int64     `json:"turns"`
	P50    int64     `json:"p50_us"`
	P90    int64     `json:"p90_us"`
	P99    int64     `json:"p99_us"`
}
