package data

// Usage is the normalised token count of a turn or a sum of turns. Input excludes cache reads and
// cache writes; Output includes reasoning; Reasoning is the part of Output spent thinking.
type Usage struct {
	InputTokens        int64 `json:"input_tokens"`
	CacheReadTokens    int64 `json:"cache_read_tokens"`
	CacheWrite5mTokens int64 `json:"cache_write_5m_tokens"`
	CacheWrite1hTokens int64 `json:"cache_write_1h_tokens"`
	OutputTokens       int64 `json:"output_tokens"`
	ReasoningTokens    int64 `json:"reasoning_tokens"`
}

// TotalInput is every input token billed: uncached, cache read and cache written.
func (u Usage) TotalInput() int64 {
	return u.InputTokens + u.CacheReadTokens + u.CacheWrite5mTokens + u.CacheWrite1hTokens
}

// Total is TotalInput plus output.
func (u Usage) Total() int64 { return u.TotalInput() + u.OutputTokens }

// Add returns the element-wise sum.
func (u Usage) Add(o Usage) Usage {
	return Usage{
		InputTokens:        u.InputTokens + o.InputTokens,
		CacheReadTokens:    u.CacheReadTokens + o.CacheReadTokens,
		CacheWrite5mTokens: u.CacheWrite5mTokens + o.CacheWrite5mTokens,
		CacheWrite1hTokens: u.CacheWrite1hTokens + o.CacheWrite1hTokens,
		OutputTokens:       u.OutputTokens + o.OutputTokens,
		ReasoningTokens:    u.ReasoningTokens + o.ReasoningTokens,
	}
}
