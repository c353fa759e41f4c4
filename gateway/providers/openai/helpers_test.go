package openai

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
)

// sseData frames JSON payloads as a Chat stream does: data lines only.
func sseData(payloads ...string) []byte {
	var b strings.Builder
	for _, p := range payloads {
		b.WriteString("data: " + p + "\n\n")
	}
	return []byte(b.String())
}

// sseEvents frames Responses events as OpenAI does: an event line named after the
// payload's type, then its data line.
func sseEvents(t testing.TB, payloads ...string) []byte {
	t.Helper()
	var b strings.Builder
	for _, p := range payloads {
		var ev struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal([]byte(p), &ev); err != nil {
			t.Fatalf("test event %s: %v", p, err)
		}
		b.WriteString("event: " + ev.Type + "\ndata: " + p + "\n\n")
	}
	return []byte(b.String())
}

// exchange builds an HTTP exchange on api.openai.com; a body starting with '{' is
// served as JSON, anything else as an event stream.
func exchange(path string, status int, request string, response []byte) *providers.Exchange {
	ct := "text/event-stream; charset=utf-8"
	if strings.HasPrefix(strings.TrimSpace(string(response)), "{") {
		ct = "application/json"
	}
	return &providers.Exchange{
		Host:            "api.openai.com",
		Method:          "POST",
		Path:            path,
		Status:          status,
		RequestHeaders:  http.Header{"User-Agent": {"OpenAI/Python 2.8.1"}},
		ResponseHeaders: http.Header{"Content-Type": {ct}, "X-Request-Id": {"req_test"}},
		Request:         []byte(request),
		Response:        response,
	}
}

func chatExchange(response []byte) *providers.Exchange {
	return exchange("/v1/chat/completions", 200, `{"model":"gpt-4.1","stream":true,"messages":[]}`, response)
}

func responsesExchange(response []byte) *providers.Exchange {
	return exchange("/v1/responses", 200, `{"model":"gpt-5","stream":true,"input":"hi"}`, response)
}

// call is the part of a ToolCall the tests state; Arguments is compared as text ("" for null).
type call struct {
	Index            int
	ID, ItemID, Name string
	Arguments, Raw   string
	RawNil           bool
}

func calls(tcs []providers.ToolCall) []call {
	out := []call{}
	for _, tc := range tcs {
		c := call{Index: tc.Index, ID: tc.ID, ItemID: tc.ItemID, Name: tc.Name, Arguments: string(tc.Arguments)}
		if tc.ArgumentsRaw == nil {
			c.RawNil = true
		} else {
			c.Raw = *tc.ArgumentsRaw
		}
		out = append(out, c)
	}
	return out
}

// outcome is the part of a Result most tests state.
type outcome struct {
	Complete, UsageIsFinal bool
	StopReason, Normalized string
	Error                  *providers.Error
	Text                   string
	TextBlocks             []string
	Calls                  []call
	Usage                  providers.Usage
}

func outcomeOf(r providers.Result) outcome {
	return outcome{
		Complete: r.Complete, UsageIsFinal: r.UsageIsFinal,
		StopReason: r.StopReason, Normalized: r.StopReasonNormalized,
		Error: r.Error, Text: r.Text, TextBlocks: r.TextBlocks,
		Calls: calls(r.ToolCalls), Usage: r.Usage,
	}
}
