package fakeprovider

import (
	"encoding/json"
	"strings"
	"testing"
)

func chatBody(stream bool, messages ...map[string]any) map[string]any {
	return map[string]any{
		"model": "gpt-4.1", "stream": stream, "stream_options": map[string]any{"include_usage": true},
		"tools": []map[string]any{{"type": "function", "function": map[string]any{"name": "shell", "parameters": map[string]any{
			"type": "object", "properties": map[string]any{"command": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}}, "required": []string{"command"},
		}}}},
		"messages": messages,
	}
}

func TestChatCompletionsStreamToolCallThenText(t *testing.T) {
	srv, _ := startServer(t, Options{})
	user := map[string]any{"role": "user", "content": "make a note"}
	st := readSSE(post(t, srv, "https://api.openai.com/v1/chat/completions", mustMarshal(t, chatBody(true, user)), nil).resp.Body)
	if st.Err != nil || !st.LF || len(st.Events) < 4 {
		t.Fatalf("stream: err %v LF %v events %d", st.Err, st.LF, len(st.Events))
	}
	if last := st.Events[len(st.Events)-1]; last.Data != "[DONE]" || last.Event != "message" {
		t.Fatalf("last event = %+v, want data [DONE]", last)
	}
	args := map[int]string{}
	names := map[int]string{}
	var finish string
	var usage map[string]any
	for i, e := range st.Events[:len(st.Events)-1] {
		c := decodeJSON(t, e.Data)
		if c["object"] != "chat.completion.chunk" || !strings.HasPrefix(c["id"].(string), "chatcmpl-") {
			t.Fatalf("chunk %d = %v", i, c)
		}
		if u, ok := c["usage"].(map[string]any); ok {
			usage = u
			if n := len(c["choices"].([]any)); n != 0 {
				t.Errorf("usage chunk has %d choices", n)
			}
			continue
		}
		if f, ok := path(c, "choices", 0, "finish_reason").(string); ok {
			finish = f
		}
		calls, _ := path(c, "choices", 0, "delta", "tool_calls").([]any)
		for _, tc := range calls {
			idx := int(path(tc, "index").(float64))
			if n, ok := path(tc, "function", "name").(string); ok {
				names[idx] = n
				if id, _ := path(tc, "id").(string); !strings.HasPrefix(id, "call_") {
					t.Errorf("tool call id = %q", id)
				}
			}
			args[idx] += path(tc, "function", "arguments").(string)
		}
	}
	if names[0] != "shell" || finish != "tool_calls" {
		t.Fatalf("tool %q finish %q", names[0], finish)
	}
	var parsed struct{ Command []string }
	if err := json.Unmarshal([]byte(args[0]), &parsed); err != nil || parsed.Command[2] != DemoCommand {
		t.Errorf("arguments %q: %v", args[0], err)
	}
	if usage["prompt_tokens"] == nil || path(usage, "prompt_tokens_details", "cached_tokens") == nil || path(usage, "completion_tokens_details", "reasoning_tokens") == nil {
		t.Errorf("usage = %v", usage)
	}

	tool := map[string]any{"role": "tool", "tool_call_id": "call_x", "content": "hello"}
	assistant := map[string]any{"role": "assistant", "tool_calls": []any{}}
	body := chatBody(false, user, assistant, tool)
	var done struct {
		Object  string `json:"object"`
		Choices []struct {
			Message      struct{ Content string }
			FinishReason string `json:"finish_reason"`
		}
		Usage map[string]any
	}
	if err := json.NewDecoder(post(t, srv, "https://api.openai.com/v1/chat/completions", mustMarshal(t, body), nil).resp.Body).Decode(&done); err != nil {
		t.Fatal(err)
	}
	if done.Object != "chat.completion" || done.Choices[0].FinishReason != "stop" || !strings.Contains(done.Choices[0].Message.Content, "hello") || done.Usage["total_tokens"] == nil {
		t.Errorf("final = %+v", done)
	}
}
