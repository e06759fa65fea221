package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFindPairs(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root,
		// The shared/eval/dev layout: both inputs pair with X.gold.json.
		"X.md", "X.stripped.md", "X.gold.json",
		// A stripped input with gold of its own.
		"Y.md", "Y.stripped.md", "Y.gold.json", "Y.stripped.gold.json",
		// Not inputs: no gold beside them, a copy of a gold file, an editor backup.
		"README.md", "X.gold.json.bak", "X.md~",
		// Found recursively; diarized JSON input.
		"sub/standup.vtt", "sub/standup.gold.json", "sub/call.json", "sub/call.gold.json",
		// Skipped: hidden folder.
		".cache/Z.md", ".cache/Z.gold.json",
		// Gold with no input: a warning.
		"lonely.gold.json",
	)
	j := func(n string) string { return filepath.Join(root, filepath.FromSlash(n)) }
	want := []Pair{
		{Name: "X", Input: j("X.md"), Gold: j("X.gold.json")},
		{Name: "X.stripped", Input: j("X.stripped.md"), Gold: j("X.gold.json")},
		{Name: "Y", Input: j("Y.md"), Gold: j("Y.gold.json")},
		{Name: "Y.stripped", Input: j("Y.stripped.md"), Gold: j("Y.stripped.gold.json")},
		{Name: "sub/call", Input: j("sub/call.json"), Gold: j("sub/call.gold.json")},
		{Name: "sub/standup", Input: j("sub/standup.vtt"), Gold: j("sub/standup.gold.json")},
	}
	// Naming the folder twice finds each pair once.
	got, warnings, err := FindPairs(root, root)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindPairs =\n%+v\nwant\n%+v", got, want)
	}
	wantWarn := []string{j("lonely.gold.json") + ": no input file beside it, skipped"}
	if !reflect.DeepEqual(warnings, wantWarn) {
		t.Errorf("warnings = %q, want %q", warnings, wantWarn)
	}

	// A single input file.
	got, _, err = FindPairs(j("X.stripped.md"))
	if err != nil || len(got) != 1 || got[0].Gold != j("X.gold.json") || got[0].Name != "X.stripped" {
		t.Errorf("FindPairs(one file) = %+v, %v", got, err)
	}
	for _, bad := range []struct{ path, msg string }{
		{j("README.md"), "write README.gold.json beside it"},
		{j("X.gold.json"), "is a gold file"},
		{j("missing"), "missing"},
	} {
		if _, _, err := FindPairs(bad.path); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("FindPairs(%s) error = %v, want one saying %q", bad.path, err, bad.msg)
		}
	}
}
