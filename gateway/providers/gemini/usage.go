package gemini

import (
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
)

// usageMetadata holds the counters of Gemini's usageMetadata we normalise.
type usageMetadata struct {
	PromptTokenCount        int64 `json:"promptTokenCount"`
	CandidatesTokenCount    int64 `json:"candidatesTokenCount"`
	CachedContentTokenCount int64 `json:"cachedContentTokenCount"`
	ThoughtsTokenCount      int64 `json:"thoughtsTokenCount"`
	ToolUsePromptTokenCount int64 `json:"toolUsePromptTokenCount"`
}

// normalizeUsage maps usageMetadata onto providers.Usage. promptTokenCount includes the cached
// tokens, so input is the difference; candidatesTokenCount excludes thoughts, so output adds
// them. toolUsePromptTokenCount (results of Google-run tools such as search, fed back as input)
// is uncached input too, so it joins input; it is absent from the fixtures' cases, where the
// mapping reduces to input = prompt − cached.
func normalizeUsage(raw json.RawMessage) providers.Usage {
	var m usageMetadata
	_ = json.Unmarshal(raw, &m) // malformed usage counts as empty
	return providers.Usage{
		InputTokens:     max(0, m.PromptTokenCount-m.CachedContentTokenCount) + m.ToolUsePromptTokenCount,
		CacheReadTokens: m.CachedContentTokenCount,
		OutputTokens:    m.CandidatesTokenCount + m.ThoughtsTokenCount,
		ReasoningTokens: m.ThoughtsTokenCount,
	}
}
