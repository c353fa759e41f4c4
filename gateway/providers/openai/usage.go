package openai

import (
	"bytes"
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
)

// readUsage normalises an OpenAI usage object. Chat names its fields prompt_/completion_,
// Responses input_/output_; both count cached (and cache-written) tokens inside the input
// figure and reasoning inside the output figure, so input is what is left after both caches.
// Responses' newer input_tokens_details.cache_write_tokens has no 5m/1h split (that is
// Anthropic's) and goes to CacheCreationTotal alone.
func readUsage(raw []byte) providers.Usage {
	var (
		s                      scanner
		in, out, cached, write int64
		reasoning              int64
	)
	s.reset(raw)
	s.object(func(k []byte) {
		switch string(k) {
		case "prompt_tokens", "input_tokens":
			in, _ = s.int()
		case "completion_tokens", "output_tokens":
			out, _ = s.int()
		case "prompt_tokens_details", "input_tokens_details":
			s.object(func(k []byte) {
				switch string(k) {
				case "cached_tokens":
					cached, _ = s.int()
				case "cache_write_tokens":
					write, _ = s.int()
				}
			})
		case "completion_tokens_details", "output_tokens_details":
			s.object(func(k []byte) {
				if string(k) == "reasoning_tokens" {
					reasoning, _ = s.int()
				}
			})
		}
	})
	return providers.Usage{
		InputTokens:        max(0, in-cached-write),
		OutputTokens:       out,
		CacheReadTokens:    cached,
		CacheCreationTotal: write,
		ReasoningTokens:    reasoning,
	}
}

// nativeUsage keeps a usage object as sent (compacted, so that pretty-printed bodies store
// like streamed ones), or nil for null and for anything that is not a JSON object.
func nativeUsage(raw []byte) json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return nil
	}
	return b.Bytes()
}
