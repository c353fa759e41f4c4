package gemini

import (
	"encoding/json"
	"testing"

	"github.com/recondo/recondo/gateway/providers/providertest"
)

// FuzzGeminiStream mutates fixture bodies on both API paths: Parse must not panic, must return
// a Result, and the Result must be self-consistent. The mutated bytes are tried as the request
// too.
func FuzzGeminiStream(f *testing.F) {
	for _, name := range []string{"10_", "11_", "14_"} {
		f.Add(providertest.ReadFile(f, providertest.Dir(f, name), "response.raw"), false)
	}
	f.Add(providertest.ReadFile(f, providertest.Dir(f, "11_"), "response.raw"), true)
	f.Add([]byte(`[{"candidates":[{"content":{"parts":[{"text":"a"}]}}]}`), false)
	f.Add([]byte(`{"error":{"code":429,"message":"x","status":"RESOURCE_EXHAUSTED"}}`), true)
	public := providertest.Load(f, providertest.Dir(f, "10_"))
	codeAssist := providertest.Load(f, providertest.Dir(f, "11_"))
	f.Fuzz(func(t *testing.T, body []byte, onCodeAssist bool) {
		x := *public
		if onCodeAssist {
			x = *codeAssist
		}
		x.Response = body
		r := New().Parse(&x)
		if r.Provider != "google" {
			t.Fatalf("Provider = %q", r.Provider)
		}
		if r.Complete && r.Error != nil {
			t.Errorf("complete with error %+v", r.Error)
		}
		for _, tc := range r.ToolCalls {
			if tc.Arguments != nil && !json.Valid(tc.Arguments) {
				t.Errorf("tool call %d arguments not JSON: %q", tc.Index, tc.Arguments)
			}
		}
		if r.UsageNative != nil && !json.Valid(r.UsageNative) {
			t.Errorf("usage_native not JSON: %q", r.UsageNative)
		}
		x.Request = body
		_ = New().Parse(&x)
	})
}
