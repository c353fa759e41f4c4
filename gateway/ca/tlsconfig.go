package ca

import "crypto/tls"

// ServerConfig returns the TLS config for terminating a client connection that CONNECTed to
// host. GetCertificate prefers the SNI name, which is what the client will verify, and falls
// back to host when the client sends none (as for IP addresses). ALPN offers only http/1.1
// because the proxy speaks HTTP/1.1 only; a client that negotiated h2 would fail.
func (l *Leaves) ServerConfig(host string) *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		NextProtos: []string{"http/1.1"},
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			name := hello.ServerName
			if name == "" {
				name = host
			}
			return l.Certificate(name)
		},
	}
}
