package migrate

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// step is one migration file.
type step struct {
	version string // the file name without .sql, e.g. "0001_init"
	sql     string
}

// steps reads the *.sql files of dir in fsys, sorted by name.
func steps(fsys fs.FS, dir string) ([]step, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations %s: %w", dir, err)
	}
	var out []step
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		b, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, step{version: strings.TrimSuffix(e.Name(), ".sql"), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}
