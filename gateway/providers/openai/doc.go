// Package openai parses OpenAI traffic captured by the gateway: Chat Completions
// (/v1/chat/completions) and the Responses API (/v1/responses, and Codex's
// chatgpt.com/backend-api/codex/responses), over HTTP JSON, HTTP SSE and Codex's
// Responses-over-WebSocket turns.
//
// Streams are read with a small in-place JSON scanner (scan.go) instead of
// encoding/json: chunks are tiny and numerous, and decoding each into structs
// runs at ~50 MB/s, far below what the gateway has to keep up with. Request
// bodies and non-stream bodies, read once per exchange, use encoding/json.
//
// Decisions the wire does not settle, so that every reader of a Result knows them:
//
//   - Chat finish_reason content_filter normalises to end_turn: the model stopped
//     and the exchange finished normally ([DONE] arrived); the provider withheld
//     output, it did not fail. The native value keeps the distinction.
//   - Responses status "incomplete" sets Error (source "response.incomplete") and
//     Complete=false; it normalises to max_tokens for max_output_tokens, end_turn for
//     content_filter (as Chat), and error otherwise. "failed" normalises to error.
//   - Responses normalises "completed" to tool_use when the output holds a call the
//     client must run (function_call, custom_tool_call, local_shell_call), else end_turn.
//   - ToolResult.IsError is a heuristic: OpenAI carries no error flag. It is true only
//     when the output says the tool failed in Codex's own formats: "Exit code: N" with
//     N != 0, a JSON {"metadata":{"exit_code":N}} with N != 0, or Codex's own
//     argument-parsing / unsupported-call messages.
//   - ArgumentsRaw is set whenever OpenAI sent arguments as text (always, for
//     function calls): the concatenated fragments of a stream, or the whole string of
//     a non-stream body. Only local_shell_call, whose action is an object, has none.
//   - Text is what the model wrote as output text; refusals (Chat delta.refusal,
//     Responses refusal parts) are not text and are not kept.
//   - UsageIsFinal means Usage holds the provider's final figures: a chat stream
//     without stream_options.include_usage never gets any, so it is false there too.
//     An HTTP error body bills nothing and is final.
//   - Client is the coding agent (codex) from the User-Agent or Originator header.
//     Plain OpenAI SDK user agents (OpenAI/Python, OpenAI/JS, …) are no agent: Client
//     stays empty, as the fixtures expect. Any other user agent gives its first
//     product token, lowercased.
//   - SessionID comes from the session_id / session-id / conversation_id request
//     headers, else the body's prompt_cache_key.
//   - UserPrompts and FirstUserPrompt skip the context Codex injects as user
//     messages (<environment_context>, AGENTS.md instructions, …); the environment
//     context goes to EnvironmentBlock instead.
package openai
