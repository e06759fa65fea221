package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/debrief-cli/debrief/internal/analyze"
	"github.com/debrief-cli/debrief/internal/golden"
	"github.com/debrief-cli/debrief/internal/transcript"
)

// weekDir holds the fixture week: six meetings in five formats, with dates in the content or
// the file name, a promise repeated in three meetings, someone quiet in three, decisions
// without a why, and a picture that is not a meeting.
var weekDir = filepath.Join("..", "..", "testdata", "week")

// weekNow is the Monday after the fixture week.
var weekNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// weekReports reads and analyzes the fixture meetings as `debrief week` does, with the
// paths as a user in the repository root would see them.
func weekReports(t *testing.T, me string, names ...string) []MeetingReport {
	t.Helper()
	if len(names) == 0 {
		entries, err := os.ReadDir(weekDir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".png") {
				names = append(names, e.Name())
			}
		}
	}
	var out []MeetingReport
	for _, name := range names {
		m, err := transcript.ReadFile(filepath.Join(weekDir, name), nil, transcript.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		resolved := ""
		if me != "" {
			if n, ok := m.FindPerson(me); ok {
				resolved = n
			}
		}
		f, err := analyze.Offline{}.Analyze(context.Background(), m, analyze.Options{Me: resolved, Now: weekNow})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, MeetingReport{
			Path: "testdata/week/" + name, DateFrom: m.DateFrom, Me: resolved,
			Report: Detach(NewDocument(f)),
		})
	}
	// Reverse, so that the tests show the order of the input does not matter.
	slices.Reverse(out)
	return out
}

func TestWeekGolden(t *testing.T) {
	week := NewWeek(weekReports(t, ""), WeekOptions{Now: weekNow, Skipped: 1})
	meWeek := NewWeek(weekReports(t, "Ana"), WeekOptions{Now: weekNow, Me: "Ana", Skipped: 1})
	dir := filepath.Join("..", "..", "testdata", "golden", "week")
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"week.md", func(b *bytes.Buffer) error { return WeekMarkdown(b, week) }},
		{"week.json", func(b *bytes.Buffer) error { return WeekJSON(b, week) }},
		{"week-me.md", func(b *bytes.Buffer) error { return WeekMarkdown(b, meWeek) }},
		{"week.term.txt", func(b *bytes.Buffer) error { return WeekTerminal(b, week, 100, false) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(dir, tc.name), b.Bytes())
		})
	}
}

func TestWeekFindings(t *testing.T) {
	w := NewWeek(weekReports(t, "Ana Lopez"), WeekOptions{Now: weekNow, Me: "Ana Lopez"})
	if len(w.Meetings) != 6 {
		t.Fatalf("%d meetings, want 6", len(w.Meetings))
	}
	for i := 1; i < len(w.Meetings); i++ {
		if w.Meetings[i-1].Date > w.Meetings[i].Date {
			t.Errorf("meetings not in date order: %s before %s", w.Meetings[i-1].Date, w.Meetings[i].Date)
		}
	}
	var deck *TrackedCommitment
	for i, c := range w.Commitments {
		if strings.Contains(c.Task, "revised deck") {
			if deck != nil {
				t.Errorf("the deck promise appears twice: %q and %q", deck.Task, c.Task)
			}
			deck = &w.Commitments[i]
		}
	}
	if deck == nil || len(deck.Mentions) != 3 || deck.Owner != "Ana Lopez" || deck.Due != "2026-11-20" || !deck.Overdue {
		t.Errorf("deck promise %+v: want Ana Lopez, due 2026-11-20, overdue, said in 3 meetings", deck)
	}
	if len(w.QuietPeople) != 1 || w.QuietPeople[0].Name != "Priya Natarajan" || len(w.QuietPeople[0].Meetings) < 2 {
		t.Errorf("quiet people %+v, want Priya Natarajan in two or more meetings", w.QuietPeople)
	}
	var unexplained []string
	for _, d := range w.UnexplainedDecisions {
		unexplained = append(unexplained, d.Decision.Decision)
	}
	if !slices.ContainsFunc(unexplained, func(s string) bool { return strings.Contains(s, "Postgres") }) {
		t.Errorf("unexplained decisions %q lack the Postgres one", unexplained)
	}
	if len(w.Themes) != 3 {
		t.Errorf("%d themes, want 3", len(w.Themes))
	}
	if w.MyWeek == nil || w.MyWeek.Name != "Ana Lopez" || len(w.MyWeek.Shares) != 6 || len(w.MyWeek.Promises) != 2 {
		t.Errorf("my week %+v: want Ana Lopez in 6 meetings with 2 promises", w.MyWeek)
	}
	// The rollback plan was assigned to Ben in the design review and accepted in the 1:1.
	for _, c := range w.Commitments {
		if strings.Contains(c.Task, "rollback plan") && slices.Contains(c.Flags, analyze.FlagAssignedNotAccepted) {
			t.Errorf("rollback plan still marked assigned-not-accepted after Ben accepted it: %+v", c)
		}
	}
}

func TestWeekJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := WeekJSON(&b, NewWeek(nil, WeekOptions{Now: weekNow})); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema"] != WeekSchema {
		t.Errorf("schema %v", doc["schema"])
	}
	for _, k := range []string{"meetings", "themes", "commitments", "quiet_people", "unexplained_decisions", "failures"} {
		if _, ok := doc[k].([]any); !ok {
			t.Errorf("%s is %v, want a list (empty, not null)", k, doc[k])
		}
	}
	if doc["my_week"] != nil {
		t.Errorf("my_week %v without --me, want null", doc["my_week"])
	}
}

func TestWeekMTimeAndFailures(t *testing.T) {
	reports := weekReports(t, "", "retro-notes.md")
	reports[0].DateFrom = DateFromMTime
	w := NewWeek(reports, WeekOptions{Now: weekNow, Failures: []Failure{{Path: "x/empty.vtt", Reason: "input is empty: nothing to analyze"}}})
	var b bytes.Buffer
	if err := WeekMarkdown(&b, w); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Fri 20 Nov †", "modification time", "## Files not read", "x/empty.vtt: input is empty"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("week report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestSameTask(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"send the revised deck to sales", "send the revised deck to sales, as promised on Monday", true},
		{"send the revised deck to sales", "Send the revised deck to Sales.", true},
		{"write the test plan", "write the release checklist", false},
		{"update the pricing page", "update the pricing FAQ", false},
		{"fix it", "fix the login bug", false},
		{"write the rollback plans", "write the rollback plan", true},
		{"send the revised deck for account 5 to sales", "send the revised deck for account 6 to sales", false},
		{"send the revised deck for account 5 to sales", "send the revised deck to sales", false},
	}
	for _, tt := range tests {
		if got := sameTask(taskKey(tt.a), taskKey(tt.b)); got != tt.same {
			t.Errorf("sameTask(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestMeetingTitleFromFileName(t *testing.T) {
	for name, want := range map[string]string{
		"2026-11-18-design-review.srt": "Design review",
		"design_review_20261118.vtt":   "Design review",
		"planning.vtt":                 "Planning",
		"2026-11-18.md":                "2026-11-18",
	} {
		m := MeetingReport{Report: Document{Meeting: MeetingInfo{Source: name}}}
		if got := meetingTitle(m); got != want {
			t.Errorf("meetingTitle(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestDetachKeepsNoTranscriptMemory(t *testing.T) {
	text := strings.Repeat("x", 1<<16) + "I'll send it"
	sub := text[len(text)-12:]
	d := Document{Commitments: []analyze.Commitment{{Task: sub, Evidence: []analyze.Evidence{{Quote: sub}}}}}
	got := Detach(d)
	c := got.Commitments[0]
	if c.Task != sub || c.Evidence[0].Quote != sub {
		t.Fatalf("detached commitment %+v", c)
	}
	if unsafe.StringData(c.Task) == unsafe.StringData(sub) || unsafe.StringData(c.Evidence[0].Quote) == unsafe.StringData(sub) {
		t.Error("the detached strings still point into the transcript text")
	}
	if unsafe.StringData(d.Commitments[0].Task) != unsafe.StringData(sub) {
		t.Error("Detach changed the document it was given")
	}
}
