package openai

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
)

// toolResults returns the results a request hands back for the previous reply's calls:
// walking back from the end past any user/developer/system messages, the run of tool
// outputs there (Chat role "tool" messages; Responses *_call_output items). Earlier
// outputs in a replayed history answered earlier replies and were reported with them.
func toolResults(items []item) []providers.ToolResult {
	i := len(items) - 1
	for i >= 0 && items[i].isMessage() && items[i].Role != "tool" && items[i].Role != "assistant" {
		i--
	}
	var out []providers.ToolResult
	for ; i >= 0; i-- {
		it := items[i]
		switch {
		case it.Role == "tool":
			content := textOf(it.Content)
			out = append(out, providers.ToolResult{ToolUseID: it.ToolCallID, Content: content})
		case strings.HasSuffix(it.Type, "_call_output"):
			content := textOf(it.Output)
			out = append(out, providers.ToolResult{ToolUseID: it.CallID, IsError: failed(content), Content: content})
		default:
			slices.Reverse(out)
			return out
		}
	}
	slices.Reverse(out)
	return out
}

// failed guesses whether a Codex tool output reports a failure (see doc.go): OpenAI has no
// error flag, so only Codex's own formats are read, and anything else counts as success.
func failed(output string) bool {
	t := strings.TrimSpace(output)
	if rest, ok := strings.CutPrefix(t, "Exit code: "); ok {
		line, _, _ := strings.Cut(rest, "\n")
		code, err := strconv.Atoi(strings.TrimSpace(line))
		return err == nil && code != 0
	}
	if strings.HasPrefix(t, "{") {
		var v struct {
			Metadata struct {
				ExitCode *int `json:"exit_code"`
			} `json:"metadata"`
		}
		if json.Unmarshal([]byte(t), &v) == nil && v.Metadata.ExitCode != nil {
			return *v.Metadata.ExitCode != 0
		}
	}
	return strings.HasPrefix(t, "failed to parse function arguments") || strings.HasPrefix(t, "unsupported call")
}
