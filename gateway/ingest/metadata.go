package ingest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/recondo/recondo/gateway/capture"
)

// writeMetadata writes captures/{timestamp}_{id}.json: the exchange's hashes, timing, status,
// sizes, host, path, client identity and headers (credentials already fingerprinted). Written
// atomically (temp file, rename) and idempotently: a replay rewrites the same name.
func writeMetadata(dir string, m capture.Meta) (string, error) {
	name := m.StartedAt.UTC().Format("20060102T150405.000000Z") + "_" + m.ID + ".json"
	path := filepath.Join(dir, name)
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode metadata %s: %w", m.ID, err)
	}
	tmp, err := os.CreateTemp(dir, ".meta-*")
	if err != nil {
		return "", fmt.Errorf("write metadata %s: %w", m.ID, err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write metadata %s: %w", m.ID, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write metadata %s: %w", m.ID, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("write metadata %s: %w", m.ID, err)
	}
	return path, nil
}
