package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

// output is where a command's result goes: standard output as it is produced, or the -o file,
// written only once the whole result is ready and then atomically, so that a failed run never
// clobbers an earlier report.
type output struct {
	ios  *iostreams.IOStreams
	path string
	buf  bytes.Buffer
}

// newOutput checks an -o path ("" or "-" is standard output); it refuses a path that is one of
// the inputs, which writing the report would destroy.
func newOutput(ios *iostreams.IOStreams, path string, inputs []string) (*output, error) {
	if path == "-" {
		path = ""
	}
	o := &output{ios: ios, path: path}
	if path == "" {
		return o, nil
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return nil, usageErrorf("-o %s is a directory: name a file", path)
		}
		for _, in := range inputs {
			if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
				return nil, usageErrorf("-o %s is also an input: writing the report would erase it; choose another file", path)
			}
		}
	}
	return o, nil
}

// toFile reports whether the result goes to a file rather than standard output.
func (o *output) toFile() bool { return o.path != "" }

// Writer is what to render into.
func (o *output) Writer() io.Writer {
	if o.toFile() {
		return &o.buf
	}
	return o.ios.Out
}

// Color reports whether rendering may use color: only on a terminal, never into a file.
func (o *output) Color() bool { return !o.toFile() && o.ios.ColorEnabled() }

// Commit writes what was rendered to the -o file, when there is one and something was
// rendered.
func (o *output) Commit() error {
	if !o.toFile() || o.buf.Len() == 0 {
		return nil
	}
	return writeFileAtomic(o.path, o.buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames it into place.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
