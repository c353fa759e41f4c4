package data

import "time"

// Session is one agent session: the turns one agent run sent, grouped by the agent's own session
// id where it sends one, else by the gateway's heuristics. Totals are the sums of its turns.
type Session struct {
	ID              string    `json:"id"`
	ExternalID      string    `json:"external_id,omitempty"` // the agent's own session id
	ParentSessionID string    `json:"parent_session_id,omitempty"`
	Provider        string    `json:"provider"`
	Model           string    `json:"model"`
	Client          string    `json:"client"`
	ClientVersion   string    `json:"client_version"`
	Developer       string    `json:"developer"`
	Team            string    `json:"team"`
	Repo            string    `json:"repo"`
	Branch          string    `json:"branch"`
	Intent          string    `json:"intent"`
	StartedAt       time.Time `json:"started_at"`
	LastActivityAt  time.Time `json:"last_activity_at"`
	TurnCount       int64     `json:"turn_count"`
	Usage           Usage     `json:"usage"`
	// CostMicros sums the cost of the priced turns, in micro-dollars. UnpricedTurns counts the
	// turns without a known price: when it is not 0, CostMicros is a lower bound.
	CostMicros    int64 `json:"cost_micros"`
	UnpricedTurns int64 `json:"unpriced_turns"`
}

// SessionFilter selects sessions. Zero fields do not filter. Sessions are ordered newest first
// (started_at, then id, descending); Cursor continues after the last session of a previous page.
type SessionFilter struct {
	From, To  time.Time // started_at in [From, To)
	Provider  string
	Model     string
	Developer string
	Team      string
	Repo      string
	Text      string // full-text match over the session's captured text, or its external id
	Limit     int
	Cursor    string
}

// SessionPage is one page of sessions; NextCursor is "" on the last page.
type SessionPage struct {
	Sessions   []Session `json:"sessions"`
	NextCursor string    `json:"next_cursor,omitempty"`
}
