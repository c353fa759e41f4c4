package server

import "testing"

func TestLoopbackOrigin(t *testing.T) {
	cases := map[string]bool{
		"http://localhost:6274":         true,
		"http://127.0.0.1:8082":         true,
		"http://[::1]:8082":             true,
		"https://LOCALHOST":             true,
		"http://127.0.0.1.evil.example": false,
		"http://localhost.evil.example": false,
		"https://evil.example":          false,
		"null":                          false, // sandboxed iframes and file:// pages
		"file:///home/me/page.html":     false,
		"chrome-extension://abc":        false,
	}
	for origin, want := range cases {
		if got := loopbackOrigin(origin); got != want {
			t.Errorf("loopbackOrigin(%q) = %v, want %v", origin, got, want)
		}
	}
}
