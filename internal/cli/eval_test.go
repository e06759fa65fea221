package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labelled writes one meeting and its gold file: two commitments, of which the engine can
// find only the first (the second was never said).
func labelled(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	meeting := "Ana Lopez: I'll send the revised deck to sales by Friday.\nBen Ortiz: Thanks. Did the build pass?\nAna Lopez: Moving on, next item.\n"
	gold := `{"meeting_date": "2026-11-18", "attendees": ["Ana Lopez", "Ben Ortiz"],
 "commitments": [{"owner": "Ana Lopez", "task": "send the revised deck to sales", "due": "2026-11-20"},
                 {"owner": "Ben Ortiz", "task": "fix the flaky build on the release branch"}],
 "decisions": [], "silent_attendees": [],
 "unanswered_questions": [{"asker": "Ben Ortiz", "question": "did the build pass?"}]}`
	for name, body := range map[string]string{"sync.txt": meeting, "sync.gold.json": gold} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalScoresAndGates(t *testing.T) {
	dir := labelled(t)
	r := runCLI(t, "", false, "eval", dir, "--engine", "offline", "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Schema     string `json:"schema"`
		Categories []struct {
			Category  string  `json:"category"`
			TP        int     `json:"tp"`
			FN        int     `json:"fn"`
			Recall    float64 `json:"recall"`
			Precision float64 `json:"precision"`
		} `json:"categories"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Schema != "debrief.eval/v1" {
		t.Fatalf("not a debrief.eval/v1 document: %v\n%s", err, r.stdout)
	}
	for _, c := range doc.Categories {
		if c.Category == "commitments" && (c.TP != 1 || c.FN != 1 || c.Recall != 0.5 || c.Precision != 1) {
			t.Errorf("commitments scored %+v, want 1 found of 2, precision 1", c)
		}
		if c.Category == "unanswered_questions" && c.TP != 1 {
			t.Errorf("the unanswered question was not matched: %+v", c)
		}
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--min-f1", "commitments=0.6"}, ExitOK, ""},
		{[]string{"--min-f1", "commitments=0.7"}, ExitFailure, "commitments: F1 0.667 is below the minimum 0.700"},
		{[]string{"--min-recall", "commitments=0.95"}, ExitFailure, "commitments: recall 0.500 is below"},
		{[]string{"--min-recall", "unanswered_questions=1"}, ExitOK, ""},
		{[]string{"--min-f1", "promises=0.5"}, ExitUsage, "--min-f1"},
		{[]string{"--format", "xml"}, ExitUsage, "use text or json"},
	}
	for _, tt := range tests {
		r := runCLI(t, "", false, append([]string{"eval", dir, "--engine", "offline"}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("eval %v: exit %d, stderr %q; want exit %d and %q", tt.args, r.code, r.stderr, tt.code, tt.stderr)
		}
	}
}

func TestEvalVerboseListsMisses(t *testing.T) {
	r := runCLI(t, "", false, "eval", labelled(t), "--engine", "offline", "--verbose")
	if r.code != 0 || !strings.Contains(r.stdout, "missed: Ben Ortiz: fix the flaky build") {
		t.Errorf("exit %d, verbose output lacks the miss:\n%s", r.code, r.stdout)
	}
}

func TestEvalNeedsLabelledMeetings(t *testing.T) {
	r := runCLI(t, "", false, "eval", t.TempDir())
	if r.code != ExitInput || !strings.Contains(r.stderr, "gold.json") {
		t.Errorf("exit %d stderr %q", r.code, r.stderr)
	}
}
