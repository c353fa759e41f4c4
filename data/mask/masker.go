package mask

import (
	"strconv"
	"sync"
)

// Masker replaces filesystem paths with stable placeholders. Use one Masker per answer (one API
// call) so the same path gets the same placeholder everywhere in that answer, and different answers
// do not let a reader correlate placeholders across calls. It is safe for concurrent use, because
// resolvers of one answer may render fields in parallel. The zero value is ready to use.
type Masker struct {
	mu  sync.Mutex
	ids map[string]int // normalised path -> placeholder number
}

// New returns an empty Masker.
func New() *Masker { return &Masker{} }

// String returns s with every path replaced. Text without paths is returned as is.
func (m *Masker) String(s string) string {
	out, changed := scan(m, s)
	if !changed {
		return s
	}
	return string(out)
}

// Bytes returns b with every path replaced. When b has no paths it returns b itself, not a copy.
func (m *Masker) Bytes(b []byte) []byte {
	out, changed := scan(m, b)
	if !changed {
		return b
	}
	return out
}

// Len returns the number of distinct paths masked so far.
func (m *Masker) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.ids)
}

// appendPlaceholder appends the placeholder for the path with normalised form key, numbering
// paths in order of first appearance.
func (m *Masker) appendPlaceholder(dst, key []byte) []byte {
	m.mu.Lock()
	id, ok := m.ids[string(key)]
	if !ok {
		if m.ids == nil {
			m.ids = make(map[string]int)
		}
		id = len(m.ids) + 1
		m.ids[string(key)] = id
	}
	m.mu.Unlock()
	dst = append(dst, "[path-"...)
	dst = strconv.AppendInt(dst, int64(id), 10)
	return append(dst, ']')
}
