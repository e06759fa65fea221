package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing the test.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	if Update() {
		t.Skip("comparing is what this test checks")
	}
	path := filepath.Join(t.TempDir(), "out.txt")
	if err := os.WriteFile(path, []byte("same\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	Check(r, path, []byte("same\n"))
	if r.failed {
		t.Error("equal output reported as different")
	}
	Check(r, path, []byte("changed\n"))
	if !r.failed {
		t.Error("changed output not reported")
	}
	r = &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing.txt"), nil)
	if !r.failed {
		t.Error("a missing golden file not reported")
	}
}
