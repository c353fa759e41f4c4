package gemini

import (
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/gateway/providers/providertest"
)

// TestFixtures holds the parser to expected.json of every Gemini fixture.
func TestFixtures(t *testing.T) {
	for _, name := range []string{"10_", "11_", "14_"} {
		dir := providertest.Dir(t, name)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			x := providertest.Load(t, dir)
			if !New().Match(x) {
				t.Error("Match = false")
			}
			got := New().Parse(x)
			if got.Unparsed {
				t.Errorf("Unparsed: %s", got.Reason)
			}
			providertest.Compare(t, got, filepath.Join(dir, "expected.json"))
		})
	}
}
