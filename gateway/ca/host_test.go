package ca

import "testing"

func TestNormalizeHost(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: "api.anthropic.com", want: "api.anthropic.com"},
		{in: "API.Anthropic.COM.", want: "api.anthropic.com"},
		{in: "chatgpt.com:443", want: "chatgpt.com"},
		{in: "_dmarc.example.com", want: "_dmarc.example.com"},
		{in: "127.0.0.1:443", want: "127.0.0.1"},
		{in: "[2001:DB8::1]:443", want: "2001:db8::1"},
		{in: "[::1]", want: "::1"},
		{in: "::ffff:10.0.0.1", want: "10.0.0.1"},
		{in: "fe80::1%eth0", want: "fe80::1"},
		{in: "", wantErr: true},
		{in: ".", wantErr: true},
		{in: ":443", wantErr: true},
		{in: "*.example.com", wantErr: true},
		{in: "a b.com", wantErr: true},
		{in: "bücher.de", wantErr: true},
		{in: "evil.com/path", wantErr: true},
	}
	for _, tt := range tests {
		got, err := normalizeHost(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("normalizeHost(%q) = %q, %v; want %q, error=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
