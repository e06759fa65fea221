package prompts_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/llm"
	"github.com/debrief-cli/debrief/prompts"
)

func TestEmbedded(t *testing.T) {
	s, err := prompts.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{prompts.Analyze, prompts.Repair} {
		p, err := s.Get(n)
		if err != nil || p.Version == "" || p.Source != "embedded" || strings.HasPrefix(p.Body(), "<!--") {
			t.Errorf("%s: %+v %v", n, p, err)
		}
	}
}

// TestInstructionsUnder2000Tokens counts everything the engine sends besides the transcript,
// in the costlier JSON-object mode where the schema travels in the instructions.
func TestInstructionsUnder2000Tokens(t *testing.T) {
	s, _ := prompts.Embedded()
	a, _ := s.Get(prompts.Analyze)
	r, _ := s.Get(prompts.Repair)
	schema, err := analyze.LLMSchema()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(schema)
	c, err := llm.NewCounter("gpt-4o-mini")
	if err != nil {
		t.Fatal(err)
	}
	n := c.Count(a.Body()) + c.Count(r.Body()) + c.Count(string(b))
	t.Logf("instructions: %d tokens (analyze %d, repair %d, schema %d)", n, c.Count(a.Body()), c.Count(r.Body()), c.Count(string(b)))
	if n >= 2000 {
		t.Errorf("instructions take %d tokens, want under 2000", n)
	}
}

func TestOverrides(t *testing.T) {
	write := func(dir, name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := t.TempDir()
	write(good, "analyze.md", "<!-- debrief prompt: analyze, version 9 -->\nFind only decisions.\n")
	write(good, "notes.txt", "ignored: not a prompt file")
	s, err := prompts.Load(good, true)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Get(prompts.Analyze)
	r, _ := s.Get(prompts.Repair)
	if a.Version != "9" || a.Body() != "Find only decisions." || r.Source != "embedded" {
		t.Errorf("file-by-file override: %+v / %+v", a, r)
	}
	emb, _ := prompts.Embedded()
	if s.Digest() == emb.Digest() {
		t.Error("the digest ignores the override")
	}
	tests := map[string]struct{ name, text string }{
		"no stamp":       {"analyze.md", "Find things.\n"},
		"wrong stamp":    {"analyze.md", "<!-- debrief prompt: repair, version 1 -->\nx {{problem}}\n"},
		"empty":          {"analyze.md", "<!-- debrief prompt: analyze, version 1 -->\n\n"},
		"unknown name":   {"analyse.md", "<!-- debrief prompt: analyse, version 1 -->\nx\n"},
		"repair no hole": {"repair.md", "<!-- debrief prompt: repair, version 1 -->\nTry again.\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(dir, tt.name, tt.text)
			if _, err := prompts.Load(dir, true); err == nil {
				t.Error("a broken override was accepted")
			}
		})
	}
	if _, err := prompts.Load(filepath.Join(good, "missing"), true); err == nil {
		t.Error("a missing --prompts directory was accepted")
	}
	if _, err := prompts.Load(filepath.Join(good, "missing"), false); err != nil {
		t.Errorf("a missing default directory is not an error: %v", err)
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	files, err := prompts.Export(dir, false)
	if err != nil || len(files) != 2 {
		t.Fatalf("%v %v", files, err)
	}
	if _, err := prompts.Export(dir, false); err == nil {
		t.Error("export overwrote files without --force")
	}
	if _, err := prompts.Export(dir, true); err != nil {
		t.Error(err)
	}
	// An exported directory is a valid override.
	if _, err := prompts.Load(dir, true); err != nil {
		t.Error(err)
	}
}
