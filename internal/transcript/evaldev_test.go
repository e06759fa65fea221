package transcript

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const evalDevDir = "../../../shared/eval/dev"

// evalGold is the part of an eval gold file the parser is checked against.
type evalGold struct {
	MeetingDate string   `json:"meeting_date"`
	Attendees   []string `json:"attendees"`
}

var (
	goldParenRe   = regexp.MustCompile(`\s*\([^)]*\)`)
	goldBracketRe = regexp.MustCompile(`\[[^\]]*\]`)
)

// TestEvalDevMinutesParse parses the real minutes in shared/eval/dev: each must read as
// notes with turns, most speaker labels must resolve to an attendee of the gold list, and every
// ACTION:/RESOLUTION: line must survive into some turn's text.
func TestEvalDevMinutesParse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(evalDevDir, "*.md"))
	if len(files) == 0 {
		t.Skipf("no eval files in %s", evalDevDir)
	}
	var totalTagged, totalResolved int
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := parseNotes(strings.ReplaceAll(string(data), "\r\n", "\n"))
			if err != nil {
				t.Fatalf("parseNotes: %v", err)
			}
			if len(p.Turns) == 0 {
				t.Fatal("no turns")
			}
			m, err := Parse(data, Options{Source: path, Format: FormatNotes})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkMarkersKept(t, string(data), m.Turns)

			goldPath := strings.TrimSuffix(strings.TrimSuffix(path, ".md"), ".stripped") + ".gold.json"
			b, err := os.ReadFile(goldPath)
			if err != nil {
				t.Logf("no gold: %v", err)
				return
			}
			var gold evalGold
			if err := json.Unmarshal(b, &gold); err != nil {
				t.Fatalf("%s: %v", goldPath, err)
			}
			switch {
			case gold.MeetingDate == "":
			case m.Date == "":
				t.Logf("no date in the content (gold %s)", gold.MeetingDate)
			case m.Date != gold.MeetingDate:
				t.Errorf("date %q, gold %q", m.Date, gold.MeetingDate)
			}
			if len(gold.Attendees) == 0 {
				return
			}
			names := map[string]bool{}
			fullNames := 0
			for _, a := range gold.Attendees {
				names[FoldName(a)] = true
				plain := goldBracketRe.ReplaceAllString(goldParenRe.ReplaceAllString(a, ""), "")
				names[FoldName(plain)] = true
				if len(strings.Fields(plain)) > 1 {
					fullNames++
				}
			}
			tagged, resolved := 0, 0
			unresolved := map[string]int{}
			for _, turn := range m.Turns {
				if turn.Speaker == "" {
					continue
				}
				tagged++
				if names[FoldName(turn.Speaker)] {
					resolved++
				} else {
					unresolved[turn.Speaker]++
				}
			}
			totalTagged += tagged
			totalResolved += resolved
			share := 1.0
			if tagged > 0 {
				share = float64(resolved) / float64(tagged)
			}
			t.Logf("%s: %d turns, %d with a speaker, %d resolved to a gold attendee (%.0f%%); unresolved %v",
				name, len(m.Turns), tagged, resolved, share*100, unresolved)
			// Initials ("AR") cannot be told apart when the list gives first names only.
			if share < 0.7 && fullNames*2 > len(gold.Attendees) {
				t.Errorf("only %.0f%% of speaker turns resolve to a gold attendee", share*100)
			}
		})
	}
	if totalTagged > 0 {
		if share := float64(totalResolved) / float64(totalTagged); share < 0.85 {
			t.Errorf("overall only %.1f%% of speaker turns resolve to a gold attendee", 100*share)
		}
		t.Logf("overall: %d of %d speaker turns resolved (%.1f%%)", totalResolved, totalTagged, 100*float64(totalResolved)/float64(totalTagged))
	}
}

// checkMarkersKept fails when a line holding ACTION: or RESOLUTION: is in no turn's text.
func checkMarkersKept(t *testing.T, input string, turns []Turn) {
	t.Helper()
	for i, raw := range strings.Split(strings.ReplaceAll(input, "\r\n", "\n"), "\n") {
		if !strings.Contains(raw, "ACTION:") && !strings.Contains(raw, "RESOLUTION:") {
			continue
		}
		content := splitNotesLine(raw).content
		found := false
		for _, turn := range turns {
			if strings.Contains(turn.Text, content) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("line %d %q is in no turn", i+1, content)
		}
	}
}
