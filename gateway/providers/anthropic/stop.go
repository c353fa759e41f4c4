package anthropic

import "github.com/recondo/recondo/gateway/providers"

// normalizeStop maps a native stop_reason onto the normalised set. refusal and pause_turn end the
// turn without a tool call or truncation, so they count as end_turn (the native value is kept
// in StopReason for anyone who needs to tell them apart); an unknown non-empty reason also ends
// the turn. model_context_window_exceeded is a truncation, like max_tokens.
func normalizeStop(native string) string {
	switch native {
	case "":
		return ""
	case "tool_use":
		return providers.StopToolUse
	case "max_tokens", "model_context_window_exceeded":
		return providers.StopMaxTokens
	default: // end_turn, stop_sequence, refusal, pause_turn, and reasons added later
		return providers.StopEndTurn
	}
}
