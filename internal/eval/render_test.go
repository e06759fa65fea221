package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/debrief-cli/debrief/internal/golden"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// fixtureResults scores two small hand-made files.
func fixtureResults() []FileResult {
	g1 := &Gold{
		Attendees: []string{"Ana Ruiz", "Ben Ortiz", "Chloé Martin"},
		Commitments: &[]GoldCommitment{
			{Owner: "Ana Ruiz", Task: "send the budget deck", Due: "2024-05-10"},
			{Owner: "Ben Ortiz", Task: "book the venue", Due: "2024-05-17"},
			{Owner: "Chloé Martin", Task: "draft the press release"},
		},
		Decisions:       &[]GoldDecision{{Decision: "hold the offsite in Lisbon", RationaleStated: ptr(false)}},
		SilentAttendees: &[]string{"Chloé Martin"},
	}
	f1 := &analyze.Findings{
		Meeting: &transcript.Meeting{Attendees: []transcript.Person{
			{Name: "Ana Ruiz", Aliases: []string{"Speaker 1"}}, {Name: "Ben Ortiz", Aliases: []string{}},
		}},
		Commitments: []analyze.Commitment{
			{Owner: "Speaker 1", Task: "send deck", Due: "2024-05-10",
				Evidence: []analyze.Evidence{{Quote: "I'll send the budget deck by Friday", Speaker: "Ana Ruiz", Line: 4, Time: "00:01:10"}}},
			{Owner: "Ben", Task: "book a venue for the offsite"},
			{Owner: "Ben Ortiz", Task: "fix the printer",
				Evidence: []analyze.Evidence{{Quote: "someone has to fix that printer", Speaker: "Ben Ortiz", Line: 12}}},
		},
		Decisions: []analyze.Decision{{Decision: "the offsite will be in Lisbon",
			Evidence: []analyze.Evidence{{Quote: "OK, Lisbon it is.", Speaker: "Ana Ruiz", Line: 20}}}},
	}
	r1 := ScoreFile(g1, f1)
	r1.Name, r1.Input, r1.Gold = "planning", "testdata/planning.vtt", "testdata/planning.gold.json"

	g2 := &Gold{UnansweredQuestions: &[]GoldQuestion{{Asker: "Ben", Question: "who owns the migration?"}}}
	f2 := &analyze.Findings{}
	r2 := ScoreFile(g2, f2)
	r2.Name, r2.Input, r2.Gold = "standup", "testdata/standup.md", "testdata/standup.gold.json"
	return []FileResult{r1, r2}
}

func TestWriteText(t *testing.T) {
	results := fixtureResults()
	s := Summarize(results)
	for _, verbose := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteText(&b, s, results, verbose); err != nil {
			t.Fatal(err)
		}
		name := "summary.txt"
		if verbose {
			name = "verbose.txt"
		}
		golden.Check(t, filepath.Join("testdata", "golden", name), b.Bytes())
	}
}

func TestWriteJSON(t *testing.T) {
	results := fixtureResults()
	s := Summarize(results)
	for _, verbose := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteJSON(&b, s, results, verbose); err != nil {
			t.Fatal(err)
		}
		var back struct {
			Schema string `json:"schema"`
		}
		if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Schema != Schema {
			t.Fatalf("output does not read back as %s: %v", Schema, err)
		}
		name := "summary.json"
		if verbose {
			name = "verbose.json"
		}
		golden.Check(t, filepath.Join("testdata", "golden", name), b.Bytes())
	}
}

func TestWriteTextError(t *testing.T) {
	results := fixtureResults()
	if err := WriteText(failWriter{}, Summarize(results), results, true); err == nil {
		t.Error("a failing writer gave no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
