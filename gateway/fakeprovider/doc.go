// Package fakeprovider is a small TLS server that answers like the LLM providers Recondo sits in
// front of: Anthropic Messages, OpenAI Chat Completions and Responses (SSE and WebSocket) and
// Gemini (generateContent, streamGenerateContent and the cloudcode-pa Code Assist wrapper).
//
// There is no internet in the places Recondo is tested, so this server stands in for it: tests,
// `make demo` and benchmarks point the gateway's upstream at it. It is a stand-in for the
// providers, not for any part of Recondo, so it shares no code with the gateway and signs its
// certificate with its own test CA.
//
// The answers are scripted so that a real coding agent can complete a task through it:
//
//   - when the newest user turn has no tool result and the request declares a tool the script
//     knows (a shell tool such as Bash, shell_command, exec_command or run_shell_command, else a
//     listing tool such as Glob or glob), the answer is a short preamble plus one call to that tool;
//   - when the request carries a tool result after the newest user prompt, the answer is a final
//     text that quotes the last line of the tool's output;
//   - when the request asks for JSON output (a response schema), the answer is a minimal JSON
//     value that satisfies the schema, so helper calls such as Gemini CLI's router work;
//   - otherwise the answer is plain text.
//
// Everything is deterministic given the request, except ids and timestamps. Usage numbers derive
// from the request size. Responses are paced (Options.FirstByteDelay, Options.EventDelay) so that
// streams arrive spread over time as they do from the real providers.
//
// Request headers inject faults: X-Fake-Fault (a comma list of die-midstream, status-529,
// status-429, slow, huge), X-Fake-Size-MB (the size for huge) and X-Fake-Events (how many text
// deltas to stream).
//
// Every exchange is recorded with SHA-256 hashes of the bytes as they crossed the wire, so tests
// can check that the gateway forwarded them unchanged; see Exchange.
package fakeprovider
