package anthropic

import (
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
)

// usage is Anthropic's usage object. Pointers tell a field that was sent from one that was not,
// because a stream's message_delta repeats only some of message_start's counters.
type usage struct {
	InputTokens              *int64 `json:"input_tokens"`
	CacheCreationInputTokens *int64 `json:"cache_creation_input_tokens"`
	CacheReadInputTokens     *int64 `json:"cache_read_input_tokens"`
	OutputTokens             *int64 `json:"output_tokens"`
	CacheCreation            *struct {
		Ephemeral5m *int64 `json:"ephemeral_5m_input_tokens"`
		Ephemeral1h *int64 `json:"ephemeral_1h_input_tokens"`
	} `json:"cache_creation"`
	OutputTokensDetails *struct {
		ThinkingTokens *int64 `json:"thinking_tokens"`
	} `json:"output_tokens_details"`
}

func decodeUsage(raw json.RawMessage) usage {
	var u usage
	_ = json.Unmarshal(raw, &u) // a malformed usage object counts as empty
	return u
}

// merge overlays the counters later sends (message_delta's are cumulative) onto u.
func (u *usage) merge(later usage) {
	set := func(dst **int64, src *int64) {
		if src != nil {
			*dst = src
		}
	}
	set(&u.InputTokens, later.InputTokens)
	set(&u.CacheCreationInputTokens, later.CacheCreationInputTokens)
	set(&u.CacheReadInputTokens, later.CacheReadInputTokens)
	set(&u.OutputTokens, later.OutputTokens)
	if later.CacheCreation != nil {
		u.CacheCreation = later.CacheCreation
	}
	if later.OutputTokensDetails != nil {
		u.OutputTokensDetails = later.OutputTokensDetails
	}
}

func val(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// normalize maps Anthropic usage onto providers.Usage. input_tokens already excludes cache reads
// and writes. The cache write is split by TTL from cache_creation; without that object (older
// API versions) it is all 5-minute, the only TTL there was. If the split disagrees with the
// total, the total wins and 5m takes the difference, so cost is never computed on phantom tokens.
func (u usage) normalize() providers.Usage {
	n := providers.Usage{
		InputTokens:        val(u.InputTokens),
		OutputTokens:       val(u.OutputTokens),
		CacheReadTokens:    val(u.CacheReadInputTokens),
		CacheCreationTotal: val(u.CacheCreationInputTokens),
	}
	n.CacheWrite5m = n.CacheCreationTotal
	if cc := u.CacheCreation; cc != nil {
		n.CacheWrite5m, n.CacheWrite1h = val(cc.Ephemeral5m), val(cc.Ephemeral1h)
		if n.CacheWrite5m+n.CacheWrite1h != n.CacheCreationTotal {
			n.CacheWrite1h = max(0, min(n.CacheWrite1h, n.CacheCreationTotal))
			n.CacheWrite5m = n.CacheCreationTotal - n.CacheWrite1h
		}
	}
	if d := u.OutputTokensDetails; d != nil {
		n.ReasoningTokens = val(d.ThinkingTokens)
	}
	return n
}
