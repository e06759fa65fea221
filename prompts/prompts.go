// Package prompts holds the instructions the LLM engine sends, as plain Markdown files a user
// can read and override. The copies built into debrief are embedded; a user's directory
// (--prompts DIR, prompts_dir in the config file, or $XDG_CONFIG_HOME/debrief/prompts) replaces
// them file by file. An override that cannot be used is an error, never a silent fallback.
package prompts

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

//go:embed *.md
var builtin embed.FS

// Names of the prompt files, without the .md extension.
const (
	// Analyze is the system prompt of the analysis.
	Analyze = "analyze"
	// Repair asks the model to fix an answer that was not valid JSON or was cut off. It holds
	// the placeholder {{problem}}.
	Repair = "repair"
)

// stamp is the first line of every prompt file: its name and version.
var stamp = regexp.MustCompile(`^<!-- debrief prompt: ([a-z-]+), version ([0-9A-Za-z.-]+) -->\s*$`)

// Prompt is one prompt file.
type Prompt struct {
	Name    string
	Version string
	// Text is the whole file, stamp included.
	Text string
	// Source is "embedded" or the path of the override.
	Source string
}

// Body is the text without the version stamp line.
func (p Prompt) Body() string {
	_, rest, _ := strings.Cut(p.Text, "\n")
	return strings.TrimSpace(rest)
}

// Set is the prompts in effect: the embedded ones with any overrides applied.
type Set struct {
	prompts map[string]Prompt
}

// Embedded returns the built-in prompts.
func Embedded() (*Set, error) { return Load("", false) }

// Load returns the embedded prompts overridden by the *.md files of dir. When dir is "" only
// the embedded prompts are used. When required is true a missing dir is an error (the user
// named it); otherwise a missing dir means no overrides. An override that cannot be read,
// names no known prompt, or lacks a valid version stamp is an error.
func Load(dir string, required bool) (*Set, error) {
	s := &Set{prompts: map[string]Prompt{}}
	entries, err := fs.ReadDir(builtin, ".")
	if err != nil {
		return nil, fmt.Errorf("read embedded prompts: %w", err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(builtin, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read embedded prompt %s: %w", e.Name(), err)
		}
		p, err := parse(strings.TrimSuffix(e.Name(), ".md"), string(data), "embedded")
		if err != nil {
			return nil, err
		}
		s.prompts[p.Name] = p
	}
	if dir == "" {
		return s, nil
	}
	over, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read prompts directory: %w", err)
	}
	for _, e := range over {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".md")
		path := filepath.Join(dir, e.Name())
		if _, ok := s.prompts[name]; !ok {
			return nil, fmt.Errorf("prompt override %s: no prompt is called %q (known: %s)", path, name, strings.Join(s.Names(), ", "))
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read prompt override: %w", err)
		}
		p, err := parse(name, string(data), path)
		if err != nil {
			return nil, err
		}
		if name == Repair && !strings.Contains(p.Text, "{{problem}}") {
			return nil, fmt.Errorf("prompt override %s: it must contain {{problem}}, where debrief says what was wrong", path)
		}
		s.prompts[name] = p
	}
	return s, nil
}

// parse checks a prompt file's stamp and content.
func parse(name, text, source string) (Prompt, error) {
	first, rest, _ := strings.Cut(text, "\n")
	m := stamp.FindStringSubmatch(strings.TrimPrefix(first, "\ufeff"))
	if m == nil {
		return Prompt{}, fmt.Errorf("prompt %s (%s): the first line must be the version stamp <!-- debrief prompt: %s, version N -->", name, source, name)
	}
	if m[1] != name {
		return Prompt{}, fmt.Errorf("prompt %s (%s): the stamp names %q", name, source, m[1])
	}
	if strings.TrimSpace(rest) == "" {
		return Prompt{}, fmt.Errorf("prompt %s (%s) is empty after its stamp", name, source)
	}
	return Prompt{Name: name, Version: m[2], Text: text, Source: source}, nil
}

// Names lists the prompts, sorted.
func (s *Set) Names() []string {
	names := make([]string, 0, len(s.prompts))
	for n := range s.prompts {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Get returns the prompt called name.
func (s *Set) Get(name string) (Prompt, error) {
	p, ok := s.prompts[name]
	if !ok {
		return Prompt{}, fmt.Errorf("no prompt is called %q (known: %s)", name, strings.Join(s.Names(), ", "))
	}
	return p, nil
}

// Digest is a hash of every prompt's text, for cache keys: changing a prompt changes it.
func (s *Set) Digest() string {
	h := sha256.New()
	for _, n := range s.Names() {
		fmt.Fprintf(h, "%s\x00%d\x00%s", n, len(s.prompts[n].Text), s.prompts[n].Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Export writes the embedded prompts into dir (created if needed), refusing to overwrite a
// file unless force is set. It returns the paths written.
func Export(dir string, force bool) ([]string, error) {
	s, err := Embedded()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	var written []string
	for _, n := range s.Names() {
		path := filepath.Join(dir, n+".md")
		flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
		if force {
			flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		}
		f, err := os.OpenFile(path, flags, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return written, fmt.Errorf("%s exists: remove it or pass --force", path)
		}
		if err != nil {
			return written, fmt.Errorf("export prompt: %w", err)
		}
		_, err = f.WriteString(s.prompts[n].Text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, fmt.Errorf("export prompt: %w", err)
		}
		written = append(written, path)
	}
	return written, nil
}
