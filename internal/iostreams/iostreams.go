// Package iostreams holds the standard streams a command writes to, and what is known about the
// terminal behind them: whether stdout and stdin are terminals, the width, and whether color is
// wanted. Commands take an *IOStreams instead of touching os.Stdout, so tests can swap in buffers.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// MaxWidth is the widest a report is rendered, however wide the terminal.
const MaxWidth = 120

// IOStreams is the set of streams and terminal facts a command uses.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	width     int
	noColor   bool
}

// System returns the process's real streams, reading terminal facts once.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, width: 80}
	s.stdinTTY = term.IsTerminal(int(os.Stdin.Fd()))
	s.stdoutTTY = term.IsTerminal(int(os.Stdout.Fd()))
	s.stderrTTY = term.IsTerminal(int(os.Stderr.Fd()))
	if s.stdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			s.width = w
		}
	} else if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		s.width = c
	}
	_, s.noColor = os.LookupEnv("NO_COLOR")
	if os.Getenv("TERM") == "dumb" {
		s.noColor = true
	}
	return s
}

// Test returns streams backed by buffers: stdin, stdout and stderr, in that order. Nothing is a
// terminal until the Set* methods say so.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, width: 80}, in, out, errOut
}

// IsStdinTTY reports whether standard input is a terminal (so nothing is piped in).
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal (for progress display).
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdinTTY sets whether stdin counts as a terminal (tests).
func (s *IOStreams) SetStdinTTY(v bool) { s.stdinTTY = v }

// SetStdoutTTY sets whether stdout counts as a terminal (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// SetStderrTTY sets whether stderr counts as a terminal (tests).
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v }

// SetNoColor turns color off, as NO_COLOR does.
func (s *IOStreams) SetNoColor(v bool) { s.noColor = v }

// SetWidth sets the terminal width (tests).
func (s *IOStreams) SetWidth(w int) { s.width = w }

// ColorEnabled reports whether output to stdout may use color: stdout is a terminal and
// NO_COLOR is not set.
func (s *IOStreams) ColorEnabled() bool { return s.stdoutTTY && !s.noColor }

// TerminalWidth is the width to render at, at most MaxWidth.
func (s *IOStreams) TerminalWidth() int {
	if s.width <= 0 {
		return 80
	}
	if s.width > MaxWidth {
		return MaxWidth
	}
	return s.width
}
