package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/golden"
)

// TestMeetingReports runs the whole program, offline, on each meeting in testdata/meetings and
// compares the Markdown and JSON reports with testdata/golden/analyze. Every quote a report
// cites must be found, verbatim, on the line it names.
func TestMeetingReports(t *testing.T) {
	files, err := filepath.Glob("../../testdata/meetings/*")
	if err != nil || len(files) < 5 {
		t.Fatalf("want the fixture meetings in testdata/meetings, got %d (%v)", len(files), err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			md := runCLI(t, "", false, path, "--engine", "offline", "--format", "markdown")
			if md.code != 0 {
				t.Fatalf("exit %d: %s", md.code, md.stderr)
			}
			golden.Check(t, filepath.Join("../../testdata/golden/analyze", name+".md"), []byte(md.stdout))
			js := runCLI(t, "", false, path, "--engine", "offline", "--format", "json")
			if js.code != 0 {
				t.Fatalf("exit %d: %s", js.code, js.stderr)
			}
			golden.Check(t, filepath.Join("../../testdata/golden/analyze", name+".json"), []byte(js.stdout))
			checkQuotes(t, path, js.stdout)
		})
	}
}

// checkQuotes checks that every evidence quote in a report is in the input, starting on the
// line the evidence names (a quote joined from several cues may run on to the next lines).
func checkQuotes(t *testing.T, path, report string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var doc struct {
		Commitments []struct{ Evidence []evidence } `json:"commitments"`
		Decisions   []struct{ Evidence []evidence } `json:"decisions"`
		Unheard     []struct{ Evidence []evidence } `json:"unheard"`
		Done        []struct{ Evidence []evidence } `json:"done"`
		OpenThreads []struct{ Evidence []evidence } `json:"open_threads"`
	}
	if err := json.Unmarshal([]byte(report), &doc); err != nil {
		t.Fatal(err)
	}
	var all []evidence
	for _, c := range doc.Commitments {
		all = append(all, c.Evidence...)
	}
	for _, d := range doc.Decisions {
		all = append(all, d.Evidence...)
	}
	for _, u := range doc.Unheard {
		all = append(all, u.Evidence...)
	}
	for _, r := range doc.Done {
		all = append(all, r.Evidence...)
	}
	for _, o := range doc.OpenThreads {
		all = append(all, o.Evidence...)
	}
	for _, e := range all {
		if e.Line < 1 || e.Line > len(lines) {
			t.Errorf("quote %q cites line %d, outside the input", e.Quote, e.Line)
			continue
		}
		rest := strings.Join(strings.Fields(strings.Join(lines[e.Line-1:min(len(lines), e.Line+8)], " ")), " ")
		rest = strings.ReplaceAll(rest, "&#237;", "í")
		words := strings.Fields(e.Quote)
		first := strings.ReplaceAll(strings.Join(strings.Fields(lines[e.Line-1]), " "), "&#237;", "í")
		if !strings.Contains(rest, strings.Join(words, " ")) || !strings.Contains(first, strings.Join(words[:min(3, len(words))], " ")) {
			t.Errorf("quote %q is not on line %d of %s", e.Quote, e.Line, filepath.Base(path))
		}
	}
}

type evidence struct {
	Quote string `json:"quote"`
	Line  int    `json:"line"`
}
