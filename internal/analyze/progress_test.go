package analyze

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/debrief-cli/debrief/internal/transcript"
)

func TestFindDone(t *testing.T) {
	type want struct{ person, task string }
	tests := []struct {
		name  string
		notes bool
		lines []string
		want  []want
	}{
		// Reports of finished work.
		{"I sent", false, []string{"Ana Lopez: I sent the revised deck to sales yesterday."},
			[]want{{"Ana Lopez", "send the revised deck to sales"}}},
		{"I've merged", false, []string{"Ben Ortiz: I've merged the fix for the login bug."},
			[]want{{"Ben Ortiz", "merge the fix for the login bug"}}},
		{"I finished with a lead-in", false, []string{"Ben Ortiz: Yesterday I finished the schema changes."},
			[]want{{"Ben Ortiz", "finish the schema changes"}}},
		{"I just shipped, curly apostrophe", false, []string{"Ben Ortiz: I’ve just shipped the export button."},
			[]want{{"Ben Ortiz", "ship the export button"}}},
		{"state: is done", false, []string{"Ben Ortiz: The migration script is done."},
			[]want{{"Ben Ortiz", "The migration script"}}},
		{"state: is ready now", false, []string{"Ben Ortiz: So the migration script is ready now."},
			[]want{{"Ben Ortiz", "the migration script"}}},
		{"state: merged into main", false, []string{"Ben Ortiz: The rate limiter was merged into main."},
			[]want{{"Ben Ortiz", "The rate limiter"}}},
		{"task stops at the next clause", false, []string{"Ben Ortiz: I finished the webhook and merged it, so we can test."},
			[]want{{"Ben Ortiz", "finish the webhook"}}},
		{"done twice is one report", false, []string{"Ben Ortiz: I sent the deck to sales.", "Ana Lopez: Thanks.", "Ben Ortiz: Yes, I sent the deck to sales this morning."},
			[]want{{"Ben Ortiz", "send the deck to sales"}}},
		{"have set up", false, []string{"Priya Natarajan: I've set up the staging alerts."},
			[]want{{"Priya Natarajan", "set up the staging alerts"}}},
		// Notes.
		{"notes: short form", true, []string{"Ben Ortiz: migration script done."},
			[]want{{"Ben Ortiz", "migration script"}}},
		{"notes: initials", true, []string{"BO: Migration script done", "Ana Lopez: ok"},
			[]want{{"Ben Ortiz", "Migration script"}}},
		{"notes: past tense under a name", true, []string{"Ben Ortiz: Sent the deck to sales."},
			[]want{{"Ben Ortiz", "send the deck to sales"}}},
		{"notes: named scribe line", true, []string{"Ben sent the deck to sales.", "Ben Ortiz: ok"},
			[]want{{"Ben Ortiz", "send the deck to sales"}}},
		{"notes: ticked box", true, []string{"- [x] Ben to fix the second slow query", "Ben Ortiz: ok"},
			[]want{{"Ben Ortiz", "fix the second slow query"}}},

		// Traps: not done reports.
		{"question", false, []string{"Ana Lopez: Did you send the deck to sales?", "Ana Lopez: Have you merged the fix?"}, nil},
		{"question without a mark", false, []string{"Ana Lopez: Is the migration script done"}, nil},
		{"statement then question", false, []string{"Ana Lopez: The migration script is done, right?"}, nil},
		{"negation", false, []string{"Ben Ortiz: I haven't sent the deck yet.", "Ben Ortiz: I didn't finish the migration script.", "Ben Ortiz: The migration script is not done."}, nil},
		{"plan", false, []string{"Ben Ortiz: I'll send the deck to sales by Friday.", "Ben Ortiz: I'm going to finish the script tomorrow.", "Ben Ortiz: I plan to merge the fix."}, nil},
		{"in progress", false, []string{"Priya Natarajan: I'm finishing the onboarding illustrations today."}, nil},
		{"almost", false, []string{"Ana Lopez: I'll send the revised deck to sales by Friday, it's nearly done.", "Ben Ortiz: The migration script is almost done.", "Ben Ortiz: I finished half of the migration script."}, nil},
		{"not yet ready", false, []string{"Ben Ortiz: The deck is ready to send on Friday.", "Ben Ortiz: The migration script will be done by Wednesday.", "Ben Ortiz: The migration script should be done tomorrow."}, nil},
		{"reported speech", false, []string{"Ana Lopez: Ben said I sent the deck already.", "Ana Lopez: She told me I merged the wrong branch."}, nil},
		{"hypothetical", false, []string{"Ben Ortiz: If I finished the migration script today, we could test tomorrow.", "Ben Ortiz: I wish I had sent the deck earlier.", "Ben Ortiz: Once I've merged the fix, I'll deploy it."}, nil},
		{"doubt", false, []string{"Ben Ortiz: I think I sent the deck to sales.", "Ben Ortiz: Not sure I merged the fix."}, nil},
		{"names no work", false, []string{"Ben Ortiz: I sent it yesterday.", "Ben Ortiz: I finished.", "Ben Ortiz: I ran into a problem with the script.", "Ben Ortiz: I fixed one."}, nil},
		{"habit, not done", false, []string{"Ben Ortiz: I set up the room every Monday."}, nil},
		{"clause as subject", false, []string{"Ana Lopez: The plan is that the script is done."}, nil},
		{"someone else's work", false, []string{"Ana Lopez: Ben sent the deck to sales."}, nil},
		{"sarcasm", false, []string{"Ben Ortiz: Oh sure, I finished the entire migration in my spare time."}, nil},
		{"notes: open box", true, []string{"- [ ] Ben to fix the second slow query", "Ben Ortiz: ok"}, nil},
		{"notes: no speaker short form", true, []string{"Migration script done."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := meetingOf(t, "2026-11-20", nil, tt.lines...)
			if tt.notes {
				m.Format = transcript.FormatNotes
				for i, a := range m.Attendees {
					if a.Name == "BO" {
						m.Attendees[i] = transcript.Person{Name: "Ben Ortiz", Aliases: []string{"BO"}}
					}
				}
			}
			got := findDoneIn(newMeetingText(m))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d done reports, want %d:\n%s", len(got), len(tt.want), dumpDone(got))
			}
			for i, w := range tt.want {
				if got[i].Person != w.person || got[i].Task != w.task {
					t.Errorf("report %d: got %q by %q, want %q by %q", i, got[i].Task, got[i].Person, w.task, w.person)
				}
			}
			checkDoneEvidence(t, m, got)
		})
	}
}

// checkDoneEvidence checks that every report quotes its turn verbatim, on the right line.
func checkDoneEvidence(t *testing.T, m *transcript.Meeting, rs []DoneReport) {
	t.Helper()
	for _, r := range rs {
		if len(r.Evidence) == 0 {
			t.Errorf("%q has no evidence", r.Task)
		}
		for _, e := range r.Evidence {
			found := false
			for _, turn := range m.Turns {
				found = found || turn.Line == e.Line && strings.Contains(turn.Text, e.Quote)
			}
			if !found || e.Quote == "" {
				t.Errorf("%q: quote %q is not on line %d", r.Task, e.Quote, e.Line)
			}
		}
	}
}

func dumpDone(rs []DoneReport) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("  " + r.Person + ": " + r.Task + "\n")
	}
	return b.String()
}

func TestFindDoneJoinsEvidence(t *testing.T) {
	m := meetingOf(t, "2026-11-20", nil, "Ben Ortiz: I sent the deck to sales.", "Ana Lopez: Thanks.", "Ben Ortiz: Yes, I sent the deck to sales this morning.")
	got := findDoneIn(newMeetingText(m))
	if len(got) != 1 || len(got[0].Evidence) != 2 || got[0].Evidence[1].Line != 3 {
		t.Fatalf("want one report citing lines 1 and 3, got %+v", got)
	}
}

func BenchmarkFindDone(b *testing.B) {
	m := benchMeeting(b)
	for b.Loop() {
		findDoneIn(newMeetingText(m))
	}
}

// TestMayTellDone checks that the cheap test in front of firstPersonAnchored never turns away
// a sentence the pattern matches at one of its "I"s.
func TestMayTellDone(t *testing.T) {
	corpus := testCorpus(t)
	words := []string{"I", "i", "I've", "I’ve", "have", "already", "just", "Finally", "SENT", "Signed off on",
		"the deck", "put", "together", "\u017fent", "boo\u212aed", "\t", ",", "looked", "x"}
	words = append(words, slices.Sorted(maps.Keys(pastVerbs))...)
	corpus = append(corpus, madeUp(words, 30000)...)
	matched := 0
	for _, s := range corpus {
		for q := range len(s) {
			if (s[q] == 'i' || s[q] == 'I') && firstPersonAnchored.MatchString(s[q:]) {
				matched++
				if !mayTellDone(s) {
					t.Fatalf("firstPersonAnchored matches %q, but mayTellDone is false", s[q:])
				}
				break
			}
		}
	}
	if matched < 100 {
		t.Fatalf("only %d sentences match: the test checks too little", matched)
	}
}
