package ca

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"testing"
	"time"
)

func TestServerConfigHandshake(t *testing.T) {
	a := newTestCA(t)
	stranger := newTestCA(t)
	l := NewLeaves(a, LeafOptions{})
	tests := []struct {
		name        string
		connectHost string // what the client CONNECTed to
		serverName  string // what the client sends as SNI and verifies
		roots       *Authority
		wantErr     func(error) bool
	}{
		{"sni matches", "api.anthropic.com", "api.anthropic.com", a, nil},
		{"sni differs from connect host", "api.anthropic.com", "api.openai.com", a, nil},
		{"ip without sni uses connect host", "127.0.0.1", "127.0.0.1", a, nil},
		// Go sends no SNI for IP literals, so the server falls back to the CONNECT host and
		// the client, verifying 10.0.0.1, must reject a leaf for api.anthropic.com.
		{"wrong server name", "api.anthropic.com", "10.0.0.1", a, isErr[x509.HostnameError]},
		{"client does not trust the CA", "api.anthropic.com", "api.anthropic.com", stranger,
			isErr[x509.UnknownAuthorityError]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state, err := handshake(t, l.ServerConfig(tt.connectHost), &tls.Config{
				RootCAs:    pool(tt.roots),
				ServerName: tt.serverName,
				NextProtos: []string{"h2", "http/1.1"},
			})
			if tt.wantErr != nil {
				if !tt.wantErr(err) {
					t.Fatalf("handshake error = %v, want a certificate verification failure", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("handshake: %v", err)
			}
			if state.NegotiatedProtocol != "http/1.1" {
				t.Errorf("ALPN = %q, want http/1.1", state.NegotiatedProtocol)
			}
			if len(state.PeerCertificates) != 1 {
				t.Errorf("server sent %d certificates, want 1", len(state.PeerCertificates))
			}
		})
	}
}

func TestServerConfigRefusesOldTLS(t *testing.T) {
	a := newTestCA(t)
	l := NewLeaves(a, LeafOptions{})
	_, err := handshake(t, l.ServerConfig("api.anthropic.com"), &tls.Config{
		RootCAs:    pool(a),
		ServerName: "api.anthropic.com",
		MinVersion: tls.VersionTLS10,
		MaxVersion: tls.VersionTLS11,
	})
	if err == nil {
		t.Fatal("TLS 1.1 handshake succeeded, want it refused")
	}
}

func isErr[E error](err error) bool {
	_, ok := errors.AsType[E](err)
	return ok
}

// handshake runs a real TLS handshake over loopback TCP and returns the client's view.
// (net.Pipe is unbuffered, so a client that aborts mid-flight deadlocks against the server's
// pending write until the deadline.)
func handshake(t *testing.T, server, client *tls.Config) (tls.ConnectionState, error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	deadline := time.Now().Add(10 * time.Second)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		_ = c.SetDeadline(deadline)
		_ = tls.Server(c, server).Handshake()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	_ = c.SetDeadline(deadline)
	cli := tls.Client(c, client)
	err = cli.Handshake()
	state := cli.ConnectionState()
	c.Close()
	<-done
	return state, err
}
