package wire

import (
	"strings"
	"testing"
)

func TestHashJSONIgnoresWhitespace(t *testing.T) {
	a := HashJSON([]byte(`{"role": "user",  "content": "hi"}`))
	b := HashJSON([]byte("{\n \"role\":\"user\",\"content\":\"hi\"\n}"))
	if a != b || len(a) != 64 {
		t.Errorf("hashes %s / %s differ", a, b)
	}
	if HashJSON([]byte(`{bad`)) != HashBytes([]byte(`{bad`)) {
		t.Error("invalid JSON is not hashed as given")
	}
}

func TestFirstByte(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"", 0}, {"  \r\n", 0}, {"\xEF\xBB\xBF {", '{'}, {"\n[1]", '['}, {"event: x", 'e'}, {":c", ':'},
	}
	for _, tt := range tests {
		if got := FirstByte([]byte(tt.in)); got != tt.want {
			t.Errorf("FirstByte(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("é", 300)
	got := Snippet([]byte(long))
	if len(got) > maxSnippet || !strings.HasPrefix(long, got) {
		t.Errorf("Snippet cut badly: %d bytes", len(got))
	}
	if got := Snippet([]byte(" <html>\xff</html> ")); got != "<html>\uFFFD</html>" {
		t.Errorf("Snippet = %q", got)
	}
}

func TestProductVersion(t *testing.T) {
	tests := []struct {
		ua, product, want string
		ok                bool
	}{
		{"claude-cli/2.0.37 (external, cli)", "claude-cli/", "2.0.37", true},
		{"GeminiCLI/0.16.0 (linux; x64)", "GeminiCLI/", "0.16.0", true},
		{"GeminiCLI/0.24.0/gemini-2.5-pro (darwin; arm64)", "GeminiCLI/", "0.24.0", true},
		{"Anthropic/Python 0.72.0", "claude-cli/", "", false},
		{"claude-cli/", "claude-cli/", "", true},
		{"", "claude-cli/", "", false},
	}
	for _, tt := range tests {
		got, ok := ProductVersion(tt.ua, tt.product)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ProductVersion(%q) = %q, %v; want %q, %v", tt.ua, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPathOnly(t *testing.T) {
	if got := PathOnly("/v1/messages?beta=true"); got != "/v1/messages" {
		t.Errorf("PathOnly = %q", got)
	}
}
