package gemini

import (
	"net/http"
	"strings"

	"github.com/recondo/recondo/gateway/providers/internal/wire"
)

// clientGeminiCLI is Result.Client for Gemini CLI.
const clientGeminiCLI = "gemini-cli"

// client names the coding agent from the User-Agent: Gemini CLI sends
// "GeminiCLI/<version>[/<model>] (<platform>; <arch>[; <surface>])" on both API paths, and 0.61
// names its surface in the product too: "GeminiCLI-tui/<version>/<model> (...)".
func client(h http.Header) (name, version string) {
	ua := h.Get("User-Agent")
	if v, ok := wire.ProductVersion(ua, "GeminiCLI/"); ok {
		return clientGeminiCLI, v
	}
	if strings.HasPrefix(strings.ToLower(ua), "geminicli-") {
		if i := strings.IndexByte(ua, '/'); i > 0 {
			if v, ok := wire.ProductVersion(ua[i+1:], ""); ok {
				return clientGeminiCLI, v
			}
		}
	}
	return "", ""
}
