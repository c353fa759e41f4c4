package data

import "time"

// Artifact actions.
const (
	ActionRead   = "read"
	ActionWrite  = "write"
	ActionEdit   = "edit"
	ActionDelete = "delete"
	ActionRun    = "run"
)

// Artifact is a file a session touched, or a command it ran, as its tool calls show.
type Artifact struct {
	ID         string    `json:"id"`
	SessionID  string    `json:"session_id"`
	TurnID     string    `json:"turn_id"`
	ToolCallID string    `json:"tool_call_id"`
	Action     string    `json:"action"`
	Path       string    `json:"path,omitempty"`
	Command    string    `json:"command,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// ArtifactPage is one page of artifacts for a path, newest first.
type ArtifactPage struct {
	Artifacts  []Artifact `json:"artifacts"`
	NextCursor string     `json:"next_cursor,omitempty"`
}
