package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

const (
	defaultCommonName = "Recondo Local CA"
	defaultCAValidity = 10 * 365 * 24 * time.Hour
	// caBackdate matches mitmproxy: a client whose clock is a little behind must not see a
	// freshly created CA as "not yet valid".
	caBackdate = 48 * time.Hour
)

// InitOptions configures Init. Zero values mean the defaults.
type InitOptions struct {
	CommonName   string        // default "Recondo Local CA"
	Organization string        // optional
	Validity     time.Duration // default 10 years
	Force        bool          // overwrite an existing CA
}

// Init creates a new ECDSA P-256 CA in dir (creating dir 0700). Without Force it refuses with
// an error wrapping ErrExists when ca.crt or ca.key is already there.
func Init(dir string, opt InitOptions) (*Authority, error) {
	if dir == "" {
		return nil, fmt.Errorf("ca: init: empty CA directory; set RECONDO_DATA_DIR")
	}
	if opt.CommonName == "" {
		opt.CommonName = defaultCommonName
	}
	if opt.Validity <= 0 {
		opt.Validity = defaultCAValidity
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("ca: init: create %s: %w", dir, err)
	}
	certPath, keyPath := filepath.Join(dir, CertFile), filepath.Join(dir, KeyFile)
	if !opt.Force {
		for _, p := range []string{keyPath, certPath} {
			if _, err := os.Lstat(p); err == nil {
				return nil, existsError(dir)
			}
		}
	}

	key, certDER, err := newCA(opt)
	if err != nil {
		return nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("ca: init: encode key: %w", err)
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: certDER})

	if opt.Force {
		err = replacePair(dir, keyPath, keyPEM, certPath, certPEM)
	} else {
		err = createPair(dir, keyPath, keyPEM, certPath, certPEM)
	}
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(certDER)
	if err != nil {
		return nil, fmt.Errorf("ca: init: parse new certificate: %w", err)
	}
	return &Authority{Cert: cert, Key: key, CertPEM: certPEM, Dir: dir}, nil
}

func existsError(dir string) error {
	return fmt.Errorf("%w in %s; keep using it, or run `recondo init --force` to replace it "+
		"(every client must then trust the new CA)", ErrExists, dir)
}

// newCA generates the key and self-signed certificate. MaxPathLen 0 means the CA can sign
// only leaves, so a stolen leaf key can never mint further certificates.
func newCA(opt InitOptions) (*ecdsa.PrivateKey, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("ca: init: generate key: %w", err)
	}
	serial, err := randomSerial()
	if err != nil {
		return nil, nil, fmt.Errorf("ca: init: %w", err)
	}
	subject := pkix.Name{CommonName: opt.CommonName}
	if opt.Organization != "" {
		subject.Organization = []string{opt.Organization}
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subject,
		NotBefore:             now.Add(-caBackdate),
		NotAfter:              now.Add(opt.Validity),
		IsCA:                  true,
		BasicConstraintsValid: true,
		MaxPathLen:            0,
		MaxPathLenZero:        true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, fmt.Errorf("ca: init: self-sign certificate: %w", err)
	}
	return key, der, nil
}
