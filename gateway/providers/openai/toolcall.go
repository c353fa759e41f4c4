package openai

import (
	"bytes"
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
)

// toolCall builds a ToolCall whose arguments arrived as text: ArgumentsRaw keeps the text
// exactly, Arguments is it parsed and compacted, or null when it does not parse (a stream
// cut mid-call, a model that wrote broken JSON).
func toolCall(index int, id, itemID, name string, raw []byte) providers.ToolCall {
	text := string(raw)
	return providers.ToolCall{
		Index:        index,
		ID:           id,
		ItemID:       itemID,
		Name:         name,
		Arguments:    compactJSON(raw),
		ArgumentsRaw: &text,
	}
}

// compactJSON returns raw compacted when it is valid JSON, else nil.
func compactJSON(raw []byte) json.RawMessage {
	var b bytes.Buffer
	if len(bytes.TrimSpace(raw)) == 0 || json.Compact(&b, raw) != nil {
		return nil
	}
	return b.Bytes()
}
