package gemini

import (
	"net/http"
	"testing"
)

func TestClientFromUserAgent(t *testing.T) {
	for ua, want := range map[string][2]string{
		"GeminiCLI/0.11.0 (linux; x64)":                                      {"gemini-cli", "0.11.0"},
		"GeminiCLI/0.20.1/gemini-2.5-pro (darwin; arm64)":                    {"gemini-cli", "0.20.1"},
		"GeminiCLI-tui/0.61.0/gemini-3.1-pro-preview (linux; x64; terminal)": {"gemini-cli", "0.61.0"},
		"google-genai-sdk/1.30.0 gl-node/v20.20.2":                           {"", ""},
	} {
		name, version := client(http.Header{"User-Agent": {ua}})
		if name != want[0] || version != want[1] {
			t.Errorf("%q: %q %q, want %q %q", ua, name, version, want[0], want[1])
		}
	}
}
