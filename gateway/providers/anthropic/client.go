package anthropic

import (
	"net/http"

	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// clientClaudeCode is Result.Client for Claude Code (and the Agent SDK, which shares its UA).
const clientClaudeCode = "claude-code"

// client names the coding agent from the User-Agent: Claude Code sends
// "claude-cli/<version> (external, cli)". Plain SDK calls are not attributed to an agent.
func client(h http.Header) (name, version string) {
	if v, ok := wire.ProductVersion(h.Get("User-Agent"), "claude-cli/"); ok {
		return clientClaudeCode, v
	}
	return "", ""
}
