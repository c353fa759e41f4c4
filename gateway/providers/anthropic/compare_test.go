package anthropic

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/providertest"
)

// recorder is a testing.TB that records failures instead of reporting them.
type recorder struct {
	testing.TB
	failed []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = append(r.failed, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = append(r.failed, fmt.Sprintf(format, args...))
}

// TestCompareCatchesMismatches guards the fixture tests themselves: a wrong field must fail.
func TestCompareCatchesMismatches(t *testing.T) {
	dir := providertest.Dir(t, "02_")
	expected := filepath.Join(dir, "expected.json")
	good := New().Parse(providertest.Load(t, dir))
	mutations := map[string]func(r *providers.Result){
		"model":         func(r *providers.Result) { r.Model = "x" },
		"complete":      func(r *providers.Result) { r.Complete = false },
		"usage":         func(r *providers.Result) { r.Usage.CacheWrite5m++ },
		"usage_native":  func(r *providers.Result) { r.UsageNative = []byte(`{"message_start":null,"message_delta":null}`) },
		"arguments":     func(r *providers.Result) { r.ToolCalls[0].Arguments = []byte(`{"pattern":"x"}`) },
		"arguments_raw": func(r *providers.Result) { s := *r.ToolCalls[1].ArgumentsRaw + " "; r.ToolCalls[1].ArgumentsRaw = &s },
		"tool count":    func(r *providers.Result) { r.ToolCalls = r.ToolCalls[:1] },
		"text":          func(r *providers.Result) { r.Text += "." },
		"text_blocks":   func(r *providers.Result) { r.TextBlocks = nil },
		"session":       func(r *providers.Result) { r.SessionID = "" },
		"error":         func(r *providers.Result) { r.Error = &providers.Error{Type: "x"} },
		"thinking":      func(r *providers.Result) { r.Thinking = "x" },
	}
	for name, mutate := range mutations {
		r := good
		r.ToolCalls = append([]providers.ToolCall(nil), good.ToolCalls...)
		mutate(&r)
		rec := &recorder{TB: t}
		providertest.Compare(rec, r, expected)
		if len(rec.failed) == 0 {
			t.Errorf("%s: mutation not caught", name)
		}
	}
	rec := &recorder{TB: t}
	providertest.Compare(rec, good, expected)
	if len(rec.failed) != 0 {
		t.Errorf("unmutated result fails: %q", rec.failed)
	}
}
