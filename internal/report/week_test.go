package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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
	// Ben reports the migration script done in the retro; Ana's deck went to marketing, not
	// to sales, so her promise stays open, repeated in three meetings.
	if !deck.Repeated || deck.Done != nil {
		t.Errorf("deck promise %+v: want open and repeated (the deck sent to marketing is another task)", deck)
	}
	script := findTracked(t, w.Commitments, "migration script")
	if script.Done == nil || script.Done.Title != "Sprint retro" || script.Overdue || script.Repeated {
		t.Errorf("migration script %+v: want done in the sprint retro, not overdue", script)
	}
	plan := findTracked(t, w.Commitments, "test plan")
	if len(plan.DueMoves) != 1 || plan.DueMoves[0].From != "2026-11-20" || plan.DueMoves[0].To != "2026-11-24" || plan.Overdue {
		t.Errorf("test plan %+v: want its due moved from 2026-11-20 to 2026-11-24, not overdue", plan)
	}
	// The pricing tiers were put off with no owner or date in the planning and again in the
	// sales sync; the standup put them off to Thursday with Tom as owner, a clear call.
	if len(w.OpenThreads) != 1 {
		t.Fatalf("open threads %+v, want the pricing tiers only", w.OpenThreads)
	}
	tiers := w.OpenThreads[0]
	var in []string
	for _, m := range tiers.Mentions {
		in = append(in, m.Title)
	}
	if tiers.Topic != "the pricing tiers" || !tiers.DeferredAgain || !slices.Equal(in, []string{"Planning", "Sales sync"}) {
		t.Errorf("open thread %+v in %q: want the pricing tiers, deferred again, in Planning and Sales sync", tiers, in)
	}
	// The 1:1 put off the on-call rotation, and the retro decided it.
	if len(w.SettledThreads) != 1 || w.SettledThreads[0].Topic != "the on-call rotation" ||
		w.SettledThreads[0].Settled.Title != "Sprint retro" || w.SettledThreads[0].Settled.Kind != SettledByDecision {
		t.Errorf("settled threads %+v, want the on-call rotation, decided in the sprint retro", w.SettledThreads)
	}
	for _, m := range w.Meetings {
		if want := map[string]int{"Planning": 1, "Ana / Ben 1:1": 1, "Sales sync": 1}[m.Title]; m.OpenThreads != want {
			t.Errorf("%s: %d open threads, want %d", m.Title, m.OpenThreads, want)
		}
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
	for _, k := range []string{"meetings", "themes", "commitments", "quiet_people", "unexplained_decisions", "open_threads", "failures"} {
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

// findTracked returns the one tracked commitment whose task holds words.
func findTracked(t *testing.T, ts []TrackedCommitment, words string) TrackedCommitment {
	t.Helper()
	var found []TrackedCommitment
	for _, c := range ts {
		if strings.Contains(c.Task, words) {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d commitments about %q, want 1: %+v", len(found), words, found)
	}
	return found[0]
}

// meetingWith is a meeting report of one date with the given commitments and done reports,
// each citing line 1 and up in order.
func meetingWith(date string, cs []analyze.Commitment, done []analyze.DoneReport) MeetingReport {
	for i := range cs {
		cs[i].ID = "c" + string(rune('1'+i))
		cs[i].Evidence = []analyze.Evidence{{Quote: cs[i].Task, Speaker: cs[i].Owner, Line: 10 + i}}
	}
	for i := range done {
		done[i].ID = "r" + string(rune('1'+i))
		if done[i].Evidence == nil {
			done[i].Evidence = []analyze.Evidence{{Quote: done[i].Task, Speaker: done[i].Person, Line: 20 + i}}
		}
	}
	var attendees []string
	for _, c := range cs {
		if strings.Contains(c.Owner, " ") && !slices.Contains(attendees, c.Owner) {
			attendees = append(attendees, c.Owner)
		}
	}
	return MeetingReport{
		Path:   date + ".txt",
		Report: Document{Meeting: MeetingInfo{Title: "Sync " + date, Date: date, Attendees: attendees}, Commitments: cs, Done: done},
	}
}

func TestTrackCommitmentsDone(t *testing.T) {
	promise := func(owner, task, due string) analyze.Commitment {
		return analyze.Commitment{Owner: owner, Task: task, Due: due}
	}
	done := func(person, task string) analyze.DoneReport {
		return analyze.DoneReport{Person: person, Task: task}
	}
	tests := []struct {
		name     string
		meetings []MeetingReport
		wantDone string // title of the meeting where it is done, "" for open
	}{
		{"reported done in a later meeting", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ben Ortiz", "have the migration script ready", "2026-11-18")}, nil),
			meetingWith("2026-11-20", nil, []analyze.DoneReport{done("Ben Ortiz", "Migration script")}),
		}, "Sync 2026-11-20"},
		{"later in the same meeting", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ana Lopez", "send the revised deck to sales", "")},
				[]analyze.DoneReport{done("Ana Lopez", "send the revised deck to sales")}),
		}, "Sync 2026-11-16"},
		{"first name in the notes", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ana Lopez", "send the revised deck to sales", "")}, nil),
			meetingWith("2026-11-18", []analyze.Commitment{promise("Ben Ortiz", "fix the login bug", "")}, []analyze.DoneReport{done("Ana", "send the revised deck to sales")}),
		}, "Sync 2026-11-18"},
		{"someone else did it", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ben Ortiz", "have the migration script ready", "2026-11-18")}, nil),
			meetingWith("2026-11-20", nil, []analyze.DoneReport{done("Ana Lopez", "the migration script")}),
		}, ""},
		{"a similar but different task", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ana Lopez", "send the revised deck to sales", "2026-11-20")}, nil),
			meetingWith("2026-11-20", nil, []analyze.DoneReport{done("Ana Lopez", "send the revised deck to marketing")}),
		}, ""},
		{"another account", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ben Ortiz", "migrate account 5", "")}, nil),
			meetingWith("2026-11-20", nil, []analyze.DoneReport{done("Ben Ortiz", "migrate account 6")}),
		}, ""},
		{"one word says too little", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ben Ortiz", "write the migration script", "")}, nil),
			meetingWith("2026-11-20", nil, []analyze.DoneReport{done("Ben Ortiz", "the script")}),
		}, ""},
		{"done before the promise", []MeetingReport{
			meetingWith("2026-11-16", nil, []analyze.DoneReport{done("Ben Ortiz", "write the migration script")}),
			meetingWith("2026-11-18", []analyze.Commitment{promise("Ben Ortiz", "write the migration script", "")}, nil),
		}, ""},
		{"promised again after the report", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{promise("Ben Ortiz", "write the migration script", "")}, nil),
			meetingWith("2026-11-17", nil, []analyze.DoneReport{done("Ben Ortiz", "write the migration script")}),
			meetingWith("2026-11-18", []analyze.Commitment{promise("Ben Ortiz", "write the migration script", "2026-11-20")}, nil),
		}, ""},
		{"one report, two open promises it could keep", []MeetingReport{
			meetingWith("2026-11-16", []analyze.Commitment{
				promise("Ben Ortiz", "send the migration script to QA", ""),
				promise("Ben Ortiz", "send the migration script to ops", ""),
			}, nil),
			meetingWith("2026-11-20", nil, []analyze.DoneReport{done("Ben Ortiz", "send the migration script")}),
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tracked := TrackCommitments(tt.meetings, "2026-11-23")
			var got []string
			for _, c := range tracked {
				if c.Done != nil {
					got = append(got, c.Done.Title)
					if c.Overdue || c.Repeated {
						t.Errorf("%q is done but overdue %v, repeated %v", c.Task, c.Overdue, c.Repeated)
					}
					if len(c.Done.Evidence) == 0 || c.Done.ID == "" {
						t.Errorf("%q: done without its evidence: %+v", c.Task, c.Done)
					}
				}
			}
			want := []string{}
			if tt.wantDone != "" {
				want = []string{tt.wantDone}
			}
			if len(got) != len(want) || len(want) == 1 && got[0] != want[0] {
				t.Errorf("done in %q, want %q", got, want)
			}
		})
	}
}

func TestTrackCommitmentsMovedAndRepeated(t *testing.T) {
	c := func(due string) []analyze.Commitment {
		return []analyze.Commitment{{Owner: "Ana Lopez", Task: "send the revised deck to sales", Due: due}}
	}
	ms := []MeetingReport{
		meetingWith("2026-11-16", c("2026-11-18"), nil),
		meetingWith("2026-11-17", c("2026-11-18"), nil),
		meetingWith("2026-11-19", c("2026-11-23"), nil),
	}
	tracked := TrackCommitments(ms, "2026-11-24")
	if len(tracked) != 1 {
		t.Fatalf("%d tracked, want 1", len(tracked))
	}
	got := tracked[0]
	if len(got.DueMoves) != 1 || got.DueMoves[0].From != "2026-11-18" || got.DueMoves[0].To != "2026-11-23" || got.DueMoves[0].Meeting.Date != "2026-11-19" {
		t.Errorf("due moves %+v, want one from 2026-11-18 to 2026-11-23 in the meeting of 19 Nov", got.DueMoves)
	}
	if !got.Repeated || !got.Overdue {
		t.Errorf("repeated %v, overdue %v: want both", got.Repeated, got.Overdue)
	}
	if line := taskItem(got); !strings.Contains(line, "due moved from Wed 18 Nov to Mon 23 Nov") || !strings.Contains(line, "promised in 3 meetings, still open") {
		t.Errorf("line %q lacks the move or the repeat", line)
	}
	// Two mentions in one meeting are not a repeat.
	two := TrackCommitments(ms[:2], "2026-11-24")
	if two[0].Repeated || len(two[0].DueMoves) != 0 {
		t.Errorf("said in two meetings with one date: %+v", two[0])
	}
	// Done, it is neither repeated nor overdue, and shows as kept.
	ms = append(ms, meetingWith("2026-11-20", nil, []analyze.DoneReport{{Person: "Ana Lopez", Task: "send the revised deck to sales"}}))
	kept := TrackCommitments(ms, "2026-11-24")[0]
	if kept.Done == nil || kept.Repeated || kept.Overdue {
		t.Fatalf("kept %+v", kept)
	}
	want := "- [x] Send the revised deck to sales · promised Sync 2026-11-16, 16 Nov; Sync 2026-11-17, 17 Nov; Sync 2026-11-19, 19 Nov; done: Sync 2026-11-20, 20 Nov"
	if line := taskItem(kept); line != want {
		t.Errorf("kept line\n%s\nwant\n%s", line, want)
	}
}

func TestWeekCountsOnlyOpenPromises(t *testing.T) {
	promise := analyze.Commitment{Owner: "Ana Lopez", Task: "send the revised deck to sales", Flags: []string{analyze.FlagNoDate}}
	vague := analyze.Coaching{Principle: analyze.PrincipleFollowThrough, Suggestion: "Give it a date.", Refs: []string{"c1"}}
	m1 := meetingWith("2026-11-16", []analyze.Commitment{promise}, nil)
	m1.Report.Coaching = []analyze.Coaching{vague}
	m1.Me = "Ana Lopez"
	m2 := meetingWith("2026-11-17", []analyze.Commitment{promise}, nil)
	m2.Report.Coaching = []analyze.Coaching{vague}
	m2.Me = "Ana Lopez"
	open := NewWeek([]MeetingReport{m1, m2}, WeekOptions{Now: weekNow, Me: "Ana Lopez"})
	if len(open.Themes) != 1 || open.Themes[0].Meetings != 2 || len(open.MyWeek.Promises) != 1 {
		t.Fatalf("open: themes %+v, promises %d: want follow-through in 2 meetings and 1 promise", open.Themes, len(open.MyWeek.Promises))
	}
	m3 := meetingWith("2026-11-18", nil, []analyze.DoneReport{{Person: "Ana Lopez", Task: "send the revised deck to sales"}})
	m3.Me = "Ana Lopez"
	kept := NewWeek([]MeetingReport{m1, m2, m3}, WeekOptions{Now: weekNow, Me: "Ana Lopez"})
	if len(kept.Themes) != 0 || len(kept.MyWeek.Promises) != 0 {
		t.Errorf("kept: themes %+v, promises %+v: want none, the promise is kept", kept.Themes, kept.MyWeek.Promises)
	}
	var b bytes.Buffer
	if err := WeekMarkdown(&b, kept); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "### Your open promises\n\nNone found.") || !strings.Contains(b.String(), "- [x] Send the revised deck to sales") {
		t.Errorf("week markdown:\n%s", b.String())
	}
}

// thread is an open thread of kind on topic, said in words at line.
func thread(id, kind, topic, words string, line int) analyze.OpenThread {
	return analyze.OpenThread{ID: id, Kind: kind, Topic: topic, Evidence: []analyze.Evidence{{Quote: words, Speaker: "Ana Lopez", Line: line}}}
}

// threadsMeeting is a meeting of date that left threads open, with a decide-clearly coaching
// item for each, as the offline engine gives.
func threadsMeeting(date string, threads ...analyze.OpenThread) MeetingReport {
	m := meetingWith(date, nil, nil)
	m.Report.OpenThreads = threads
	for _, th := range threads {
		m.Report.Coaching = append(m.Report.Coaching, analyze.Coaching{
			Principle: analyze.PrincipleDecideClearly, Suggestion: "Close it with a decision, an owner or a date.", Refs: []string{th.ID},
		})
	}
	return m
}

func TestSameTopic(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"the pricing tiers", "pricing tiers", true},
		{"the pricing tiers", "The Pricing Tier", true},
		{"the pricing tiers", "the enterprise pricing tiers", true},
		{"the pricing decision", "pricing", true},
		{"the roadmap discussion", "the roadmap", true},
		{"the pricing tiers", "the pricing page", false},
		{"the pricing tiers", "pricing", false},
		{"the pricing tiers", "the pricing tiers for the annual plan", false},
		{"the Q3 roadmap", "the Q4 roadmap", false},
		{"the roadmap review", "the roadmap review 2027", false},
		{"", "", false},
		{"the decision", "the decision", false},
	}
	for _, tt := range tests {
		if got := sameTopic(topicKey(tt.a), topicKey(tt.b)); got != tt.want {
			t.Errorf("sameTopic(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTrackThreads(t *testing.T) {
	deferred := func(id, topic string) analyze.OpenThread {
		return thread(id, analyze.KindDeferred, topic, "Let's come back to "+topic+" next time.", 7)
	}
	tests := []struct {
		name     string
		meetings []MeetingReport
		// want is each tracked thread as "topic: meetings left open, again or not".
		want []string
	}{
		{"deferred again in a later meeting", []MeetingReport{
			threadsMeeting("2026-11-17", deferred("o1", "the pricing tiers")),
			threadsMeeting("2026-11-19", deferred("o1", "pricing tiers")),
		}, []string{"pricing tiers: 2 again"}},
		{"twice in one meeting is not again", []MeetingReport{
			threadsMeeting("2026-11-17", deferred("o1", "the pricing tiers"), deferred("o2", "the pricing tiers")),
		}, []string{"the pricing tiers: 1"}},
		{"a topic sharing one word is another", []MeetingReport{
			threadsMeeting("2026-11-17", deferred("o1", "the pricing tiers")),
			threadsMeeting("2026-11-19", deferred("o1", "the pricing page")),
		}, []string{"the pricing tiers: 1", "the pricing page: 1"}},
		{"threads without a topic stand alone", []MeetingReport{
			threadsMeeting("2026-11-17", deferred("o1", "")),
			threadsMeeting("2026-11-19", deferred("o1", "")),
		}, []string{": 1", ": 1"}},
		{"deferred again comes first", []MeetingReport{
			threadsMeeting("2026-11-16", deferred("o1", "the venue")),
			threadsMeeting("2026-11-17", deferred("o1", "the pricing tiers")),
			threadsMeeting("2026-11-19", thread("o1", analyze.KindReopened, "the pricing tiers decision", "Let's reopen the pricing tiers decision.", 3)),
		}, []string{"the pricing tiers: 2 again", "the venue: 1"}},
		{"none", []MeetingReport{threadsMeeting("2026-11-16")}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			for _, th := range TrackThreads(tt.meetings) {
				s := th.Topic + ": " + strconv.Itoa(meetingCount(th.mentions()))
				if th.DeferredAgain {
					s += " again"
				}
				got = append(got, s)
				for _, m := range th.Mentions {
					if m.ID == "" || len(m.Evidence) == 0 || m.Kind == "" {
						t.Errorf("%q: a mention without its id, evidence or kind: %+v", th.Topic, m)
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tracked %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWeekOpenThreadsSection(t *testing.T) {
	tiers := thread("o1", analyze.KindDeferred, "the pricing tiers", "Let's come back to the pricing tiers next time.", 43)
	again := thread("o1", analyze.KindDeferred, "the pricing tiers", "We didn't get to the pricing tiers again.", 17)
	reopened := thread("o2", analyze.KindReopened, "", "Let's reopen that decision.", 20)
	tests := []struct {
		name     string
		meetings []MeetingReport
		want     []string
		wantNot  []string
	}{
		{"a topic deferred again", []MeetingReport{threadsMeeting("2026-11-17", tiers), threadsMeeting("2026-11-19", again)}, []string{
			"## Open threads\n\n",
			"- **The pricing tiers**: **deferred again**, left open in 2 meetings\n" +
				"  - Sync 2026-11-17, 17 Nov: \"Let's come back to the pricing tiers next time.\" (Ana Lopez, line 43)\n" +
				"  - Sync 2026-11-19, 19 Nov: \"We didn't get to the pricing tiers again.\" (Ana Lopez, line 17)\n",
			"**Decide clearly**, in 2 of 2 meetings (2 findings). Close each open thread below with a decision, a named decider, or a date.",
		}, nil},
		{"once, and a decision reopened", []MeetingReport{threadsMeeting("2026-11-17", tiers, reopened)}, []string{
			"- **The pricing tiers**: put off with no owner and no date\n  - Sync 2026-11-17, 17 Nov: \"Let's come back",
			"- A thread: a decision reopened, with no new call\n  - Sync 2026-11-17, 17 Nov: \"Let's reopen that decision.\" (Ana Lopez, line 20)\n",
		}, []string{"deferred again"}},
		{"none", []MeetingReport{threadsMeeting("2026-11-17")}, []string{"## Open threads\n\nNo open threads found.\n"}, []string{"deferred again"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WeekMarkdown(&b, NewWeek(tt.meetings, WeekOptions{Now: weekNow})); err != nil {
				t.Fatal(err)
			}
			md := b.String()
			for _, want := range tt.want {
				if !strings.Contains(md, want) {
					t.Errorf("week report lacks\n%s\n%s", want, md)
				}
			}
			for _, not := range tt.wantNot {
				if strings.Contains(md, not) {
					t.Errorf("week report has %q:\n%s", not, md)
				}
			}
			if strings.Index(md, "## Open threads") < strings.Index(md, "## Decisions without a stated why") {
				t.Errorf("open threads are not after the decisions without a why:\n%s", md)
			}
		})
	}
}

// TestThreadSettled: a thread left open is settled by a decision on its topic, or a commitment
// to it with an owner, in a later meeting, matched as strictly as threads are matched.
func TestThreadSettled(t *testing.T) {
	tiers := thread("o1", analyze.KindDeferred, "the pricing tiers", "Let's come back to the pricing tiers next time.", 43)
	decided := func(date, decision string) MeetingReport {
		m := threadsMeeting(date)
		m.Report.Decisions = []analyze.Decision{{ID: "d1", Decision: decision, Evidence: []analyze.Evidence{{Quote: "We decided: " + decision, Speaker: "Ana Lopez", Line: 5}}}}
		return m
	}
	tests := []struct {
		name     string
		meetings []MeetingReport
		// want is where and how the thread was settled, "" for still open.
		want string
	}{
		{"a later decision on the topic", []MeetingReport{
			threadsMeeting("2026-11-17", tiers), decided("2026-11-19", "Keep three pricing tiers"),
		}, "decision Sync 2026-11-19 d1"},
		{"a later commitment with an owner", []MeetingReport{
			threadsMeeting("2026-11-17", tiers),
			meetingWith("2026-11-19", []analyze.Commitment{{Owner: "Tom Weber", Task: "draft the pricing tiers"}}, nil),
		}, "commitment Sync 2026-11-19 c1"},
		{"a commitment with no owner is not a call", []MeetingReport{
			threadsMeeting("2026-11-17", tiers),
			meetingWith("2026-11-19", []analyze.Commitment{{Task: "draft the pricing tiers"}}, nil),
		}, ""},
		{"a decision sharing one word is on another topic", []MeetingReport{
			threadsMeeting("2026-11-17", tiers), decided("2026-11-19", "Drop the annual plan from the pricing page"),
		}, ""},
		{"a decision before the thread was left open", []MeetingReport{
			decided("2026-11-16", "Keep three pricing tiers"), threadsMeeting("2026-11-17", tiers),
		}, ""},
		{"deferred again after the decision", []MeetingReport{
			threadsMeeting("2026-11-16", tiers), decided("2026-11-17", "Keep three pricing tiers"), threadsMeeting("2026-11-19", tiers),
		}, ""},
		{"a one-word topic is settled only by itself", []MeetingReport{
			threadsMeeting("2026-11-17", thread("o1", analyze.KindDeferred, "the roadmap", "Let's park the roadmap.", 3)),
			decided("2026-11-19", "Send the roadmap deck on Friday"),
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			threads := TrackThreads(tt.meetings)
			if len(threads) != 1 {
				t.Fatalf("tracked %+v, want one thread", threads)
			}
			got := ""
			if s := threads[0].Settled; s != nil {
				got = s.Kind + " " + s.Title + " " + s.ID
				if len(s.Evidence) == 0 || s.What == "" {
					t.Errorf("settlement without its evidence or words: %+v", s)
				}
			}
			if got != tt.want {
				t.Errorf("settled %q, want %q", got, tt.want)
			}
			w := NewWeek(tt.meetings, WeekOptions{Now: weekNow})
			if open := len(w.OpenThreads) == 1; open != (tt.want == "") || len(w.SettledThreads)+len(w.OpenThreads) != 1 {
				t.Errorf("week: open %+v, settled %+v", w.OpenThreads, w.SettledThreads)
			}
		})
	}
}

// TestWeekSettledThreadSection: a settled thread leaves the open list, its coaching leaves the
// themes, and the section says where it was settled, with the words.
func TestWeekSettledThreadSection(t *testing.T) {
	tiers := thread("o1", analyze.KindDeferred, "the pricing tiers", "Let's come back to the pricing tiers next time.", 43)
	later := threadsMeeting("2026-11-19")
	later.Report.Meeting.Title = "Sales sync"
	later.Report.Decisions = []analyze.Decision{{ID: "d1", Decision: "Keep three pricing tiers", RationaleStated: true,
		Evidence: []analyze.Evidence{{Quote: "We'll keep three pricing tiers, since the pilots liked them.", Speaker: "Ana Lopez", Line: 12}}}}
	w := NewWeek([]MeetingReport{threadsMeeting("2026-11-17", tiers), later}, WeekOptions{Now: weekNow})
	var b bytes.Buffer
	if err := WeekMarkdown(&b, w); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	want := "## Open threads\n\nNone still open: every thread left open was settled later in the week.\n\n" +
		"Settled later in the week:\n\n" +
		"- **The pricing tiers**: left open in Sync 2026-11-17, 17 Nov; settled: Sales sync, 19 Nov\n" +
		"  > \"We'll keep three pricing tiers, since the pilots liked them.\" (Ana Lopez, line 12)\n"
	if !strings.Contains(md, want) {
		t.Errorf("week report lacks\n%s\n%s", want, md)
	}
	if strings.Contains(md, "Decide clearly") {
		t.Errorf("a settled thread is still a theme:\n%s", md)
	}
	var c bytes.Buffer
	if err := ChecklistMarkdown(&c, NewChecklist([]MeetingReport{threadsMeeting("2026-11-17", tiers), later}, ChecklistOptions{Now: weekNow})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(c.String(), "Threads to close") {
		t.Errorf("checklist still asks to close a settled thread:\n%s", c.String())
	}
}
