package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestLeafCertificateProfile(t *testing.T) {
	a := newTestCA(t)
	l := NewLeaves(a, LeafOptions{})
	tests := []struct {
		host    string
		verify  string // name the client verifies
		wantIP  bool
		wantSAN string
	}{
		{"api.anthropic.com", "api.anthropic.com", false, "api.anthropic.com"},
		{"API.OpenAI.com.", "api.openai.com", false, "api.openai.com"},
		{"generativelanguage.googleapis.com:443", "generativelanguage.googleapis.com", false, "generativelanguage.googleapis.com"},
		{"127.0.0.1", "127.0.0.1", true, "127.0.0.1"},
		{"[::1]:8443", "::1", true, "::1"},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			before := time.Now()
			c, err := l.Certificate(tt.host)
			if err != nil {
				t.Fatalf("Certificate: %v", err)
			}
			if len(c.Certificate) != 1 {
				t.Errorf("chain length = %d, want 1 (leaf only)", len(c.Certificate))
			}
			leaf := c.Leaf
			if leaf == nil {
				t.Fatal("tls.Certificate.Leaf is nil")
			}
			if _, err := leaf.Verify(x509.VerifyOptions{DNSName: tt.verify, Roots: pool(a)}); err != nil {
				t.Errorf("Verify(%q): %v", tt.verify, err)
			}
			switch {
			case tt.wantIP && (len(leaf.IPAddresses) != 1 || leaf.IPAddresses[0].String() != tt.wantSAN || len(leaf.DNSNames) != 0):
				t.Errorf("SANs = IP %v DNS %v, want IP %s only", leaf.IPAddresses, leaf.DNSNames, tt.wantSAN)
			case !tt.wantIP && (len(leaf.DNSNames) != 1 || leaf.DNSNames[0] != tt.wantSAN || len(leaf.IPAddresses) != 0):
				t.Errorf("SANs = DNS %v IP %v, want DNS %s only", leaf.DNSNames, leaf.IPAddresses, tt.wantSAN)
			}
			key, ok := c.PrivateKey.(*ecdsa.PrivateKey)
			if !ok || key.Curve != elliptic.P256() {
				t.Errorf("private key = %T, want ECDSA P-256", c.PrivateKey)
			}
			if pub, ok := leaf.PublicKey.(*ecdsa.PublicKey); !ok || !pub.Equal(&key.PublicKey) {
				t.Errorf("certificate public key does not match the private key")
			}
			if leaf.IsCA {
				t.Errorf("leaf is a CA")
			}
			if len(leaf.ExtKeyUsage) != 1 || leaf.ExtKeyUsage[0] != x509.ExtKeyUsageServerAuth {
				t.Errorf("ExtKeyUsage = %v, want [serverAuth]", leaf.ExtKeyUsage)
			}
			if n := leaf.SerialNumber; n.Sign() <= 0 || n.BitLen() > 128 {
				t.Errorf("serial %v: want positive and at most 128 bits", n)
			}
			if got := before.Sub(leaf.NotBefore); got < 47*time.Hour || got > 49*time.Hour {
				t.Errorf("NotBefore is %v before now, want about 48h", got)
			}
			if got := leaf.NotAfter.Sub(before); got < 30*24*time.Hour-time.Minute || got > 30*24*time.Hour+time.Minute {
				t.Errorf("NotAfter is %v after now, want about 30 days", got)
			}
		})
	}
}

func TestLeafKeysAndCacheKeys(t *testing.T) {
	l := NewLeaves(newTestCA(t), LeafOptions{})
	get := func(host string) *tls.Certificate {
		t.Helper()
		c, err := l.Certificate(host)
		if err != nil {
			t.Fatalf("Certificate(%q): %v", host, err)
		}
		return c
	}
	a, b := get("api.anthropic.com"), get("api.openai.com")
	if a.PrivateKey.(*ecdsa.PrivateKey).Equal(b.PrivateKey) {
		t.Errorf("two hosts share a private key")
	}
	if a.Leaf.SerialNumber.Cmp(b.Leaf.SerialNumber) == 0 {
		t.Errorf("two hosts share a serial number")
	}
	for _, spelling := range []string{"API.Anthropic.COM", "api.anthropic.com.", "api.anthropic.com:443"} {
		if got := get(spelling); got != a {
			t.Errorf("Certificate(%q) generated a new leaf, want the cached api.anthropic.com one", spelling)
		}
	}
	if got := l.Generated(); got != 2 {
		t.Errorf("Generated() = %d, want 2", got)
	}
}

func TestLeafRejectsInvalidHosts(t *testing.T) {
	l := NewLeaves(newTestCA(t), LeafOptions{})
	for _, host := range []string{"", ".", "a b.com", "*.example.com", "bücher.de", "evil.com/x", ":443"} {
		t.Run(host, func(t *testing.T) {
			if c, err := l.Certificate(host); err == nil {
				t.Errorf("Certificate(%q) = leaf for %v, want an error", host, c.Leaf.DNSNames)
			}
		})
	}
	if got := l.Generated(); got != 0 {
		t.Errorf("Generated() = %d, want 0", got)
	}
}

func TestLeafConcurrentFirstRequests(t *testing.T) {
	tests := []struct {
		name    string
		hosts   int
		callers int // per host
	}{
		{"one host", 1, 200},
		{"many hosts", 20, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLeaves(newTestCA(t), LeafOptions{})
			got := make([][]*tls.Certificate, tt.hosts)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for h := range tt.hosts {
				got[h] = make([]*tls.Certificate, tt.callers)
				host := "api.anthropic.com"
				if tt.hosts > 1 {
					host = fmt.Sprintf("h%d.example.com", h)
				}
				for i := range tt.callers {
					wg.Go(func() {
						<-start
						c, err := l.Certificate(host)
						if err != nil {
							t.Errorf("Certificate(%q): %v", host, err)
						}
						got[h][i] = c
					})
				}
			}
			close(start)
			wg.Wait()
			if g := l.Generated(); g != int64(tt.hosts) {
				t.Errorf("Generated() = %d, want %d (one per host)", g, tt.hosts)
			}
			for h := range got {
				for i, c := range got[h] {
					if c == nil || c != got[h][0] {
						t.Fatalf("host %d caller %d got a different certificate", h, i)
					}
				}
			}
		})
	}
}

func TestLeafEvictsLeastRecentlyUsed(t *testing.T) {
	l := NewLeaves(newTestCA(t), LeafOptions{MaxHosts: 3})
	steps := []struct {
		host          string
		wantGenerated int64
	}{
		{"a.test", 1}, {"b.test", 2}, {"c.test", 3},
		{"a.test", 3}, // hit: a becomes most recently used, b is now the oldest
		{"d.test", 4}, // evicts b
		{"a.test", 4}, {"c.test", 4}, {"d.test", 4},
		{"b.test", 5}, // evicted, so regenerated (and evicts a)
		{"a.test", 6},
	}
	for i, s := range steps {
		if _, err := l.Certificate(s.host); err != nil {
			t.Fatalf("step %d: Certificate(%q): %v", i, s.host, err)
		}
		if got := l.Generated(); got != s.wantGenerated {
			t.Errorf("step %d (%s): Generated() = %d, want %d", i, s.host, got, s.wantGenerated)
		}
		if got := l.cachedHosts(); got > 3 {
			t.Errorf("step %d: %d hosts cached, want at most 3", i, got)
		}
	}
}

func TestLeafRegeneratesBeforeExpiry(t *testing.T) {
	t.Run("real clock, tiny validity", func(t *testing.T) {
		l := NewLeaves(newTestCA(t), LeafOptions{Validity: 20 * time.Millisecond})
		first, err := l.Certificate("api.anthropic.com")
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(25 * time.Millisecond)
		second, err := l.Certificate("api.anthropic.com")
		if err != nil {
			t.Fatal(err)
		}
		if second == first || l.Generated() != 2 {
			t.Errorf("leaf not regenerated after expiry: Generated() = %d", l.Generated())
		}
	})

	t.Run("fake clock", func(t *testing.T) {
		a := newTestCA(t)
		l := NewLeaves(a, LeafOptions{Validity: 40 * time.Hour})
		now := time.Now()
		l.now = func() time.Time { return now }
		steps := []struct {
			at            time.Duration
			wantGenerated int64
		}{
			{0, 1},
			{29 * time.Hour, 1}, // under 3/4 of the validity: cached
			{30 * time.Hour, 2}, // 10h left: regenerated before it expires
			{59 * time.Hour, 2}, // the new leaf's clock started at 30h
			{60 * time.Hour, 3},
		}
		start := now
		for _, s := range steps {
			now = start.Add(s.at)
			c, err := l.Certificate("api.anthropic.com")
			if err != nil {
				t.Fatal(err)
			}
			if got := l.Generated(); got != s.wantGenerated {
				t.Errorf("at +%v: Generated() = %d, want %d", s.at, got, s.wantGenerated)
			}
			if _, err := c.Leaf.Verify(x509.VerifyOptions{
				DNSName: "api.anthropic.com", Roots: pool(a), CurrentTime: now,
			}); err != nil {
				t.Errorf("at +%v: served leaf does not verify: %v", s.at, err)
			}
		}
	})
}

func TestLeafNeverOutlivesCA(t *testing.T) {
	a := newTestCA(t)
	l := NewLeaves(a, LeafOptions{})
	l.now = func() time.Time { return a.Cert.NotAfter.Add(-24 * time.Hour) }
	c, err := l.Certificate("api.anthropic.com")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Leaf.NotAfter.Equal(a.Cert.NotAfter) {
		t.Errorf("leaf NotAfter = %v, want capped at CA NotAfter %v", c.Leaf.NotAfter, a.Cert.NotAfter)
	}

	l = NewLeaves(a, LeafOptions{})
	l.now = func() time.Time { return a.Cert.NotAfter.Add(time.Second) }
	_, err = l.Certificate("api.anthropic.com")
	checkErr(t, err, nil, "expired", "recondo init --force")
}
