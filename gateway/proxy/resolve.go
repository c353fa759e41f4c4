package proxy

import (
	"fmt"
	"net"
	"strings"
)

// Resolve routes host:port to another address while the request keeps its host name for SNI and
// certificate verification, like curl's --resolve host:port:addr. For tests, demos and
// air-gapped mirrors.
type Resolve map[string]string

// ParseResolve parses entries of the form host:port:addr, where addr may be an IP, [IPv6] or a
// host name, with an optional :port (default: the same port).
func ParseResolve(entries []string) (Resolve, error) {
	r := Resolve{}
	for _, e := range entries {
		host, rest, ok1 := strings.Cut(e, ":")
		port, addr, ok2 := strings.Cut(rest, ":")
		if !ok1 || !ok2 || host == "" || port == "" || addr == "" {
			return nil, fmt.Errorf("--resolve %q: want host:port:addr (e.g. api.anthropic.com:443:127.0.0.1)", e)
		}
		target := addr
		if _, _, err := net.SplitHostPort(addr); err != nil {
			target = net.JoinHostPort(strings.Trim(addr, "[]"), port)
		}
		r[net.JoinHostPort(strings.ToLower(host), port)] = target
	}
	return r, nil
}

// Target returns where to dial for hostport.
func (r Resolve) Target(hostport string) string {
	if t, ok := r[strings.ToLower(hostport)]; ok {
		return t
	}
	return hostport
}
