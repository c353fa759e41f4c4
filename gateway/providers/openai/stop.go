package openai

import "github.com/recondo/recondo/gateway/providers"

// chatStop normalises a Chat Completions finish_reason (see doc.go for content_filter).
// An unknown or missing reason stays "": there is nothing to normalise.
func chatStop(finish string) string {
	switch finish {
	case "stop", "content_filter":
		return providers.StopEndTurn
	case "tool_calls", "function_call":
		return providers.StopToolUse
	case "length":
		return providers.StopMaxTokens
	}
	return ""
}

// responsesStop normalises a Responses status; hasCalls says whether the output holds a
// call the client has to run, reason is incomplete_details.reason.
func responsesStop(status, reason string, hasCalls bool) string {
	switch status {
	case "completed":
		if hasCalls {
			return providers.StopToolUse
		}
		return providers.StopEndTurn
	case "incomplete":
		switch reason {
		case "max_output_tokens":
			return providers.StopMaxTokens
		case "content_filter":
			return providers.StopEndTurn
		}
		return providers.StopError
	case "failed", "cancelled":
		return providers.StopError
	}
	return ""
}
