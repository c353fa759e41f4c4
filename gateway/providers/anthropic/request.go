package anthropic

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/recondo/recondo/gateway/providers"
)

// request is a Messages (or count_tokens) request body; only the fields we read.
type request struct {
	Model    string            `json:"model"`
	Stream   bool              `json:"stream"`
	System   json.RawMessage   `json:"system"`
	Messages []json.RawMessage `json:"messages"`
	Tools    []struct {
		Name string `json:"name"`
	} `json:"tools"`
	Metadata struct {
		UserID json.RawMessage `json:"user_id"`
	} `json:"metadata"`
}

// message is one entry of request.messages.
type message struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
}

// parseRequest reads what the request body says. A field of an unexpected JSON type is skipped
// (encoding/json keeps decoding the rest); only a body that is not JSON at all is an error.
func parseRequest(body []byte) (model string, info providers.RequestInfo, err error) {
	if len(body) == 0 {
		return "", info, errors.New("empty request body")
	}
	var req request
	if err := json.Unmarshal(body, &req); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return "", info, fmt.Errorf("request body: %w", err)
		}
	}
	info.Stream = req.Stream
	info.System = systemText(req.System)
	for _, t := range req.Tools {
		info.Tools = append(info.Tools, t.Name)
	}
	var uid string
	if json.Unmarshal(req.Metadata.UserID, &uid) == nil {
		info.MetadataUserID = uid
	}
	msgs := make([]message, len(req.Messages))
	info.MessageCount = len(req.Messages)
	info.MessageHashes = make([]string, len(req.Messages))
	for i, raw := range req.Messages {
		info.MessageHashes[i] = messageHash(raw)
		_ = json.Unmarshal(raw, &msgs[i]) // a malformed message keeps its hash and is otherwise skipped
	}
	readMessages(msgs, &info)
	if info.EnvironmentBlock == "" {
		info.EnvironmentBlock, _ = environmentBlock(info.System)
	}
	return req.Model, info, nil
}

// systemText returns the system prompt: a string, or its text blocks joined with "\n".
func systemText(raw json.RawMessage) string {
	return joinText(raw)
}

// readMessages fills prompts, tool results and the environment block from the conversation.
func readMessages(msgs []message, info *providers.RequestInfo) {
	lastUser, lastAssistant := -1, -1
	for i, m := range msgs {
		switch m.Role {
		case "user":
			lastUser = i
		case "assistant":
			lastAssistant = i
		}
	}
	for i, m := range msgs {
		switch m.Role {
		case "system":
			// Claude Code sends its environment (working directory, git, platform) as a system
			// message inside messages.
			if info.EnvironmentBlock == "" {
				for _, b := range blocks(m.Content) {
					if env, ok := environmentBlock(b.Text); ok && b.Type == "text" {
						info.EnvironmentBlock = env
						break
					}
				}
			}
		case "user":
			bs := blocks(m.Content)
			for _, b := range bs {
				switch b.Type {
				case "text":
					text, ok := userAuthored(b.Text)
					if !ok {
						continue
					}
					if info.FirstUserPrompt == "" {
						info.FirstUserPrompt = text
					}
					if i == lastUser {
						info.UserPrompts = append(info.UserPrompts, text)
					}
				case "tool_result":
					// Results after the last assistant turn are this request's news; earlier ones
					// were reported by the requests that first carried them.
					if i > lastAssistant {
						info.ToolResults = append(info.ToolResults, providers.ToolResult{
							ToolUseID: b.ToolUseID, IsError: b.IsError, Content: joinText(b.Content),
						})
					}
				}
			}
		}
	}
}
