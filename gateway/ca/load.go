package ca

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Load reads the CA from dir. It returns an error wrapping ErrNotFound when the CA is absent,
// and ErrInsecureKey (checked before the key is read) when ca.key is group/other-accessible.
func Load(dir string) (*Authority, error) {
	certPath, keyPath := filepath.Join(dir, CertFile), filepath.Join(dir, KeyFile)
	certPEM, certErr := os.ReadFile(certPath)
	keyPEM, keyErr := readKeyFile(keyPath)
	switch {
	case errors.Is(certErr, fs.ErrNotExist) && errors.Is(keyErr, fs.ErrNotExist):
		return nil, fmt.Errorf("%w in %s; run `recondo init` to create one", ErrNotFound, dir)
	case errors.Is(certErr, fs.ErrNotExist), errors.Is(keyErr, fs.ErrNotExist):
		missing := certPath
		if errors.Is(keyErr, fs.ErrNotExist) {
			missing = keyPath
		}
		return nil, fmt.Errorf("%w: %s is missing; run `recondo init --force` to create a new CA",
			ErrNotFound, missing)
	case keyErr != nil:
		return nil, keyErr
	case certErr != nil:
		return nil, fmt.Errorf("ca: read %s: %w", certPath, certErr)
	}

	cert, err := parseCACert(certPath, certPEM)
	if err != nil {
		return nil, err
	}
	key, err := parseKey(keyPath, keyPEM)
	if err != nil {
		return nil, err
	}
	if !publicKeysEqual(cert.PublicKey, key.Public()) {
		return nil, fmt.Errorf("ca: %s does not belong to %s; run `recondo init --force` to "+
			"create a new CA", keyPath, certPath)
	}
	return &Authority{Cert: cert, Key: key, CertPEM: certPEM, Dir: dir}, nil
}

// readKeyFile checks permissions on the opened descriptor rather than the path, so the file
// that is judged is the file that is read.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("ca: open %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("ca: stat %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("ca: %s is not a regular file; run `recondo init --force` to "+
			"create a new CA", path)
	}
	// Windows has no Unix permission bits; Go reports 0666 there for every writable file.
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s has mode %04o, so other users could read it; run "+
			"`chmod 600 %s` (and consider `recondo init --force`, since the key may have leaked)",
			ErrInsecureKey, path, st.Mode().Perm(), path)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("ca: read %s: %w", path, err)
	}
	return b, nil
}

func parseCACert(path string, b []byte) (*x509.Certificate, error) {
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, corrupt(path, errors.New("no PEM CERTIFICATE block"))
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, corrupt(path, err)
	}
	if !cert.IsCA || !cert.BasicConstraintsValid {
		return nil, corrupt(path, errors.New("certificate is not a CA"))
	}
	return cert, nil
}

func parseKey(path string, b []byte) (crypto.Signer, error) {
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, corrupt(path, errors.New("no PEM block"))
	}
	var key any
	var err error
	switch block.Type {
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY": // openssl's traditional format, for hand-made CAs
		key, err = x509.ParseECPrivateKey(block.Bytes)
	default:
		err = fmt.Errorf("unexpected PEM block %q", block.Type)
	}
	if err != nil {
		return nil, corrupt(path, err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, corrupt(path, fmt.Errorf("unsupported key type %T", key))
	}
	if err := checkStrength(signer); err != nil {
		return nil, fmt.Errorf("ca: %s: %w; run `recondo init --force` to create an ECDSA P-256 CA",
			path, err)
	}
	return signer, nil
}

// checkStrength refuses keys weaker than what Init creates, so a hand-placed CA cannot
// silently downgrade every intercepted connection.
func checkStrength(k crypto.Signer) error {
	switch pub := k.Public().(type) {
	case *ecdsa.PublicKey:
		if pub.Curve.Params().BitSize < elliptic.P256().Params().BitSize {
			return fmt.Errorf("ECDSA curve %s is too weak", pub.Curve.Params().Name)
		}
	case *rsa.PublicKey:
		if pub.N.BitLen() < 2048 {
			return fmt.Errorf("RSA key of %d bits is too weak", pub.N.BitLen())
		}
	case ed25519.PublicKey:
	default:
		return fmt.Errorf("unsupported key type %T", pub)
	}
	return nil
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

func corrupt(path string, err error) error {
	return fmt.Errorf("ca: %s is unreadable or corrupted (%v); restore it from a backup or run "+
		"`recondo init --force` to create a new CA", path, err)
}
