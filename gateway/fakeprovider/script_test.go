package fakeprovider

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func TestPlanTurn(t *testing.T) {
	bash := toolDecl{name: "Bash", schema: json.RawMessage(`{"type":"object","properties":{"command":{"type":"string"},"description":{"type":"string"},"timeout":{"type":"number"}},"required":["command"]}`)}
	shell := toolDecl{name: "shell", schema: json.RawMessage(`{"type":"object","properties":{"command":{"type":"array","items":{"type":"string"}},"workdir":{"type":"string"}},"required":["command"]}`)}
	exec := toolDecl{name: "exec_command", schema: json.RawMessage(`{"type":"object","properties":{"cmd":{"type":"string"},"yield_time_ms":{"type":"number"},"shell":{"type":"string"}},"required":["cmd","shell"]}`)}
	glob := toolDecl{name: "glob", schema: json.RawMessage(`{"type":"OBJECT","properties":{"pattern":{"type":"STRING"},"dir_path":{"type":"STRING"}},"required":["pattern"]}`)}
	other := toolDecl{name: "write_file", schema: json.RawMessage(`{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}`)}
	tests := []struct {
		name     string
		c        convo
		wantTool string
		wantArgs string
		wantText string
	}{
		{"bash first turn", convo{tools: []toolDecl{other, bash}, prompt: "go"}, "Bash",
			`{"command":"echo hello > note.txt && cat note.txt","description":"Write hello to note.txt and print it"}`, "I'll create note.txt"},
		{"codex shell takes argv", convo{tools: []toolDecl{shell}}, "shell",
			`{"command":["bash","-lc","echo hello > note.txt && cat note.txt"]}`, ""},
		{"exec_command fills required placeholders", convo{tools: []toolDecl{exec}}, "exec_command",
			`{"cmd":"echo hello > note.txt && cat note.txt","shell":"ok"}`, ""},
		{"gemini glob when no shell", convo{tools: []toolDecl{other, glob}}, "glob", `{"pattern":"*"}`, "I'll list"},
		{"unknown tools only: text", convo{tools: []toolDecl{other}, prompt: "hi"}, "", "", `You asked: "hi"`},
		{"tool result: final text", convo{tools: []toolDecl{bash}, hasResult: true, result: "ran\nhello\n"}, "", "",
			"the last line of its output was: hello"},
		{"json schema wins", convo{tools: []toolDecl{bash}, wantJSON: true, schema: json.RawMessage(`{"type":"object","properties":{"next_speaker":{"type":"string","enum":["user","model"]},"reasoning":{"type":"string"}},"required":["reasoning","next_speaker"]}`)},
			"", "", `{"next_speaker":"user","reasoning":"ok"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := planTurn(tt.c, faults{})
			gotTool, gotArgs := "", ""
			if got.tool != nil {
				gotTool, gotArgs = got.tool.name, got.tool.args
				if joined := strings.Join(got.tool.fragments, ""); joined != gotArgs {
					t.Errorf("fragments join to %q, want %q", joined, gotArgs)
				}
			}
			if gotTool != tt.wantTool || gotArgs != tt.wantArgs {
				t.Errorf("tool = %q %s, want %q %s", gotTool, gotArgs, tt.wantTool, tt.wantArgs)
			}
			if text := got.text.full(); !strings.Contains(text, tt.wantText) {
				t.Errorf("text = %q, want it to contain %q", text, tt.wantText)
			}
		})
	}
}

func TestSplitText(t *testing.T) {
	text := "one two three four five six seven"
	tests := []struct {
		n         int
		wantCount int
		wantFull  string
	}{
		{0, 3, text},
		{2, 2, text},
		{7, 7, text},
		{10, 10, text + " and the stream"},
	}
	for _, tt := range tests {
		got := splitText(text, tt.n)
		if got.count() != tt.wantCount || got.full() != tt.wantFull {
			t.Errorf("splitText(%d) = %d chunks %q, want %d %q", tt.n, got.count(), got.full(), tt.wantCount, tt.wantFull)
		}
	}
}

func TestFragments(t *testing.T) {
	got := fragments(`{"a":"é\"x"}`, true)
	if got[0] != "" {
		t.Errorf("first fragment = %q, want empty", got[0])
	}
	if strings.Join(got, "") != `{"a":"é\"x"}` {
		t.Errorf("fragments do not join back: %q", got)
	}
}

func TestSchemaValue(t *testing.T) {
	tests := []struct {
		schema string
		want   string
	}{
		{`{"type":"object","properties":{"model_choice":{"type":"string","enum":["flash","pro"]},"reasoning":{"type":"string"}},"required":["reasoning","model_choice"]}`, `{"model_choice":"flash","reasoning":"ok"}`},
		{`{"type":"OBJECT","properties":{"n":{"type":"INTEGER","minimum":"2"},"xs":{"type":"ARRAY","minItems":"1","items":{"type":"BOOLEAN"}}}}`, `{"n":2,"xs":[false]}`},
		{`{"anyOf":[{"type":"null"},{"type":"string"}]}`, `null`},
		{`{"type":["string","null"]}`, `"ok"`},
		{``, `{}`},
	}
	for _, tt := range tests {
		if got := string(mustJSON(schemaValue(json.RawMessage(tt.schema), 0, true))); got != tt.want {
			t.Errorf("schemaValue(%s) = %s, want %s", tt.schema, got, tt.want)
		}
	}
}

func TestDecodeBody(t *testing.T) {
	plain := []byte(`{"model":"m"}`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	enc, _ := zstd.NewWriter(nil)
	zs := enc.EncodeAll(plain, nil)
	tests := []struct {
		name     string
		raw      []byte
		encoding string
		wantErr  error
	}{
		{"identity", plain, "", nil},
		{"gzip", gz.Bytes(), "gzip", nil},
		{"zstd", zs, "zstd", nil},
		{"gzip then zstd", enc.EncodeAll(gz.Bytes(), nil), "gzip, zstd", nil},
		{"br unsupported", plain, "br", errUnsupportedEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeBody(tt.raw, tt.encoding)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && !bytes.Equal(got, plain) {
				t.Errorf("got %q, want %q", got, plain)
			}
		})
	}
}

func TestGeminiJSON(t *testing.T) {
	got := string(geminiJSON(obj{{"a", "x:\"y"}, {"b", []obj{{{"c", 1}}}}}))
	want := `{"a": "x:\"y","b": [{"c": 1}]}`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestUsageFor(t *testing.T) {
	tests := []struct {
		name string
		c    convo
		want tokens
	}{
		{"small", convo{size: 400, messages: 1}, tokens{prompt: 100}},
		{"first big turn writes cache", convo{size: 40000, messages: 1}, tokens{prompt: 10000, cacheWrite: 7000}},
		{"later big turn reads cache", convo{size: 40000, messages: 3}, tokens{prompt: 10000, cached: 6976, cacheWrite: 1000}},
	}
	for _, tt := range tests {
		got := usageFor(tt.c, turn{})
		got.output = 0
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
