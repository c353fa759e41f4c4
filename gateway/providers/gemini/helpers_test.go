package gemini

import (
	"net/http"
	"strings"

	"github.com/recondo/recondo/gateway/providers"
)

// sseChunks frames chunks as Gemini's alt=sse does: "data: <json>\r\n\r\n".
func sseChunks(chunks ...string) []byte {
	var b strings.Builder
	for _, c := range chunks {
		b.WriteString("data: " + c + "\r\n\r\n")
	}
	return []byte(b.String())
}

// publicExchange is a public-API exchange for model gemini-2.5-pro.
func publicExchange(status int, method, request string, response []byte) *providers.Exchange {
	return &providers.Exchange{
		Host: HostPublic, Method: "POST", Path: "/v1beta/models/gemini-2.5-pro:" + method + "?alt=sse", Status: status,
		RequestHeaders: http.Header{"User-Agent": {"GeminiCLI/0.61.0/gemini-2.5-pro (linux; x64; terminal)"}},
		Request:        []byte(request), Response: response,
	}
}

const simpleRequest = `{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}`
