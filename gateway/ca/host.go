package ca

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// normalizeHost turns a CONNECT target or SNI name into the cache key and SAN: no port, no
// brackets, lower case, no trailing dot, canonical IP form. One host then maps to one leaf
// however the client spelled it.
func normalizeHost(s string) (string, error) {
	raw := s
	// The guards skip parsers whose failures allocate errors: this runs on every TLS handshake.
	if strings.IndexByte(s, ':') >= 0 {
		if h, _, err := net.SplitHostPort(s); err == nil {
			s = h
		}
		if len(s) > 1 && s[0] == '[' && s[len(s)-1] == ']' {
			s = s[1 : len(s)-1]
		}
	}
	if strings.IndexByte(s, ':') >= 0 || strings.Trim(s, "0123456789.") == "" {
		if addr, err := netip.ParseAddr(s); err == nil {
			return addr.WithZone("").Unmap().String(), nil
		}
	}
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if s == "" || len(s) > 253 {
		return "", fmt.Errorf("ca: invalid host %q for a leaf certificate", raw)
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_'
		if !ok {
			return "", fmt.Errorf("ca: invalid host %q for a leaf certificate: "+
				"only ASCII letters, digits, '-', '_' and '.' are allowed", raw)
		}
	}
	return s, nil
}
