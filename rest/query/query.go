package query

// Resources a query can read.
const (
	Sessions  = "sessions"
	Turns     = "turns"
	ToolCalls = "tool_calls"
	Anomalies = "anomalies"
)

// Query is the document POST /v1/query takes. Zero values mean "not given".
type Query struct {
	Resource string   `json:"resource"`
	Filters  Filters  `json:"filters"`
	GroupBy  []string `json:"group_by"`
	Metrics  []string `json:"metrics"`
	Fields   []string `json:"fields"`
	Order    []string `json:"order"`
	Limit    int      `json:"limit"`
	Cursor   string   `json:"cursor"`
}

// Filters narrow the rows. Which apply depends on the resource (see filtersOf); every value is
// matched as data, by equality, full-text words or a literal substring, never as a pattern.
type Filters struct {
	From      string `json:"from"` // RFC 3339 time or YYYY-MM-DD (UTC), inclusive
	To        string `json:"to"`   // exclusive
	Provider  string `json:"provider"`
	Model     string `json:"model"`
	Developer string `json:"developer"`
	Team      string `json:"team"`
	Repo      string `json:"repo"`
	Text      string `json:"text"`
	SessionID string `json:"session_id"`
	Tool      string `json:"tool"`
	Kind      string `json:"kind"`
	Severity  string `json:"severity"`
}

// Bounds of a query document.
const (
	MaxBodyBytes  = 64 << 10 // a query is a few hundred bytes; anything far larger is not one
	maxListItems  = 32       // entries of group_by, metrics, fields, order
	maxValueBytes = 256      // one filter value (text: maxTextBytes)
	maxTextBytes  = 1000
	maxCursorLen  = 512
)

// filtersOf lists the filters each resource accepts, in documentation order.
var filtersOf = map[string][]string{
	Sessions:  {"from", "to", "provider", "model", "developer", "team", "repo", "text"},
	Turns:     {"from", "to", "provider", "model", "developer", "team", "repo", "text", "session_id"},
	ToolCalls: {"from", "to", "provider", "model", "developer", "team", "repo", "text", "session_id", "tool"},
	Anomalies: {"from", "to", "session_id", "kind", "severity"},
}

// aggregateFilters are the filters of an aggregate query (they are the ones data.StatsQuery has).
var aggregateFilters = []string{"from", "to", "provider", "model", "developer", "team", "repo"}

// values returns the filters by JSON name, for checks that treat them alike.
func (f Filters) values() map[string]string {
	return map[string]string{
		"from": f.From, "to": f.To, "provider": f.Provider, "model": f.Model, "developer": f.Developer,
		"team": f.Team, "repo": f.Repo, "text": f.Text, "session_id": f.SessionID, "tool": f.Tool,
		"kind": f.Kind, "severity": f.Severity,
	}
}

// filterNames is every filter in documentation order.
var filterNames = []string{"from", "to", "provider", "model", "developer", "team", "repo", "text", "session_id", "tool", "kind", "severity"}
