package pricing

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

//go:embed prices.json
var embeddedJSON []byte

// OriginEmbedded is the Origin of the entries of the embedded list.
const OriginEmbedded = "embedded"

// File is the price-list format: the embedded prices.json and override files share it. Rates are
// integer micro-dollars per 1M tokens; effective_from is a date (YYYY-MM-DD, UTC).
type File struct {
	Comment string            `json:"_comment,omitempty"`
	Format  int               `json:"format"`
	Rules   map[string]string `json:"rules,omitempty"` // each provider's billing rules, for readers
	Prices  []FileEntry       `json:"prices"`
}

// FileEntry is an Entry whose date is written as YYYY-MM-DD.
type FileEntry struct {
	Entry
	EffectiveFrom string `json:"effective_from"` // shadows Entry.EffectiveFrom in JSON
}

var embedded = sync.OnceValues(func() (*Table, error) { return parse(embeddedJSON, OriginEmbedded) })

// Embedded returns the built-in price list. It cannot fail at run time: a test parses it.
func Embedded() *Table {
	t, err := embedded()
	if err != nil {
		panic("pricing: embedded prices.json: " + err.Error())
	}
	return t
}

// Load returns the embedded list with an override file's entries added ("" = none). An override
// entry replaces the embedded one with the same provider, model and effective date and adds any
// other; a missing or malformed file is an error, since a price list silently ignored would
// misprice every turn.
func Load(overrideFile string) (*Table, error) {
	if overrideFile == "" {
		return Embedded(), nil
	}
	b, err := os.ReadFile(overrideFile)
	if err != nil {
		return nil, fmt.Errorf("load prices: %w", err)
	}
	over, err := parse(b, overrideFile)
	if err != nil {
		return nil, err
	}
	t, err := Embedded().With(over.Entries()...)
	if err != nil {
		return nil, fmt.Errorf("load prices %s: %w", overrideFile, err)
	}
	return t, nil
}

// DefaultOverride is <dataDir>/pricing.json when that file exists, else "".
func DefaultOverride(dataDir string) string {
	p := filepath.Join(dataDir, "pricing.json")
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) || dataDir == "" {
		return ""
	}
	return p
}

// parse reads a price-list file. Unknown fields are refused: a misspelt "cached_input" would
// otherwise bill every cached token at the input rate without a word.
func parse(b []byte, origin string) (*Table, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("prices %s: %w", origin, err)
	}
	if f.Format != 1 {
		return nil, fmt.Errorf("prices %s: format %d is not supported (want 1)", origin, f.Format)
	}
	entries := make([]Entry, len(f.Prices))
	for i, fe := range f.Prices {
		d, err := time.Parse(time.DateOnly, fe.EffectiveFrom)
		if err != nil {
			return nil, fmt.Errorf("prices %s: entry %d (%s): effective_from must be YYYY-MM-DD: %w", origin, i, fe.Model, err)
		}
		e := fe.Entry
		e.EffectiveFrom, e.Origin = d, origin
		entries[i] = e
	}
	t, err := New(entries...)
	if err != nil {
		return nil, fmt.Errorf("prices %s: %w", origin, err)
	}
	return t, nil
}
