// Package gemini parses Google Gemini exchanges — the public generateContent and
// streamGenerateContent API (JSON, alt=sse with CRLF framing, or a streamed JSON array) and the
// Code Assist v1internal wrapper Gemini CLI uses with a Google login (cloudcode-pa) — into a
// providers.Result.
package gemini
