package gemini

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// generateRequest is a GenerateContentRequest; only the fields we read.
type generateRequest struct {
	Contents          []json.RawMessage `json:"contents"`
	SystemInstruction json.RawMessage   `json:"systemInstruction"`
	Tools             []struct {
		FunctionDeclarations []struct {
			Name string `json:"name"`
		} `json:"functionDeclarations"`
	} `json:"tools"`
	SessionID string `json:"session_id"` // Code Assist only
}

// requestBody is either a bare GenerateContentRequest (public API) or Code Assist's wrapper
// {model, project, user_prompt_id, request}; one decode serves both.
type requestBody struct {
	generateRequest
	Model        string           `json:"model"`
	UserPromptID string           `json:"user_prompt_id"`
	Request      *generateRequest `json:"request"`
}

// parsedRequest is what the request says.
type parsedRequest struct {
	model      string // Code Assist body.model ("" on the public API: the model is in the path)
	codeAssist bool   // the body is the Code Assist wrapper
	info       providers.RequestInfo
}

// parseRequest reads a request body. Fields of an unexpected type are skipped; only a body that
// is not JSON at all is an error.
func parseRequest(body []byte) (parsedRequest, error) {
	var out parsedRequest
	if len(bytes.TrimSpace(body)) == 0 {
		return out, errors.New("empty request body")
	}
	var rb requestBody
	if err := json.Unmarshal(body, &rb); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return out, fmt.Errorf("request body: %w", err)
		}
	}
	req := &rb.generateRequest
	if rb.Request != nil {
		out.codeAssist, req = true, rb.Request
	}
	out.model = rb.Model
	info := &out.info
	info.UserPromptID = rb.UserPromptID
	info.GeminiSessionID = req.SessionID
	info.System = partsText(req.SystemInstruction)
	for _, t := range req.Tools {
		for _, fd := range t.FunctionDeclarations {
			info.Tools = append(info.Tools, fd.Name)
		}
	}
	readContents(req.Contents, info)
	return out, nil
}

// partsText returns the text of a Content's non-thought parts joined with "\n" (a bare string is
// accepted too, as some SDKs send systemInstruction that way).
func partsText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var c content
	_ = json.Unmarshal(raw, &c)
	var texts []string
	for _, p := range c.Parts {
		if p.Text != nil && !p.Thought {
			texts = append(texts, *p.Text)
		}
	}
	return strings.Join(texts, "\n")
}

// readContents fills hashes, prompts, the environment block and tool results from contents.
func readContents(raws []json.RawMessage, info *providers.RequestInfo) {
	info.MessageCount = len(raws)
	info.MessageHashes = make([]string, len(raws))
	contents := make([]content, len(raws))
	lastUser, lastModel := -1, -1
	for i, raw := range raws {
		info.MessageHashes[i] = wire.HashJSON(raw)
		_ = json.Unmarshal(raw, &contents[i]) // a malformed content keeps its hash only
		switch contents[i].Role {
		case "user", "": // the API treats a missing role as user
			lastUser = i
		case "model":
			lastModel = i
		}
	}
	for i, c := range contents {
		if c.Role != "user" && c.Role != "" {
			continue
		}
		for _, p := range c.Parts {
			switch {
			case p.Text != nil && !p.Thought:
				text := *p.Text
				if isEnvironment(text, i == 0) {
					if info.EnvironmentBlock == "" {
						info.EnvironmentBlock = text
					}
					continue
				}
				if strings.TrimSpace(text) == "" {
					continue
				}
				if info.FirstUserPrompt == "" {
					info.FirstUserPrompt = text
				}
				if i == lastUser {
					info.UserPrompts = append(info.UserPrompts, text)
				}
			case p.FunctionResponse != nil && i > lastModel:
				// Results after the last model turn are this request's news; earlier ones were
				// reported by the request that first carried them.
				info.ToolResults = append(info.ToolResults, toolResult(p.FunctionResponse.Name, p.FunctionResponse.Response))
			}
		}
	}
}

// isEnvironment recognises Gemini CLI's opening user message, which describes the session's
// environment ("This is the Gemini CLI. … I'm currently working in the directory: …") rather
// than asking anything. Only the first content is judged by the looser "working directory" test,
// so a later prompt that merely mentions a working directory stays a prompt.
func isEnvironment(text string, first bool) bool {
	if strings.Contains(text, "This is the Gemini CLI") {
		return true
	}
	if !first {
		return false
	}
	lower := strings.ToLower(text)
	for _, marker := range []string{"working directory", "currently working in the", "environment context", "environment_context"} {
		if strings.Contains(lower, marker) {
			return true
		}
	}
	return false
}

// toolResult reads a functionResponse. Gemini has no call ids, so the function name links the
// result to its call. Gemini CLI puts the tool's text in response.output, or response.error on
// failure; other shapes are kept as compact JSON.
func toolResult(name string, response json.RawMessage) providers.ToolResult {
	tr := providers.ToolResult{ToolUseID: name}
	var fields map[string]json.RawMessage
	if json.Unmarshal(response, &fields) != nil {
		return tr
	}
	_, tr.IsError = fields["error"]
	for _, key := range []string{"output", "error", "content"} {
		var s string
		if json.Unmarshal(fields[key], &s) == nil {
			tr.Content = s
			return tr
		}
	}
	var buf bytes.Buffer
	if json.Compact(&buf, response) == nil {
		tr.Content = buf.String()
	}
	return tr
}
