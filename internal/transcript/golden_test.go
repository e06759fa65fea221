package transcript

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/golden"
)

const formatsDir = "../../testdata/formats"

// TestParseGolden parses every fixture in testdata/formats and compares the meeting with its
// golden JSON in testdata/golden/parse. A fixture's name starts with the format it must be
// detected as: "vtt-teams-entities.vtt" must be read as vtt-teams.
func TestParseGolden(t *testing.T) {
	entries, err := os.ReadDir(formatsDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no fixtures in testdata/formats")
	}
	for _, e := range entries {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			m, err := ReadFile(filepath.Join(formatsDir, name), nil, Options{})
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if want := fixtureFormat(name); want != "" && string(m.Format) != want {
				t.Errorf("detected %s, want %s", m.Format, want)
			}
			got, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("../../testdata/golden/parse", strings.TrimSuffix(name, filepath.Ext(name))+".json"), append(got, '\n'))
		})
	}
}

// fixtureFormat is the format named by the start of a fixture's file name.
func fixtureFormat(name string) string {
	best := ""
	for _, f := range Formats() {
		if strings.HasPrefix(name, string(f)+"-") && len(f) > len(best) {
			best = string(f)
		}
	}
	return best
}

// fixtures returns the contents of the fixtures whose names start with prefix, for fuzz seeds.
func fixtures(t testing.TB, prefix string) [][]byte {
	entries, err := os.ReadDir(formatsDir)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			b, err := os.ReadFile(filepath.Join(formatsDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
	}
	return out
}
