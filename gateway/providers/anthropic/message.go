package anthropic

import (
	"bytes"
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
)

// responseMessage is a whole (non-streamed) Messages response.
type responseMessage struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	Model      string          `json:"model"`
	Content    json.RawMessage `json:"content"`
	StopReason *string         `json:"stop_reason"`
	Usage      json.RawMessage `json:"usage"`
}

// parseMessage fills r from a JSON Message body.
func parseMessage(r *providers.Result, body []byte) {
	var m responseMessage
	if err := json.Unmarshal(body, &m); err != nil || m.Type != "message" {
		r.Unparsed, r.Reason = true, "response is JSON but not a Messages message"
		return
	}
	r.ResponseID, r.Model = m.ID, m.Model
	if m.StopReason != nil {
		r.StopReason = *m.StopReason
	}
	r.StopReasonNormalized = normalizeStop(r.StopReason)
	r.Complete, r.UsageIsFinal = true, true
	if len(m.Usage) > 0 && !bytes.Equal(m.Usage, []byte("null")) {
		r.UsageNative = m.Usage
		r.Usage = decodeUsage(m.Usage).normalize()
	}
	var text, thinking bytes.Buffer
	for i, b := range blocks(m.Content) {
		switch b.Type {
		case "text":
			text.WriteString(b.Text)
			r.TextBlocks = append(r.TextBlocks, b.Text)
		case "thinking":
			thinking.WriteString(b.Thinking)
		case "tool_use", "server_tool_use", "mcp_tool_use":
			r.ToolCalls = append(r.ToolCalls, providers.ToolCall{
				Index: i, ID: b.ID, Name: b.Name, Arguments: compactJSON(b.Input),
			})
		}
	}
	r.Text, r.Thinking = text.String(), thinking.String()
}

// compactJSON returns raw compacted, or nil (JSON null) when it is empty or not valid JSON.
func compactJSON(raw []byte) json.RawMessage {
	if len(raw) == 0 {
		return nil
	}
	var buf bytes.Buffer
	buf.Grow(len(raw))
	if json.Compact(&buf, raw) != nil {
		return nil
	}
	return buf.Bytes()
}
