package fakeprovider

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func codexBody(input ...map[string]any) map[string]any {
	return map[string]any{
		"model": "gpt-6.1-sol", "instructions": "You are Codex.", "stream": true, "store": false,
		"tool_choice": "auto", "parallel_tool_calls": false,
		"reasoning": map[string]any{"effort": "medium", "summary": "auto"},
		"include":   []string{"reasoning.encrypted_content"}, "prompt_cache_key": "7cbaef9f-40bd-4631-8350-2f8bb47a0b70",
		"tools": []map[string]any{{"type": "function", "name": "shell_command", "strict": false, "parameters": map[string]any{
			"type": "object", "properties": map[string]any{"command": map[string]any{"type": "string"}, "workdir": map[string]any{"type": "string"}}, "required": []string{"command"},
		}}},
		"input": input,
	}
}

var codexPrompt = map[string]any{"type": "message", "role": "user", "content": []map[string]any{{"type": "input_text", "text": "write a note"}}}

// responsesResult is what a client assembles from Responses events (SSE or frames).
type responsesResult struct {
	names     []string
	summary   string
	text      string
	args      string
	call      map[string]any
	completed map[string]any
}

func assembleResponses(t *testing.T, datas []string) responsesResult {
	t.Helper()
	var r responsesResult
	for i, d := range datas {
		e := decodeJSON(t, d)
		typ := e["type"].(string)
		r.names = append(r.names, typ)
		if typ == "codex.rate_limits" {
			continue
		}
		if seq, ok := e["sequence_number"].(float64); !ok || int(seq) != len(r.names)-1-countType(r.names, "codex.rate_limits") {
			t.Errorf("event %d %s sequence_number = %v", i, typ, e["sequence_number"])
		}
		switch typ {
		case "response.reasoning_summary_text.delta":
			r.summary += e["delta"].(string)
		case "response.output_text.delta":
			r.text += e["delta"].(string)
		case "response.function_call_arguments.delta":
			r.args += e["delta"].(string)
		case "response.output_item.done":
			if path(e, "item", "type") == "function_call" {
				r.call = e["item"].(map[string]any)
			}
		case "response.completed":
			r.completed = e["response"].(map[string]any)
		}
	}
	return r
}

func countType(names []string, typ string) int {
	n := 0
	for _, s := range names {
		if s == typ {
			n++
		}
	}
	return n
}

func TestResponsesSSEToolCallThenText(t *testing.T) {
	srv, _ := startServer(t, Options{})
	first := post(t, srv, "https://api.openai.com/v1/responses", mustMarshal(t, codexBody(codexPrompt)), map[string]string{"Accept": "text/event-stream"})
	if first.resp.Header.Get("X-Codex-Primary-Used-Percent") == "" {
		t.Error("missing Codex rate-limit headers")
	}
	st := readSSE(first.resp.Body)
	if st.Err != nil || !st.LF {
		t.Fatalf("err %v LF %v", st.Err, st.LF)
	}
	var datas []string
	for _, e := range st.Events {
		datas = append(datas, e.Data)
		if got := decodeJSON(t, e.Data)["type"]; got != e.Event {
			t.Errorf("event %q has type %v", e.Event, got)
		}
	}
	r := assembleResponses(t, datas)
	wantStart := []string{"response.created", "response.in_progress", "response.output_item.added", "response.reasoning_summary_part.added"}
	if strings.Join(r.names[:4], ",") != strings.Join(wantStart, ",") || r.names[len(r.names)-1] != "response.completed" {
		t.Errorf("events = %v", r.names)
	}
	if r.summary == "" || r.text == "" {
		t.Errorf("summary %q text %q", r.summary, r.text)
	}
	if r.call["name"] != "shell_command" || r.call["arguments"] != r.args || !strings.HasPrefix(r.call["call_id"].(string), "call_") || !strings.HasPrefix(r.call["id"].(string), "fc_") {
		t.Fatalf("call = %v, streamed args %q", r.call, r.args)
	}
	usage := r.completed["usage"].(map[string]any)
	if path(usage, "input_tokens_details", "cached_tokens") == nil || path(usage, "output_tokens_details", "reasoning_tokens").(float64) == 0 {
		t.Errorf("usage = %v", usage)
	}
	if out := r.completed["output"].([]any); len(out) != 3 || !strings.HasPrefix(path(out, 0, "id").(string), "rs_") || path(out, 0, "encrypted_content") == nil {
		t.Errorf("output = %v", out)
	}

	// The HTTP path resends the whole conversation with the tool output at the end.
	follow := codexBody(codexPrompt, r.call, map[string]any{"type": "function_call_output", "call_id": r.call["call_id"], "output": "Exit code: 0\nOutput:\nhello\n"})
	st2 := readSSE(post(t, srv, "https://chatgpt.com/backend-api/codex/responses", mustMarshal(t, follow), nil).resp.Body)
	var d2 []string
	for _, e := range st2.Events {
		d2 = append(d2, e.Data)
	}
	r2 := assembleResponses(t, d2)
	if r2.call != nil || !strings.Contains(r2.text, "hello") || r2.completed["status"] != "completed" {
		t.Errorf("second turn: call %v text %q", r2.call, r2.text)
	}
}

// TestResponsesZstdBody sends a zstd body with chunked framing, as Codex does, and checks the
// logged hash is over the encoded bytes as sent.
func TestResponsesZstdBody(t *testing.T) {
	srv, logPath := startServer(t, Options{})
	plain := mustMarshal(t, codexBody(codexPrompt))
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	wire := enc.EncodeAll(plain, nil)
	// io.MultiReader hides the length, so the client sends Transfer-Encoding: chunked.
	req, err := http.NewRequest(http.MethodPost, "https://api.openai.com/v1/responses", io.MultiReader(bytes.NewReader(wire)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Encoding", "zstd")
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	st := readSSE(resp.Body)
	waitExchanges(t, srv, 1)
	ex := readLog(t, logPath)[0]
	if ex.RequestSHA256 != sha(wire) || ex.RequestBytes != int64(len(wire)) || ex.RequestEncoding != "zstd" {
		t.Errorf("request hash %s bytes %d enc %q, want %s %d zstd", ex.RequestSHA256, ex.RequestBytes, ex.RequestEncoding, sha(wire), len(wire))
	}
	if ex.ResponseSHA256 != sha(st.Raw) || ex.ResponseBytes != int64(len(st.Raw)) {
		t.Errorf("response hash mismatch: log %s/%d, read %s/%d", ex.ResponseSHA256, ex.ResponseBytes, sha(st.Raw), len(st.Raw))
	}
	if ex.Tool != "shell_command" || ex.Model != "gpt-6.1-sol" || !ex.Complete {
		t.Errorf("exchange = %+v", ex)
	}
}

func TestResponsesNonStreamAndUnknownPrevious(t *testing.T) {
	srv, _ := startServer(t, Options{})
	body := codexBody(map[string]any{"role": "user", "content": "hi"})
	body["stream"] = false
	body["tools"] = []any{}
	r := post(t, srv, "https://api.openai.com/v1/responses", mustMarshal(t, body), nil)
	var resp struct {
		Object string
		Status string
		Output []struct{ Type string }
		Usage  map[string]any
	}
	if err := json.NewDecoder(r.resp.Body).Decode(&resp); err != nil {
		t.Fatal(err)
	}
	if resp.Object != "response" || resp.Status != "completed" || resp.Output[len(resp.Output)-1].Type != "message" || resp.Usage["total_tokens"] == nil {
		t.Errorf("response = %+v", resp)
	}

	body["previous_response_id"] = "resp_nope"
	bad := post(t, srv, "https://api.openai.com/v1/responses", mustMarshal(t, body), nil)
	b, _ := io.ReadAll(bad.resp.Body)
	if bad.resp.StatusCode != http.StatusBadRequest || path(decodeJSON(t, string(b)), "error", "code") != "previous_response_not_found" {
		t.Errorf("status %d body %s", bad.resp.StatusCode, b)
	}
}
