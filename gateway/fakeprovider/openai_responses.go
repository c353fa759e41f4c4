package fakeprovider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// OpenAI Responses API over HTTP: POST /v1/responses and, for Codex with ChatGPT login,
// POST chatgpt.com/backend-api/codex/responses. Shapes follow fixtures 08, 09 and 13. The
// WebSocket transport (openai_ws.go) sends the same events built here.

type responsesRequest struct {
	Model              string          `json:"model"`
	Instructions       json.RawMessage `json:"instructions"`
	Input              json.RawMessage `json:"input"`
	Tools              json.RawMessage `json:"tools"`
	ToolChoice         json.RawMessage `json:"tool_choice"`
	ParallelToolCalls  json.RawMessage `json:"parallel_tool_calls"`
	Reasoning          json.RawMessage `json:"reasoning"`
	Store              json.RawMessage `json:"store"`
	Stream             bool            `json:"stream"`
	Include            []string        `json:"include"`
	PromptCacheKey     json.RawMessage `json:"prompt_cache_key"`
	PreviousResponseID string          `json:"previous_response_id"`
	Text               json.RawMessage `json:"text"`
	// Generate false is a warm-up: the response completes with no output.
	Generate *bool `json:"generate"`
}

type responsesItem struct {
	Type    string          `json:"type"`
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
	Output  json.RawMessage `json:"output"`
}

func (q *responsesRequest) convo(size int) convo {
	c := convo{model: q.Model, size: size}
	var tools []struct {
		Type       string          `json:"type"`
		Name       string          `json:"name"`
		Parameters json.RawMessage `json:"parameters"`
	}
	_ = json.Unmarshal(q.Tools, &tools) // non-function tools and odd shapes are not callable
	for _, t := range tools {
		if t.Type == "function" {
			c.tools = append(c.tools, toolDecl{name: t.Name, schema: t.Parameters})
		}
	}
	// A reasoning object means a reasoning model: it thinks unless effort is "none".
	var reasoning *struct {
		Effort *string `json:"effort"`
	}
	c.thinking = json.Unmarshal(q.Reasoning, &reasoning) == nil && reasoning != nil &&
		(reasoning.Effort == nil || *reasoning.Effort != "none")
	var text struct {
		Format struct {
			Type   string          `json:"type"`
			Schema json.RawMessage `json:"schema"`
		} `json:"format"`
	}
	if json.Unmarshal(q.Text, &text) == nil && text.Format.Type == "json_schema" {
		c.wantJSON, c.schema = true, text.Format.Schema
	}
	var s string
	if json.Unmarshal(q.Input, &s) == nil {
		c.prompt, c.messages = s, 1
		return c
	}
	var items []responsesItem
	_ = json.Unmarshal(q.Input, &items) // an unreadable input is a conversation with no prompt
	c.messages = len(items)
	if q.PreviousResponseID != "" {
		// The earlier turns live on the server; count them so caching looks like a follow-up.
		c.messages += 2
	}
	for _, it := range items {
		switch {
		case (it.Type == "message" || it.Type == "") && it.Role == "user":
			if p := contentText(it.Content); isPromptText(p) {
				c.prompt, c.hasResult, c.result = p, false, ""
			}
		case it.Type == "function_call_output", it.Type == "custom_tool_call_output", it.Type == "local_shell_call_output":
			c.hasResult, c.result = true, contentText(it.Output)
		}
	}
	return c
}

// responsesPlan is one response, decided and with its ids drawn, ready to be rendered as SSE,
// WebSocket frames or one JSON object.
type responsesPlan struct {
	q                        *responsesRequest
	t                        turn
	id, rs, msg, fc, call    string
	encAdded, encDone        string
	created                  int64
	summary, encrypted, warm bool
}

func (s *Server) planResponses(q *responsesRequest, size int, f faults) *responsesPlan {
	p := &responsesPlan{
		q: q, id: s.ids.respItem("resp"), rs: s.ids.respItem("rs"), msg: s.ids.respItem("msg"),
		fc: s.ids.respItem("fc"), call: s.ids.callID(), encAdded: s.ids.encrypted(), encDone: s.ids.encrypted(),
		created:   time.Now().Unix(),
		encrypted: slices.Contains(q.Include, "reasoning.encrypted_content"),
	}
	var reasoning struct {
		Summary *string `json:"summary"`
	}
	p.summary = json.Unmarshal(q.Reasoning, &reasoning) == nil && reasoning.Summary != nil && *reasoning.Summary != "none"
	c := q.convo(size)
	if p.warm = q.Generate != nil && !*q.Generate; p.warm {
		p.t = turn{usage: tokens{prompt: usageFor(c, turn{}).prompt}}
	} else {
		p.t = planTurn(c, f)
	}
	return p
}

func orDefault(raw json.RawMessage, def string) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage(def)
	}
	return raw
}

// response is the response object carried by response.created/in_progress/completed. It
// echoes the request's settings like the API does.
func (p *responsesPlan) response(status string, output []obj, usage any) obj {
	q := p.q
	var prev any
	if q.PreviousResponseID != "" {
		prev = q.PreviousResponseID
	}
	return obj{
		{"id", p.id}, {"object", "response"}, {"created_at", p.created}, {"status", status},
		{"background", false}, {"error", nil}, {"incomplete_details", nil},
		{"instructions", rawOrNull(q.Instructions)}, {"max_output_tokens", nil}, {"max_tool_calls", nil},
		{"model", q.Model}, {"output", output},
		{"parallel_tool_calls", orDefault(q.ParallelToolCalls, "true")},
		{"previous_response_id", prev}, {"prompt_cache_key", rawOrNull(q.PromptCacheKey)},
		{"reasoning", orDefault(q.Reasoning, `{"effort":null,"summary":null}`)},
		{"safety_identifier", nil}, {"service_tier", "auto"}, {"store", orDefault(q.Store, "true")},
		{"temperature", json.Number("1.0")},
		{"text", orDefault(q.Text, `{"format":{"type":"text"},"verbosity":"medium"}`)},
		{"tool_choice", orDefault(q.ToolChoice, `"auto"`)}, {"tools", orDefault(q.Tools, "[]")},
		{"top_logprobs", 0}, {"top_p", json.Number("1.0")}, {"truncation", "disabled"},
		{"usage", usage}, {"user", nil}, {"metadata", obj{}},
	}
}

func (p *responsesPlan) usage() obj {
	u := p.t.usage
	return obj{
		{"input_tokens", u.prompt}, {"input_tokens_details", obj{{"cached_tokens", u.cached}}},
		{"output_tokens", u.output}, {"output_tokens_details", obj{{"reasoning_tokens", u.reasoning}}},
		{"total_tokens", u.prompt + u.output},
	}
}

func (p *responsesPlan) reasoningItem(enc string, summary []obj) obj {
	item := obj{{"id", p.rs}, {"type", "reasoning"}}
	if p.encrypted {
		item = append(item, kv{"encrypted_content", enc})
	}
	return append(item, kv{"summary", summary})
}

func outputText(text string) obj {
	return obj{{"type", "output_text"}, {"annotations", []any{}}, {"logprobs", []any{}}, {"text", text}}
}

func (p *responsesPlan) messageItem(status string, content []obj) obj {
	return obj{{"id", p.msg}, {"type", "message"}, {"status", status}, {"content", content}, {"role", "assistant"}}
}

func (p *responsesPlan) callItem(status, args string) obj {
	return obj{{"id", p.fc}, {"type", "function_call"}, {"status", status}, {"arguments", args}, {"call_id", p.call}, {"name", p.t.tool.name}}
}

// output is the finished output list, for response.completed and the JSON answer.
func (p *responsesPlan) output() []obj {
	out := []obj{}
	t := p.t
	if t.thinking != "" {
		var summary []obj
		if p.summary {
			summary = []obj{{{"type", "summary_text"}, {"text", t.thinking}}}
		}
		out = append(out, p.reasoningItem(p.encDone, emptyIfNil(summary)))
	}
	if t.text.count() > 0 {
		out = append(out, p.messageItem("completed", []obj{outputText(t.text.full())}))
	}
	if t.tool != nil {
		out = append(out, p.callItem("completed", t.tool.args))
	}
	return out
}

func emptyIfNil(o []obj) []obj {
	if o == nil {
		return []obj{}
	}
	return o
}

// events emits the Responses stream: created, in_progress, then per output item added, its
// deltas and done, and finally completed with usage. Every event carries sequence_number.
func (p *responsesPlan) events(sk sink) error {
	seq := 0
	send := func(o obj) error {
		o = append(o, kv{"sequence_number", seq})
		seq++
		return sk.send(o.typ(), mustJSON(o))
	}
	if err := send(obj{{"type", "response.created"}, {"response", p.response("in_progress", []obj{}, nil)}}); err != nil {
		return err
	}
	if err := send(obj{{"type", "response.in_progress"}, {"response", p.response("in_progress", []obj{}, nil)}}); err != nil {
		return err
	}
	t, idx := p.t, 0
	if t.thinking != "" {
		evs := []obj{{{"type", "response.output_item.added"}, {"item", p.reasoningItem(p.encAdded, []obj{})}, {"output_index", idx}}}
		var done []obj
		if p.summary {
			evs = append(evs, obj{{"type", "response.reasoning_summary_part.added"}, {"item_id", p.rs}, {"output_index", idx}, {"part", obj{{"type", "summary_text"}, {"text", ""}}}, {"summary_index", 0}})
			for _, c := range splitText(t.thinking, 0).chunks {
				evs = append(evs, obj{{"type", "response.reasoning_summary_text.delta"}, {"delta", c}, {"item_id", p.rs}, {"output_index", idx}, {"summary_index", 0}, {"obfuscation", obfuscation(p.rs, seq+len(evs))}})
			}
			evs = append(evs,
				obj{{"type", "response.reasoning_summary_text.done"}, {"item_id", p.rs}, {"output_index", idx}, {"summary_index", 0}, {"text", t.thinking}},
				obj{{"type", "response.reasoning_summary_part.done"}, {"item_id", p.rs}, {"output_index", idx}, {"part", obj{{"type", "summary_text"}, {"text", t.thinking}}}, {"summary_index", 0}})
			done = []obj{{{"type", "summary_text"}, {"text", t.thinking}}}
		}
		evs = append(evs, obj{{"type", "response.output_item.done"}, {"item", p.reasoningItem(p.encDone, emptyIfNil(done))}, {"output_index", idx}})
		for _, e := range evs {
			if err := send(e); err != nil {
				return err
			}
		}
		idx++
	}
	if t.text.count() > 0 {
		head := []obj{
			{{"type", "response.output_item.added"}, {"item", p.messageItem("in_progress", []obj{})}, {"output_index", idx}},
			{{"type", "response.content_part.added"}, {"content_index", 0}, {"item_id", p.msg}, {"output_index", idx}, {"part", outputText("")}},
		}
		for _, e := range head {
			if err := send(e); err != nil {
				return err
			}
		}
		for c := range t.text.all() {
			e := obj{{"type", "response.output_text.delta"}, {"content_index", 0}, {"delta", c}, {"item_id", p.msg}, {"logprobs", []any{}}, {"output_index", idx}, {"obfuscation", obfuscation(p.msg, seq)}}
			if err := send(e); err != nil {
				return err
			}
		}
		full := t.text.full()
		tail := []obj{
			{{"type", "response.output_text.done"}, {"content_index", 0}, {"item_id", p.msg}, {"logprobs", []any{}}, {"output_index", idx}, {"text", full}},
			{{"type", "response.content_part.done"}, {"content_index", 0}, {"item_id", p.msg}, {"output_index", idx}, {"part", outputText(full)}},
			{{"type", "response.output_item.done"}, {"item", p.messageItem("completed", []obj{outputText(full)})}, {"output_index", idx}},
		}
		for _, e := range tail {
			if err := send(e); err != nil {
				return err
			}
		}
		idx++
	}
	if t.tool != nil {
		evs := []obj{{{"type", "response.output_item.added"}, {"item", p.callItem("in_progress", "")}, {"output_index", idx}}}
		for _, f := range t.tool.fragments {
			if f != "" {
				evs = append(evs, obj{{"type", "response.function_call_arguments.delta"}, {"delta", f}, {"item_id", p.fc}, {"output_index", idx}, {"obfuscation", obfuscation(p.fc, seq+len(evs))}})
			}
		}
		evs = append(evs,
			obj{{"type", "response.function_call_arguments.done"}, {"arguments", t.tool.args}, {"item_id", p.fc}, {"output_index", idx}},
			obj{{"type", "response.output_item.done"}, {"item", p.callItem("completed", t.tool.args)}, {"output_index", idx}})
		for _, e := range evs {
			if err := send(e); err != nil {
				return err
			}
		}
	}
	return send(obj{{"type", "response.completed"}, {"response", p.response("completed", p.output(), p.usage())}})
}

// rememberResponse records an id for previous_response_id; knownResponse checks it.
func (s *Server) rememberResponse(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.responses[id] = true
}

func (s *Server) knownResponse(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.responses[id]
}

func previousNotFound(id string) string {
	return fmt.Sprintf("Previous response with id '%s' not found.", id)
}

// setCodexHeaders adds the rate-limit snapshot headers Codex reads from Responses answers.
func setCodexHeaders(h http.Header) {
	reset := strconv.FormatInt(time.Now().Add(3*time.Hour).Unix(), 10)
	h.Set("X-Codex-Primary-Used-Percent", "23.0")
	h.Set("X-Codex-Primary-Window-Minutes", "300")
	h.Set("X-Codex-Primary-Reset-At", reset)
	h.Set("X-Codex-Secondary-Used-Percent", "41.0")
	h.Set("X-Codex-Secondary-Window-Minutes", "10080")
	h.Set("X-Codex-Secondary-Reset-At", reset)
}

func parseResponsesRequest(body []byte) (*responsesRequest, error) {
	var q responsesRequest
	if err := json.Unmarshal(body, &q); err != nil {
		return nil, fmt.Errorf("parse responses request: %w", err)
	}
	if q.Model == "" {
		return nil, fmt.Errorf("parse responses request: missing required parameter: 'model'")
	}
	return &q, nil
}

func serveResponses(s *Server, w *recorder, rq *request) {
	q, err := parseResponsesRequest(rq.body)
	if err != nil {
		styleOpenAI.fail(s, w, http.StatusBadRequest, err.Error())
		return
	}
	rq.ex.Model = q.Model
	if q.PreviousResponseID != "" && !s.knownResponse(q.PreviousResponseID) {
		w.Header().Set("X-Request-Id", s.ids.openaiReq())
		param, code := "previous_response_id", "previous_response_not_found"
		writeJSON(w, http.StatusBadRequest, prettyJSON(map[string]any{"error": openaiErrorBody{
			Message: previousNotFound(q.PreviousResponseID), Type: "invalid_request_error", Param: &param, Code: &code,
		}}))
		return
	}
	p := s.planResponses(q, len(rq.body), rq.faults)
	rq.ex.ResponseID = p.id
	if p.t.tool != nil {
		rq.ex.Tool = p.t.tool.name
	}
	setOpenAIHeaders(w.Header(), s)
	setCodexHeaders(w.Header())
	if !q.Stream {
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(p.response("completed", p.output(), p.usage())))
		s.rememberResponse(p.id)
		return
	}
	begin := func() {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.WriteHeader(http.StatusOK)
	}
	s.serveStream(w, rq, sseFormat{named: true, eol: "\n"}, begin, p.events)
	if rq.ex.Complete {
		s.rememberResponse(p.id)
	}
}
