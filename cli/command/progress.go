package command

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress draws a one-line progress indicator on stderr when it is a terminal, and nothing
// otherwise (scripts and CI get clean output).
type progress struct {
	w     io.Writer
	label string
	total int64
	last  time.Time
}

func (e *env) progress(label string, total int64) *progress {
	f, ok := e.stderr.(*os.File)
	if !ok {
		return &progress{}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	return &progress{w: f, label: label, total: total}
}

func (p *progress) set(done int64) {
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	if p.total > 0 {
		width := 30
		filled := int(done * int64(width) / max(p.total, 1))
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '.'
			if i < filled {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(p.w, "\r%s [%s] %d/%d", p.label, bar, done, p.total)
		return
	}
	fmt.Fprintf(p.w, "\r%s %d", p.label, done)
}

func (p *progress) done() {
	if p.w != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
