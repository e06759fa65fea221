package analyze

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

// evalDevDir holds real published minutes; CI clones the project with shared/ beside it.
const evalDevDir = "../../../shared/eval/dev"

// TestEvalDevMarkersAreFound checks that every ACTION: and RESOLUTION: line of the real
// minutes is cited by a commitment or a decision.
func TestEvalDevMarkersAreFound(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(evalDevDir, "*.md"))
	if len(files) == 0 {
		t.Skip("shared/eval/dev is not beside the project")
	}
	markers := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".stripped.md") {
			continue
		}
		data, f := analyzeFile(t, path)
		cited := map[int]bool{}
		for _, c := range f.Commitments {
			for _, e := range c.Evidence {
				cited[e.Line] = true
			}
		}
		for _, d := range f.Decisions {
			for _, e := range d.Evidence {
				cited[e.Line] = true
			}
		}
		for i, line := range strings.Split(string(data), "\n") {
			trimmed := strings.TrimLeft(line, " >*-")
			if !strings.HasPrefix(trimmed, "ACTION:") && !strings.HasPrefix(trimmed, "RESOLUTION:") {
				continue
			}
			if isTemplate(strings.TrimSpace(trimmed[strings.Index(trimmed, ":")+1:])) {
				continue // "ACTION: text" in an agenda template
			}
			markers++
			if !cited[i+1] {
				t.Errorf("%s:%d: marker not among the findings: %s", filepath.Base(path), i+1, strings.TrimSpace(line))
			}
		}
	}
	t.Logf("%d markers, all found", markers)
}

// analyzeFile reads, parses and analyzes the file at path offline, failing the test on error.
func analyzeFile(t *testing.T, path string) ([]byte, *Findings) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := transcript.Parse(data, transcript.Options{Source: path})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	f, err := Offline{}.Analyze(context.Background(), m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data, f
}
