package write

import (
	"context"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/recondo/recondo/data"
)

// Exchange is everything persisted for one captured exchange, in one transaction.
type Exchange struct {
	// Session carries the descriptive fields of the session the turn belongs to (its ID must be
	// set). Totals are ignored: the writer adds the turn's usage and cost itself.
	Session data.Session
	// Turn is the captured turn. Its ID is the gateway's capture id, which makes a replay of the
	// same exchange a no-op; Seq is assigned by the writer.
	Turn        data.Turn
	ToolCalls   []data.ToolCall
	ToolResults []data.ToolResult
	Texts       []data.TurnText
	Anomalies   []data.Anomaly
	// Artifacts name files and commands; ToolCallIndex says which of ToolCalls each came from.
	Artifacts []ArtifactOf
}

// ArtifactOf is an artifact of the exchange's tool call at ToolCallIndex.
type ArtifactOf struct {
	ToolCallIndex int
	Action        string
	Path          string
	Command       string
}

// Writer persists exchanges. Implementations are safe for concurrent use.
type Writer interface {
	// Write persists the exchanges in one transaction and returns how many were new: an
	// exchange whose turn id is already stored is skipped whole (idempotent replay).
	Write(ctx context.Context, exchanges ...Exchange) (inserted int, err error)
	// HasTurn reports whether a turn with this capture id is stored.
	HasTurn(ctx context.Context, id string) (bool, error)
	Close() error
}

// MaxTextBytes caps each indexed text. The full body is always in the object store; the cap keeps
// a giant tool result from bloating the search index (PostgreSQL refuses tsvectors over 1 MB).
const MaxTextBytes = 256 << 10

// clip cuts s to at most MaxTextBytes on a rune boundary.
func clip(s string) string {
	if len(s) <= MaxTextBytes {
		return s
	}
	cut := MaxTextBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// costParts splits a turn's cost into the session's priced sum and unpriced count.
func costParts(t data.Turn) (cost, unpriced int64) {
	if t.CostMicros == nil {
		return 0, 1
	}
	return *t.CostMicros, 0
}

// prepare fills what the schema needs but the gateway may leave empty: ids, empty JSON objects,
// and the turn's own session, id and time on its children. Both engines write the result as is.
func (x *Exchange) prepare() {
	t := &x.Turn
	t.SessionID = x.Session.ID
	if t.UsageNative == "" {
		t.UsageNative = "{}"
	}
	for i := range x.ToolCalls {
		c := &x.ToolCalls[i]
		c.ID = orNewID(c.ID)
		if c.Arguments == "" {
			c.Arguments = "{}"
		}
	}
	for i := range x.ToolResults {
		x.ToolResults[i].ID = orNewID(x.ToolResults[i].ID)
	}
	for i := range x.Texts {
		x.Texts[i].Body = clip(x.Texts[i].Body)
	}
	for i := range x.Anomalies {
		a := &x.Anomalies[i]
		a.ID = orNewID(a.ID)
		if a.Detail == "" {
			a.Detail = "{}"
		}
		if a.CreatedAt.IsZero() {
			a.CreatedAt = t.StartedAt
		}
		if a.SessionID == "" {
			a.SessionID = x.Session.ID
		}
		if a.TurnID == "" {
			a.TurnID = t.ID
		}
	}
}

// lastActivity is when the turn ended, or started if it never did.
func lastActivity(t data.Turn) time.Time {
	if t.EndedAt != nil {
		return *t.EndedAt
	}
	return t.StartedAt
}

// toolCallAt finds the tool call with the given index.
func toolCallAt(calls []data.ToolCall, index int) (data.ToolCall, bool) {
	for _, c := range calls {
		if c.Index == index {
			return c, true
		}
	}
	return data.ToolCall{}, false
}

// artifactID names the i-th artifact of an exchange after its tool call: the same capture
// always yields the same ids.
func artifactID(toolCallID string, i int) string { return toolCallID + "/" + strconv.Itoa(i) }
