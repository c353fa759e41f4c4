// Package anthropic parses Anthropic Messages API exchanges — streamed (SSE) and whole JSON
// responses, HTTP error bodies, and /v1/messages/count_tokens — into a providers.Result, including
// what Claude Code puts on the wire: its version, session id, environment block and prompts.
package anthropic
