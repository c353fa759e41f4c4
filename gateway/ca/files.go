package ca

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

const (
	keyPerm  fs.FileMode = 0o600
	certPerm fs.FileMode = 0o644
)

// createPair writes a brand-new key and certificate with O_EXCL, so two concurrent
// `recondo init` runs cannot both believe they created the CA, and the key is born 0600 with
// no moment at which another user could open it.
func createPair(dir, keyPath string, keyPEM []byte, certPath string, certPEM []byte) error {
	if err := writeExcl(keyPath, keyPEM, keyPerm); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existsError(dir)
		}
		return fmt.Errorf("ca: init: write key: %w", err)
	}
	if err := writeExcl(certPath, certPEM, certPerm); err != nil {
		// Without its certificate the key is useless and would block the next Init.
		_ = os.Remove(keyPath)
		if errors.Is(err, fs.ErrExist) {
			return existsError(dir)
		}
		return fmt.Errorf("ca: init: write certificate: %w", err)
	}
	return nil
}

// replacePair stages both files as O_EXCL temporaries and renames them into place, so an
// interrupted --force never leaves a truncated key behind.
func replacePair(dir, keyPath string, keyPEM []byte, certPath string, certPEM []byte) error {
	keyTmp, err := writeTemp(dir, keyPEM, keyPerm)
	if err != nil {
		return fmt.Errorf("ca: init: write key: %w", err)
	}
	certTmp, err := writeTemp(dir, certPEM, certPerm)
	if err != nil {
		_ = os.Remove(keyTmp)
		return fmt.Errorf("ca: init: write certificate: %w", err)
	}
	if err := os.Rename(keyTmp, keyPath); err != nil {
		_ = os.Remove(keyTmp)
		_ = os.Remove(certTmp)
		return fmt.Errorf("ca: init: replace key: %w", err)
	}
	if err := os.Rename(certTmp, certPath); err != nil {
		_ = os.Remove(certTmp)
		return fmt.Errorf("ca: init: replace certificate: %w; the key was already replaced, "+
			"so run `recondo init --force` again", err)
	}
	return nil
}

// writeExcl creates path exclusively with perm. The explicit Chmod only matters under an
// unusual umask: it keeps ca.crt world-readable and never widens the key beyond 0600.
func writeExcl(path string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if err := finish(f, data, perm); err != nil {
		_ = os.Remove(path)
		return err
	}
	return nil
}

// writeTemp writes data to a new temporary file in dir (os.CreateTemp uses O_EXCL and 0600)
// and returns its path.
func writeTemp(dir string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, ".recondo-*.tmp")
	if err != nil {
		return "", err
	}
	if err := finish(f, data, perm); err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// finish sets the mode, writes, syncs and closes f; Sync makes a crash right after Init leave
// either the old or the new bytes, not an empty file.
func finish(f *os.File, data []byte, perm fs.FileMode) error {
	err := f.Chmod(perm)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(f.Name()), err)
	}
	return nil
}
