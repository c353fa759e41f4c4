package anthropic

import (
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/gateway/providers/providertest"
)

// TestFixtures holds the parser to expected.json of every Anthropic fixture.
func TestFixtures(t *testing.T) {
	for _, name := range []string{"01_", "02_", "03_", "04_", "05_", "12_", "15_", "16_"} {
		dir := providertest.Dir(t, name)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			x := providertest.Load(t, dir)
			// Fixture 12 comes through a relay host the parser does not claim; Parse still reads it.
			if want := name != "12_"; New().Match(x) != want {
				t.Errorf("Match = %v, want %v", !want, want)
			}
			got := New().Parse(x)
			if got.Unparsed {
				t.Errorf("Unparsed: %s", got.Reason)
			}
			providertest.Compare(t, got, filepath.Join(dir, "expected.json"))
		})
	}
}
