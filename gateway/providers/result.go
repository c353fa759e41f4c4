package providers

import (
	"encoding/json"
	"net/http"
	"time"
)

// APIs (Result.API), as the fixtures name them.
const (
	APIAnthropicMessages    = "anthropic.messages"
	APIAnthropicCountTokens = "anthropic.count_tokens"
	APIOpenAIChat           = "openai.chat_completions"
	APIOpenAIResponses      = "openai.responses"
	APIGeminiGenerate       = "gemini.generate_content"
	APIGeminiCodeAssist     = "gemini.code_assist.stream_generate_content"
)

// Normalised stop reasons (Result.StopReasonNormalized).
const (
	StopEndTurn   = "end_turn"
	StopToolUse   = "tool_use"
	StopMaxTokens = "max_tokens"
	StopError     = "error"
)

// Exchange is what a parser reads: one HTTP exchange, or one request/response pair on a
// WebSocket. Bodies are content-decoded (gzip/br/zstd removed); for WebSocket turns Request is
// the client's message and Messages holds every message of the turn in order.
type Exchange struct {
	Host            string // without port
	Method          string
	Path            string // with query
	Status          int
	RequestHeaders  http.Header
	ResponseHeaders http.Header
	Request         []byte
	Response        []byte
	WebSocket       bool
	Messages        []WSMessage
}

// WSMessage is one WebSocket data message of a turn.
type WSMessage struct {
	FromClient bool
	At         time.Time
	Data       []byte
}

// Usage is normalised token usage; see the fixtures README for each provider's mapping. Input
// excludes cache reads and writes; Output includes reasoning.
type Usage struct {
	InputTokens        int64 `json:"input_tokens"`
	OutputTokens       int64 `json:"output_tokens"`
	CacheReadTokens    int64 `json:"cache_read_input_tokens"`
	CacheCreationTotal int64 `json:"cache_creation_input_tokens"`
	CacheWrite5m       int64 `json:"cache_creation_5m"`
	CacheWrite1h       int64 `json:"cache_creation_1h"`
	ReasoningTokens    int64 `json:"reasoning_tokens"`
}

// TotalInput is input + cache read + cache creation (what long-context tiers look at).
func (u Usage) TotalInput() int64 { return u.InputTokens + u.CacheReadTokens + u.CacheCreationTotal }

// Error is a provider error: an HTTP error body, or an error event mid-stream.
type Error struct {
	Type       string `json:"type"`
	Message    string `json:"message"`
	HTTPStatus int    `json:"http_status"`
	Source     string `json:"source"` // e.g. "http_body", "sse_event", "response.failed", "ws_frame"
}

// ToolCall is one tool use the model asked for, arguments assembled from their fragments.
type ToolCall struct {
	Index            int             `json:"index"`
	ID               string          `json:"id"`                // toolu_… / call_… ("" for Gemini)
	ItemID           string          `json:"item_id,omitempty"` // Responses API fc_…
	Name             string          `json:"name"`
	Arguments        json.RawMessage `json:"arguments"`     // parsed JSON, compact; null when the raw text does not parse
	ArgumentsRaw     *string         `json:"arguments_raw"` // exact concatenation of streamed fragments; nil when sent whole
	ThoughtSignature string          `json:"thought_signature,omitempty"`
}

// ToolResult is a tool's result carried by a request, linking back to an earlier ToolCall.
type ToolResult struct {
	ToolUseID string `json:"tool_use_id"` // Anthropic tool_use_id, OpenAI call_id; Gemini: the function name
	IsError   bool   `json:"is_error"`
	Content   string `json:"content"` // text of the result, for search (may be long)
}

// RequestInfo is what the request body says, beyond the model.
type RequestInfo struct {
	System             string       // the system prompt text, blocks joined with "\n"
	UserPrompts        []string     // user-authored text blocks of the LAST user message, in order
	FirstUserPrompt    string       // the first user text of the conversation (for intent)
	MessageCount       int          // messages/contents/input items in the request
	MessageHashes      []string     // SHA-256 of each message's canonical JSON, in order (continuity)
	ToolResults        []ToolResult // results in the request (usually the last message)
	Tools              []string     // declared tool names
	EnvironmentBlock   string       // an agent's environment description (working dir, git, platform), if found
	MetadataUserID     string       // Anthropic metadata.user_id, verbatim
	PromptCacheKey     string       // OpenAI prompt_cache_key
	PreviousResponseID string       // Responses API previous_response_id
	GeminiSessionID    string       // cloudcode-pa request.session_id
	UserPromptID       string       // cloudcode-pa user_prompt_id
	Stream             bool
}

// Result is everything a parser extracted from one exchange.
type Result struct {
	Provider             string          `json:"provider"` // anthropic | openai | google
	API                  string          `json:"api"`
	Transport            string          `json:"transport"` // http-sse | http-json | websocket
	Streaming            bool            `json:"streaming"`
	Client               string          `json:"client"` // claude-code | codex | gemini-cli | …
	ClientVersion        string          `json:"client_version"`
	RequestModel         string          `json:"request_model"`
	Model                string          `json:"model"`
	ResponseID           string          `json:"response_id"`
	RequestID            string          `json:"request_id"`
	TraceID              string          `json:"trace_id,omitempty"`
	StopReason           string          `json:"stop_reason"`
	StopReasonNormalized string          `json:"stop_reason_normalized"`
	Complete             bool            `json:"complete"`
	Error                *Error          `json:"error"`
	UsageNative          json.RawMessage `json:"usage_native"`
	Usage                Usage           `json:"usage"`
	UsageIsFinal         bool            `json:"usage_is_final"`
	ToolCalls            []ToolCall      `json:"tool_calls"`
	Text                 string          `json:"text"`
	TextBlocks           []string        `json:"text_blocks"`
	Thinking             string          `json:"thinking"`
	ReasoningSummary     string          `json:"reasoning_summary"`
	CountedInputTokens   *int64          `json:"counted_input_tokens,omitempty"`
	// SessionID is the agent's own session id where the wire carries one; SessionIDSource says where
	// it came from (e.g. "header x-claude-code-session-id", "body.metadata.user_id (json)").
	SessionID       string      `json:"session_id"`
	SessionIDSource string      `json:"session_id_source"`
	Request         RequestInfo `json:"-"`
	// Unparsed is set when the shape was not understood; Reason says what was unexpected.
	Unparsed bool   `json:"unparsed,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// Parser parses one provider's exchanges.
type Parser interface {
	// Match reports whether this parser owns the exchange (by host, path and, if needed, body).
	Match(x *Exchange) bool
	// Parse extracts a Result. It must not panic on any input and must return a Result (with
	// Unparsed set) rather than an error for shapes it does not know.
	Parse(x *Exchange) Result
}
