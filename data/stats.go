package data

import "time"

// Dimensions a StatsQuery can group by.
const (
	DimNone      = ""
	DimProvider  = "provider"
	DimModel     = "model"
	DimDeveloper = "developer"
	DimTeam      = "team"
	DimRepo      = "repo"
)

// Buckets a StatsQuery can split time into (UTC).
const (
	BucketNone = ""
	BucketHour = "hour"
	BucketDay  = "day"
)

// StatsQuery sums turns whose start lies in [From, To), grouped by one dimension and optionally
// by time bucket. Filters narrow the turns first.
type StatsQuery struct {
	From, To  time.Time
	GroupBy   string
	Bucket    string
	Provider  string
	Model     string
	Developer string
	Team      string
	Repo      string
}

// StatsRow is one group's sums. Key is the dimension's value ("" when not grouped); Bucket is the
// bucket's start (zero when not bucketed).
type StatsRow struct {
	Key             string    `json:"key"`
	Bucket          time.Time `json:"bucket,omitzero"`
	Turns           int64     `json:"turns"`
	Sessions        int64     `json:"sessions"`
	Usage           Usage     `json:"usage"`
	CostMicros      int64     `json:"cost_micros"`
	UnpricedTurns   int64     `json:"unpriced_turns"`
	IncompleteTurns int64     `json:"incomplete_turns"`
	ErrorTurns      int64     `json:"error_turns"`
}
