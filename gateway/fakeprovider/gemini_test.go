package fakeprovider

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

var geminiTools = []map[string]any{{"functionDeclarations": []map[string]any{
	{"name": "read_file", "parametersJsonSchema": map[string]any{"type": "object", "properties": map[string]any{"file_path": map[string]any{"type": "string"}}, "required": []string{"file_path"}}},
	{"name": "run_shell_command", "parametersJsonSchema": map[string]any{"type": "object", "properties": map[string]any{
		"command": map[string]any{"type": "string"}, "description": map[string]any{"type": "string"}, "dir_path": map[string]any{"type": "string"},
	}, "required": []string{"command"}}},
}}}

func geminiBody(contents ...map[string]any) map[string]any {
	return map[string]any{
		"contents": contents, "tools": geminiTools,
		"systemInstruction": map[string]any{"role": "user", "parts": []map[string]any{{"text": "You are an interactive CLI agent."}}},
		"generationConfig":  map[string]any{"temperature": 1, "thinkingConfig": map[string]any{"includeThoughts": true}},
	}
}

var geminiPrompt = map[string]any{"role": "user", "parts": []map[string]any{{"text": "write a note"}}}

// geminiResult is what a client assembles from stream chunks or a whole response.
type geminiResult struct {
	text, thought string
	calls         []map[string]any
	finish        string
	usage         map[string]any
	model         string
}

func assembleGemini(t *testing.T, chunks []map[string]any) geminiResult {
	t.Helper()
	var g geminiResult
	for _, c := range chunks {
		if c["usageMetadata"] == nil {
			t.Errorf("chunk without usageMetadata: %v", c)
		}
		g.usage, _ = c["usageMetadata"].(map[string]any)
		g.model, _ = c["modelVersion"].(string)
		if f, ok := path(c, "candidates", 0, "finishReason").(string); ok {
			g.finish = f
		}
		parts, _ := path(c, "candidates", 0, "content", "parts").([]any)
		for _, p := range parts {
			p := p.(map[string]any)
			switch {
			case p["functionCall"] != nil:
				fc := p["functionCall"].(map[string]any)
				if _, hasID := fc["id"]; hasID {
					t.Error("functionCall carries an id")
				}
				g.calls = append(g.calls, fc)
			case p["thought"] == true:
				g.thought += p["text"].(string)
			default:
				g.text += p["text"].(string)
			}
		}
	}
	return g
}

func TestGeminiStreamToolCallThenText(t *testing.T) {
	srv, _ := startServer(t, Options{})
	url := "https://generativelanguage.googleapis.com/v1beta/models/gemini-3.1-pro-preview:streamGenerateContent?alt=sse"
	r := post(t, srv, url, mustMarshal(t, geminiBody(geminiPrompt)), map[string]string{"x-goog-api-key": "k"})
	st := readSSE(r.resp.Body)
	if st.Err != nil || !st.CRLF || len(st.Events) < 3 {
		t.Fatalf("err %v CRLF %v events %d", st.Err, st.CRLF, len(st.Events))
	}
	if !strings.Contains(st.Events[0].Data, `"candidates": [`) {
		t.Errorf("chunk is not in Gemini's separator style: %.80s", st.Events[0].Data)
	}
	var chunks []map[string]any
	for _, e := range st.Events {
		chunks = append(chunks, decodeJSON(t, e.Data))
	}
	g := assembleGemini(t, chunks)
	if len(g.calls) != 1 || g.calls[0]["name"] != "run_shell_command" || path(g.calls[0], "args", "command") != DemoCommand {
		t.Fatalf("calls = %v", g.calls)
	}
	if g.finish != "STOP" || g.thought == "" || g.model != "gemini-3.1-pro-preview" || g.usage["thoughtsTokenCount"] == nil {
		t.Errorf("finish %q thought %q model %q usage %v", g.finish, g.thought, g.model, g.usage)
	}

	model := map[string]any{"role": "model", "parts": []map[string]any{{"functionCall": g.calls[0]}}}
	result := map[string]any{"role": "user", "parts": []map[string]any{{"functionResponse": map[string]any{
		"name": "run_shell_command", "response": map[string]any{"output": "Command: ...\nOutput: hello"},
	}}}}
	whole := post(t, srv, "https://generativelanguage.googleapis.com/v1beta/models/gemini-3.1-pro-preview:generateContent", mustMarshal(t, geminiBody(geminiPrompt, model, result)), nil)
	b, _ := io.ReadAll(whole.resp.Body)
	if !strings.Contains(string(b), "\n  \"candidates\": [") {
		t.Errorf("non-stream body is not pretty-printed: %.60s", b)
	}
	g2 := assembleGemini(t, []map[string]any{decodeJSON(t, string(b))})
	if len(g2.calls) != 0 || !strings.Contains(g2.text, "hello") || g2.finish != "STOP" {
		t.Errorf("final = %+v", g2)
	}
}

func TestGeminiStreamJSONArrayAndSchema(t *testing.T) {
	srv, _ := startServer(t, Options{})
	body := map[string]any{
		"contents": []any{geminiPrompt},
		"generationConfig": map[string]any{"responseMimeType": "application/json", "responseJsonSchema": map[string]any{
			"type": "object", "properties": map[string]any{"reasoning": map[string]any{"type": "string"}, "model_choice": map[string]any{"type": "string", "enum": []string{"flash", "pro"}}},
			"required": []string{"reasoning", "model_choice"},
		}},
	}
	r := post(t, srv, "https://generativelanguage.googleapis.com/v1beta/models/gemini-3.5-flash-lite:streamGenerateContent", mustMarshal(t, body), nil)
	var chunks []map[string]any
	if err := json.NewDecoder(r.resp.Body).Decode(&chunks); err != nil {
		t.Fatalf("streamed JSON array: %v", err)
	}
	g := assembleGemini(t, chunks)
	var choice map[string]string
	if err := json.Unmarshal([]byte(g.text), &choice); err != nil || choice["model_choice"] != "flash" {
		t.Errorf("text %q: %v", g.text, err)
	}
}

func TestCodeAssist(t *testing.T) {
	srv, _ := startServer(t, Options{})
	wrap := map[string]any{
		"model": "gemini-2.5-pro", "project": "p", "user_prompt_id": "66b4be25-2a3e-4581-9f9b-964ebd3f40e9########1",
		"request": geminiBody(geminiPrompt),
	}
	r := post(t, srv, "https://cloudcode-pa.googleapis.com/v1internal:streamGenerateContent?alt=sse", mustMarshal(t, wrap), nil)
	st := readSSE(r.resp.Body)
	if st.Err != nil || !st.LF {
		t.Fatalf("err %v LF %v", st.Err, st.LF)
	}
	var chunks []map[string]any
	for _, e := range st.Events {
		c := decodeJSON(t, e.Data)
		if c["traceId"] == nil {
			t.Errorf("chunk lacks traceId: %v", c)
		}
		chunks = append(chunks, c["response"].(map[string]any))
	}
	if g := assembleGemini(t, chunks); len(g.calls) != 1 || g.model != "gemini-2.5-pro" {
		t.Errorf("calls %v model %q", g.calls, g.model)
	}

	tests := []struct {
		method string
		want   string
	}{
		{"loadCodeAssist", "currentTier"},
		{"onboardUser", "cloudaicompanionProject"},
		{"countTokens", "totalTokens"},
	}
	for _, tt := range tests {
		r := post(t, srv, "https://cloudcode-pa.googleapis.com/v1internal:"+tt.method, []byte(`{"request":{"contents":[]}}`), nil)
		b, _ := io.ReadAll(r.resp.Body)
		if r.resp.StatusCode != http.StatusOK || decodeJSON(t, string(b))[tt.want] == nil && !strings.Contains(string(b), tt.want) {
			t.Errorf("%s: %d %s", tt.method, r.resp.StatusCode, b)
		}
	}
}
