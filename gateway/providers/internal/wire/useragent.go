package wire

import "strings"

// ProductVersion returns the version that follows product (e.g. "claude-cli/") at the start of
// a User-Agent, up to the next space, '/', ';' or '('; ok is false when ua does not start with
// product. "GeminiCLI/0.24.0/gemini-2.5-pro (darwin; arm64)" gives "0.24.0".
func ProductVersion(ua, product string) (version string, ok bool) {
	ua = strings.TrimSpace(ua)
	if len(ua) < len(product) || !strings.EqualFold(ua[:len(product)], product) {
		return "", false
	}
	rest := ua[len(product):]
	if i := strings.IndexAny(rest, " /;("); i >= 0 {
		rest = rest[:i]
	}
	return rest, true
}
