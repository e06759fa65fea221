package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/iostreams"
)

const (
	meetingsDir  = "../../testdata/meetings"
	standupNotes = "../../testdata/meetings/2026-11-19-roadmap-sync.txt"
)

// outputCommands are the commands that have -o: how to call each (the command and its
// flags, JSON output), and an input it succeeds on.
var outputCommands = []struct {
	name  string
	flags []string
	input string
}{
	{"analyze", []string{"--engine", "offline", "--format", "json"}, planning},
	{"week", []string{"week", "--engine", "offline", "--format", "json"}, meetingsDir},
	{"checklist", []string{"checklist", "--engine", "offline", "--format", "json"}, planning},
}

func TestOutputFlagWritesTheFile(t *testing.T) {
	for _, c := range outputCommands {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "result.out")
			args := append(c.flags[:len(c.flags):len(c.flags)], c.input)
			r := runCLI(t, "", false, append(args, "-o", path)...)
			if r.code != ExitOK || r.stdout != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(b) {
				t.Errorf("-o wrote something else than the result: %.200s", b)
			}
			piped := runCLI(t, "", false, args...)
			if piped.stdout != string(b) {
				t.Errorf("the file differs from what standard output receives")
			}
			if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(matches) != 0 {
				t.Errorf("temporary files left behind: %v", matches)
			}
		})
	}
}

func TestOutputFlagRefusals(t *testing.T) {
	for _, c := range outputCommands {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			// A copy of the meeting, so that a failure to refuse cannot damage the fixture.
			input := filepath.Join(dir, "2026-11-18-sync.txt")
			text := "Ana Lopez: I'll send the notes by Friday.\nBen Ortiz: Thanks.\n"
			if err := os.WriteFile(input, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(c.flags[:len(c.flags):len(c.flags)], input)
			tests := []struct {
				name, out, stderr string
			}{
				{"an input", input, "also an input"},
				{"a missing folder", filepath.Join(dir, "no", "such", "report.md"), "there is no folder"},
				{"a directory", dir, "is a directory"},
			}
			for _, tt := range tests {
				r := runCLI(t, "", false, append(args, "-o", tt.out)...)
				if r.code != ExitUsage || r.stdout != "" || !strings.Contains(r.stderr, tt.stderr) {
					t.Errorf("-o %s: exit %d, stdout %q, stderr %q", tt.name, r.code, r.stdout, r.stderr)
				}
				if strings.Contains(r.stderr, "engine") {
					t.Errorf("-o %s: a usage error should come before any word about the engine: %q", tt.name, r.stderr)
				}
			}
			if b, _ := os.ReadFile(input); string(b) != text {
				t.Fatalf("the input was changed: %q", b)
			}
		})
	}
}

func TestOutputFlagKeepsTheEarlierFileOnFailure(t *testing.T) {
	for _, c := range outputCommands {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			earlier := filepath.Join(dir, "report.md")
			if err := os.WriteFile(earlier, []byte("earlier report\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			empty := filepath.Join(dir, "empty.txt")
			if err := os.WriteFile(empty, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(c.flags[:len(c.flags):len(c.flags)], empty, "-o", earlier)
			r := runCLI(t, "", false, args...)
			if r.code != ExitInput || r.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
			}
			if b, _ := os.ReadFile(earlier); string(b) != "earlier report\n" {
				t.Errorf("a failed run changed the earlier file: %q", b)
			}
		})
	}
}

func TestOutputFileHasNoColor(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--engine", "offline", planning, "--format", "terminal"},
		{"week", "--engine", "offline", meetingsDir, "--format", "terminal"},
	} {
		t.Run(args[0], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "report.txt")
			ios, _, out, errOut := iostreams.Test()
			ios.SetStdoutTTY(true)
			ios.SetNoColor(false)
			if code := execute(ios, nil, append(args, "-o", path)...); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) == 0 || strings.Contains(string(b), "\x1b[") {
				t.Errorf("the file is empty or has color codes: %.200q", b)
			}
			if out.Len() != 0 {
				t.Errorf("standard output got %d bytes as well", out.Len())
			}
			// The same run to the color terminal does use color, so the check above can fail.
			ios, _, out, _ = iostreams.Test()
			ios.SetStdoutTTY(true)
			ios.SetNoColor(false)
			execute(ios, nil, args...)
			if !strings.Contains(out.String(), "\x1b[") {
				t.Errorf("no color on a color terminal either: the test proves nothing")
			}
		})
	}
}
