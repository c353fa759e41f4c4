package openai

import (
	"encoding/json"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/providertest"
)

// parseChecked parses x and checks what must hold for any input: no panic, and a Result
// that marshals (its raw JSON fields are valid or absent).
func parseChecked(t *testing.T, x *providers.Exchange) providers.Result {
	t.Helper()
	r := New().Parse(x)
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("Result does not marshal: %v", err)
	}
	for _, tc := range r.ToolCalls {
		if tc.ArgumentsRaw != nil && tc.Arguments != nil && !json.Valid([]byte(*tc.ArgumentsRaw)) {
			t.Fatalf("arguments %s parsed from invalid raw %q", tc.Arguments, *tc.ArgumentsRaw)
		}
	}
	if r.Complete && r.Error != nil {
		t.Fatalf("complete with an error: %+v", r.Error)
	}
	return r
}

func FuzzChatStream(f *testing.F) {
	f.Add(providertest.Load(f, providertest.Dir(f, "06")).Response)
	f.Add(providertest.Load(f, providertest.Dir(f, "07")).Response)
	f.Add(sseData(chunk(`{"content":"caf\u00e9"}`, "stop"), `{"error":{"message":"x"}}`, "[DONE]"))
	f.Add(sseData(chunk(`{"tool_calls":[{"index":1,"id":"c","function":{"name":"n","arguments":"{\"a\":1}"}}]}`, "tool_calls"), usageChunk))
	f.Add([]byte(`{"id":"c","choices":[{"index":0,"message":{"content":[{"type":"text","text":"x"}]},"finish_reason":"stop"}],"usage":{"prompt_tokens":1}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		parseChecked(t, chatExchange(body))
		parseChecked(t, exchange("/v1/chat/completions", 200, "{}", body))
	})
}

func FuzzResponsesStream(f *testing.F) {
	f.Add(providertest.Load(f, providertest.Dir(f, "08")).Response)
	f.Add(providertest.Load(f, providertest.Dir(f, "13")).Response)
	f.Add(sseEvents(f, evCreated, evFCAdded, evArgs1, `{"type":"error","code":"x","message":"y"}`))
	for _, ev := range []string{evMsgAdded, evText1, evArgsDone, terminal("response.incomplete", "incomplete", `,"incomplete_details":{"reason":"max_output_tokens"}`)} {
		f.Add([]byte(ev))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		parseChecked(t, responsesExchange(body))
		parseChecked(t, exchange("/v1/responses", 200, "{}", body))
		// The same bytes as one WebSocket message, and as a request body.
		parseChecked(t, wsTurn(string(body), string(body)))
	})
}

// FuzzWebSocketFrames feeds fixture 09's turns with one message replaced by fuzz input.
func FuzzWebSocketFrames(f *testing.F) {
	x := providertest.Load(f, providertest.Dir(f, "09"))
	for i, m := range x.Messages {
		f.Add(m.Data, uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, at uint8) {
		turn := *x
		turn.Messages = append([]providers.WSMessage(nil), x.Messages...)
		turn.Messages[int(at)%len(turn.Messages)].Data = data
		parseChecked(t, &turn)
	})
}
