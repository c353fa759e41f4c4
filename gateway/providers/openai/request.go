package openai

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
)

// request is what both APIs' request bodies share, and what each needs. Fields whose type
// varies on the wire stay raw; a field of the wrong type is skipped (encoding/json goes on
// after an UnmarshalTypeError) rather than losing the whole body.
type request struct {
	Model              string            `json:"model"`
	Stream             bool              `json:"stream"`
	PromptCacheKey     string            `json:"prompt_cache_key"`
	PreviousResponseID string            `json:"previous_response_id"`
	Instructions       json.RawMessage   `json:"instructions"`
	Input              json.RawMessage   `json:"input"`
	Messages           []json.RawMessage `json:"messages"`
	Tools              []requestTool     `json:"tools"`
	Functions          []requestTool     `json:"functions"`
}

type requestTool struct {
	Type     string `json:"type"`
	Name     string `json:"name"`
	Function struct {
		Name string `json:"name"`
	} `json:"function"`
}

// item is a Chat message or a Responses input item (a message has a role; Responses
// items have a type, "message" or absent for messages).
type item struct {
	Type       string          `json:"type"`
	Role       string          `json:"role"`
	Content    json.RawMessage `json:"content"`
	CallID     string          `json:"call_id"`
	ToolCallID string          `json:"tool_call_id"`
	Output     json.RawMessage `json:"output"`
}

// decodeRequest reads a request body; ok is false when it is not a JSON object at all.
func decodeRequest(body []byte) (req request, ok bool) {
	err := json.Unmarshal(body, &req)
	var typeErr *json.UnmarshalTypeError
	return req, err == nil || errors.As(err, &typeErr)
}

// requestInfo extracts RequestInfo from either API's request body.
func requestInfo(req request) providers.RequestInfo {
	info := providers.RequestInfo{
		Stream:             req.Stream,
		PromptCacheKey:     req.PromptCacheKey,
		PreviousResponseID: req.PreviousResponseID,
		Tools:              toolNames(req),
	}
	var raws []json.RawMessage
	switch {
	case req.Messages != nil:
		raws = req.Messages
	case len(bytes.TrimSpace(req.Input)) > 0 && bytes.TrimSpace(req.Input)[0] == '[':
		if json.Unmarshal(req.Input, &raws) != nil {
			raws = nil
		}
	case len(req.Input) > 0:
		// A bare string input is one user message.
		var s string
		if json.Unmarshal(req.Input, &s) == nil {
			raws = []json.RawMessage{req.Input}
			info.UserPrompts = []string{s}
			info.FirstUserPrompt = s
		}
	}
	var system []string
	if s := textOf(req.Instructions); s != "" {
		system = append(system, s)
	}
	items := make([]item, len(raws))
	for i, raw := range raws {
		if json.Unmarshal(raw, &items[i]) != nil {
			items[i] = item{}
		}
	}
	for _, it := range items {
		if it.isMessage() && (it.Role == "system" || it.Role == "developer") {
			if s := textOf(it.Content); s != "" {
				system = append(system, s)
			}
		}
	}
	info.System = strings.Join(system, "\n")
	info.MessageCount = len(raws)
	info.MessageHashes = hashAll(raws)
	readConversation(&info, items)
	info.ToolResults = toolResults(items)
	return info
}

func (it item) isMessage() bool { return it.Type == "message" || it.Type == "" && it.Role != "" }

// readConversation finds the user's prompts (skipping what Codex injects) and the
// environment block in the items' texts.
func readConversation(info *providers.RequestInfo, items []item) {
	for _, it := range items {
		if !it.isMessage() || (it.Role != "user" && it.Role != "developer" && it.Role != "system") {
			continue
		}
		var authored []string
		for _, t := range texts(it.Content) {
			if env := environmentBlock(t); env != "" {
				info.EnvironmentBlock = env // the last one is the current environment
			}
			if it.Role == "user" && !isInjected(t) && strings.TrimSpace(t) != "" {
				authored = append(authored, t)
			}
		}
		if len(authored) > 0 {
			if info.FirstUserPrompt == "" {
				info.FirstUserPrompt = authored[0]
			}
			info.UserPrompts = authored
		}
	}
}

// toolNames lists declared tools: function tools by name, built-in ones (web_search,
// local_shell, …) by type.
func toolNames(req request) []string {
	var names []string
	for _, t := range slices.Concat(req.Tools, req.Functions) {
		switch {
		case t.Function.Name != "":
			names = append(names, t.Function.Name)
		case t.Name != "":
			names = append(names, t.Name)
		case t.Type != "":
			names = append(names, t.Type)
		}
	}
	return names
}

// texts returns the text blocks of a content value: a string, or parts with a text field
// (input_text, output_text, text).
func texts(raw json.RawMessage) []string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil
		}
		return []string{s}
	}
	var parts []struct {
		Text *string `json:"text"`
	}
	if json.Unmarshal(raw, &parts) != nil {
		return nil
	}
	var out []string
	for _, p := range parts {
		if p.Text != nil {
			out = append(out, *p.Text)
		}
	}
	return out
}

// textOf joins a content value's text blocks with "\n".
func textOf(raw json.RawMessage) string { return strings.Join(texts(raw), "\n") }
