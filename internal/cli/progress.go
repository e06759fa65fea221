package cli

import (
	"fmt"
	"sync"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

// progress counts finished items on stderr, only when stderr is a terminal.
type progress struct {
	ios   *iostreams.IOStreams
	label string
	total int

	mu sync.Mutex
	n  int
}

func newProgress(ios *iostreams.IOStreams, label string, total int) *progress {
	return &progress{ios: ios, label: label, total: total}
}

func (p *progress) done() {
	if !p.ios.IsStderrTTY() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	fmt.Fprintf(p.ios.ErrOut, "\r%s %d/%d", p.label, p.n, p.total)
}

func (p *progress) finish() {
	if p.ios.IsStderrTTY() && p.total > 0 {
		fmt.Fprint(p.ios.ErrOut, "\r\033[K")
	}
}
