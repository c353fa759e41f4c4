package data

import "time"

// Transport values of Turn.Transport.
const (
	TransportHTTPJSON  = "http-json"
	TransportHTTPSSE   = "http-sse"
	TransportWebSocket = "websocket"
	TransportHTTP      = "http" // any other body (not an LLM exchange the parsers understood)
)

// Turn is one captured exchange: an HTTP request and its response, or one response on a
// WebSocket. Turns are append-only; nothing ever changes a captured turn.
type Turn struct {
	ID          string     `json:"id"`
	SessionID   string     `json:"session_id"`
	Seq         int64      `json:"seq"`
	StartedAt   time.Time  `json:"started_at"`
	FirstByteAt *time.Time `json:"first_byte_at,omitempty"`
	EndedAt     *time.Time `json:"ended_at,omitempty"`
	Host        string     `json:"host"`
	Method      string     `json:"method"`
	Path        string     `json:"path"`
	Status      int        `json:"status"`
	Transport   string     `json:"transport"`
	Provider    string     `json:"provider"`
	API         string     `json:"api"`
	// RequestModel is what the client asked for; Model is what the provider says answered.
	RequestModel    string `json:"request_model"`
	Model           string `json:"model"`
	ResponseID      string `json:"response_id"`
	RequestID       string `json:"request_id"`
	RequestSHA256   string `json:"request_sha256"`
	RequestSize     int64  `json:"request_size"`
	ResponseSHA256  string `json:"response_sha256"`
	ResponseSize    int64  `json:"response_size"`
	RequestEncoding string `json:"request_encoding,omitempty"` // Content-Encoding on the wire
	// ResponseEncoding is the response's Content-Encoding on the wire.
	ResponseEncoding string `json:"response_encoding,omitempty"`
	Usage            Usage  `json:"usage"`
	UsageNative      string `json:"usage_native"` // the provider's own usage JSON
	// CostMicros is nil when no price is known: unpriced is never reported as 0. CostSource says
	// where it came from: CostCaptured, CostRepriced (the API priced a turn captured without a
	// price from a price added since) or "" (unpriced).
	CostMicros           *int64 `json:"cost_micros"`
	CostSource           string `json:"cost_source"`
	StopReason           string `json:"stop_reason"`
	StopReasonNormalized string `json:"stop_reason_normalized"`
	Complete             bool   `json:"complete"`
	Parsed               bool   `json:"parsed"`
	Error                string `json:"error,omitempty"`
	Developer            string `json:"developer"`
	Team                 string `json:"team"`
	Repo                 string `json:"repo"`
	Client               string `json:"client"`
	ClientVersion        string `json:"client_version"`
}

// TurnFilter selects the turns of one session in sequence order, after AfterSeq.
type TurnFilter struct {
	SessionID string
	AfterSeq  int64
	Limit     int
}

// Text roles of TurnText.Role.
const (
	RoleUser       = "user"
	RoleAssistant  = "assistant"
	RoleThinking   = "thinking"
	RoleToolUse    = "tool_use"
	RoleToolResult = "tool_result"
	RoleSystem     = "system"
)

// TurnText is a readable piece of a turn (a prompt, an answer, a thought, tool I/O): the corpus of
// full-text search and of the agent-facing rendering. The bodies themselves stay in the object store.
type TurnText struct {
	TurnID    string    `json:"turn_id"`
	SessionID string    `json:"session_id"`
	StartedAt time.Time `json:"started_at"`
	Role      string    `json:"role"`
	Body      string    `json:"body"`
}

// TurnDetail is a turn with everything attached: tool calls, texts and, when asked for, bodies.
type TurnDetail struct {
	Turn      Turn       `json:"turn"`
	ToolCalls []ToolCall `json:"tool_calls"`
	Texts     []TurnText `json:"texts"`
	Request   *Body      `json:"request,omitempty"`
	Response  *Body      `json:"response,omitempty"`
}

// Body is a captured body as shown to a reader: content-decoded, masked, and cut at a size limit.
type Body struct {
	SHA256    string `json:"sha256"`
	WireSize  int64  `json:"wire_size"`
	Encoding  string `json:"encoding,omitempty"`
	Text      string `json:"text"`
	Truncated bool   `json:"truncated"`
	// Binary is set when the decoded body is not UTF-8 text; Text then holds base64.
	Binary bool `json:"binary"`
}
