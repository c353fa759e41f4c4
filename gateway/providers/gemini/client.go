package gemini

import (
	"net/http"

	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// clientGeminiCLI is Result.Client for Gemini CLI.
const clientGeminiCLI = "gemini-cli"

// client names the coding agent from the User-Agent: Gemini CLI sends
// "GeminiCLI/<version>[/<model>] (<platform>; <arch>[; <surface>])" on both API paths.
func client(h http.Header) (name, version string) {
	if v, ok := wire.ProductVersion(h.Get("User-Agent"), "GeminiCLI/"); ok {
		return clientGeminiCLI, v
	}
	return "", ""
}
