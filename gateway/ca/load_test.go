package ca

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestLoadRoundTrip(t *testing.T) {
	created := newTestCA(t)
	loaded, err := Load(created.Dir)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !loaded.Cert.Equal(created.Cert) {
		t.Errorf("loaded certificate differs from the created one")
	}
	if !publicKeysEqual(loaded.Key.Public(), created.Key.Public()) {
		t.Errorf("loaded key differs from the created one")
	}
	if !bytes.Equal(loaded.CertPEM, created.CertPEM) {
		t.Errorf("CertPEM differs:\ngot  %s\nwant %s", loaded.CertPEM, created.CertPEM)
	}
	if loaded.Dir != created.Dir {
		t.Errorf("Dir = %q, want %q", loaded.Dir, created.Dir)
	}
	// The loaded key must actually sign: issue a leaf with it and verify against the CA.
	leaf, err := NewLeaves(loaded, LeafOptions{}).Certificate("example.com")
	if err != nil {
		t.Fatalf("Certificate with loaded CA: %v", err)
	}
	if err := leaf.Leaf.CheckSignatureFrom(created.Cert); err != nil {
		t.Errorf("leaf signed by loaded key does not verify: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	other := newTestCA(t)
	otherKey, err := os.ReadFile(filepath.Join(other.Dir, KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		want   error
		frags  func(dir string) []string
	}{
		{
			name:   "missing dir",
			damage: func(t *testing.T, dir string) { rmAll(t, dir) },
			want:   ErrNotFound,
			frags:  func(dir string) []string { return []string{dir, "run `recondo init`"} },
		},
		{
			name:   "missing key",
			damage: func(t *testing.T, dir string) { rm(t, filepath.Join(dir, KeyFile)) },
			want:   ErrNotFound,
			frags:  func(dir string) []string { return []string{filepath.Join(dir, KeyFile), "recondo init --force"} },
		},
		{
			name:   "missing cert",
			damage: func(t *testing.T, dir string) { rm(t, filepath.Join(dir, CertFile)) },
			want:   ErrNotFound,
			frags:  func(dir string) []string { return []string{filepath.Join(dir, CertFile), "recondo init --force"} },
		},
		{
			name:   "key world-readable",
			damage: func(t *testing.T, dir string) { chmod(t, filepath.Join(dir, KeyFile), 0o644) },
			want:   ErrInsecureKey,
			frags:  func(dir string) []string { return []string{"chmod 600 " + filepath.Join(dir, KeyFile)} },
		},
		{
			name:   "key group-readable",
			damage: func(t *testing.T, dir string) { chmod(t, filepath.Join(dir, KeyFile), 0o640) },
			want:   ErrInsecureKey,
			frags:  func(dir string) []string { return []string{"0640", "chmod 600"} },
		},
		{
			name:   "corrupted key",
			damage: func(t *testing.T, dir string) { write(t, filepath.Join(dir, KeyFile), []byte("garbage\n"), 0o600) },
			frags: func(dir string) []string {
				return []string{filepath.Join(dir, KeyFile), "corrupted", "recondo init --force"}
			},
		},
		{
			name: "truncated key",
			damage: func(t *testing.T, dir string) {
				b, err := os.ReadFile(filepath.Join(dir, KeyFile))
				if err != nil {
					t.Fatal(err)
				}
				write(t, filepath.Join(dir, KeyFile), b[:len(b)/2], 0o600)
			},
			frags: func(dir string) []string { return []string{filepath.Join(dir, KeyFile), "corrupted"} },
		},
		{
			name:   "corrupted cert",
			damage: func(t *testing.T, dir string) { write(t, filepath.Join(dir, CertFile), []byte("not a cert"), 0o644) },
			frags: func(dir string) []string {
				return []string{filepath.Join(dir, CertFile), "corrupted", "recondo init --force"}
			},
		},
		{
			name:   "key from another CA",
			damage: func(t *testing.T, dir string) { write(t, filepath.Join(dir, KeyFile), otherKey, 0o600) },
			frags:  func(dir string) []string { return []string{"does not belong", "recondo init --force"} },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newTestCA(t).Dir
			tt.damage(t, dir)
			a, err := Load(dir)
			if a != nil {
				t.Errorf("Load returned an Authority alongside error %v", err)
			}
			checkErr(t, err, tt.want, tt.frags(dir)...)
		})
	}
}

func rm(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func rmAll(t *testing.T, path string) {
	t.Helper()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, path string, m os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, m); err != nil {
		t.Fatal(err)
	}
}

// write replaces path's content and mode, the way a careless editor or copy would.
func write(t *testing.T, path string, b []byte, m os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, b, m); err != nil {
		t.Fatal(err)
	}
	chmod(t, path, m)
}
