package fakeprovider

import (
	"encoding/json"
	"iter"
	"net/http"
)

// Anthropic Messages API: POST /v1/messages (Claude Code adds ?beta=true) and
// /v1/messages/count_tokens. Shapes follow fixtures 01-05 and 16.

type anthropicRequest struct {
	Model    string `json:"model"`
	Stream   bool   `json:"stream"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Tools []struct {
		Name        string          `json:"name"`
		InputSchema json.RawMessage `json:"input_schema"`
	} `json:"tools"`
	Thinking *struct {
		Type string `json:"type"`
	} `json:"thinking"`
	// Structured outputs arrive as output_format (beta) or output_config.format.
	OutputFormat *anthropicFormat `json:"output_format"`
	OutputConfig struct {
		Format *anthropicFormat `json:"format"`
	} `json:"output_config"`
}

type anthropicFormat struct {
	Type   string          `json:"type"`
	Schema json.RawMessage `json:"schema"`
}

type anthropicBlockIn struct {
	Type    string          `json:"type"`
	Text    string          `json:"text"`
	Content json.RawMessage `json:"content"`
}

func (q *anthropicRequest) convo(size int) convo {
	c := convo{model: q.Model, size: size, messages: len(q.Messages)}
	for _, t := range q.Tools {
		c.tools = append(c.tools, toolDecl{name: t.Name, schema: t.InputSchema})
	}
	c.thinking = q.Thinking != nil && q.Thinking.Type != "" && q.Thinking.Type != "disabled"
	for _, f := range []*anthropicFormat{q.OutputFormat, q.OutputConfig.Format} {
		if f != nil && f.Type == "json_schema" {
			c.wantJSON, c.schema = true, f.Schema
		}
	}
	// Claude Code sends tool results as user messages, sometimes next to <system-reminder>
	// text, and puts its environment in a role "system" message: only user prompts and tool
	// results move the script along.
	for _, m := range q.Messages {
		if m.Role != "user" {
			continue
		}
		var s string
		if json.Unmarshal(m.Content, &s) == nil {
			if isPromptText(s) {
				c.prompt, c.hasResult, c.result = s, false, ""
			}
			continue
		}
		var blocks []anthropicBlockIn
		_ = json.Unmarshal(m.Content, &blocks) // unknown content shapes count as no prompt
		prompt, result, hasResult := "", "", false
		for _, b := range blocks {
			switch {
			case b.Type == "tool_result":
				result, hasResult = contentText(b.Content), true
			case b.Type == "text" && isPromptText(b.Text):
				prompt = b.Text
			}
		}
		switch {
		case hasResult:
			c.hasResult, c.result = true, result
		case prompt != "":
			c.prompt, c.hasResult, c.result = prompt, false, ""
		}
	}
	return c
}

func parseAnthropic(w *recorder, s *Server, rq *request) (*anthropicRequest, bool) {
	var q anthropicRequest
	if err := json.Unmarshal(rq.body, &q); err != nil {
		styleAnthropic.fail(s, w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
		return nil, false
	}
	if q.Model == "" {
		styleAnthropic.fail(s, w, http.StatusBadRequest, "model: Field required")
		return nil, false
	}
	rq.ex.Model = q.Model
	return &q, true
}

type anthropicUsage struct {
	InputTokens              int                     `json:"input_tokens"`
	CacheCreationInputTokens int                     `json:"cache_creation_input_tokens"`
	CacheReadInputTokens     int                     `json:"cache_read_input_tokens"`
	CacheCreation            *anthropicCacheCreation `json:"cache_creation,omitempty"`
	OutputTokens             int                     `json:"output_tokens"`
	ServiceTier              string                  `json:"service_tier,omitempty"`
}

type anthropicCacheCreation struct {
	Ephemeral5m int `json:"ephemeral_5m_input_tokens"`
	Ephemeral1h int `json:"ephemeral_1h_input_tokens"`
}

// anthropicUsageOf converts to Anthropic's exclusive counting: input_tokens leaves out cache
// reads and writes. full adds the cache_creation split and service tier, which message_start
// and the JSON Message carry and message_delta does not.
func anthropicUsageOf(u tokens, output int, full bool) anthropicUsage {
	a := anthropicUsage{
		InputTokens:              max(0, u.prompt-u.cached-u.cacheWrite),
		CacheCreationInputTokens: u.cacheWrite,
		CacheReadInputTokens:     u.cached,
		OutputTokens:             output,
	}
	if full {
		a.CacheCreation = &anthropicCacheCreation{Ephemeral5m: u.cacheWrite}
		a.ServiceTier = "standard"
	}
	return a
}

type anthropicMessage struct {
	Model        string            `json:"model"`
	ID           string            `json:"id"`
	Type         string            `json:"type"`
	Role         string            `json:"role"`
	Content      []json.RawMessage `json:"content"`
	StopReason   *string           `json:"stop_reason"`
	StopSequence *string           `json:"stop_sequence"`
	Usage        anthropicUsage    `json:"usage"`
}

// anthropicIDs are drawn before building so that the die-midstream dry run and the real run
// produce identical events.
type anthropicIDs struct{ msg, tool, signature string }

func stopReason(t turn) string {
	if t.tool != nil {
		return "tool_use"
	}
	return "end_turn"
}

func serveAnthropicMessages(s *Server, w *recorder, rq *request) {
	q, ok := parseAnthropic(w, s, rq)
	if !ok {
		return
	}
	t := planTurn(q.convo(len(rq.body)), rq.faults)
	ids := anthropicIDs{msg: s.ids.anthropicMsg(), tool: s.ids.anthropicTool(), signature: s.ids.signature()}
	rq.ex.ResponseID = ids.msg
	if t.tool != nil {
		rq.ex.Tool = t.tool.name
	}
	h := w.Header()
	h.Set("Request-Id", s.ids.anthropicReq())
	h.Set("Anthropic-Organization-Id", "00000000-0000-4000-8000-00000000fa4e")
	if !q.Stream {
		w.Header().Set("Content-Type", "application/json")
		s.serveJSON(w, rq, http.StatusOK, mustJSON(anthropicFinal(t, q.Model, ids)))
		return
	}
	begin := func() {
		h.Set("Content-Type", "text/event-stream; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusOK)
	}
	s.serveStream(w, rq, sseFormat{named: true, eol: "\n"}, begin, func(sk sink) error {
		return anthropicEvents(sk, t, q.Model, ids)
	})
}

func anthropicFinal(t turn, model string, ids anthropicIDs) anthropicMessage {
	stop := stopReason(t)
	m := anthropicMessage{
		Model: model, ID: ids.msg, Type: "message", Role: "assistant", StopReason: &stop,
		Usage: anthropicUsageOf(t.usage, t.usage.output, true),
	}
	if t.thinking != "" {
		m.Content = append(m.Content, mustJSON(obj{{"type", "thinking"}, {"thinking", t.thinking}, {"signature", ids.signature}}))
	}
	if t.text.count() > 0 {
		m.Content = append(m.Content, mustJSON(obj{{"type", "text"}, {"text", t.text.full()}}))
	}
	if t.tool != nil {
		m.Content = append(m.Content, mustJSON(obj{{"type", "tool_use"}, {"id", ids.tool}, {"name", t.tool.name}, {"input", json.RawMessage(t.tool.args)}}))
	}
	return m
}

// anthropicEvents emits the Messages stream: message_start, a ping after the first block
// opens (where the API sends it), thinking/text/tool_use blocks, then message_delta with the
// cumulative usage and message_stop.
func anthropicEvents(sk sink, t turn, model string, ids anthropicIDs) error {
	send := func(o obj) error { return sk.send(o.typ(), mustJSON(o)) }
	start := anthropicMessage{
		Model: model, ID: ids.msg, Type: "message", Role: "assistant", Content: []json.RawMessage{},
		Usage: anthropicUsageOf(t.usage, 1, true),
	}
	if err := send(obj{{"type", "message_start"}, {"message", start}}); err != nil {
		return err
	}
	index := 0
	// block takes its deltas as a sequence so that text is produced lazily: the huge fault
	// streams more than should be held in memory.
	block := func(cb obj, deltas iter.Seq[obj]) error {
		if err := send(obj{{"type", "content_block_start"}, {"index", index}, {"content_block", cb}}); err != nil {
			return err
		}
		if index == 0 {
			if err := send(obj{{"type", "ping"}}); err != nil {
				return err
			}
		}
		for d := range deltas {
			if err := send(obj{{"type", "content_block_delta"}, {"index", index}, {"delta", d}}); err != nil {
				return err
			}
		}
		index++
		return send(obj{{"type", "content_block_stop"}, {"index", index - 1}})
	}
	if t.thinking != "" {
		deltas := func(yield func(obj) bool) {
			for _, c := range splitText(t.thinking, 0).chunks {
				if !yield(obj{{"type", "thinking_delta"}, {"thinking", c}}) {
					return
				}
			}
			yield(obj{{"type", "signature_delta"}, {"signature", ids.signature}})
		}
		if err := block(obj{{"type", "thinking"}, {"thinking", ""}, {"signature", ""}}, deltas); err != nil {
			return err
		}
	}
	if t.text.count() > 0 {
		deltas := func(yield func(obj) bool) {
			for c := range t.text.all() {
				if !yield(obj{{"type", "text_delta"}, {"text", c}}) {
					return
				}
			}
		}
		if err := block(obj{{"type", "text"}, {"text", ""}}, deltas); err != nil {
			return err
		}
	}
	if t.tool != nil {
		deltas := func(yield func(obj) bool) {
			for _, f := range t.tool.fragments {
				if !yield(obj{{"type", "input_json_delta"}, {"partial_json", f}}) {
					return
				}
			}
		}
		cb := obj{{"type", "tool_use"}, {"id", ids.tool}, {"name", t.tool.name}, {"input", obj{}}}
		if err := block(cb, deltas); err != nil {
			return err
		}
	}
	delta := obj{
		{"type", "message_delta"},
		{"delta", obj{{"stop_reason", stopReason(t)}, {"stop_sequence", nil}}},
		{"usage", anthropicUsageOf(t.usage, t.usage.output, false)},
	}
	if err := send(delta); err != nil {
		return err
	}
	return send(obj{{"type", "message_stop"}})
}

func serveAnthropicCountTokens(s *Server, w *recorder, rq *request) {
	q, ok := parseAnthropic(w, s, rq)
	if !ok {
		return
	}
	w.Header().Set("Request-Id", s.ids.anthropicReq())
	c := q.convo(len(rq.body))
	s.serveJSON(w, rq, http.StatusOK, mustJSON(map[string]int{"input_tokens": usageFor(c, turn{}).prompt}))
}
