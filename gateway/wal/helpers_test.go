package wal

import (
	"bytes"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

type record struct {
	pos     Position
	payload []byte
}

// quiet silences the repair log, which the torn-tail tests would otherwise flood.
func quiet(o Options) Options {
	o.Logger = slog.New(slog.DiscardHandler)
	return o
}

// openWAL opens dir and closes it when the test ends (a second Close is a no-op).
func openWAL(t testing.TB, dir string, opt Options) *WAL {
	t.Helper()
	w, err := Open(dir, quiet(opt))
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func replayAll(t testing.TB, w *WAL) []record {
	t.Helper()
	var got []record
	if err := w.Replay(func(pos Position, payload []byte) error {
		got = append(got, record{pos, bytes.Clone(payload)})
		return nil
	}); err != nil {
		t.Fatalf("Replay: %v", err)
	}
	return got
}

func appendAll(t testing.TB, w *WAL, payloads [][]byte) []record {
	t.Helper()
	var recs []record
	for i, p := range payloads {
		pos, err := w.Append(p)
		if err != nil {
			t.Fatalf("Append #%d (%d bytes): %v", i, len(p), err)
		}
		recs = append(recs, record{pos, p})
	}
	return recs
}

// randomPayloads makes n payloads of 0..max random bytes.
func randomPayloads(seed uint64, n, max int) [][]byte {
	var key [32]byte
	key[0] = byte(seed)
	src := rand.NewChaCha8(key)
	rng := rand.New(src)
	out := make([][]byte, n)
	for i := range out {
		out[i] = make([]byte, rng.IntN(max+1))
		src.Read(out[i])
	}
	return out
}

func checkRecords(t testing.TB, got, want []record) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("replayed %d records, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].pos != want[i].pos {
			t.Fatalf("record %d at %v, want %v", i, got[i].pos, want[i].pos)
		}
		if !bytes.Equal(got[i].payload, want[i].payload) {
			t.Fatalf("record %d at %v: payload differs (%d bytes, want %d)",
				i, got[i].pos, len(got[i].payload), len(want[i].payload))
		}
	}
}

func segmentPath(dir string, seq uint64) string { return filepath.Join(dir, segmentName(seq)) }

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// brokenFiles returns the .broken files in dir, by name.
func brokenFiles(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.broken"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, n := range names {
		out[filepath.Base(n)] = readFile(t, n)
	}
	return out
}

func payloadsOf(n int, size int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = bytes.Repeat([]byte(fmt.Sprintf("%c", 'a'+i%26)), size)
	}
	return out
}
