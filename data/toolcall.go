package data

import "time"

// ToolCall is one tool use the model asked for. Result fields are filled from the later request
// that carried the tool's result, when one has been seen.
type ToolCall struct {
	ID        string `json:"id"`
	TurnID    string `json:"turn_id"`
	SessionID string `json:"session_id"`
	Index     int    `json:"index"`
	ToolUseID string `json:"tool_use_id"`
	Name      string `json:"name"`
	// Arguments is the parsed arguments as JSON; ArgumentsRaw the exact concatenation of the
	// streamed fragments (nil where the provider sends whole objects).
	Arguments    string    `json:"arguments"`
	ArgumentsRaw *string   `json:"arguments_raw,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	ResultSeen   bool      `json:"result_seen"`
	ResultError  bool      `json:"result_is_error"`
	ResultTurnID string    `json:"result_turn_id,omitempty"`
}

// ToolResult links a tool use to the later turn whose request carried its result.
type ToolResult struct {
	ID           string    `json:"id"`
	SessionID    string    `json:"session_id"`
	ToolUseID    string    `json:"tool_use_id"`
	ResultTurnID string    `json:"result_turn_id"`
	IsError      bool      `json:"is_error"`
	SeenAt       time.Time `json:"seen_at"`
}
