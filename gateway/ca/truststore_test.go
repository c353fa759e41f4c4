package ca

import (
	"bytes"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// debianStore points the real update-ca-certificates at temporary directories, so the test
// exercises the real tool without touching the system trust store. The bundle also holds an
// unrelated "system" CA: update-ca-certificates leaves the old bundle in place when no
// certificate at all remains, which never happens on a real system.
type debianStore struct {
	store   TrustStore
	bundle  string // generated ca-certificates.crt
	etcDir  string // symlinks to trusted certificates
	another *Authority
}

func newDebianStore(t *testing.T) debianStore {
	t.Helper()
	bin, err := exec.LookPath("update-ca-certificates")
	if err != nil {
		// PATH for non-root users often lacks /usr/sbin.
		bin = "/usr/sbin/update-ca-certificates"
		if _, serr := os.Stat(bin); serr != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("update-ca-certificates not found (install the ca-certificates package): %v", err)
			}
			t.Skipf("update-ca-certificates not found: %v", err)
		}
	}
	if _, err := exec.LookPath("openssl"); err != nil { // update-ca-certificates runs `openssl rehash`
		if os.Getenv("CI") == "true" {
			t.Fatalf("openssl not found: %v", err)
		}
		t.Skipf("openssl not found: %v", err)
	}
	root := t.TempDir()
	d := debianStore{
		etcDir:  filepath.Join(root, "etc-ssl-certs"),
		another: newTestCA(t),
	}
	d.bundle = filepath.Join(d.etcDir, "ca-certificates.crt")
	shareDir := filepath.Join(root, "share")
	for _, dir := range []string{d.etcDir, shareDir} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(shareDir, "system.crt"), d.another.CertPEM, 0o644)
	conf := filepath.Join(root, "ca-certificates.conf")
	write(t, conf, []byte("system.crt\n"), 0o644)
	d.store = TrustStore{
		CertDir: filepath.Join(root, "local"),
		Command: []string{bin,
			"--certsconf", conf,
			"--certsdir", shareDir,
			"--localcertsdir", filepath.Join(root, "local"),
			"--etccertsdir", d.etcDir,
			"--hooksdir", filepath.Join(root, "hooks"), // absent, so no hooks run
		},
	}
	return d
}

// bundled reports whether the generated bundle contains each authority's certificate.
func (d debianStore) bundled(t *testing.T, as ...*Authority) []bool {
	t.Helper()
	b, err := os.ReadFile(d.bundle)
	if err != nil {
		t.Fatalf("read bundle: %v", err)
	}
	var ders [][]byte
	for block, rest := pem.Decode(b); block != nil; block, rest = pem.Decode(rest) {
		ders = append(ders, block.Bytes)
	}
	got := make([]bool, len(as))
	for i, a := range as {
		got[i] = slices.ContainsFunc(ders, func(der []byte) bool { return bytes.Equal(der, a.Cert.Raw) })
	}
	return got
}

func TestTrustStoreInstallRevoke(t *testing.T) {
	d := newDebianStore(t)
	a := newTestCA(t)
	link := filepath.Join(d.etcDir, "recondo-"+shortID(a.Cert.Raw)+".pem")

	steps := []struct {
		name          string
		do            func(*Authority) error
		wantInstalled bool
	}{
		{"install", d.store.Install, true},
		{"install again", d.store.Install, true},
		{"revoke", d.store.Revoke, false},
		{"revoke again", d.store.Revoke, false},
	}
	for _, s := range steps {
		if err := s.do(a); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		installed, err := d.store.Installed(a)
		if err != nil {
			t.Fatalf("%s: Installed: %v", s.name, err)
		}
		if installed != s.wantInstalled {
			t.Errorf("%s: Installed() = %v, want %v", s.name, installed, s.wantInstalled)
		}
		if got := d.bundled(t, a, d.another); got[0] != s.wantInstalled || !got[1] {
			t.Errorf("%s: bundle has Recondo CA=%v system CA=%v, want %v and true",
				s.name, got[0], got[1], s.wantInstalled)
		}
		_, err = os.Lstat(link)
		if linked := err == nil; linked != s.wantInstalled {
			t.Errorf("%s: symlink %s exists=%v, want %v", s.name, link, linked, s.wantInstalled)
		}
		if s.wantInstalled {
			if m := mode(t, d.store.path(a)); m != 0o644 {
				t.Errorf("%s: installed file mode = %04o, want 0644", s.name, m)
			}
		} else if _, err := os.Stat(d.store.path(a)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %s still present (err=%v)", s.name, d.store.path(a), err)
		}
	}
}

func TestTrustStoreInstalledIgnoresOtherCA(t *testing.T) {
	d := newDebianStore(t)
	a, b := newTestCA(t), newTestCA(t)
	if err := d.store.Install(a); err != nil {
		t.Fatal(err)
	}
	// A file with b's name but a's content must not count as b being trusted.
	write(t, d.store.path(b), a.CertPEM, 0o644)
	tests := []struct {
		name string
		a    *Authority
		want bool
	}{{"installed CA", a, true}, {"other CA", b, false}}
	for _, tt := range tests {
		got, err := d.store.Installed(tt.a)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s: Installed() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTrustStoreCommandFailure(t *testing.T) {
	a := newTestCA(t)
	store := TrustStore{
		CertDir: t.TempDir(),
		Command: []string{"sh", "-c", "echo 'permission denied' >&2; exit 1", "update"},
	}
	tests := []struct {
		name string
		do   func(*Authority) error
	}{{"install", store.Install}, {"revoke", store.Revoke}}
	for _, tt := range tests {
		checkErr(t, tt.do(a), nil, tt.name, "permission denied", "sudo")
	}
}

func TestTrustStoreDefaults(t *testing.T) {
	var zero TrustStore
	if got, want := zero.certDir(), "/usr/local/share/ca-certificates"; got != want {
		t.Errorf("certDir() = %q, want %q", got, want)
	}
	if got, want := zero.command(), []string{"update-ca-certificates"}; !slices.Equal(got, want) {
		t.Errorf("command() = %q, want %q", got, want)
	}
	a := newTestCA(t)
	if got, want := filepath.Base(zero.path(a)), "recondo-"+shortID(a.Cert.Raw)+".crt"; got != want {
		t.Errorf("file name = %q, want %q", got, want)
	}
	if len(shortID(a.Cert.Raw)) != 8 {
		t.Errorf("shortID = %q, want 8 hex digits", shortID(a.Cert.Raw))
	}
}
