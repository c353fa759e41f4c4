package capture

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
)

func TestBodySpillsBeyondCapAndKeepsHash(t *testing.T) {
	dir := t.TempDir()
	b := NewBody(1024, dir)
	data := bytes.Repeat([]byte("0123456789"), 1000) // 10 KB, ten times the cap
	for i := 0; i < len(data); i += 333 {
		b.Write(data[i:min(i+333, len(data))])
	}
	inline, spill, err := b.Finish()
	if err != nil || inline != nil || spill == "" {
		t.Fatalf("Finish = %d inline bytes, spill %q, %v", len(inline), spill, err)
	}
	got, _ := os.ReadFile(spill)
	if !bytes.Equal(got, data) {
		t.Fatal("spill file differs from the body")
	}
	want := sha256.Sum256(data)
	if h, n := b.Sum(); h != hex.EncodeToString(want[:]) || n != int64(len(data)) {
		t.Fatalf("Sum = %s %d", h, n)
	}
}

func TestBodyUnderCapStaysInMemory(t *testing.T) {
	b := NewBody(1024, t.TempDir())
	b.Write([]byte("small"))
	inline, spill, err := b.Finish()
	if string(inline) != "small" || spill != "" || err != nil {
		t.Fatalf("Finish = %q %q %v", inline, spill, err)
	}
}

func TestBodySpillFailureKeepsTrafficAndHash(t *testing.T) {
	b := NewBody(4, "/nonexistent-dir-for-spill")
	if n, err := b.Write([]byte("more than four")); n != 14 || err != nil {
		t.Fatalf("Write = %d, %v: the traffic must not see capture errors", n, err)
	}
	if _, _, err := b.Finish(); err == nil {
		t.Fatal("a lost spill must be reported")
	}
	if _, n := b.Sum(); n != 14 {
		t.Fatalf("size %d", n)
	}
}

// TestTeeSizedCommitsBeforeLastBytes: the capture is committed before the read that returns the
// final bytes, so no consumer can forward a complete body that was not captured.
func TestTeeSizedCommitsBeforeLastBytes(t *testing.T) {
	body := "hello world"
	var committed bool
	r := TeeSized(io.NopCloser(strings.NewReader(body)), NewBody(64, t.TempDir()), int64(len(body)), func(err error) error {
		committed = true
		return err
	})
	buf := make([]byte, len(body))
	n, err := io.ReadFull(r, buf)
	if n != len(body) || err != nil || !committed {
		t.Fatalf("read %d, %v; committed %v", n, err, committed)
	}
	failing := TeeSized(io.NopCloser(strings.NewReader(body)), NewBody(64, t.TempDir()), int64(len(body)), func(error) error {
		return errors.New("disk full")
	})
	got, err := io.ReadAll(failing)
	if err == nil || len(got) == len(body) {
		t.Fatalf("a failed commit must withhold the last bytes: got %d bytes, %v", len(got), err)
	}
}

func TestTeeReportsEarlyClose(t *testing.T) {
	var end error
	r := Tee(io.NopCloser(strings.NewReader("abc")), NewBody(64, t.TempDir()), func(err error) error { end = err; return nil })
	r.Close()
	if !errors.Is(end, ErrClosedEarly) {
		t.Fatalf("end = %v", end)
	}
}

func TestSafeHeadersFingerprintsCredentials(t *testing.T) {
	h := http.Header{}
	for _, k := range []string{"Authorization", "X-Api-Key", "X-Goog-Api-Key", "Cookie", "Proxy-Authorization", "Set-Cookie"} {
		h.Set(k, "secret-"+k)
	}
	h.Set("Anthropic-Version", "2023-06-01")
	safe := SafeHeaders(h)
	for k, vs := range safe {
		for _, v := range vs {
			if strings.Contains(v, "secret") {
				t.Errorf("%s kept its value %q", k, v)
			}
		}
	}
	if safe["Anthropic-Version"][0] != "2023-06-01" || !strings.HasPrefix(safe["X-Api-Key"][0], "fp:") {
		t.Fatalf("safe = %v", safe)
	}
	if first, again := Fingerprint("a"), Fingerprint("a"); first == Fingerprint("b") || first != again {
		t.Fatal("fingerprints must tell keys apart and be stable")
	}
}

func TestRecordRoundTrip(t *testing.T) {
	in := &Record{Meta: Meta{ID: "x1", Host: "api.anthropic.com", Status: 200, Complete: true}, Request: []byte("req"), Response: []byte{}}
	b, err := in.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	out, err := Unmarshal(b)
	if err != nil || out.Meta.ID != "x1" || string(out.Request) != "req" || len(out.Response) != 0 {
		t.Fatalf("Unmarshal = %+v, %v", out, err)
	}
	for cut := 0; cut < len(b); cut++ {
		if _, err := Unmarshal(b[:cut]); err == nil {
			t.Fatalf("truncated record (%d of %d bytes) accepted", cut, len(b))
		}
	}
}
