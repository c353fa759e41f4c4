package seed

import (
	"math"
	"strconv"

	"github.com/recondo/recondo/data"
)

// compactAt is the context size at which agents summarise and start over (auto-compaction).
const compactAt = 160_000

// usage is one successful turn's token counts, per the provider's caching behaviour, and
// advances the conversation state.
func (g *sessionGen) usage(out int64, c *tokenState) data.Usage {
	r := g.r
	u := data.Usage{OutputTokens: out}
	whole := c.system + c.prefix + c.pending
	switch g.prov.family {
	case famAnthropic:
		// Claude Code marks breakpoints: everything sent before is read from cache, the new tail
		// is written to it, and only a few tokens go uncached.
		u.InputTokens = 2 + int64(r.IntN(30))
		if c.cold {
			if c.cacheTTL1h {
				u.CacheWrite1hTokens = c.system
				u.CacheWrite5mTokens = max(c.prefix+c.pending-u.InputTokens, 0)
			} else {
				u.CacheWrite5mTokens = whole - u.InputTokens
			}
		} else {
			u.CacheReadTokens = c.system + c.prefix
			u.CacheWrite5mTokens = max(c.pending-u.InputTokens, 0)
		}
	case famOpenAI:
		// Automatic prefix caching in 128-token blocks; now and then a miss.
		if !c.cold && r.IntN(10) > 0 {
			u.CacheReadTokens = (c.system + c.prefix) / 128 * 128
		}
		u.InputTokens = whole - u.CacheReadTokens
	default:
		// Implicit caching: hits are less reliable.
		if !c.cold && r.IntN(10) < 6 {
			u.CacheReadTokens = (c.system + c.prefix) * 9 / 10
		}
		u.InputTokens = whole - u.CacheReadTokens
	}
	if g.thinking {
		share := 0.2 + 0.5*r.Float64()
		if g.prov.family == famAnthropic {
			share = 0.2 + 0.4*r.Float64()
		}
		u.ReasoningTokens = int64(float64(out) * share)
	}
	c.prefix += c.pending
	c.cold = false
	if c.system+c.prefix > compactAt {
		c.prefix, c.cold = 15_000+int64(r.IntN(10_000)), true
	}
	return u
}

// cost prices usage with the session model's price: tokens × dollars per Mtok = micro-dollars.
func (g *sessionGen) cost(u data.Usage) int64 {
	p := g.model.price
	return int64(math.Round(float64(u.InputTokens)*p.in + float64(u.CacheReadTokens)*p.cacheRead +
		float64(u.CacheWrite5mTokens)*p.write5m + float64(u.CacheWrite1hTokens)*p.write1h + float64(u.OutputTokens)*p.out))
}

// usageNative is the provider's own usage object, as the response carried it.
func (g *sessionGen) usageNative(u data.Usage) string {
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	switch g.prov.family {
	case famAnthropic:
		return `{"input_tokens":` + i(u.InputTokens) + `,"cache_creation_input_tokens":` + i(u.CacheWrite5mTokens+u.CacheWrite1hTokens) +
			`,"cache_read_input_tokens":` + i(u.CacheReadTokens) + `,"cache_creation":{"ephemeral_5m_input_tokens":` + i(u.CacheWrite5mTokens) +
			`,"ephemeral_1h_input_tokens":` + i(u.CacheWrite1hTokens) + `},"output_tokens":` + i(u.OutputTokens) + `,"service_tier":"standard"}`
	case famOpenAI:
		in := u.InputTokens + u.CacheReadTokens
		return `{"input_tokens":` + i(in) + `,"input_tokens_details":{"cached_tokens":` + i(u.CacheReadTokens) +
			`},"output_tokens":` + i(u.OutputTokens) + `,"output_tokens_details":{"reasoning_tokens":` + i(u.ReasoningTokens) +
			`},"total_tokens":` + i(in+u.OutputTokens) + `}`
	}
	in := u.InputTokens + u.CacheReadTokens
	return `{"promptTokenCount":` + i(in) + `,"cachedContentTokenCount":` + i(u.CacheReadTokens) +
		`,"candidatesTokenCount":` + i(u.OutputTokens-u.ReasoningTokens) + `,"thoughtsTokenCount":` + i(u.ReasoningTokens) +
		`,"totalTokenCount":` + i(in+u.OutputTokens) + `}`
}
