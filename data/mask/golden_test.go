package mask

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCorpusGolden masks a corpus of hostile text with one Masker, as one answer would, so the
// golden file also shows that numbering is stable across lines and encodings.
func TestCorpusGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "corpus.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := New().Bytes(in)
	golden := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("masked corpus differs from %s (run with -update to accept):\n%s", golden, got)
	}
}
