package cli

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

// output is the one way a command writes its result: to standard output, or to the -o file.
// Each piece of the result is rendered into memory first, so that a rendering error writes
// nothing. Standard output receives each piece as soon as it is ready; the -o file is written
// once, when the command commits, and atomically, so that a failed run never clobbers an
// earlier report.
type output struct {
	ios     *iostreams.IOStreams
	path    string
	pending bytes.Buffer
}

// newOutput checks an -o path ("" or "-" is standard output) before any work is done: it
// refuses a directory, a folder that does not exist, and a path that is one of the inputs,
// which writing the result would destroy.
func newOutput(ios *iostreams.IOStreams, path string, inputs []string) (*output, error) {
	if path == "-" {
		path = ""
	}
	o := &output{ios: ios, path: path}
	if path == "" {
		return o, nil
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) || err == nil && !st.IsDir() {
		return nil, usageErrorf("-o %s: there is no folder %s: create it, or choose another path", path, dir)
	}
	st, err := os.Stat(path)
	if err != nil {
		return o, nil
	}
	if st.IsDir() {
		return nil, usageErrorf("-o %s is a directory: name a file", path)
	}
	for _, in := range inputs {
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return nil, usageErrorf("-o %s is also an input: writing the result would erase it; choose another file", path)
		}
	}
	return o, nil
}

// toFile reports whether the result goes to a file rather than standard output.
func (o *output) toFile() bool { return o.path != "" }

// Color reports whether rendering may use color: only on a color terminal, never into a file.
func (o *output) Color() bool { return !o.toFile() && o.ios.ColorEnabled() }

// Width is the width to render at: the terminal's.
func (o *output) Width() int { return o.ios.TerminalWidth() }

// Write renders one piece of the result with fn. Nothing of the piece is written when fn
// fails.
func (o *output) Write(fn func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := fn(&buf); err != nil {
		return err
	}
	if o.toFile() {
		o.pending.Write(buf.Bytes())
		return nil
	}
	_, err := o.ios.Out.Write(buf.Bytes())
	return err
}

// Commit writes the result to the -o file, when there is one and something was rendered;
// a run that produced nothing leaves any earlier file as it was.
func (o *output) Commit() error {
	if !o.toFile() || o.pending.Len() == 0 {
		return nil
	}
	return writeFileAtomic(o.path, o.pending.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames it into place. Its
// errors name path, never the temporary file.
func writeFileAtomic(path string, data []byte) error {
	fail := func(err error) error {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}
