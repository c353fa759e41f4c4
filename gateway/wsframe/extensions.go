package wsframe

import (
	"fmt"
	"strconv"
	"strings"
)

// Deflate holds the negotiated permessage-deflate parameters (RFC 7692), as
// accepted in the 101 response's Sec-WebSocket-Extensions.
type Deflate struct {
	Enabled bool
	// ClientNoContextTakeover means the client resets its compressor per
	// message, so client→server messages are inflated independently.
	ClientNoContextTakeover bool
	// ServerNoContextTakeover is the same for server→client messages.
	ServerNoContextTakeover bool
	// Window sizes are 8-15; 15 when the response did not limit them. The Tap
	// always keeps a full 32 KiB window, which is correct for any of them.
	ClientMaxWindowBits int
	ServerMaxWindowBits int
}

// ParseExtensions reads the Sec-WebSocket-Extensions values of a 101
// response. Extensions other than permessage-deflate are ignored: if one of
// them used RSV bits, the Tap reports a protocol error rather than guess.
func ParseExtensions(headerValues []string) (Deflate, error) {
	var d Deflate
	for _, v := range headerValues {
		for _, ext := range splitQuoted(v, ',') {
			params := splitQuoted(ext, ';')
			name := strings.TrimSpace(params[0])
			if name == "" {
				continue // empty list elements are allowed by RFC 7230's #rule
			}
			if !strings.EqualFold(name, "permessage-deflate") {
				continue
			}
			if d.Enabled {
				return Deflate{}, fmt.Errorf("wsframe: Sec-WebSocket-Extensions %q: permessage-deflate accepted twice", v)
			}
			pd, err := parseDeflateParams(params[1:])
			if err != nil {
				return Deflate{}, fmt.Errorf("wsframe: Sec-WebSocket-Extensions %q: %w", v, err)
			}
			d = pd
		}
	}
	return d, nil
}

func parseDeflateParams(params []string) (Deflate, error) {
	d := Deflate{Enabled: true, ClientMaxWindowBits: 15, ServerMaxWindowBits: 15}
	seen := map[string]bool{}
	for _, p := range params {
		name, value, hasValue := strings.Cut(p, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			return Deflate{}, fmt.Errorf("empty permessage-deflate parameter")
		}
		if seen[name] {
			return Deflate{}, fmt.Errorf("duplicate parameter %s", name)
		}
		seen[name] = true
		value = unquote(strings.TrimSpace(value))
		switch name {
		case "client_no_context_takeover", "server_no_context_takeover":
			if hasValue {
				return Deflate{}, fmt.Errorf("parameter %s takes no value, got %q", name, value)
			}
			if name == "client_no_context_takeover" {
				d.ClientNoContextTakeover = true
			} else {
				d.ServerNoContextTakeover = true
			}
		case "client_max_window_bits", "server_max_window_bits":
			bits := 15
			// A bare client_max_window_bits is only valid in an offer, but
			// it means "up to 15" there, so read it that way here too.
			if hasValue || name == "server_max_window_bits" {
				n, err := strconv.Atoi(value)
				if err != nil || n < 8 || n > 15 {
					return Deflate{}, fmt.Errorf("parameter %s=%q: want an integer 8-15", name, value)
				}
				bits = n
			}
			if name == "client_max_window_bits" {
				d.ClientMaxWindowBits = bits
			} else {
				d.ServerMaxWindowBits = bits
			}
		default:
			return Deflate{}, fmt.Errorf("unknown permessage-deflate parameter %s", name)
		}
	}
	return d, nil
}

// splitQuoted splits s at sep, ignoring separators inside quoted-strings.
func splitQuoted(s string, sep byte) []string {
	var parts []string
	inQuote, escaped, start := false, false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case inQuote && c == '\\':
			escaped = true
		case c == '"':
			inQuote = !inQuote
		case !inQuote && c == sep:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// unquote removes a quoted-string's quotes and backslash escapes; a token is
// returned as is.
func unquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
