package gemini

import "github.com/recondo/recondo/gateway/providers"

// normalizeStop maps a finishReason onto the normalised set. Gemini ends a function-calling turn
// with STOP, so a STOP that carried function calls is tool_use. Safety and policy stops end the
// turn (as an Anthropic refusal does; the native value stays in StopReason). A malformed or
// unexpected function call is a failed turn the client must retry: error.
func normalizeStop(finish string, toolCalls bool) string {
	switch finish {
	case "":
		return ""
	case "STOP":
		if toolCalls {
			return providers.StopToolUse
		}
		return providers.StopEndTurn
	case "MAX_TOKENS":
		return providers.StopMaxTokens
	case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS":
		return providers.StopError
	default: // SAFETY, RECITATION, LANGUAGE, BLOCKLIST, PROHIBITED_CONTENT, SPII, OTHER, …
		return providers.StopEndTurn
	}
}
