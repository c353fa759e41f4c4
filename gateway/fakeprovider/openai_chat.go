package fakeprovider

import (
	"encoding/json"
	"net/http"
	"time"
)

// OpenAI Chat Completions: POST /v1/chat/completions. Shapes follow fixtures 06 and 07.

type chatRequest struct {
	Model         string `json:"model"`
	Stream        bool   `json:"stream"`
	StreamOptions *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Tools []struct {
		Type     string `json:"type"`
		Function struct {
			Name       string          `json:"name"`
			Parameters json.RawMessage `json:"parameters"`
		} `json:"function"`
	} `json:"tools"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema struct {
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
}

func (q *chatRequest) convo(size int) convo {
	c := convo{model: q.Model, size: size, messages: len(q.Messages)}
	for _, t := range q.Tools {
		if t.Type == "function" || t.Type == "" {
			c.tools = append(c.tools, toolDecl{name: t.Function.Name, schema: t.Function.Parameters})
		}
	}
	if f := q.ResponseFormat; f != nil && f.Type == "json_schema" {
		c.wantJSON, c.schema = true, f.JSONSchema.Schema
	}
	for _, m := range q.Messages {
		switch m.Role {
		case "user":
			if p := contentText(m.Content); isPromptText(p) {
				c.prompt, c.hasResult, c.result = p, false, ""
			}
		case "tool":
			c.hasResult, c.result = true, contentText(m.Content)
		}
	}
	return c
}

type chatUsage struct {
	PromptTokens        int `json:"prompt_tokens"`
	CompletionTokens    int `json:"completion_tokens"`
	TotalTokens         int `json:"total_tokens"`
	PromptTokensDetails struct {
		CachedTokens int `json:"cached_tokens"`
		AudioTokens  int `json:"audio_tokens"`
	} `json:"prompt_tokens_details"`
	CompletionTokensDetails struct {
		ReasoningTokens          int `json:"reasoning_tokens"`
		AudioTokens              int `json:"audio_tokens"`
		AcceptedPredictionTokens int `json:"accepted_prediction_tokens"`
		RejectedPredictionTokens int `json:"rejected_prediction_tokens"`
	} `json:"completion_tokens_details"`
}

func chatUsageOf(u tokens) chatUsage {
	var c chatUsage
	c.PromptTokens, c.CompletionTokens, c.TotalTokens = u.prompt, u.output, u.prompt+u.output
	c.PromptTokensDetails.CachedTokens = u.cached
	c.CompletionTokensDetails.ReasoningTokens = u.reasoning
	return c
}

func finishReason(t turn) string {
	if t.tool != nil {
		return "tool_calls"
	}
	return "stop"
}

const systemFingerprint = "fp_f4e0c1d2a3"

func serveChatCompletions(s *Server, w *recorder, rq *request) {
	var q chatRequest
	if err := json.Unmarshal(rq.body, &q); err != nil {
		styleOpenAI.fail(s, w, http.StatusBadRequest, "We could not parse the JSON body of your request. "+err.Error())
		return
	}
	if q.Model == "" {
		styleOpenAI.fail(s, w, http.StatusBadRequest, "you must provide a model parameter")
		return
	}
	rq.ex.Model = q.Model
	t := planTurn(q.convo(len(rq.body)), rq.faults)
	id, callID, created := s.ids.chatCompletion(), s.ids.callID(), time.Now().Unix()
	rq.ex.ResponseID = id
	if t.tool != nil {
		rq.ex.Tool = t.tool.name
	}
	setOpenAIHeaders(w.Header(), s)
	if !q.Stream {
		s.serveJSON(w, rq, http.StatusOK, prettyJSON(chatFinal(t, q.Model, id, callID, created)))
		return
	}
	includeUsage := q.StreamOptions != nil && q.StreamOptions.IncludeUsage
	begin := func() {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.WriteHeader(http.StatusOK)
	}
	s.serveStream(w, rq, sseFormat{eol: "\n"}, begin, func(sk sink) error {
		return chatEvents(sk, t, q.Model, id, callID, created, includeUsage)
	})
}

func setOpenAIHeaders(h http.Header, s *Server) {
	h.Set("X-Request-Id", s.ids.openaiReq())
	h.Set("Openai-Version", "2020-10-01")
	h.Set("Openai-Processing-Ms", "187")
}

func chatFinal(t turn, model, id, callID string, created int64) obj {
	msg := obj{{"role", "assistant"}}
	if t.text.count() > 0 {
		msg = append(msg, kv{"content", t.text.full()})
	} else {
		msg = append(msg, kv{"content", nil})
	}
	if t.tool != nil {
		msg = append(msg, kv{"tool_calls", []obj{{
			{"id", callID}, {"type", "function"},
			{"function", obj{{"name", t.tool.name}, {"arguments", t.tool.args}}},
		}}})
	}
	msg = append(msg, kv{"refusal", nil}, kv{"annotations", []any{}})
	return obj{
		{"id", id}, {"object", "chat.completion"}, {"created", created}, {"model", model},
		{"choices", []obj{{{"index", 0}, {"message", msg}, {"logprobs", nil}, {"finish_reason", finishReason(t)}}}},
		{"usage", chatUsageOf(t.usage)},
		{"service_tier", "default"}, {"system_fingerprint", systemFingerprint},
	}
}

// chatEvents emits data-only chunks: the role, content deltas, the tool call (name first with
// empty arguments, then argument fragments by index), the finish chunk, the usage chunk with
// empty choices when asked for, and [DONE].
func chatEvents(sk sink, t turn, model, id, callID string, created int64, includeUsage bool) error {
	seq := 0
	chunk := func(choices []obj, usage any) error {
		c := obj{
			{"id", id}, {"object", "chat.completion.chunk"}, {"created", created}, {"model", model},
			{"service_tier", "default"}, {"system_fingerprint", systemFingerprint}, {"choices", choices},
		}
		if includeUsage {
			c = append(c, kv{"usage", usage})
		}
		seq++
		return sk.send("", mustJSON(append(c, kv{"obfuscation", obfuscation(id, seq)})))
	}
	delta := func(d obj, finish any) error {
		return chunk([]obj{{{"index", 0}, {"delta", d}, {"logprobs", nil}, {"finish_reason", finish}}}, nil)
	}
	roleSent := false
	if t.text.count() > 0 {
		if err := delta(obj{{"role", "assistant"}, {"content", ""}, {"refusal", nil}}, nil); err != nil {
			return err
		}
		roleSent = true
		for c := range t.text.all() {
			if err := delta(obj{{"content", c}}, nil); err != nil {
				return err
			}
		}
	}
	if t.tool != nil {
		head := obj{{"index", 0}, {"id", callID}, {"type", "function"}, {"function", obj{{"name", t.tool.name}, {"arguments", ""}}}}
		d := obj{{"tool_calls", []obj{head}}}
		if !roleSent {
			d = obj{{"role", "assistant"}, {"content", nil}, {"tool_calls", []obj{head}}, {"refusal", nil}}
		}
		if err := delta(d, nil); err != nil {
			return err
		}
		for _, f := range t.tool.fragments {
			if f == "" {
				continue
			}
			frag := obj{{"index", 0}, {"function", obj{{"arguments", f}}}}
			if err := delta(obj{{"tool_calls", []obj{frag}}}, nil); err != nil {
				return err
			}
		}
	}
	if err := delta(obj{}, finishReason(t)); err != nil {
		return err
	}
	if includeUsage {
		if err := chunk([]obj{}, chatUsageOf(t.usage)); err != nil {
			return err
		}
	}
	return sk.send("", []byte("[DONE]"))
}
