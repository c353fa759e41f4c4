package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"net"
	"time"
)

// issue creates a leaf for a normalized host with a fresh P-256 key, so one leaked leaf key
// never lets anyone impersonate a different host. It also returns when the leaf should be
// replaced: once three quarters of its life has passed, leaving a margin for clients whose
// clocks run ahead.
func (l *Leaves) issue(host string) (*tls.Certificate, time.Time, error) {
	now := l.now()
	notAfter := now.Add(l.validity)
	if caEnd := l.ca.Cert.NotAfter; !now.Before(caEnd) {
		return nil, time.Time{}, fmt.Errorf("ca: the Recondo CA expired on %s; run `recondo init "+
			"--force` and trust the new CA again", caEnd.Format(time.DateOnly))
	} else if notAfter.After(caEnd) {
		notAfter = caEnd // a leaf outliving its CA would fail verification anyway
	}

	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("ca: leaf for %s: generate key: %w", host, err)
	}
	serial, err := randomSerial()
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("ca: leaf for %s: %w", host, err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: host},
		NotBefore:             now.Add(-l.backdate),
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
	}
	if ip := net.ParseIP(host); ip != nil {
		tmpl.IPAddresses = []net.IP{ip}
	} else {
		tmpl.DNSNames = []string{host}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, l.ca.Cert, &key.PublicKey, l.ca.Key)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("ca: leaf for %s: sign: %w", host, err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("ca: leaf for %s: parse: %w", host, err)
	}
	refreshAt := now.Add(notAfter.Sub(now) * 3 / 4)
	return &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, refreshAt, nil
}
